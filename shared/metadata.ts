// Finds a source's title, outlet, authors, publication date and wire credit in its canonical text,
// each with how sure we are and where it was found. Pure, so the app can re-run it at any time.
//
// The rules (general: they meet real reporting, not just our seeds):
//  Hints first. An importer passes what the file declares (HTML meta tags, JSON-LD, <time datetime>,
//  Readability's byline and site name, PDF document properties), each with its own confidence.
//  The best-confidence candidate wins; on a tie, hints beat text rules and earlier beats later.
//
//  Title
//   - A breadcrumb line that ends with another line ("HomeWorld<headline>") is navigation, not the
//     title; the line it repeats is the headline (high).
//   - Otherwise the first headline-like line near the top (medium): 3+ words, 10–250 characters, a capital first,
//     not a date, not a byline, not a "(credit)", not site furniture ("Share on…", "Support our…",
//     "Subscribe…", a lone word such as a tracker's name).
//  Publication date (only whole date lines and bylines; dates inside sentences are what happened,
//  not when it was published)
//   - A weekday-dated line at the very top, before the headline ("Friday, April 26, 2024") is the
//     site's date-of-viewing furniture: never the publication date.
//   - A date line right under the headline, before the body starts, or next to the byline, or inside
//     the byline, or labelled "Published"/"Posted" (high). "Updated …" (medium).
//   - A date line above the headline without a weekday (low).
//   - A short date line near the end (a re-post or footer time) (low).
//   - Nothing else: date null, confidence none, and "how" says why (including a rejected header date).
//   Dates parse with chrono-node's strict mode, after mending "Mar 13. 2020" into "Mar 13, 2020".
//  Outlet
//   - A byline "By <Outlet> · <Author>, <Author> · SECTIONS" (high); its names are the authors.
//   - A parenthetical "(Outlet)" line near the top (medium).
//   - A copyright line "© 2024 Outlet" (medium).
//   - A self-reference in the page's appeals: "<Outlet> – with exceptional reporters…",
//     "Subscribe to <Outlet>", "get <Outlet>'s news" (low).
//   - A wire agency is never the outlet: it is the wire credit.
//  Wire credit (independence group: a wire story and its rewrites count once)
//   - "Source: Reuters" / "Credit: AP" lines, a "(Reuters) -" dateline, "By AP" (high); a "–Bloomberg"
//     sign-off at the end of a paragraph, "(With inputs from PTI)", "© 2020 Bloomberg L.P." (medium);
//     Reuters' "Reporting by …; Editing by …" credits, an agency's name alone on a line (low: it may
//     be a photo credit). Agency names match only in their own spelling ("AP", never "ap").
//   - independenceGroup = wire ?? outlet ?? null.
//  Authors
//   - Declared authors (JSON-LD, meta author) first; else the names of a "By …" line; "By Staff" and
//     the like name nobody. Person names are 2–5 capitalised tokens (particles such as al-, van, de allowed).
import * as chrono from 'chrono-node';
import type { Confidence, Published } from './source.ts';

export interface Found<T> {
  value: T;
  confidence: Confidence;
  how: string;
}

/** A value an importer read from the file's own declarations, e.g. {value, how: 'meta og:title', confidence: 'high'}. */
export interface Hint<T = string> {
  value: T;
  how: string;
  confidence: Confidence;
}

export interface MetadataHints {
  title?: Hint[];
  outlet?: Hint[];
  authors?: Hint<string[]>[];
  /** Date strings as declared: ISO 8601 ("2020-03-13T08:14:00Z") or free text ("March 13, 2020"). */
  published?: Hint[];
  /** Bylines as written ("By Jane Roe and John Doe"): parsed with the same rules as a byline line. */
  byline?: Hint[];
}

export interface FoundMetadata {
  title: Found<string | null>;
  outlet: Found<string | null>;
  authors: Found<string[]>;
  published: Found<Published>;
  /** The wire agency the text credits, if any. */
  wire: string | null;
  independenceGroup: string | null;
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1, none: 0 };

function best<T>(candidates: Found<T>[]): Found<T> | null {
  let winner: Found<T> | null = null;
  for (const c of candidates) if (c.confidence !== 'none' && (!winner || RANK[c.confidence] > RANK[winner.confidence])) winner = c;
  return winner;
}

