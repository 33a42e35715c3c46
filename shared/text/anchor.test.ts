import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, makeTarget, reanchorAll, reanchorAnnotations, TextTarget, type AnchorResult } from './anchor.ts';
import { canonicalize } from './canonical.ts';
import { codePointIndex, fromCodePointOffset, splitsPair, toCodePointOffset } from './codepoints.ts';
import { corpusDir } from '../../tests/unit/corpus.ts';

const corpus = corpusDir;
const key = JSON.parse(readFileSync(path.join(corpus, 'seeds-key.json'), 'utf8')) as {
  claims: { id: string; doc: string; quote: string }[];
};
const seedCache = new Map<string, string>();
const seed = (file: string) => {
  if (!seedCache.has(file)) seedCache.set(file, canonicalize(readFileSync(path.join(corpus, 'seeds', file), 'utf8')));
  return seedCache.get(file)!;
};

/** Anchors `target` in `text` and returns the words it landed on (or null for an orphan). */
const landed = (text: string, r: AnchorResult) => (r.status === 'orphan' ? null : text.slice(r.start, r.end));

/** Builds a target for the first occurrence of `quote` in `text`. */
const targetFor = (text: string, quote: string, from = 0) => {
  const i = text.indexOf(quote, from);
  if (i < 0) throw new Error(`test setup: "${quote}" not in text`);
  return makeTarget(text, i, i + quote.length);
};

// Our own words (never the articles'): a small report with a few paragraphs.
const REPORT = [
  'Officials said the convoy was struck at dawn near the northern checkpoint.',
  'A spokesman for the ministry confirmed that four people were wounded, one of them seriously, and that the road was closed for several hours afterwards.',
  'Local residents described hearing two loud explosions before the smoke rose above the market.',
  'No group has claimed responsibility so far.',
].join('\n\n');

describe('makeTarget', () => {
  it('trims whitespace around the selection and records context', () => {
    const i = REPORT.indexOf('four people');
    const t = makeTarget(REPORT, i - 1, i + 'four people were wounded'.length);
    expect(t.exact).toBe('four people were wounded');
    const end1 = REPORT.indexOf('\n\n');
    expect(makeTarget(REPORT, end1 - 'at dawn near the northern checkpoint.'.length, end1 + 2).exact).toBe('at dawn near the northern checkpoint.');
    expect(t.prefix.endsWith('confirmed that ')).toBe(true);
    expect(t.suffix.startsWith(', one of them')).toBe(true);
    expect(t.prefix.length).toBeLessThanOrEqual(32);
    expect(TextTarget.safeParse(t).success).toBe(true);
  });

  it('accepts a backwards selection and clamps to the text', () => {
    const t = makeTarget(REPORT, REPORT.length + 50, REPORT.length - 7);
    expect(t.exact).toBe('so far.');
    expect(t.suffix).toBe('');
  });

  it('refuses an empty or all-space selection', () => {
    expect(() => makeTarget(REPORT, 5, 5)).toThrow(RangeError);
    const gap = REPORT.indexOf('\n\n');
    expect(() => makeTarget(REPORT, gap, gap + 2)).toThrow(/empty selection/);
  });

  it('never splits a surrogate pair, in the selection or its context', () => {
    const text = '🚀'.repeat(40) + ' launch 𠀀𠀁 site ' + '🎉'.repeat(40);
    const rocketEnd = 80;
    // Selection starting and ending inside pairs widens to whole characters.
    const t = makeTarget(text, rocketEnd + 9, rocketEnd + 11);
    expect(t.exact).toBe('𠀀𠀁');
    expect(makeTarget(text, rocketEnd + 9, rocketEnd + 10).exact).toBe('𠀀');
    // 32 units back from the selection lands mid-emoji for an odd start: context must not.
    const u = makeTarget(text, rocketEnd + 1, rocketEnd + 7);
    expect(u.exact).toBe('launch');
    for (const s of [t.prefix, t.suffix, u.prefix, u.suffix]) {
      expect(s).toBe(Array.from(s).join(''));
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s)).toBe(false);
    }
    expect(u.prefix.length).toBeLessThanOrEqual(32);
  });

  it('the schema rejects a target whose offsets disagree with its quote', () => {
    expect(TextTarget.safeParse({ start: 0, end: 3, exact: 'four', prefix: '', suffix: '' }).success).toBe(false);
    expect(TextTarget.safeParse({ start: 0, end: 4, exact: 'four', prefix: '', suffix: '', page: 0 }).success).toBe(false);
  });
});

