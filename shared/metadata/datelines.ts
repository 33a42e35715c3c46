// Publication dates as sources write them: ISO declarations, free-text dates (chrono-node, strict) and whole date lines.
import * as chrono from 'chrono-node';
import type { Published } from '../model/source.ts';

export const NO_DATE: Published = { date: null, precision: null, time: null, timezone: null };
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DOT_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})\\.\\s*(\\d{4})\\b`, 'gi');
export const WEEKDAY = /\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(day|nesday|rsday|urday)?\b\.?/i;
const pad = (n: number) => String(n).padStart(2, '0');

const plausibleYear = (y: number) => y >= 1800 && y <= 2200;

/** ISO 8601 as found in meta tags and JSON-LD; the date is kept as written (no shift to UTC). */
export function parseIsoDate(s: string): Published | null {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$/.exec(s);
  if (!m || !plausibleYear(+m[1])) return null;
  if (m[2] && (+m[2] < 1 || +m[2] > 12)) return null;
  if (m[3] && (+m[3] < 1 || +m[3] > 31)) return null;
  if (!m[2]) return { date: null, precision: null, time: null, timezone: null };
  const date = `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
  const tz = m[7] ? (m[7] === 'Z' ? 'UTC' : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7]) : null;
  return {
    date,
    precision: m[3] ? 'day' : 'month',
    time: m[4] ? `${m[4]}:${m[5]}` : null, // to the minute, as the other sources give it
    timezone: tz,
  };
}

export interface DateHit {
  published: Published;
  /** The date's text in the (mended) line, and the line with it removed. */
  text: string;
  rest: string;
  weekday: boolean;
}

/** The first full date (day, month and year all written) in a string, or null. */
export function findDate(s: string): DateHit | null {
  const mended = s.replace(DOT_DAY, '$1 $2, $3');
  for (const r of chrono.strict.parse(mended)) {
    const k = r.start;
    if (!k.isCertain('year') || !k.isCertain('month') || !k.isCertain('day')) continue;
    const y = k.get('year') ?? 0;
    if (!plausibleYear(y)) continue;
    const hasTime = k.isCertain('hour');
    const offset = k.isCertain('timezoneOffset') ? k.get('timezoneOffset') : null;
    const published: Published = {
      date: `${y}-${pad(k.get('month') ?? 1)}-${pad(k.get('day') ?? 1)}`,
      precision: 'day',
      time: hasTime ? `${pad(k.get('hour') ?? 0)}:${pad(k.get('minute') ?? 0)}` : null,
      timezone:
        offset == null ? null : offset === 0 ? 'UTC' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
    };
    const before = mended.slice(0, r.index);
    const rest = before + ' ' + mended.slice(r.index + r.text.length);
    return { published, text: r.text, rest, weekday: WEEKDAY.test(r.text) || WEEKDAY.test(before) };
  }
  return null;
}

/** A date in any form a declaration uses: ISO first, then free text. */
export function parseDate(s: string): Published | null {
  const iso = parseIsoDate(s);
  if (iso?.date) return iso;
  return findDate(s)?.published ?? null;
}

const DATE_LABEL =
  /\b(published|posted|updated|last updated|modified|first published|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|ist|est|edt|cet|cest|bst|pst|pdt|et|local time)\b/gi;

/** A line that is a date and little else ("Mar 13. 2020", "Published: 13 March 2020, 08:14 GMT"). */
export function dateLine(line: string): (DateHit & { label: 'published' | 'updated' | null }) | null {
  if (line.length > 80) return null;
  const hit = findDate(line);
  if (!hit) return null;
  const residue = hit.rest
    .replace(WEEKDAY, ' ')
    .replace(DATE_LABEL, ' ')
    .replace(/[\s,.|·•:;()\-–—/\d]+/g, '');
  if (residue.length > 3) return null;
  const label = /\bupdated|modified\b/i.test(line) ? 'updated' : /\b(published|posted)\b/i.test(line) ? 'published' : null;
  return { ...hit, label };
}

/**
 * A dateline opening the article's first paragraph: "Feb. 23, 2015 -- Officials said…",
 * "BEIRUT, March 3, 2022 — …", "KYIV, Ukraine, 4 June 2023 - …". The date before the dash is when
 * the report was filed.
 */
export function leadingDateline(line: string): DateHit | null {
  const m = /^(?:[\p{Lu}][\p{L}.'’ -]{1,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{1,30})?,\s*)?([^—–]{6,40}?)\s*(?:--|—|–|-|:)\s+\S/u.exec(line);
  if (!m) return null;
  const hit = findDate(m[1]);
  // Only the date and perhaps a weekday may stand before the dash.
  if (!hit || hit.rest.replace(WEEKDAY, ' ').replace(/[\s,.]+/g, '').length > 2) return null;
  return hit;
}
