// Resolving one date expression against a reference date: UTC-day arithmetic, the wording rules (see the top of timing.ts) and chrono for explicit dates.
import * as chrono from 'chrono-node';
import type { TimingPrecision } from '../model/claims.ts';
import { SMALL_NUMBER_WORDS, TENS } from '../figures/numerals.ts';

export interface TimingReference {
  /** The publication date of the source, YYYY-MM-DD. */
  date: string;
  timezone?: string | null;
  /** The date an anchored expression ("24 hours earlier") counts from; defaults to `date`. */
  anchor?: string | null;
}

export interface ResolvedTiming {
  start: string;
  end: string;
  precision: TimingPrecision;
  /** How it was resolved, in words (shown to the user beside the date). */
  method: string;
  /** True when the result depends on the reference or anchor date (no year is written). */
  relative: boolean;
  /** True for hedged expressions ("about 24 hours earlier"). */
  approximate: boolean;
}

// ---------------------------------------------------------------- calendar arithmetic (UTC days)

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDay(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) throw new Error(`no such date: ${iso}`);
  return t / DAY_MS;
}
function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function ymd(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
function parts(day: number): { y: number; m: number; d: number; weekday: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), weekday: dt.getUTCDay() };
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The width class of a range, on the UCDP date_prec scale (see the rules at the top of timing.ts). */
export function precisionFor(start: string, end: string): TimingPrecision {
  const width = toDay(end) - toDay(start) + 1;
  if (width <= 1) return 'day';
  if (width <= 6) return 'days';
  if (width === 7) return 'week';
  if (width <= 31) return 'month';
  return 'year';
}

function range(start: number, end: number, method: string, relative: boolean, approximate = false): ResolvedTiming {
  const [a, b] = start <= end ? [start, end] : [end, start];
  const s = fromDay(a);
  const e = fromDay(b);
  return { start: s, end: e, precision: precisionFor(s, e), method, relative, approximate };
}

// ---------------------------------------------------------------- vocabulary

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
// Full names only: abbreviations collide with words ("sat", "sun", "wed").
export const WEEKDAY_RE = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// The number words are figures/numerals.ts's table; "a", "several" and "a few" count here as well ("a week
// before", "several days later"), and so do the tens with a unit ("twenty-four hours earlier").
const SMALL: Record<string, number> = { a: 1, an: 1, ...SMALL_NUMBER_WORDS, ...TENS, several: 3, 'a few': 3, 'a couple of': 2, couple: 2 };
const TENS_RE = Object.keys(TENS).join('|');
const UNIT_RE = Object.keys(SMALL_NUMBER_WORDS)
  .filter((w) => SMALL_NUMBER_WORDS[w] < 10)
  .join('|');
// Longest first, so "a couple of" is tried before "a" and "fourteen" before "four".
const NUM_RE = `(\\d+|(?:${TENS_RE})-(?:${UNIT_RE})|${Object.keys(SMALL)
  .sort((x, y) => y.length - x.length)
  .join('|')})`;
const HEDGE_RE = '(?:(about|around|roughly|approximately|some|nearly|almost|more than|less than|just over|just under|over|under)\\s+)?';

const weekdayIndex = (w: string) => WEEKDAYS.findIndex((d) => d.startsWith(w.toLowerCase().slice(0, 3)));
const monthIndex = (m: string) => MONTH_NAMES.indexOf(m.toLowerCase().slice(0, 3)) + 1;
function count(w: string): number {
  if (/^\d+$/.test(w)) return Number(w);
  const [tens, unit] = w.toLowerCase().split('-');
  return unit === undefined ? (SMALL[tens] ?? NaN) : TENS[tens] + SMALL_NUMBER_WORDS[unit];
}

// ---------------------------------------------------------------- the rules

interface Rule {
  /** A pattern searched for in the expression (case-insensitive). */
  re: RegExp;
  /** True when the rule counts from an anchor (another event's date), not from the reference. */
  anchored?: (m: RegExpExecArray) => boolean;
  resolve(m: RegExpExecArray, ref: number, anchor: number): ResolvedTiming | null;
}