// ---------------------------------------------------------------- dates

const NO_DATE: Published = { date: null, precision: null, time: null, timezone: null };
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DOT_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})\\.\\s*(\\d{4})\\b`, 'gi');
const WEEKDAY = /\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(day|nesday|rsday|urday)?\b\.?/i;
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

interface DateHit {
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
function dateLine(line: string): (DateHit & { label: 'published' | 'updated' | null }) | null {
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

// ---------------------------------------------------------------- names

const WIRES: { name: string; forms: string[] }[] = [
  { name: 'Reuters', forms: ['Reuters', 'REUTERS', 'Thomson Reuters'] },
  { name: 'Associated Press', forms: ['Associated Press', 'AP'] },
  { name: 'AFP', forms: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Bloomberg', forms: ['Bloomberg', 'BLOOMBERG'] },
  { name: 'dpa', forms: ['dpa', 'DPA'] },
  { name: 'PTI', forms: ['PTI', 'Press Trust of India'] },
  { name: 'ANI', forms: ['ANI'] },
  { name: 'IANS', forms: ['IANS'] },
  { name: 'UPI', forms: ['UPI', 'United Press International'] },
  { name: 'Xinhua', forms: ['Xinhua', 'XINHUA'] },
  { name: 'EFE', forms: ['EFE', 'Agencia EFE'] },
  { name: 'ANSA', forms: ['ANSA'] },
  { name: 'Kyodo', forms: ['Kyodo', 'Kyodo News'] },
  { name: 'Yonhap', forms: ['Yonhap'] },
  { name: 'Anadolu Agency', forms: ['Anadolu Agency', 'Anadolu'] },
  { name: 'TASS', forms: ['TASS', 'Tass'] },
  { name: 'Interfax', forms: ['Interfax'] },
];
const WIRE_FORMS = WIRES.flatMap((w) => w.forms).sort((a, b) => b.length - a.length);
const WIRE_ALT = WIRE_FORMS.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

// Wire credits, in the forms agencies and the sites that republish them use.
const WIRE_CREDIT_LINE = new RegExp(`^(?:source|sources|credit|credits|via|courtesy(?: of)?)\\s*:?\\s*(${WIRE_ALT})\\b`, 'i');
const WIRE_DATELINE = new RegExp(`\\((${WIRE_ALT})\\)\\s*[-–—]`);
const WIRE_SIGN_OFF = new RegExp(`(?:\\s-|[–—])\\s*(${WIRE_ALT})\\s*\\.?$`);
const WIRE_INPUTS = new RegExp(`^\\(?\\s*with (?:inputs|input|reporting) from (${WIRE_ALT})\\b`, 'i');
const WIRE_ALONE = new RegExp(`^[-–—]?\\s*(${WIRE_ALT})\\s*$`);

/** The wire's canonical name if s is exactly one of its forms (case matters: "AP" is, "ap" is not). */
export function wireName(s: string): string | null {
  const t = s.trim().replace(/\s+(L\.P\.|LP|Ltd\.?|Inc\.?)$/, '');
  return WIRES.find((w) => w.forms.includes(t))?.name ?? null;
}

const ORG_WORD =
  /\b(Post|Times|News|Press|Journal|Herald|Tribune|Gazette|Guardian|Telegraph|Agency|Media|Network|Broadcasting|Radio|TV|Television|Magazine|Review|Daily|Weekly|Chronicle|Observer|Independent|Monitor|Standard|Express|Mail|Mirror|Star|Sun|Project|Institute|Center|Centre|Group|Staff|Desk|Bureau|Correspondent|Reporter|Editor|Editors|Team|Service|Wire|Online|Digital|Today)\b/;
const NAME_PARTICLE = /^(de|del|della|di|da|van|von|der|den|du|la|le|al|el|bin|ibn|abu|ben|y|e|st\.?|Jr\.?|Sr\.?|II|III|IV)$/;

/** "Dan Lamothe", "Louisa Loveluck", "Ali al-Hashimi", "María José García": 2–5 name tokens. */
export function looksLikePersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5 || s.length > 60) return false;
  if (/^(The|A|An|Our|Staff|By)$/i.test(tokens[0]) || ORG_WORD.test(s) || wireName(s)) return false;
  return tokens.every((t) => NAME_PARTICLE.test(t) || /^[\p{Lu}][\p{L}'’.-]*$/u.test(t) || /^[\p{Ll}]{1,3}-[\p{Lu}][\p{L}'’-]*$/u.test(t));
}

/** A short title-cased name: an outlet such as "The Washington Post", "ThePrint", "Clarion Project". */
function looksLikeOrgName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 60 || /[:;!?@/]|https?|\d{3,}/.test(t)) return false;
  const tokens = t.split(/\s+/);
  if (tokens.length > 6) return false;
  return tokens.every((w) => /^[\p{Lu}\d][\p{L}\d'’.&-]*$/u.test(w) || /^(of|for|the|and|&|de|du|la|el|al)$/i.test(w));
}

const GENERIC_BYLINE =
  /^(staff|admin|administrator|editor|editors|editorial|editorial (board|team)|news ?desk|web ?desk|desk|team|(our|a) (correspondent|reporter)|staff (writer|reporter)|correspondent|guest|anonymous)$/i;
const SECTIONS = /^[\p{Lu}\d\s,/&-]+$/u; // "NATIONAL, WORLD, NATIONAL-SECURITY"

interface Byline {
  outlet: string | null;
  wire: string | null;
  authors: string[];
  date: Published | null;
}

/** Parses "By <Outlet> · <A>, <B> · SECTIONS", "By A and B | March 13, 2020", "By Reuters". */
export function parseByline(raw: string): Byline | null {
  const m = /^(?:(?:written|posted|reported)\s+)?by[:\s]\s*(.+)$/i.exec(raw.trim());
  const body = m ? m[1] : raw.trim();
  if (body.length > 250) return null;
  const out: Byline = { outlet: null, wire: null, authors: [], date: null };
  for (const part of body.split(/\s+[·|•]\s+|\s+[—–]\s+/)) {
    let p = part.trim().replace(/[,;]$/, '');
    const date = findDate(p);
    if (date) {
      out.date ??= date.published;
      // "Jane Roe on March 3, 2022": the names before the date still count.
      p = date.rest
        .replace(WEEKDAY, ' ')
        .replace(/\b(published|posted|updated|on|at)\b/gi, ' ')
        .replace(/[\s,;|·:-]+$/, '')
        .trim();
    }
    if (!p || /^[\d\s:.,apmAPM]*$/.test(p)) continue;
    const wire = wireName(p);
    if (wire) {
      out.wire ??= wire;
      continue;
    }
    const items = p.split(/\s*,\s*|\s*;\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
    if (items.length && items.every(looksLikePersonName)) {
      out.authors.push(...items);
      continue;
    }
    if (SECTIONS.test(p) && p.includes(',')) continue;
    // A mixed part: "Jane Roe, Reuters", "Jane Roe, Daily Courier".
    for (const item of items) {
      const wire = wireName(item);
      if (wire) out.wire ??= wire;
      else if (looksLikePersonName(item)) out.authors.push(item);
      else if (
        !out.outlet &&
        looksLikeOrgName(item) &&
        !GENERIC_BYLINE.test(item) &&
        (items.length === 1 || !SECTIONS.test(item)) &&
        (ORG_WORD.test(item) || /^The\s/.test(item) || /\p{Ll}\p{Lu}/u.test(item) || items.length === 1)
      )
        out.outlet = item;
    }
  }
  return out.outlet || out.wire || out.authors.length || out.date ? out : null;
}

// ---------------------------------------------------------------- lines

interface Line {
  text: string;
  /** Index among the non-empty lines. */
  n: number;
}

const FURNITURE =
  /^(share|tweet|e-?mail|print|follow|subscribe|sign (in|up)|log ?in|register|menu|search|skip to|advertisement|advert|sponsored|support (our|us|independent)|donate|text size|listen|save|comments?|read more|related|most (popular|read)|trending|home|leave a (reply|comment)|post a comment|previous post|next post|accept|cookies?|we use cookies|photo|image|video|watch|click here|scorecardresearch)\b/i;
const SOCIAL = /^((facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|instagram|youtube|x|email|e-mail|print|copy link|messenger)[\s,|·]*)+$/i;

function isFurniture(s: string): boolean {
  return FURNITURE.test(s) || SOCIAL.test(s) || (s.length < 60 && /cookie|newsletter|your inbox|javascript/i.test(s));
}

// A byline is names, an outlet, a date: a "By …" line that reads as a sentence ("By entering your
// email, you agree to our Terms…") is page furniture, however capitalised its last words are.
const BYLINE_LOWER_OK =
  /^(?:and|of|the|de|da|del|der|van|von|la|le|bin|al|on|at|in|for|with|staff|reporter|correspondent|writer|editor|contributor|news|updated|published|posted|am|pm|a\.m\.|p\.m\.)$/;
const isByline = (s: string) => {
  const m = /^(?:(?:written|posted|reported)\s+)?by[:\s]\s*(\S.*)$/i.exec(s);
  if (!m || s.length > 250) return false;
  const lower = (m[1].match(/(?<![\p{L}'’])\p{Ll}[\p{L}.'’-]*/gu) ?? []).filter((w) => !BYLINE_LOWER_OK.test(w));
  return lower.length <= 2;
};
const isParenCredit = (s: string) => /^\([^()]{2,60}\)$/.test(s);

function headlineLike(s: string): boolean {
  if (s.length < 10 || s.length > 250) return false;
  if (s.split(/\s+/).length < 3 || /^\p{Ll}/u.test(s)) return false; // headlines start with a capital (in scripts that have them)
  if (isFurniture(s) || isByline(s) || isParenCredit(s) || dateLine(s)) return false;
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  return letters / s.length > 0.5 && !/[:,]$/.test(s);
}

/** A body paragraph: long prose, where the article proper begins. */
const isBodyLine = (s: string) => s.length >= 150 || (s.length >= 90 && /[.!?”"]$/.test(s));

// ---------------------------------------------------------------- the finder

const HEAD_LINES = 30;
const TAIL_LINES = 10;

export function findMetadata(text: string, hints: MetadataHints = {}): FoundMetadata {
  const lines: Line[] = text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, n) => ({ text: t, n }));
  const head = lines.slice(0, HEAD_LINES);

  // ---- title
  const titles: Found<string | null>[] = [...(hints.title ?? [])].filter((h) => h.value.trim());
  let titleAt = -1;
  for (const l of head.slice(0, 15)) {
    const repeated = head.find((m) => m.n !== l.n && m.text.length >= 15 && l.text.length > m.text.length + 1 && l.text.endsWith(m.text));
    if (repeated && l.text.length - repeated.text.length <= 80 && !/[.!?]\s/.test(l.text.slice(0, -repeated.text.length))) {
      titles.push({ value: repeated.text, confidence: 'high', how: 'headline repeated after a breadcrumb line' });
      // The headline's own line, not the breadcrumb's, marks where the article starts.
      titleAt = head.find((m) => m.text === repeated.text)?.n ?? l.n;
      break;
    }
  }
  if (titleAt < 0) {
    const first = head.slice(0, 12).find((l) => headlineLike(l.text) && !isBreadcrumbOf(l, head));
    if (first) {
      titleAt = first.n;
      const sentence = first.text.length > 150 && /[.!?]$/.test(first.text);
      titles.push({
        value: first.text,
        confidence: sentence ? 'low' : 'medium',
        how: first.n === 0 ? 'first line of the text' : 'first headline-like line near the top',
      });
    }
  }
  const title = best(titles) ?? { value: null, confidence: 'none' as const, how: 'no title found' };
  if (title.value && titleAt < 0) titleAt = head.find((l) => l.text === title.value)?.n ?? -1;

  // ---- bylines, credits
  const outlets: Found<string | null>[] = [...(hints.outlet ?? [])];
  const authorsFound: Found<string[]>[] = [...(hints.authors ?? [])].filter((h) => h.value.length);
  const dates: Found<Published>[] = [];
  const wires: Found<string>[] = [];
  const rejected: string[] = [];

  for (const p of hints.published ?? []) {
    const d = parseDate(p.value);
    if (d?.date) dates.push({ value: d, confidence: p.confidence, how: p.how });
  }
  for (const b of hints.byline ?? []) {
    const parsed = parseByline(b.value);
    if (!parsed) continue;
    if (parsed.authors.length) authorsFound.push({ value: parsed.authors, confidence: b.confidence, how: b.how });
    if (parsed.wire) wires.push({ value: parsed.wire, confidence: b.confidence, how: b.how });
  }

  const bylineAt: number[] = [];
  for (const l of head) {
    if (!isByline(l.text)) continue;
    const b = parseByline(l.text);
    if (!b) continue;
    bylineAt.push(l.n);
    if (b.outlet) outlets.push({ value: b.outlet, confidence: 'high', how: 'byline' });
    if (b.authors.length) authorsFound.push({ value: b.authors, confidence: 'high', how: 'byline' });
    if (b.wire) wires.push({ value: b.wire, confidence: 'high', how: `byline "By ${b.wire}"` });
    if (b.date) dates.push({ value: b.date, confidence: 'high', how: 'date in the byline' });
  }

  for (const l of head.slice(0, 15)) {
    if (!isParenCredit(l.text)) continue;
    const inner = l.text.slice(1, -1).trim();
    const wire = wireName(inner);
    if (wire) wires.push({ value: wire, confidence: 'medium', how: `credit "(${inner})" near the top` });
    else if (looksLikeOrgName(inner) && !/\b(photo|file|updated|video|image|reuters|ap)\b/i.test(inner))
      outlets.push({ value: inner, confidence: 'medium', how: `parenthetical credit "(${inner})" near the top` });
  }

  // ---- dates: whole date lines, placed relative to the headline and the byline
  let bodyAt = lines.findIndex((l) => l.n > titleAt && isBodyLine(l.text));
  if (bodyAt < 0) bodyAt = lines.length;
  for (const l of head) {
    const d = dateLine(l.text);
    if (!d) continue;
    const quoted = `"${l.text}"`;
    const nearByline = bylineAt.some((b) => Math.abs(b - l.n) === 1);
    if (titleAt >= 0 && l.n < titleAt) {
      if (d.weekday) rejected.push(`${quoted} above the headline looks like the site's date of viewing, not the publication date`);
      else dates.push({ value: d.published, confidence: 'low', how: 'date line above the headline' });
    } else if (titleAt < 0 && l.n < 3 && d.weekday) {
      rejected.push(`${quoted} at the very top looks like the site's date of viewing, not the publication date`);
    } else if (d.label === 'published') {
      dates.push({ value: d.published, confidence: 'high', how: `labelled date line ${quoted}` });
    } else if (d.label === 'updated') {
      dates.push({ value: d.published, confidence: 'medium', how: `"updated" date line ${quoted}` });
    } else if (nearByline) {
      dates.push({ value: d.published, confidence: 'high', how: 'date line next to the byline' });
    } else if (titleAt >= 0 && l.n > titleAt && l.n <= titleAt + 6 && l.n < bodyAt) {
      dates.push({ value: d.published, confidence: 'high', how: 'dateline under the title' });
    } else if (l.n < bodyAt) {
      dates.push({ value: d.published, confidence: 'low', how: `date line before the article text ${quoted}` });
    }
  }
  for (const l of lines.slice(Math.max(HEAD_LINES, lines.length - TAIL_LINES))) {
    if (l.text.length > 100) continue;
    const d = findDate(l.text);
    if (d) dates.push({ value: d.published, confidence: 'low', how: `date near the end of the text (a re-post or footer time?) "${l.text}"` });
  }

  // ---- wire credits and self-references, anywhere
  for (const l of lines) {
    const s = l.text;
    let m: RegExpExecArray | null;
    if ((m = WIRE_CREDIT_LINE.exec(s)) && wireName(m[1])) wires.push({ value: wireName(m[1])!, confidence: 'high', how: `credit line "${s.slice(0, 60)}"` });
    if ((m = WIRE_DATELINE.exec(s)) && wireName(m[1])) wires.push({ value: wireName(m[1])!, confidence: 'high', how: `dateline credit "(${m[1]})"` });
    if ((m = WIRE_SIGN_OFF.exec(s)) && wireName(m[1]))
      wires.push({ value: wireName(m[1])!, confidence: 'medium', how: `sign-off "–${m[1]}" at the end of a paragraph` });
    if ((m = WIRE_INPUTS.exec(s)) && wireName(m[1])) wires.push({ value: wireName(m[1])!, confidence: 'medium', how: `credit "${s.slice(0, 60)}"` });
    // Low: a lone agency name may also be a photo credit under a picture.
    if ((m = WIRE_ALONE.exec(s)) && wireName(m[1])) wires.push({ value: wireName(m[1])!, confidence: 'low', how: `credit line "${s}"` });
    if (/\bReporting by\b.+\bEditing by\b/i.test(s) && s.length < 400)
      wires.push({ value: 'Reuters', confidence: 'low', how: 'Reuters-style "Reporting by …; Editing by …" credits' });

    if (
      (m =
        /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([\p{Lu}][\p{L}\d'’.&-]*(?:\s+(?:[\p{Lu}][\p{L}\d'’.&-]*|of|for|the|and|&)){0,5})/iu.exec(
          s,
        )) &&
      s.length < 200
    ) {
      const name = m[1]
        .replace(/\s+(All|Inc\.?|LLC|Ltd\.?|L\.P\.|LP|Limited|Corp\.?)(\s.*)?$/, '')
        .replace(/(\p{L}{2,})\.$/u, '$1')
        .trim();
      const wire = wireName(name);
      if (wire) wires.push({ value: wire, confidence: 'medium', how: `copyright line "${s.slice(0, 60)}"` });
      else if (looksLikeOrgName(name) && !/^(All|The)$/i.test(name)) outlets.push({ value: name, confidence: 'medium', how: 'copyright line' });
    }
    for (const re of SELF_REFERENCES) {
      const r = re.exec(s);
      const name = r?.[1]?.trim();
      if (name && looksLikeOrgName(name) && !NOT_AN_OUTLET.test(name) && !wireName(name)) {
        outlets.push({ value: name, confidence: 'low', how: `self-reference "${r![0].replace(/^[.!?]\s+/, '').slice(0, 60)}"` });
      }
    }
  }

  const published = best(dates);
  const outlet = best(outlets);
  const authors = best(authorsFound);
  const wire = best(wires)?.value ?? null;
  return {
    title,
    outlet: outlet ?? { value: null, confidence: 'none', how: 'the text names no outlet' },
    authors: authors ?? { value: [], confidence: 'none', how: 'no byline found' },
    published: published ?? {
      value: NO_DATE,
      confidence: 'none',
      how: ['no publication date found in the text', ...rejected].join('; '),
    },
    wire,
    independenceGroup: wire ?? outlet?.value ?? null,
  };
}