describe('anchor: the common edits', () => {
  const quote = 'four people were wounded, one of them seriously';
  const target = targetFor(REPORT, quote);

  it('keeps the stored position when the text is unchanged', () => {
    const r = anchor(REPORT, target);
    expect(r).toMatchObject({ status: 'exact-position', start: target.start, end: target.end, score: 1 });
  });

  it('follows an insertion before the quote', () => {
    const edited = 'An editor’s note added on re-import, in a paragraph of its own.\n\n' + REPORT;
    const r = anchor(edited, target);
    expect(r.status).toBe('quote');
    expect(landed(edited, r)).toBe(quote);
    expect(r.start).toBe(target.start + edited.length - REPORT.length);
  });

  it('follows a deletion right before the quote (its prefix changes)', () => {
    const edited = REPORT.replace('A spokesman for the ministry confirmed that ', 'Reportedly ');
    const r = anchor(edited, target);
    expect(landed(edited, r)).toBe(quote);
  });

  it('follows whitespace and line-ending changes before the quote', () => {
    const before = REPORT.slice(0, target.start).replace(/\n\n/g, '\r\n\r\n').replace(/ /g, '  ');
    const edited = before + REPORT.slice(target.start);
    const r = anchor(edited, target);
    expect(landed(edited, r)).toBe(quote);
    expect(r.score).toBeGreaterThan(0.95); // whitespace in the context does not count against it
  });

  it('finds the quote re-wrapped (whitespace changed inside it)', () => {
    const edited = REPORT.replace('people were wounded, one', 'people were\nwounded,  one');
    const r = anchor(edited, target);
    expect(r.status).toBe('quote');
    expect(landed(edited, r)).toBe('four people were\nwounded,  one of them seriously');
  });

  it('a typo fixed inside the quote anchors fuzzily, with a lower score', () => {
    const typo = REPORT.replace('seriously', 'seriusly');
    const t = targetFor(typo, 'four people were wounded, one of them seriusly');
    const r = anchor(REPORT, t);
    expect(r.status).toBe('fuzzy');
    expect(landed(REPORT, r)).toBe(quote);
    expect(r.score).toBeLessThan(1);
    expect(r.score).toBeGreaterThan(0.75);
    expect(r.note).toMatch(/alike/);
  });

  it('a quote reworded beyond one edit in five is orphaned, even with its context intact', () => {
    const edited = REPORT.replace(quote, 'four people were hurt, one of them badly');
    expect(anchor(edited, target).status).toBe('orphan');
  });

  it('a changed figure inside a long quote is orphaned, never fuzzy', () => {
    for (const [from, to] of [
      ['four people', 'five people'],
      ['four people', '4 people'],
      ['one of them', 'two of them'],
    ]) {
      const edited = REPORT.replace(from, to);
      const r = anchor(edited, target);
      expect(r.status, to).toBe('orphan');
      expect(r.note).toMatch(/figures differ/);
    }
    const digits = 'Rockets: 14 were fired at the base, officials said on Monday.';
    const t = targetFor(digits, '14 were fired at the base');
    expect(anchor(digits.replace('14', '41'), t).status).toBe('orphan');
    expect(anchor(digits.replace('fired', 'fird'), t).status).toBe('fuzzy');
  });

  it('a slightly changed quote near its old place beats a closer spelling far away', () => {
    // The approximate search keeps only the fewest-error matches in the whole text, so the area
    // around the old position is searched too: there the changed quote still has its neighbours.
    const q2 = 'the three lorries of flour arrived at the depot';
    const filler = 'Unrelated paragraph about the weather and the harvest in the valley. '.repeat(40);
    const text = `Early reports: ${q2} before noon, drivers said.\n\n${filler}\n\nA later summary repeated that ${q2} in the end.`;
    const t = targetFor(text, q2);
    const edited = text.replace(q2, 'the three lorrys of flowr arrived at the depot').replace(q2, 'the three lorries of flour arived at the depot');
    const r = anchor(edited, t);
    expect(r.status).toBe('fuzzy');
    expect(r.start).toBe(t.start);
    expect(landed(edited, r)).toBe('the three lorrys of flowr arrived at the depot');
  });

  it('a quote at the very start of the text (no prefix) follows an insertion', () => {
    const t = makeTarget(REPORT, 0, 'Officials said the convoy'.length);
    expect(t.prefix).toBe('');
    const edited = 'Update.\n\n' + REPORT;
    expect(anchor(edited, t)).toMatchObject({ status: 'quote', start: 9 });
    expect(anchor(REPORT.slice(0, 10), t).status).toBe('orphan'); // a text now shorter than the old offsets
  });

  it('a quote that no longer exists becomes an orphan, with a reason', () => {
    const edited = REPORT.replace(quote, 'nobody was hurt in the incident, according to the police');
    const r = anchor(edited, target);
    expect(r.status).toBe('orphan');
    expect(r.start).toBeUndefined();
    expect(r.note.length).toBeGreaterThan(10);
  });

  it('a changed quote whose surroundings changed too is orphaned, not guessed', () => {
    // Near-identical words survive, but in a different sentence: no trustworthy anchor.
    const edited = 'Elsewhere, four people were wounded, one of them seriusly, say hospital staff in the capital today.';
    expect(anchor(edited, target).status).toBe('orphan');
  });

  it('a short quote that changed is orphaned, never fuzzy-matched', () => {
    const t = targetFor(REPORT, 'two loud');
    const short = targetFor(REPORT, 'loud');
    const edited = REPORT.replace('two loud', 'two laud');
    expect(anchor(edited, short).status).toBe('orphan');
    expect(anchor(edited, short).note).toMatch(/never matched approximately/);
    // "two loud" is exactly 8 characters: long enough for fuzzy matching, with its context intact.
    expect(anchor(edited, t).status).toBe('fuzzy');
  });

  it('a short quote found only among different words is orphaned', () => {
    const short = targetFor(REPORT, 'four');
    const edited = 'Four hundred kilometres away, the other four schools reopened on Monday morning as planned.';
    const r = anchor(edited, short);
    expect(r.status).toBe('orphan');
    expect(r.note).toMatch(/old neighbours/);
  });
});