const monthPart = (word: string): [number, number | null, string] => {
  const w = word.toLowerCase();
  if (w.startsWith('early') || w.startsWith('beginning') || w.startsWith('start')) return [1, 10, 'early'];
  if (w.startsWith('mid') || w.startsWith('middle')) return [11, 20, 'mid'];
  return [21, null, 'late'];
};

/** The latest year in which month m (day d) falls on or before ref. */
function latestYear(m: number, d: number, ref: number): number {
  const r = parts(ref);
  let y = r.y;
  while (!validDate(y, m, d) || ymd(y, m, d) > ref) y -= 1;
  return y;
}

export const RULES: Rule[] = [
  // "about 24 hours earlier", "two days later", "a week before", "three days ago"
  {
    re: new RegExp(`\\b${HEDGE_RE}${NUM_RE}\\s+(hours?|days?|weeks?|months?|years?)\\s+(earlier|before|previously|later|after(?:wards?)?|ago)\\b`, 'i'),
    anchored: (m) => m[4].toLowerCase() !== 'ago',
    resolve(m, ref, anchor) {
      const n = count(m[2]);
      if (!Number.isFinite(n)) return null;
      const unit = m[3].toLowerCase().replace(/s$/, '');
      const dir = /^(earlier|before|previously|ago)$/i.test(m[4]) ? -1 : 1;
      const from = m[4].toLowerCase() === 'ago' ? ref : anchor;
      const hedged = Boolean(m[1]) || /^(several|a few|a couple of)$/i.test(m[2]);
      const what = `${m[2]} ${m[3]} ${m[4].toLowerCase()} ${m[4].toLowerCase() === 'ago' ? 'the reference date' : 'the anchor date'}`;
      if (unit === 'hour') {
        if (n < 24) return range(from + (dir < 0 ? -1 : 0), from + (dir < 0 ? 0 : 1), `${what}: the same or the adjacent day`, true, true);
        const days = n / 24;
        const lo = Math.floor(days);
        const hi = Math.ceil(days);
        return range(from + dir * lo, from + dir * hi, `${what}`, true, hedged || lo !== hi);
      }
      if (unit === 'day') return range(from + dir * n, from + dir * n, what, true, hedged);
      if (unit === 'week') return range(from + dir * 7 * n, from + dir * 7 * n, what, true, true);
      const p = parts(from);
      // years: the whole year n years away ("four years ago" from 4 Jan 2024 is 2020, not a day)
      if (unit === 'year') return range(ymd(p.y + dir * n, 1, 1), ymd(p.y + dir * n, 12, 31), `${what}: the whole year`, true, true);
      // months: the same day n months away, approximate
      const mm = p.m - 1 + dir * n;
      const y = p.y + Math.floor(mm / 12);
      const mo = (((mm % 12) + 12) % 12) + 1;
      const day = ymd(y, mo, Math.min(p.d, daysInMonth(y, mo)));
      return range(day, day, what, true, true);
    },
  },
  // "the day before", "the previous day", "the next day", "the following day"
  {
    re: /\bthe\s+(day\s+before(?!\s+yesterday)|previous\s+day|prior\s+day|preceding\s+day|day\s+after|next\s+day|following\s+day)\b/i,
    anchored: () => true,
    resolve(m, _ref, anchor) {
      const back = /before|previous|prior|preceding/i.test(m[1]);
      return range(anchor + (back ? -1 : 1), anchor + (back ? -1 : 1), `${m[0].toLowerCase()}: one day ${back ? 'before' : 'after'} the anchor date`, true);
    },
  },
  // "the day before yesterday", "yesterday", "today", "tonight", "this morning", "last night", "tomorrow"
  {
    re: /\b(the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|overnight|tomorrow)\b/i,
    resolve(m, ref) {
      const w = m[1].toLowerCase().replace(/\s+/g, ' ');
      const offset = w === 'the day before yesterday' ? -2 : w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      if (w === 'overnight') return range(ref - 1, ref, 'overnight: the night before the reference date', true);
      return range(ref + offset, ref + offset, `${w}: relative to the reference date`, true);
    },
  },
  // "last week", "this week", "earlier this week", "last month", "this month", "last year", "this year"
  {
    re: /\b(last|past|previous|this|earlier\s+this|later\s+this)\s+(week|month|year)\b/i,
    resolve(m, ref) {
      const which = m[1].toLowerCase().replace(/\s+/g, ' ');
      const unit = m[2].toLowerCase();
      const last = which === 'last' || which === 'past' || which === 'previous';
      const p = parts(ref);
      if (unit === 'week') {
        const monday = ref - ((p.weekday + 6) % 7);
        if (last) return range(monday - 7, monday - 1, 'last week: the Monday–Sunday week before the reference date', true);
        return range(monday, ref, `${which} week: from Monday of the reference week to the reference date`, true);
      }
      if (unit === 'month') {
        if (last) {
          const y = p.m === 1 ? p.y - 1 : p.y;
          const mo = p.m === 1 ? 12 : p.m - 1;
          return range(ymd(y, mo, 1), ymd(y, mo, daysInMonth(y, mo)), 'last month: the calendar month before the reference date', true);
        }
        return range(ymd(p.y, p.m, 1), ref, `${which} month: from the first of the month to the reference date`, true);
      }
      if (last) return range(ymd(p.y - 1, 1, 1), ymd(p.y - 1, 12, 31), 'last year: the calendar year before the reference date', true);
      return range(ymd(p.y, 1, 1), ref, `${which} year: from 1 January to the reference date`, true);
    },
  },
  // "late December", "early March 2020", "mid-January", "the end of December"
  {
    re: new RegExp(`\\b(early|mid|middle\\s+of|late|the\\s+(?:beginning|start|middle|end)\\s+of)[\\s-]+${MONTH_RE}(?:,?\\s+(\\d{4}))?`, 'i'),
    resolve(m, ref) {
      const mo = monthIndex(m[2]);
      const [lo, hiOrNull, label] = monthPart(m[1].replace(/^the\s+/i, ''));
      const written = m[3] ? Number(m[3]) : null;
      const y = written ?? latestYear(mo, lo, ref);
      const hi = hiOrNull ?? daysInMonth(y, mo);
      const how = written
        ? `${label} ${MONTH_NAMES[mo - 1]} ${y}: days ${lo}–${hi}`
        : `${label} ${MONTH_NAMES[mo - 1]}: days ${lo}–${hi} of the latest such month not after the reference date`;
      return range(ymd(y, mo, lo), ymd(y, mo, hi), how, written === null);
    },
  },
  // weekdays: "Wednesday", "early Friday", "Thursday night", "last Tuesday", "next Monday"
  {
    re: new RegExp(`\\b(?:(last|this\\s+past|past|next|this\\s+coming|coming)\\s+)?${WEEKDAY_RE}(?![a-z])`, 'i'),
    resolve(m, ref) {
      const wd = weekdayIndex(m[2]);
      if (wd < 0) return null;
      const mod = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const refWd = parts(ref).weekday;
      const name = WEEKDAYS[wd];
      if (mod === 'next' || mod === 'this coming' || mod === 'coming') {
        const ahead = (wd - refWd + 7) % 7 || 7;
        return range(ref + ahead, ref + ahead, `${mod} ${name}: the first ${name} after the reference date`, true);
      }
      if (mod) {
        const back = (refWd - wd + 7) % 7 || 7;
        return range(ref - back, ref - back, `${mod} ${name}: the latest ${name} before the reference date`, true);
      }
      const back = (refWd - wd + 7) % 7;
      return range(ref - back, ref - back, `${name}: the latest ${name} on or before the reference date (news is past tense)`, true);
    },
  },
];

