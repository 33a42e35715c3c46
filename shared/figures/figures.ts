// The figure rule set: how a number phrase as written ("about a dozen", "Twelve to 18", "at least
// 62", "several") becomes a normalised low / best / high with a qualifier. One versioned rule set,
// so every claim can record which rules normalised it (DESIGN.md, "Domain model"):
//
//   exact N            "14", "three", "a dozen", "2,500"     → N, N, N
//   about N            about / approximately / roughly / around / some / an estimated
//                                                            → round(0.8N), N, round(1.2N)
//   nearly N           nearly / almost / close to / just under → round(0.9N), N−1, N−1
//   at least N         at least / no fewer than / no less than → N, N, open
//   more than N        more than / over / in excess of / upwards of → N+1, N+1, open
//   up to N            up to / as many as / no more than / at most → open, N, N
//   fewer than N       fewer than / less than / under         → open, N−1, N−1   (qualifier up_to)
//   N to M             N to M / between N and M / N-M / N or M → N, N, M         (qualifier range)
//   vague              several → 3+, a few / a number of / a couple of dozen… (table below), best = low, high open
//   "no", "none"       → 0 exact ("No troops were killed")
//
// Open bounds are null. A phrase that joins counted groups ("two Americans and a Briton") sums
// them and keeps the groups as parts; a phrase after "including" ("14 people, including five
// seriously") is a subset and is not added; "with 57 in Iraq and 83 in Syria" after a total is
// its breakdown.
import { z } from 'zod';
import { isNotACount, isWordStart, readNumber } from './numerals.ts';

export const FIGURE_RULES_VERSION = 'figures/1';

export const Qualifier = z.enum(['exact', 'approx', 'at_least', 'more_than', 'nearly', 'up_to', 'range', 'vague', 'unspecified']);
export type Qualifier = z.infer<typeof Qualifier>;

export const FigureValue = z.object({
  low: z.number().nonnegative().nullable(),
  best: z.number().nonnegative().nullable(),
  high: z.number().nonnegative().nullable(),
  qualifier: Qualifier,
});
export type FigureValue = z.infer<typeof FigureValue>;

/** One number phrase found in a text, with its offsets. */
export interface NumberPhrase extends FigureValue {
  start: number;
  end: number;
  raw: string;
  /** The words right after the number ("U.S. troops"), which say what was counted. */
  head: string;
  /** How the phrase attaches to the one before it: a new figure, a group added to it, a breakdown of
   * its total ("…, with 57 in Iraq and 83 in Syria"), or a subset ("including five seriously"). */
  role: 'main' | 'part' | 'breakdown' | 'subset';
  /** True when the number came from an article ("a Briton"), weaker than a written number. */
  article: boolean;
}

export interface ParsedFigure extends FigureValue {
  raw: string;
  start: number;
  end: number;
  rules: string;
  parts: Array<FigureValue & { raw: string; head: string; subset: boolean }>;
}

/** Vague quantities: [low, best]; high is open. */
const VAGUE: Array<[RegExp, number, number]> = [
  [/^tens of thousands\b/, 20_000, 20_000],
  [/^(?:several|a few) (?:hundred|hundreds)\b/, 300, 300],
  [/^(?:several|a few) (?:thousand|thousands)\b/, 3000, 3000],
  [/^(?:several|a few) dozen\b/, 36, 36],
  [/^hundreds\b/, 200, 200],
  [/^thousands\b/, 2000, 2000],
  [/^dozens\b/, 24, 24],
  [/^scores\b/, 40, 40],
  [/^several\b/, 3, 3],
  [/^a (?:number|handful) of\b/, 2, 2],
  [/^a few\b/, 2, 2],
  [/^a couple of\b/, 2, 2],
];

const QUALIFIERS: Array<[RegExp, Qualifier | 'fewer']> = [
  [/\b(?:about|approximately|roughly|around|some|an estimated|estimated|approx\.)\s+$/, 'approx'],
  [/\b(?:nearly|almost|close to|just under)\s+$/, 'nearly'],
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/, 'at_least'],
  [/\b(?:no more than|not more than|at most)\s+$/, 'up_to'],
  [/\b(?:more than|over|in excess of|upwards of|upward of)\s+$/, 'more_than'],
  [/\b(?:up to|as many as|a maximum of)\s+$/, 'up_to'],
  [/\b(?:fewer than|less than|under)\s+$/, 'fewer'],
];

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,]*(?:\.\d+)?/g;

