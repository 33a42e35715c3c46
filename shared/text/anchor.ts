// Text anchors: where an annotation's words are in a source's canonical text, and how to find them
// again after the text changed (a re-import with a fixed typo, a paragraph added, different wrapping).
//
// A target stores both a position (start/end, UTF-16 offsets as JS strings count) and the words
// (exact, with ~32 characters of prefix and suffix context), as the W3C TextPosition and
// TextQuote selectors do. anchor() tries, in order:
//   1. exact-position: the stored offsets still hold the exact quote (and its context still agrees,
//      or the quote is unique, so a shifted text cannot put another occurrence under old offsets).
//   2. quote: the exact quote (or the quote with different whitespace) occurs in the text. One
//      occurrence is taken; among several, the one whose prefix/suffix match best wins, and when
//      contexts tie (or are all gone) the one closest to the old position.
//   3. fuzzy: approximate search (approx-string-match, Myers' bit-parallel algorithm, as Hypothesis
//      uses) for the quote, scored like Hypothesis' match-quote.js:
//         score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92
//      each similarity being 1 − edit distance / length; position = 1 − distance / text length.
//   4. orphan: nothing trustworthy; the user re-attaches it by hand. Never a guess.
//
// Thresholds, and why:
//   - MIN_QUOTE_SIMILARITY 0.8: at most one edit in five characters. A fixed typo, a changed
//     apostrophe, a re-spelled name pass; a rewritten sentence does not.
//   - Figures must survive a fuzzy match unchanged: a claim rests on its numbers, and "14 wounded"
//     → "41 wounded" is one small edit in a long quote. The digits and English number words
//     (two, dozen, hundred…) of the match must equal the stored quote's, in order, or it is orphaned.
//   - The search budget is the same 20% (capped at 64 edits): searching further would only find
//     matches that the similarity rule then rejects, and the cap bounds the cost on huge quotes.
//   - MIN_FUZZY_SCORE 0.75: with the weights above, a quote at 0.9 similarity needs prefix + suffix
//     similarity ≥ 1.1 to pass, i.e. changed words must still sit between recognisable neighbours.
//     A changed quote whose context changed too is orphaned.
//   - MIN_FUZZY_LENGTH 8 code points: in a shorter quote one edit is a different word ("two" →
//     "ten", "14" → "41"), so short quotes are never fuzzy-matched.
//   - CONTEXT_AGREES 0.6 (best of prefix or suffix similarity, whitespace-insensitive): two random
//     32-character windows of the seed articles score 0.28 (median), 0.47 (99th percentile) against
//     each other, so 0.6 means "these are the same neighbours". A short quote (< 8 code points)
//     found without agreeing context is orphaned, even as an exact match: "three" elsewhere is
//     likely three of something else.
//   - CONTEXT_TIE 0.1: occurrences whose context scores differ by less are treated as equally good,
//     and the one closest to the old position is taken.
// By design the order wins over closeness: an unchanged copy of the quote elsewhere (step 2) is
// taken before a changed one at the old place (step 3); the note says how far it moved.
// approx-string-match counts UTF-16 units, so one changed emoji costs two edits; offsets it returns
// are snapped outward to whole characters.
// Whitespace is compared loosely everywhere (runs collapse to one space) because re-imports differ
// most often in wrapping and paragraph breaks, which do not change the words.
import search from 'approx-string-match';
import { z } from 'zod';
import { snapBack, snapForward } from './codepoints.ts';
import type { PageRange } from './pages.ts';

export const CONTEXT_LENGTH = 32;
export const MIN_QUOTE_SIMILARITY = 0.8;
export const MIN_FUZZY_SCORE = 0.75;
export const MIN_FUZZY_LENGTH = 8;
export const MAX_FUZZY_ERRORS = 64;
export const CONTEXT_AGREES = 0.6;
export const CONTEXT_TIE = 0.1;
/** Characters around the old position searched separately, so a near copy is not lost to a better-scoring far one. */
const NEARBY = 2000;
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