/** Explicit calendar dates, read by chrono ("Dec. 27", "11 March", "March 17, 2020", "December 2019"). */
function fromChrono(expression: string, ref: number): ResolvedTiming | null {
  const r = parts(ref);
  let results = chrono.parse(expression, { instant: new Date(r.y, r.m - 1, r.d, 12) }, { forwardDate: false });
  // chrono drops 29 February when the reference year has none; read it against a leap year (only
  // the written day and month are used below, the year is chosen by our own rule).
  if (results.length === 0 && /\bfeb|\b29\b/i.test(expression)) results = chrono.parse(expression, new Date(2000, 5, 15, 12), { forwardDate: false });
  for (const res of results) {
    const c = res.start;
    const month = c.isCertain('month') ? c.get('month') : null;
    const day = c.isCertain('day') ? c.get('day') : null;
    const year = c.isCertain('year') && /\b\d{4}\b|'\d\d\b/.test(res.text) ? c.get('year') : null;
    if (month === null) continue;
    const mn = MONTH_NAMES[month - 1];
    if (day !== null) {
      if (year !== null) {
        if (!validDate(year, month, day)) continue;
        const dd = ymd(year, month, day);
        const end = res.end && res.end.isCertain('day') ? endDay(res.end, year) : dd;
        return range(dd, end ?? dd, 'explicit date', false);
      }
      if (!validDate(2000, month, day)) continue;
      const y = latestYear(month, day, ref);
      const dd = ymd(y, month, day);
      const endD = res.end && res.end.isCertain('day') ? endDay(res.end, y) : null;
      return range(dd, endD ?? dd, `${mn} ${day}: the latest such date on or before the reference date (no year written)`, true);
    }
    if (year !== null) return range(ymd(year, month, 1), ymd(year, month, daysInMonth(year, month)), `${mn} ${year}: the whole month`, false);
    const y = latestYear(month, 1, ref);
    return range(ymd(y, month, 1), ymd(y, month, daysInMonth(y, month)), `${mn}: the whole of the latest such month not after the reference date`, true);
  }
  return null;
}
function endDay(c: chrono.ParsedComponents, year: number): number | null {
  const m = c.get('month');
  const d = c.get('day');
  const y = c.isCertain('year') ? c.get('year') : year;
  if (m === null || d === null || y === null || !validDate(y, m, d)) return null;
  return ymd(y, m, d);
}