describe('anchor: a quote that occurs twice', () => {
  const q = 'the road was closed';
  const text = [
    'At nine, after the first blast, the road was closed by the traffic police for an hour.',
    'In the evening, when the second device went off, the road was closed again by soldiers until midnight.',
  ].join('\n\n');
  const second = targetFor(text, q, text.indexOf('\n\n'));

  it('context picks the right occurrence after the text shifts', () => {
    // A paragraph inserted between the two moves the second far from its old offset; the first
    // occurrence does not move, and is even closer to the old offset than the second now is.
    const filler = 'A long paragraph added between the two reports, '.repeat(3) + 'describing the area.\n\n';
    const edited = text.replace('\n\nIn the evening', '\n\n' + filler + 'In the evening');
    const r = anchor(edited, second);
    expect(r.status).toBe('quote');
    expect(r.start).toBe(edited.lastIndexOf(q));
    expect(r.note).toMatch(/2 times/);
  });

  it('with the stored position now on the other occurrence, context still wins', () => {
    // Pad the front so that the FIRST occurrence sits exactly under the second's old offsets.
    const shift = second.start - text.indexOf(q);
    const pad = 'Filler words that push the first report down the page. '.repeat(Math.ceil(shift / 50)).slice(0, shift);
    const moved = pad + text;
    expect(moved.slice(second.start, second.end)).toBe(q);
    const r = anchor(moved, second);
    expect(r.start).toBe(moved.lastIndexOf(q));
  });

  it('when the context is gone too, the occurrence closest to the old position wins', () => {
    // The first occurrence keeps a faint echo of the old context, the second none: both are
    // below "the same neighbours", so neither counts and the old position decides.
    const rewritten = [
      'Then 2 more went off, the road was closed again by noon, a later account of it says.',
      'No one knows why 88; the road was closed - 12345 67890 remains the hotline number.',
    ].join('\n\n');
    const near = rewritten.lastIndexOf(q);
    const t = { ...second, start: near + 3, end: near + 3 + q.length };
    const r = anchor(rewritten, t);
    expect(r.status).toBe('quote');
    expect(r.start).toBe(near);
    expect(r.note).toMatch(/closest/);
    // And the other way round, from an old position near the first one.
    const first = rewritten.indexOf(q);
    expect(anchor(rewritten, { ...t, start: first + 2, end: first + 2 + q.length }).start).toBe(first);
  });
});

