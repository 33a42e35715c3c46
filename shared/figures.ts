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
//   up to N            up to / as many as                    → open, N, N
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

const UNITS: Record<string, number> = {
  zero: 0,
  no: 0,
  none: 0,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

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

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const QUALIFIERS: Array<[RegExp, Qualifier | 'fewer']> = [
  [/\b(?:about|approximately|roughly|around|some|an estimated|estimated|approx\.)\s+$/, 'approx'],
  [/\b(?:nearly|almost|close to|just under)\s+$/, 'nearly'],
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/, 'at_least'],
  [/\b(?:more than|over|in excess of|upwards of|upward of)\s+$/, 'more_than'],
  [/\b(?:up to|as many as|a maximum of)\s+$/, 'up_to'],
  [/\b(?:fewer than|less than|under)\s+$/, 'fewer'],
];

interface Token {
  value: number;
  start: number;
  end: number;
  article: boolean;
}

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,]*(?:\.\d+)?/g;

/** Reads a cardinal number starting at `text[at]`, in digits or words; null if none starts there. */
function readNumber(text: string, at: number): Token | null {
  // Bounded: a number phrase is short, and slicing the whole rest at every word would be quadratic.
  const rest = text.slice(at, at + 200);
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|billion|thousand))?(?![\d:/])/i.exec(rest);
  if (digits) {
    let value = Number(digits[1].replace(/,/g, '') + (digits[2] ? `.${digits[2]}` : ''));
    if (digits[3]) value *= SCALES[digits[3].toLowerCase()];
    return { value, start: at, end: at + digits[0].length, article: false };
  }
  const lower = rest.toLowerCase();
  const dozen = /^(?:(a|one|two|three|four|half a)\s+)?dozen\b(?!s)/.exec(lower);
  if (dozen) {
    const times = { a: 1, one: 1, two: 2, three: 3, four: 4, 'half a': 0.5 }[dozen[1] ?? 'a'] ?? 1;
    return { value: 12 * times, start: at, end: at + dozen[0].length, article: false };
  }
  let total = 0;
  let current = 0;
  let end = at;
  let any = false;
  const re = /([a-z]+)(?:-([a-z]+))?/y;
  let i = 0;
  while (i <= lower.length) {
    re.lastIndex = i;
    const m = re.exec(lower);
    if (!m) break;
    const [w, w2] = [m[1], m[2]];
    if (w in TENS && (w2 === undefined || w2 in UNITS)) {
      current += TENS[w] + (w2 ? UNITS[w2] : 0);
    } else if (w in UNITS && w2 === undefined && !(any && (w === 'no' || w === 'none'))) {
      if (any && current % 10 !== 0) break;
      current += UNITS[w];
    } else if (w in SCALES && w2 === undefined && any) {
      current = (current || 1) * SCALES[w];
      if (SCALES[w] > 100) {
        total += current;
        current = 0;
      }
    } else if (w === 'a' && w2 === undefined && !any && /^a\s+(hundred|thousand|million)\b/.test(lower.slice(i))) {
      current = 1;
    } else break;
    any = true;
    end = at + i + m[0].length;
    // "one hundred and five": allow "and" only inside a number, before a unit or tens word.
    const next = /^(\s+and\s+|\s+|-)/.exec(lower.slice(i + m[0].length));
    if (!next) break;
    const after = lower.slice(i + m[0].length + next[0].length);
    const follow = /^[a-z]+/.exec(after)?.[0] ?? '';
    const continues = follow in UNITS || follow in TENS || (follow in SCALES && follow !== '');
    if (!continues || (next[0].includes('and') && !(current % 100 === 0 && current > 0))) break;
    if (w === 'no' || w === 'none') break;
    i = i + m[0].length + next[0].length;
  }
  if (!any) return null;
  return { value: total + current, start: at, end, article: false };
}

/** True when the number at [start,end) is part of a date, time, ordinal or name rather than a count. */
function isNotACount(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
  const after = text.slice(end, end + 14).toLowerCase();
  if (new RegExp(`\\b(?:${MONTHS})\\.?\\s*$`).test(before)) return true; // March 17
  if (new RegExp(`^\\s*(?:${MONTHS})\\b`).test(after) && /^\d/.test(text.slice(start, end))) return true; // 17 March
  if (/^(?:st|nd|rd|th)\b/.test(after)) return true;
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|percent|per cent|%|o'clock)/.test(after)) return true;
  if (/^:\d/.test(after) || /\d[:/]$/.test(before)) return true;
  const digits = text.slice(start, end);
  if (/^(?:19|20)\d\d$/.test(digits) && !/^\s+[a-z]/.test(after)) return true; // a year
  if (/^(?:19|20)\d\d$/.test(digits) && /\b(?:in|since|of|by|until|from)\s+$/.test(before)) return true;
  if (/^\s*(?:years?|months?|weeks?|days?|hours?|minutes?)\b/.test(after) && /\b(?:the past|the last|past|last|over the|for|after|within)\s+$/.test(before))
    return true;
  if (/^\s*(?:miles?|km|kilomet(?:er|re)s?|meters?|metres?|feet|yards?)\b/.test(after)) return true;
  // "107 mm rockets", "122-mm shells", ".50-caliber": a calibre names the weapon, it counts nothing
  if (/^\s?-?\s?(?:mm|millimet(?:er|re)s?|cm|caliber|calibre|inch)\b/.test(after)) return true;
  // "two days later", "24 hours earlier": a span of time, not a count of anything.
  if (/^\s*(?:years?|months?|weeks?|days?|hours?|minutes?)\s+(?:later|earlier|ago|before|after|afterwards)\b/.test(after)) return true;
  // "Lance Cpl. Jane Roe, 26,": an age after a name.
  if (
    /^\d{1,3}$/.test(digits) &&
    /\p{Lu}[\p{L}'’-]+,\s*$/u.test(text.slice(Math.max(0, start - 30), start)) &&
    /^\s*(?:[,;)]|\.(?:\s|$)|$)/.test(text.slice(end, end + 3))
  )
    return true;
  return false;
}

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

function isWordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  if (/[A-Za-z0-9]/.test(text[at - 1])) return false;
  // "AC-130", "2023-11-22": a hyphen inside a name or a date does not start a number.
  return !(text[at - 1] === '-' && at >= 2 && /[A-Za-z0-9]/.test(text[at - 2]));
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
