import { describe, expect, it } from 'vitest';
import { looksOf, runsOf, spansByParagraph, type Span } from './highlights.ts';
import { splitParagraphs } from './paragraphs.ts';

describe('runsOf', () => {
  const text = 'Intro line.\n\nOne two three four five six.';
  const p = splitParagraphs(text)[1];
  const at = (w: string) => text.indexOf(w);

  it('cuts a paragraph at highlight edges, the text unchanged', () => {
    const runs = runsOf(p, [{ id: 'a', kind: 'casualties', start: at('two'), end: at('four') - 1 }], null);
    expect(runs.map((r) => r.text).join('')).toBe(p.text);
    expect(runs.map((r) => [r.text, r.spans.map((s) => s.id)])).toEqual([
      ['One ', []],
      ['two three', ['a']],
      [' four five six.', []],
    ]);
    expect(runs[1].opens).toEqual(['a']);
  });

  it('keeps overlapping highlights, innermost first, each opened once', () => {
    const outer = { id: 'out', kind: 'attribution', start: at('One'), end: p.end };
    const inner = { id: 'in', kind: 'casualties', start: at('three'), end: at('five') + 4 };
    const runs = runsOf(p, [outer, inner], null);
    expect(runs.map((r) => r.text).join('')).toBe(p.text);
    const mid = runs.find((r) => r.text.startsWith('three'))!;
    expect(mid.spans.map((s) => s.id)).toEqual(['in', 'out']);
    expect(runs.flatMap((r) => r.opens)).toEqual(['out', 'in']);
    expect(runs.at(-1)!.spans.map((s) => s.id)).toEqual(['out']);
  });

  it('marks the flashed passage and ignores spans of other paragraphs', () => {
    const runs = runsOf(p, [{ id: 'x', kind: 'note', start: 0, end: 5 }], { start: at('six'), end: at('six') + 3 });
    expect(runs.filter((r) => r.flash).map((r) => r.text)).toEqual(['six']);
    expect(runs.every((r) => r.spans.length === 0)).toBe(true);
  });
});

describe('spansByParagraph', () => {
  const text = 'First one.\n\nSecond one here.\n\nThird.';
  const ps = splitParagraphs(text);
  const at = (w: string) => text.indexOf(w);
  it('puts each span in every paragraph it touches, and no other', () => {
    const spans = [
      { id: 'a', kind: 'casualties', start: at('one'), end: at('one') + 3 },
      { id: 'b', kind: 'timing', start: at('one here'), end: at('Third') + 2 },
      { id: 'c', kind: 'timing', start: at('Third'), end: at('Third') + 5 },
    ];
    const m = spansByParagraph(ps, spans);
    expect([0, 1, 2].map((i) => (m.get(i) ?? []).map((s) => s.id))).toEqual([['a'], ['b'], ['b', 'c']]);
  });
  it('gives the same runs as filtering every span', () => {
    const spans = [{ id: 'x', kind: 'note', start: 2, end: at('here') }];
    const m = spansByParagraph(ps, spans);
    ps.forEach((p, i) => expect(runsOf(p, m.get(i) ?? [], null)).toEqual(runsOf(p, spans, null)));
  });
});

/** runsOf as it was first written: every edge tests every span (the reference for the sweep). */
function naiveRuns(p: { start: number; end: number; text: string }, spans: Span[], flash: { start: number; end: number } | null) {
  const inside = spans.filter((s) => s.end > p.start && s.start < p.end);
  const cuts = new Set<number>([p.start, p.end]);
  for (const s of inside) cuts.add(Math.max(p.start, s.start)).add(Math.min(p.end, s.end));
  if (flash && flash.end > p.start && flash.start < p.end) cuts.add(Math.max(p.start, flash.start)).add(Math.min(p.end, flash.end));
  const edges = [...cuts].sort((a, b) => a - b);
  const opened = new Set<string>();
  const runs = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    const covering = inside.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start) || a.id.localeCompare(b.id));
    const opens = covering.filter((s) => !opened.has(s.id)).map((s) => s.id);
    for (const id of opens) opened.add(id);
    runs.push({
      text: p.text.slice(start - p.start, end - p.start),
      start,
      end,
      ids: covering.map((s) => s.id),
      flash: !!flash && flash.start <= start && flash.end >= end,
      opens,
    });
  }
  const merged: typeof runs = [];
  for (const r of runs) {
    const last = merged.at(-1);
    if (last && r.opens.length === 0 && last.flash === r.flash && last.ids.join() === r.ids.join()) {
      last.text += r.text;
      last.end = r.end;
    } else merged.push({ ...r });
  }
  return merged;
}