/** Every count-like number phrase in `text`, with qualifiers and ranges resolved, in order. */
export function findNumberPhrases(text: string): NumberPhrase[] {
  const found: NumberPhrase[] = [];
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let skipUntil = 0;
  while ((m = WORD.exec(text))) {
    if (m.index < skipUntil) continue;
    const at = m.index;
    const ahead = lower.slice(at, at + 80);
    const vague = VAGUE.find(([re]) => re.test(ahead));
    if (vague && !ahead.startsWith('a few dozen') && isWordStart(text, at) && !isNotACount(text, at, at + vague[0].exec(ahead)![0].length)) {
      const len = vague[0].exec(ahead)![0].length;
      found.push(phrase(text, at, at + len, { low: vague[1], best: vague[2], high: null, qualifier: 'vague' }, false));
      skipUntil = at + len;
      WORD.lastIndex = skipUntil;
      continue;
    }
    const n = isWordStart(text, at) ? readNumber(text, at) : null;
    if (!n || isNotACount(text, n.start, n.end)) continue;
    // "no" and "none" count only as a negated group ("No U.S. troops were killed").
    const word = lower.slice(n.start, n.end);
    if ((word === 'no' || word === 'none') && !/^\s+[a-z.\-]+/.test(lower.slice(n.end))) continue;
    // "no fewer than 512", "no more than 20": the qualifier of the number after it, read there.
    if (word === 'no' && /^\s+(?:fewer|less|more)\s+than\b/.test(lower.slice(n.end))) continue;
    let start = n.start;
    let end = n.end;
    let value: FigureValue = { low: n.value, best: n.value, high: n.value, qualifier: 'exact' };

    const range = /^\s*(?:to|-|–|—|or)\s*/.exec(lower.slice(end));
    const between = /\bbetween\s+$/.test(lower.slice(Math.max(0, start - 10), start));
    const rangeAnd = between ? /^\s+and\s+/.exec(lower.slice(end)) : null;
    const joiner = range ?? rangeAnd;
    if (joiner) {
      const second = readNumber(text, end + joiner[0].length);
      if (second && second.value > n.value && !isNotACount(text, second.start, second.end)) {
        value = { low: n.value, best: n.value, high: second.value, qualifier: 'range' };
        end = second.end;
        if (between) start -= 'between '.length;
      }
    }
    if (value.qualifier === 'exact') {
      const before = lower.slice(Math.max(0, start - 24), start);
      for (const [re, q] of QUALIFIERS) {
        const qm = re.exec(before);
        if (!qm) continue;
        start -= before.length - qm.index - (qm[0].length - qm[0].trimStart().length);
        value = qualify(n.value, q);
        break;
      }
    }
    found.push(phrase(text, start, end, value, false));
    skipUntil = end;
    WORD.lastIndex = end;
  }
  return attachRoles(text, found);
}

export function qualify(n: number, q: Qualifier | 'fewer'): FigureValue {
  switch (q) {
    case 'approx':
      return { low: Math.round(n * 0.8), best: n, high: Math.round(n * 1.2), qualifier: 'approx' };
    case 'nearly':
      return { low: Math.round(n * 0.9), best: n - 1, high: n - 1, qualifier: 'nearly' };
    case 'at_least':
      return { low: n, best: n, high: null, qualifier: 'at_least' };
    case 'more_than':
      return { low: n + 1, best: n + 1, high: null, qualifier: 'more_than' };
    case 'up_to':
      return { low: null, best: n, high: n, qualifier: 'up_to' };
    case 'fewer':
      return { low: null, best: n - 1, high: n - 1, qualifier: 'up_to' };
    default:
      return { low: n, best: n, high: n, qualifier: 'exact' };
  }
}

