// Number words and numerals: reads a cardinal ("2,500", "twelve", "a dozen") and tells a count from a date, time, ordinal or age.

/** The number words from one to nineteen, and the tens: the one table of them (timing/calendar.ts reads it too). */
export const SMALL_NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
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
export const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** In a count, "no", "none" and "single" read as numbers too. */
const UNITS: Record<string, number> = { zero: 0, no: 0, none: 0, single: 1, ...SMALL_NUMBER_WORDS };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

export interface Token {
  value: number;
  start: number;
  end: number;
  article: boolean;
}

/** Reads a cardinal number starting at `text[at]`, in digits or words; null if none starts there. */
export function readNumber(text: string, at: number): Token | null {
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
export function isNotACount(text: string, start: number, end: number): boolean {
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

export function isWordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  if (/[A-Za-z0-9]/.test(text[at - 1])) return false;
  // "AC-130", "2023-11-22": a hyphen inside a name or a date does not start a number.
  return !(text[at - 1] === '-' && at >= 2 && /[A-Za-z0-9]/.test(text[at - 2]));
}