/** "HomeWorldUS strikes…" is a breadcrumb of a later line; used when no breadcrumb matched earlier. */
function isBreadcrumbOf(l: Line, head: Line[]): boolean {
  return head.some((m) => m.n !== l.n && m.text.length >= 15 && l.text.length > m.text.length && l.text.endsWith(m.text));
}

const NAME = `([\\p{Lu}][\\p{L}\\d'’.&-]*(?:\\s+[\\p{Lu}][\\p{L}\\d'’.&-]*){0,3})`;
const SELF_REFERENCES = [
  new RegExp(`(?:^|[.!?]\\s+)${NAME}\\s+[–—-]\\s+with\\s+(?:[\\p{L}]+\\s+){0,3}(?:reporters|journalists|editors|correspondents|columnists|reporting)\\b`, 'u'),
  new RegExp(`\\b(?:[Ss]ubscribe|[Ss]upport|[Dd]onate)\\s+to\\s+${NAME}(?=[\\s.,!]|$)`, 'u'),
  new RegExp(`\\bget\\s+${NAME}['’]s\\s+(?:news|journalism|reporting|stories|newsletter|updates)`, 'u'),
];
const NOT_AN_OUTLET =
  /^The$|^(Our|This|Us|Me|My|Your|Newsletter|Newsletters|Updates|Notifications|YouTube|Telegram|WhatsApp|Facebook|Twitter|Instagram|Google|Apple|RSS|Email|Premium|Plus)\b/i;