describe('anchor: astral characters and right-to-left text', () => {
  it('emoji and CJK before the quote: offsets stay on whole characters, code points differ as expected', () => {
    const text = '报道称 🚀🚀 火箭袭击了基地。\n\n目击者说 𠀀 有三名士兵受伤 🙏 但没有人死亡。';
    const quote = '有三名士兵受伤';
    const t = targetFor(text, quote);
    const edited = '🎉𠀁 新增段落 🎉\n\n' + text;
    const r = anchor(edited, t);
    expect(landed(edited, r)).toBe(quote);
    expect(splitsPair(edited, r.start!) || splitsPair(edited, r.end!)).toBe(false);
    // 2 + 2 + 1 astral characters precede it in the edited text (🎉 𠀁 🎉, then 🚀 🚀, then 𠀀): 6 in all.
    const astralBefore = Array.from(edited.slice(0, r.start)).filter((c) => c.length === 2).length;
    expect(astralBefore).toBe(6);
    expect(toCodePointOffset(edited, r.start!)).toBe(r.start! - 6);
    expect(fromCodePointOffset(edited, r.start! - 6)).toBe(r.start);
  });

  it('a fuzzy match next to emoji never ends inside a pair', () => {
    const text = 'The crowd cheered 🎉🎉 as the three lorries of flour arrived 🚚🚚 at last.';
    const t = targetFor(text, '🎉 as the three lorries of flour arrived 🚚');
    const edited = text.replace('lorries', 'lorrys');
    const r = anchor(edited, t);
    expect(r.status).toBe('fuzzy');
    expect(splitsPair(edited, r.start!)).toBe(false);
    expect(splitsPair(edited, r.end!)).toBe(false);
    expect(landed(edited, r)).toBe('🎉 as the three lorrys of flour arrived 🚚');
  });

  it('Arabic: follows an insertion, and a corrected letter anchors fuzzily', () => {
    const text = 'قال المتحدث إن الهجوم وقع فجرا.\n\nوأصيب أربعة أشخاص بجروح، أحدهم إصابته خطيرة، وفق مصادر طبية.';
    const quote = 'أصيب أربعة أشخاص بجروح';
    const t = targetFor(text, quote);
    const edited = 'تحديث: أضيفت هذه الفقرة لاحقا.\n\n' + text;
    const r = anchor(edited, t);
    expect(r.status).toBe('quote');
    expect(landed(edited, r)).toBe(quote);
    const fixed = edited.replace('أشخاص', 'اشخاص');
    const f = anchor(fixed, t);
    expect(f.status).toBe('fuzzy');
    expect(landed(fixed, f)).toBe('أصيب اربعة اشخاص بجروح'.replace('اربعة', 'أربعة'));
  });
});