describe('runsOf on many overlapping spans', () => {
  it('gives the runs the edge-by-edge reference gives', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const text = 'x'.repeat(20) + '\n\n' + 'The quick brown fox jumps over the lazy dog. '.repeat(8);
    const p = splitParagraphs(text)[1];
    for (let round = 0; round < 200; round++) {
      const spans: Span[] = [];
      const n = rnd(12);
      for (let i = 0; i < n; i++) {
        const a = rnd(text.length);
        spans.push({ id: `s${rnd(6)}${i}`, kind: 'note', start: a, end: Math.min(text.length, a + 1 + rnd(60)) });
      }
      const flash = rnd(3) === 0 ? { start: p.start + rnd(50), end: p.start + 50 + rnd(50) } : null;
      const got = runsOf(p, spans, flash).map((r) => ({
        text: r.text,
        start: r.start,
        end: r.end,
        ids: r.spans.map((s) => s.id),
        flash: r.flash,
        opens: r.opens,
      }));
      expect(got).toEqual(naiveRuns(p, spans, flash));
      expect(got.map((r) => r.text).join('')).toBe(p.text);
    }
  });

  it('takes spans in any order and scales with the spans in the paragraph', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Sentence ${i} of one long paragraph.`).join(' ');
    const [p] = splitParagraphs(text);
    const spans: Span[] = Array.from({ length: 4000 }, (_, i) => ({
      id: `a${i}`,
      kind: 'note',
      start: (i * 97) % (text.length - 40),
      end: ((i * 97) % (text.length - 40)) + 30,
    })).reverse();
    const t0 = performance.now();
    const runs = runsOf(p, spans, null);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(runs.map((r) => r.text).join('')).toBe(p.text);
    expect(new Set(runs.flatMap((r) => r.opens)).size).toBe(4000);
  });
});

describe('looksOf', () => {
  const text = 'One two.\n\nThree four.\n\nFive six.';
  const ps = splitParagraphs(text);
  const at = (w: string) => text.indexOf(w);
  const a1 = { id: 'a1', kind: 'casualties', start: at('two'), end: at('two') + 3, title: 'Casualties: killed 2' };
  const a2 = { id: 'a2', kind: 'timing', start: at('Five'), end: at('Five') + 4 };
  const none = { flash: null, active: null, selected: null };

  it('gives paragraphs without highlights one shared plain look', () => {
    const looks = looksOf(ps, [spansByParagraph(ps, [a1])], none, []);
    expect(looks[0].spans.map((s) => s.id)).toEqual(['a1']);
    expect(looks[1]).toBe(looks[2]);
    expect(looks[1].spans).toEqual([]);
  });

  it('keeps the look of every paragraph a change does not touch', () => {
    const annotations = spansByParagraph(ps, [a1, a2]);
    const before = looksOf(ps, [annotations, new Map()], none, []);
    // the passage being tagged, in the second paragraph: only that look is new
    const pending = spansByParagraph(ps, [{ id: '~pending', kind: 'pending', start: at('four'), end: at('four') + 4 }]);
    const after = looksOf(ps, [annotations, pending], none, before);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1].spans.map((s) => s.id)).toEqual(['~pending']);
    // the same annotations in remade lists (a new view of the case) keep their looks too
    const again = looksOf(ps, [spansByParagraph(ps, [{ ...a2 }, { ...a1 }]), pending], none, after);
    expect(again).toEqual(after);
    again.forEach((l, i) => expect(l).toBe(after[i]));
  });

  it('gives a new look where a title, the active claim, the selection or the flash changes', () => {
    const g = spansByParagraph(ps, [a1, a2]);
    const base = looksOf(ps, [g], none, []);
    const retitled = looksOf(ps, [spansByParagraph(ps, [{ ...a1, title: 'Casualties: killed 3' }, a2])], none, base);
    expect(retitled[0]).not.toBe(base[0]);
    expect(retitled[2]).toBe(base[2]);
    const active = looksOf(ps, [g], { ...none, active: 'a2' }, base);
    expect(active[2].active).toBe('a2');
    expect(active[0]).toBe(base[0]);
    const flashed = looksOf(ps, [g], { ...none, flash: { start: at('Three'), end: at('Five') + 2 } }, base);
    expect(flashed.map((l) => l.flash !== null)).toEqual([false, true, true]);
    expect(flashed[0]).toBe(base[0]);
  });
});