/** A year on its own: "in 2019", "2019". */
function fromYear(expression: string): ResolvedTiming | null {
  const m = /\b(1[89]\d\d|20\d\d)\b/.exec(expression);
  if (!m) return null;
  const y = Number(m[1]);
  return range(ymd(y, 1, 1), ymd(y, 12, 31), `${y}: the whole year`, false);
}

/**
 * Resolves a date expression as written against the source's publication date (and an optional
 * anchor). Returns null when nothing in it is a date, or when the reference date is not a date.
 */
export function resolveTiming(expression: string, reference: TimingReference): ResolvedTiming | null {
  let ref: number;
  let anchor: number;
  try {
    ref = toDay(reference.date);
    anchor = reference.anchor ? toDay(reference.anchor) : ref;
  } catch {
    return null;
  }
  const text = expression.normalize('NFC').replace(/[\u2010-\u2015]/g, '-');
  // The explicit-date reader goes first when a month name is written next to a number, so that
  // "Wednesday, March 11, 2020" is the written date rather than a weekday guess.
  const explicitFirst = new RegExp(`${MONTH_RE}\\s*\\d|\\d\\s*${MONTH_RE}`, 'i').test(text) && !/\b(early|mid|late)\b/i.test(text);
  if (explicitFirst) {
    const c = fromChrono(text, ref);
    if (c) return c;
  }
  // Rules are tried in order of how specific they are; the first that matches wins.
  let best: { at: number; result: ResolvedTiming } | null = null;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const result = rule.resolve(m, ref, anchor);
    if (result) {
      if (rule.anchored?.(m) && !reference.anchor) result.method += ' (no anchor given: counted from the reference date)';
      best = { at: m.index, result };
      break;
    }
  }
  if (best) return best.result;
  return fromChrono(text, ref) ?? fromYear(text);
}