describe('reanchorAll and reanchorAnnotations', () => {
  const a = targetFor(REPORT, 'the convoy was struck at dawn');
  const b = targetFor(REPORT, 'two loud explosions before the smoke');

  it('splits targets into anchored (with fresh targets) and orphans', () => {
    const edited = 'New first paragraph.\n\n' + REPORT.replace('two loud explosions before the smoke', 'a single blast');
    const { anchored, orphans } = reanchorAll(edited, [a, b]);
    expect(anchored).toHaveLength(1);
    expect(anchored[0].target.exact).toBe(a.exact);
    expect(anchored[0].target.start).toBe(a.start + 22);
    expect(TextTarget.safeParse(anchored[0].target).success).toBe(true);
    expect(orphans.map((o) => o.old)).toEqual([b]);
  });

  it('recomputes the page from the new page ranges', () => {
    const pages = [
      { page: 1, start: 0, end: 100 },
      { page: 2, start: 100, end: REPORT.length + 200 },
    ];
    const edited = 'p'.repeat(120) + REPORT;
    const { anchored } = reanchorAll(edited, [{ ...a, page: 1 }], { pages });
    expect(anchored[0].target.page).toBe(2);
  });

  it('an annotation across two passages is orphaned when one passage is gone, with the reason', () => {
    const ann = { id: 'n1', targets: [a, b] };
    const whole = { id: 'n2', targets: [a] };
    const edited = REPORT.replace('two loud explosions before the smoke rose', 'nothing unusual until the evening');
    const { anchored, orphans } = reanchorAnnotations(edited, [ann, whole]);
    expect(anchored.map((x) => x.annotation.id)).toEqual(['n2']);
    expect(orphans).toHaveLength(1);
    expect(orphans[0].annotation.id).toBe('n1');
    expect(orphans[0].reason).toMatch(/Passage 2 of 2/);
    expect(orphans[0].results[0].status).not.toBe('orphan');
  });
});

describe('random edits far from the quote never move it', () => {
  it('200 random insertions, deletions and replacements outside the context window', () => {
    const base = seed('004_ccc02fc664c38cf0.txt');
    let state = 42;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const quotes = key.claims.filter((c) => c.doc === '004_ccc02fc664c38cf0.txt').map((c) => c.quote);
    const margin = 48; // beyond the stored 32-character context
    let moved = 0;
    for (let k = 0; k < 200; k++) {
      const quote = quotes[rand(quotes.length)];
      const t = targetFor(base, quote);
      // Pick an edit point before or after the quote, away from its context.
      const before = rand(2) === 0 && t.start > margin + 10;
      const at = before ? rand(t.start - margin) : t.end + margin + rand(Math.max(1, base.length - t.end - margin));
      const del = rand(3) === 0 ? 0 : rand(40);
      const ins = ['', 'inserted words ', '\n\n', 'x', 'A sentence added. '][rand(5)];
      const end = Math.min(before ? t.start - margin : base.length, at + del);
      const edited = base.slice(0, at) + ins + base.slice(end);
      const expected = before ? t.start + ins.length - (end - at) : t.start;
      const r = anchor(edited, t);
      if (r.start !== expected || landed(edited, r) !== quote) moved++;
    }
    expect(moved).toBe(0);
  });
});