// The plain object, for schemas that extend it; TextTarget adds the consistency check.
export const TextTargetShape = z.object({
  /** UTF-16 offsets into the canonical text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  page: z.number().int().positive().optional(),
});
export const TextTarget = TextTargetShape.refine((t) => t.end - t.start === t.exact.length, {
  message: 'end − start must equal the length of exact',
  path: ['end'],
});
export type TextTarget = z.infer<typeof TextTarget>;

export const AnchorStatus = z.enum(['exact-position', 'quote', 'fuzzy', 'orphan']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const AnchorResult = z.object({
  status: AnchorStatus,
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  /** How sure: 1 for an unchanged position, the weighted score otherwise, the best rejected score for an orphan. */
  score: z.number().min(0).max(1),
  /** One sentence for the user: what was found, or why nothing was. */
  note: z.string(),
});
export type AnchorResult = z.infer<typeof AnchorResult>;

export interface TargetOptions {
  page?: number;
  contextLength?: number;
}

const WS = /\s/;

/** Context of a span: up to `length` characters each side, never splitting a surrogate pair. */
export function contextOf(text: string, start: number, end: number, length = CONTEXT_LENGTH) {
  const from = snapForward(text, Math.max(0, start - length));
  const to = snapBack(text, Math.min(text.length, end + length));
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/**
 * A target from a user's selection [start, end): offsets clamped to the text and to whole
 * characters, surrounding whitespace trimmed. Throws RangeError when nothing but whitespace is selected.
 */
export function makeTarget(text: string, start: number, end: number, opts: TargetOptions = {}): TextTarget {
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RangeError('selection offsets must be numbers');
  let s = Math.max(0, Math.min(text.length, Math.trunc(Math.min(start, end))));
  let e = Math.max(0, Math.min(text.length, Math.trunc(Math.max(start, end))));
  s = snapBack(text, s);
  e = snapForward(text, e);
  while (s < e && WS.test(text[s])) s++;
  while (e > s && WS.test(text[e - 1])) e--;
  if (s >= e) throw new RangeError('empty selection: select at least one character that is not a space');
  return {
    start: s,
    end: e,
    exact: text.slice(s, e),
    ...contextOf(text, s, e, opts.contextLength),
    ...(opts.page !== undefined ? { page: opts.page } : {}),
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
const codePointLength = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** 1 − (edits to find `stored` within `actual`) / its length, whitespace-insensitive; null when nothing was stored. */
function similarity(stored: string, actual: string): number | null {
  const want = squash(stored).trim();
  if (want === '') return null;
  const have = squash(actual);
  if (have.includes(want)) return 1;
  if (have.trim() === '') return 0;
  const best = search(have, want, want.length)[0];
  return best ? Math.max(0, 1 - best.errors / want.length) : 0;
}

interface Candidate {
  start: number;
  end: number;
  quote: number; // similarity of the words themselves, 1 for exact
  prefix: number | null;
  suffix: number | null;
  distance: number;
  score: number;
}

function scoreAt(text: string, target: TextTarget, start: number, end: number, quote: number): Candidate {
  // A little more than the stored length, so an inserted or removed character next to the quote
  // costs one edit rather than shifting the whole window.
  const slack = 8;
  const prefix = similarity(target.prefix, text.slice(Math.max(0, start - target.prefix.length - slack), start));
  const suffix = similarity(target.suffix, text.slice(end, end + target.suffix.length + slack));
  const distance = Math.abs(start - target.start);
  const position = text.length ? 1 - Math.min(1, distance / text.length) : 1;
  const score = (WEIGHTS.quote * quote + WEIGHTS.prefix * (prefix ?? 1) + WEIGHTS.suffix * (suffix ?? 1) + WEIGHTS.position * position) / WEIGHT_SUM;
  return { start, end, quote, prefix, suffix, distance, score };
}

/** Best of prefix/suffix agreement, or null when the target stored no context at all. */
const contextSupport = (c: Candidate): number | null => (c.prefix === null && c.suffix === null ? null : Math.max(c.prefix ?? 0, c.suffix ?? 0));
/** Mean of whatever context exists, to rank occurrences. */
const contextRank = (c: Candidate): number => {
  const known = [c.prefix, c.suffix].filter((x): x is number => x !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
};

const isShort = (target: TextTarget) => codePointLength(target.exact) < MIN_FUZZY_LENGTH;
/** A short quote needs its neighbours to vouch for it, unless it was stored with none. */
const vouched = (target: TextTarget, c: Candidate) => {
  if (!isShort(target)) return true;
  const support = contextSupport(c);
  return support === null || support >= CONTEXT_AGREES;
};

function exactOccurrences(text: string, quote: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) out.push({ start: i, end: i + quote.length });
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of the quote where only whitespace differs ("a\nb" finds "a b" and "a  b"). */
function looseOccurrences(text: string, quote: string): { start: number; end: number }[] {
  const words = quote.trim().split(/\s+/);
  if (words.length < 2) return [];
  const re = new RegExp(words.map(escapeRe).join('\\s+'), 'g');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Picks among occurrences: best context; near-ties (or no context anywhere) go to the closest. */
function pickOccurrence(candidates: Candidate[]): Candidate {
  const best = Math.max(...candidates.map(contextRank));
  const tied = best < CONTEXT_AGREES ? candidates : candidates.filter((c) => contextRank(c) >= best - CONTEXT_TIE);
  return tied.reduce((a, b) => (b.distance < a.distance || (b.distance === a.distance && contextRank(b) > contextRank(a)) ? b : a));
}

const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|several|few|half|first|second|third|once|twice';
const FIGURE = new RegExp(`\\p{Nd}+|(?<![\\p{L}\\p{N}])(?:${NUMBER_WORDS})(?![\\p{L}\\p{N}])`, 'giu');
/** The figures a passage states, in order: the part of a quote no approximate match may change. */
const figures = (s: string) => (s.match(FIGURE) ?? []).map((f) => f.toLowerCase()).join(' ');

const pct = (x: number) => `${Math.round(x * 100)}%`;
const orphan = (score: number, note: string): AnchorResult => ({ status: 'orphan', score: Math.max(0, Math.min(1, score)), note });

/** Finds a target's words in `text` (see the strategy at the top of this file). Pure. */
export function anchor(text: string, target: TextTarget): AnchorResult {
  const quote = target.exact;
  if (quote.length === 0) return orphan(0, 'The annotation stored no quote to look for.');
  const short = isShort(target);

  // 1. The stored position.
  if (target.end <= text.length && text.slice(target.start, target.end) === quote) {
    const here = scoreAt(text, target, target.start, target.end, 1);
    const support = contextSupport(here);
    const contextHolds = support === null || support >= CONTEXT_AGREES;
    // Uniqueness only matters (and is only paid for) when the neighbours changed.
    if (contextHolds || (!short && text.indexOf(quote) === text.lastIndexOf(quote))) {
      return { status: 'exact-position', start: target.start, end: target.end, score: 1, note: 'The quote is still at its stored position.' };
    }
  }

  // 2. The exact words elsewhere, or the same words with different spacing.
  let occurrences = exactOccurrences(text, quote);
  let loose = false;
  if (occurrences.length === 0) {
    occurrences = looseOccurrences(text, quote);
    loose = occurrences.length > 0;
  }
  if (occurrences.length > 0) {
    const chosen = pickOccurrence(occurrences.map((o) => scoreAt(text, target, o.start, o.end, 1)));
    if (!vouched(target, chosen)) {
      return orphan(
        chosen.score,
        `The short quote “${quote}” appears ${occurrences.length === 1 ? 'once' : `${occurrences.length} times`}, but never between its old neighbours; it may be different words.`,
      );
    }
    const how = loose ? 'The quote was found with different spacing' : 'The quote was found';
    const where =
      occurrences.length === 1
        ? 'once'
        : `${occurrences.length} times; chose the one ${contextRank(chosen) >= CONTEXT_AGREES ? 'whose surrounding words match best' : 'closest to its old position (no surrounding words matched)'}`;
    return {
      status: 'quote',
      start: chosen.start,
      end: chosen.end,
      score: chosen.score,
      note: `${how} ${where}, ${chosen.distance} characters from its old position.`,
    };
  }

  // 3. Approximate words, trusted only between recognisable neighbours.
  if (short) {
    return orphan(0, `The short quote “${quote}” is gone; quotes under ${MIN_FUZZY_LENGTH} characters are never matched approximately.`);
  }
  const budget = Math.min(MAX_FUZZY_ERRORS, Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)));
  const found = search(text, quote, budget);
  const nearFrom = Math.max(0, target.start - NEARBY);
  const nearby = search(text.slice(nearFrom, target.end + NEARBY), quote, budget).map((m) => ({ ...m, start: m.start + nearFrom, end: m.end + nearFrom }));
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const m of [...found, ...nearby]) {
    let s = snapBack(text, m.start);
    let e = snapForward(text, m.end);
    while (s < e && WS.test(text[s])) s++;
    while (e > s && WS.test(text[e - 1])) e--;
    const key = `${s}:${e}`;
    if (s >= e || seen.has(key)) continue;
    seen.add(key);
    candidates.push(scoreAt(text, target, s, e, Math.max(0, 1 - m.errors / quote.length)));
  }
  if (candidates.length === 0) return orphan(0, 'The quote no longer appears in the text, not even approximately.');
  const best = candidates.reduce((a, b) => (b.score > a.score + 1e-9 || (Math.abs(b.score - a.score) <= 1e-9 && b.distance < a.distance) ? b : a));
  const now = text.slice(best.start, best.end);
  if (best.quote >= MIN_QUOTE_SIMILARITY && figures(now) !== figures(quote)) {
    return orphan(
      best.score,
      `A close match was found, but its figures differ (“${figures(quote)}” → “${figures(now)}”); a figure is never re-anchored approximately.`,
    );
  }
  if (best.quote < MIN_QUOTE_SIMILARITY || best.score < MIN_FUZZY_SCORE) {
    return orphan(
      best.score,
      `Only a doubtful match was found (words ${pct(best.quote)} alike, overall ${pct(best.score)}; needs ${pct(MIN_QUOTE_SIMILARITY)} and ${pct(MIN_FUZZY_SCORE)}).`,
    );
  }
  return {
    status: 'fuzzy',
    start: best.start,
    end: best.end,
    score: best.score,
    note: `The words changed slightly (${pct(best.quote)} alike) and their surroundings match; now “${now}”.`,
  };
}

export interface ReanchorOptions {
  /** The new text's pages (PDF): an anchored target's page is recomputed from them. */
  pages?: PageRange[] | null;
}

/** The target rebuilt around a successful anchor: new offsets, the words now there, fresh context. */
export function retarget(text: string, old: TextTarget, result: AnchorResult, opts: ReanchorOptions = {}): TextTarget {
  if (result.status === 'orphan' || result.start === undefined || result.end === undefined) {
    throw new RangeError('an orphaned target has no new position');
  }
  const { start, end } = result;
  const page = opts.pages?.length ? opts.pages.find((p) => start >= p.start && start < p.end)?.page : old.page;
  return {
    start,
    end,
    exact: text.slice(start, end),
    ...contextOf(text, start, end, Math.max(CONTEXT_LENGTH, old.prefix.length, old.suffix.length)),
    ...(page !== undefined ? { page } : {}),
  };
}

export interface AnchoredTarget {
  old: TextTarget;
  target: TextTarget;
  result: AnchorResult;
}
export interface OrphanTarget {
  old: TextTarget;
  result: AnchorResult;
}

/** Re-anchors every target in the new text; each either moves (with its new words) or becomes an orphan. */
export function reanchorAll(text: string, targets: TextTarget[], opts: ReanchorOptions = {}) {
  const anchored: AnchoredTarget[] = [];
  const orphans: OrphanTarget[] = [];
  for (const old of targets) {
    const result = anchor(text, old);
    if (result.status === 'orphan') orphans.push({ old, result });
    else anchored.push({ old, target: retarget(text, old, result, opts), result });
  }
  return { anchored, orphans };
}

/**
 * Re-anchors whole annotations. One whose targets do not all anchor is orphaned with the reason:
 * half an annotation on the right words and half nowhere would misquote the source.
 */
export function reanchorAnnotations<A extends { targets: TextTarget[] }>(text: string, annotations: A[], opts: ReanchorOptions = {}) {
  const anchored: { annotation: A; targets: TextTarget[]; results: AnchorResult[] }[] = [];
  const orphans: { annotation: A; results: AnchorResult[]; reason: string }[] = [];
  for (const annotation of annotations) {
    const results = annotation.targets.map((t) => anchor(text, t));
    const lost = results.flatMap((r, i) => (r.status === 'orphan' ? [i] : []));
    if (annotation.targets.length === 0) {
      orphans.push({ annotation, results, reason: 'The annotation has no target.' });
    } else if (lost.length > 0) {
      const n = annotation.targets.length;
      const reason = lost
        .map((i) => (n === 1 ? results[i].note : `Passage ${i + 1} of ${n} (“${annotation.targets[i].exact.slice(0, 60)}”): ${results[i].note}`))
        .join(' ');
      orphans.push({ annotation, results, reason });
    } else {
      anchored.push({ annotation, targets: annotation.targets.map((t, i) => retarget(text, t, results[i], opts)), results });
    }
  }
  return { anchored, orphans };
}