function phrase(text: string, start: number, end: number, v: FigureValue, article: boolean): NumberPhrase {
  const head = /^\s*((?:[A-Za-z][\w.'’-]*\s*){1,4})/.exec(text.slice(end))?.[1]?.trim() ?? '';
  return { ...v, start, end, raw: text.slice(start, end), head, role: 'main', article };
}

// A joining gap stays inside one sentence: abbreviations ("U.S.") are fine, a sentence end is not.
const LINK_PART = /^[^;:!?]{0,60}?(?:,\s*(?:and\s+|&\s*)?|\s+(?:and|&|plus)\s+)$/;
const SENTENCE_END = /[.!?]["”’)]?\s+[A-Z]/;
const LINK_SUBSET = /(?:,\s*)?\b(?:including|among them|of whom|of them|of which)\s+$/;
const LINK_BREAKDOWN = /,\s*with\s+$/;

/** Marks how each phrase relates to the one before: a joined group, a subset, or a new figure. */
function attachRoles(text: string, phrases: NumberPhrase[]): NumberPhrase[] {
  for (let i = 1; i < phrases.length; i++) {
    const gap = text.slice(phrases[i - 1].end, phrases[i].start);
    const prev = phrases[i - 1].role;
    if (LINK_SUBSET.test(gap)) phrases[i].role = 'subset';
    else if (LINK_BREAKDOWN.test(gap)) phrases[i].role = 'breakdown';
    else if (LINK_PART.test(gap) && !SENTENCE_END.test(gap) && !/\b(?:were|was|have|has|had|said|says|killed|wounded|injured|after|before|when)\b/i.test(gap)) {
      // A group joined to a breakdown or subset belongs to it ("with 57 in Iraq and 83 in Syria").
      phrases[i].role = prev === 'breakdown' || prev === 'subset' ? prev : 'part';
    }
  }
  return phrases;
}

/** Articles count as one when they head a counted group ("a Briton", "an American contractor"). */
function articlePhrases(text: string): NumberPhrase[] {
  const out: NumberPhrase[] = [];
  const re = /\b(an?|single)\s+(?=[A-Za-z])/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const rest = text.slice(m.index + m[0].length);
    if (/^(?:few|number|couple|handful|dozen|hundred|thousand|million|lot|total|series|result)\b/i.test(rest)) continue;
    out.push(phrase(text, m.index, m.index + m[1].length, { low: 1, best: 1, high: 1, qualifier: 'exact' }, true));
  }
  return out;
}

/**
 * The figure a short passage states: its first count, summed with the groups joined to it, with
 * subsets and breakdowns kept as parts. Articles ("a Briton") count only when they join written
 * numbers or when the passage has no written number at all.
 */
export function parseFigure(text: string): ParsedFigure | null {
  const numbers = findNumberPhrases(text);
  const articles = articlePhrases(text);
  let phrases: NumberPhrase[];
  if (numbers.length === 0) {
    phrases = attachRoles(text, articles);
  } else {
    // Keep articles only where they are joined to a written number's group.
    const merged = [...numbers, ...articles.filter((a) => !numbers.some((n) => a.start >= n.start && a.start < n.end))].sort((a, b) => a.start - b.start);
    const roled = attachRoles(
      text,
      merged.map((p) => ({ ...p, role: 'main' as const })),
    );
    phrases = roled.filter((p, i) => !p.article || p.role === 'part' || (roled[i + 1]?.role === 'part' && !roled[i + 1].article));
    phrases = attachRoles(
      text,
      phrases.map((p) => ({ ...p, role: 'main' as const })),
    );
  }
  if (phrases.length === 0) return null;

  const first = phrases[0];
  const group = [first];
  for (let i = 1; i < phrases.length && phrases[i].role !== 'main'; i++) group.push(phrases[i]);
  const joined = group.filter((p) => p.role === 'main' || p.role === 'part');
  const breakdown = group.filter((p) => p.role === 'breakdown');
  const subsets = group.filter((p) => p.role === 'subset');
  const last = group[group.length - 1];

  if (joined.length === 1) {
    return {
      ...pick(first),
      raw: first.raw,
      start: first.start,
      end: last.end,
      rules: FIGURE_RULES_VERSION,
      parts: [
        ...breakdown.map((p) => ({ ...pick(p), raw: groupText(text, p), head: p.head, subset: false })),
        ...subsets.map((p) => ({ ...pick(p), raw: groupText(text, p), head: p.head, subset: true })),
      ],
    };
  }
  const sum = (k: 'low' | 'best' | 'high') => (joined.some((p) => p[k] === null) ? null : joined.reduce((s, p) => s + (p[k] as number), 0));
  const allExact = joined.every((p) => p.qualifier === 'exact');
  return {
    low: sum('low'),
    best: sum('best'),
    high: sum('high'),
    qualifier: allExact ? 'exact' : joined.some((p) => p.high === null) ? 'at_least' : 'range',
    raw: text.slice(first.start, groupEnd(text, joined[joined.length - 1])),
    start: first.start,
    end: last.end,
    rules: FIGURE_RULES_VERSION,
    parts: [
      ...joined.map((p) => ({ ...pick(p), raw: groupText(text, p), head: p.head, subset: false })),
      ...subsets.map((p) => ({ ...pick(p), raw: groupText(text, p), head: p.head, subset: true })),
    ],
  };
}

// Where a counted group ends: its noun phrase runs to a connector, a verb or punctuation.
const GROUP_STOP =
  /^(?:and|or|plus|were|was|are|is|have|has|had|been|being|killed|killing|wounded|wounding|injured|died|dead|said|says|in|on|at|when|after|during|including|with|who|which|that|by|from|to)$/i;

function groupEnd(text: string, p: NumberPhrase): number {
  const word = /\s*([A-Za-z][\w'’-]*(?:\.(?=[A-Za-z]))*[\w'’-]*\.?)/y;
  word.lastIndex = p.end;
  let end = p.end;
  for (let n = 0; n < 6; n++) {
    const m = word.exec(text);
    if (!m || GROUP_STOP.test(m[1].replace(/\.$/, ''))) break;
    // "members." ends a sentence; "U.S." does not.
    end = /[a-z]{2,}\.$/.test(m[1]) ? word.lastIndex - 1 : word.lastIndex;
    if (end < word.lastIndex) break;
  }
  return end;
}

/** A group as written, number and noun: "an American contractor", "five seriously". */
const groupText = (text: string, p: NumberPhrase): string => text.slice(p.start, groupEnd(text, p));

const pick = (v: FigureValue): FigureValue => ({ low: v.low, best: v.best, high: v.high, qualifier: v.qualifier });

/** Whether the parts of a breakdown add up to its total (subsets excluded); null when they cannot be compared. */
export function partsAddUp(total: FigureValue, parts: Array<FigureValue & { subset?: boolean }>): boolean | null {
  const added = parts.filter((p) => !p.subset);
  if (added.length === 0 || total.best === null || added.some((p) => p.best === null)) return null;
  return added.reduce((s, p) => s + (p.best as number), 0) === total.best;
}