describe('the seed key quotes survive re-import edits', () => {
  type Edit = (text: string, start: number, end: number) => { text: string; shift: number; quote?: string };
  const paragraphStart = (text: string, i: number) => {
    const p = text.lastIndexOf('\n\n', i);
    return p < 0 ? 0 : p + 2;
  };
  const edits: Record<string, Edit> = {
    'paragraph inserted before': (text, start) => {
      const p = paragraphStart(text, start);
      const add = 'This paragraph was added by the editor after first publication.\n\n';
      return { text: text.slice(0, p) + add + text.slice(p), shift: add.length };
    },
    'sentence deleted before': (text, start) => {
      // The sentence ending nearest before the quote (or, failing that, the previous paragraph).
      const head = text.slice(0, start);
      const ends = [...head.matchAll(/[.!?]["”’]?\s+/g)].map((m) => m.index + m[0].length);
      if (ends.length >= 2) {
        const [a, b] = ends.slice(-2);
        return { text: text.slice(0, a) + text.slice(b), shift: a - b };
      }
      const p = paragraphStart(text, start);
      const q = p > 2 ? paragraphStart(text, p - 3) : 0;
      return { text: text.slice(0, q) + text.slice(p), shift: q - p };
    },
    'whitespace and line endings changed before': (text, start) => {
      const head = text.slice(0, start).replace(/\n/g, '\r\n').replace(/ /g, '  ');
      return { text: head + text.slice(start), shift: head.length - start };
    },
    'quote re-wrapped inside': (text, start, end) => {
      const quote = text.slice(start, end).replace(/ (?=\S)/, '\n');
      return { text: text.slice(0, start) + quote + text.slice(end), shift: 0, quote };
    },
  };

  const targets = key.claims.map((c) => {
    const text = seed(c.doc);
    return { claim: c, text, target: targetFor(text, c.quote) };
  });

  it('every key quote anchors at its stored position in its own seed', () => {
    for (const { text, target } of targets) expect(anchor(text, target).status).toBe('exact-position');
  });

  for (const [name, edit] of Object.entries(edits)) {
    it(`after: ${name}`, () => {
      let ok = 0;
      const failures: string[] = [];
      for (const { claim, text, target } of targets) {
        const e = edit(text, target.start, target.end);
        const r = anchor(e.text, target);
        const expectWords = e.quote ?? claim.quote;
        if (r.start === target.start + e.shift && landed(e.text, r) === expectWords) ok++;
        else failures.push(`${claim.id}: ${r.status} ${r.note}`);
      }
      console.log(`anchor: ${ok}/${targets.length} key quotes re-anchor after ${name}`);
      expect(failures).toEqual([]);
    });
  }

  it('after: a typo fixed inside the quote (fuzzy, lower score)', () => {
    let fuzzy = 0;
    const failures: string[] = [];
    for (const { claim, text, target } of targets) {
      // Drop one letter from the middle of the quote's longest word: the re-import "fixed" it.
      const words = [...claim.quote.matchAll(/\p{L}{4,}/gu)];
      const w = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
      const cut = target.start + w.index + Math.floor(w[0].length / 2);
      const edited = text.slice(0, cut) + text.slice(cut + 1);
      const r = anchor(edited, target);
      const want = edited.slice(target.start, target.end - 1);
      if (r.status === 'fuzzy' && r.score < 1 && landed(edited, r) === want) fuzzy++;
      else failures.push(`${claim.id}: ${r.status} ${JSON.stringify(landed(edited, r))} ${r.note}`);
    }
    console.log(`anchor: ${fuzzy}/${targets.length} key quotes re-anchor fuzzily after a one-letter change inside`);
    expect(failures).toEqual([]);
  });

  it('after: the quote replaced by other words (every one an orphan)', () => {
    let orphans = 0;
    const wrong: string[] = [];
    for (const { claim, text, target } of targets) {
      const edited = text.slice(0, target.start) + 'words that say something else entirely' + text.slice(target.end);
      const r = anchor(edited, target);
      if (r.status === 'orphan') orphans++;
      else wrong.push(`${claim.id}: ${r.status} on ${JSON.stringify(landed(edited, r))}`);
    }
    console.log(`anchor: ${orphans}/${targets.length} key quotes orphaned after being replaced`);
    expect(wrong).toEqual([]);
  });
});

describe('code-point offsets', () => {
  it('agree with counting code points by iteration, both ways, on mixed text', () => {
    const text = 'a🚀b𠀀c\uD800d' + 'مرحبا' + '👨‍👩‍👧' + 'e'; // a lone high surrogate counts as one
    const index = codePointIndex(text);
    expect(index.codePoints).toBe(Array.from(text).length);
    for (let u = 0; u <= text.length; u++) {
      const cp = Array.from(text.slice(0, splitsPair(text, u) ? u - 1 : u)).length;
      expect(index.toCodePoint(u)).toBe(cp);
      if (!splitsPair(text, u)) expect(index.fromCodePoint(cp)).toBe(u);
    }
    expect(index.toCodePoint(3)).toBe(2); // "a🚀" is 3 units, 2 code points
  });

  it('are exact for a long text and fast for many conversions', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? '😀' : 'word ')).join('');
    const index = codePointIndex(text);
    const t0 = performance.now();
    let check = 0;
    for (let u = 0; u < text.length; u += 3) {
      const s = splitsPair(text, u) ? u - 1 : u;
      const cp = index.toCodePoint(s);
      if (index.fromCodePoint(cp) !== s) check++;
    }
    expect(check).toBe(0);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(index.toCodePoint(text.length)).toBe(index.codePoints);
  });

  it('refuse offsets outside the text', () => {
    expect(() => toCodePointOffset('abc', 4)).toThrow(RangeError);
    expect(() => fromCodePointOffset('🚀', 2)).toThrow(RangeError);
    expect(fromCodePointOffset('🚀', 1)).toBe(2);
  });
});
