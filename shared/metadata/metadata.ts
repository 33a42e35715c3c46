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
import type { Confidence, Published } from '../model/source.ts';
import { BY_PREFIX, looksLikeOrgName, parseByline, WIRE_ALONE, WIRE_CREDIT_LINE, WIRE_DATELINE, WIRE_INPUTS, WIRE_SIGN_OFF, wireName } from './bylines.ts';
import { dateLine, findDate, leadingDateline, NO_DATE, parseDate } from './datelines.ts';

export { findDate, parseDate, parseIsoDate } from './datelines.ts';
export { outletOfHost } from './outlet-hosts.ts';
export { looksLikePersonName, parseByline, wireName } from './bylines.ts';

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
  /^(?:and|et|y|und|avec|con|mit|of|the|de|da|del|der|van|von|la|le|bin|al|on|at|in|for|with|staff|reporter|correspondent|writer|editor|contributor|news|updated|published|posted|am|pm|a\.m\.|p\.m\.)$/;
const isByline = (s: string) => {
  const m = BY_PREFIX.exec(s);
  if (!m || s.length > 250 || !s.slice(m[0].length).trim()) return false;
  const lower = (s.slice(m[0].length).match(/(?<![\p{L}'’])\p{Ll}[\p{L}.'’-]*/gu) ?? []).filter((w) => !BYLINE_LOWER_OK.test(w));
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
    // A breadcrumb comes before the headline it ends with; a copyright line ending with the outlet's name is no breadcrumb.
    if (/^(?:©|\(c\)|copyright\b)/i.test(l.text)) continue;
    const repeated = head.find((m) => m.n > l.n && m.text.length >= 15 && l.text.length > m.text.length + 1 && l.text.endsWith(m.text));
    // A prefix that runs on into the line as words do ("See also: Mozilla Foundation and <line>") is a sentence, not a breadcrumb.
    const prefix = repeated ? l.text.slice(0, -repeated.text.length) : '';
    if (repeated && l.text.length - repeated.text.length <= 80 && !/[.!?]\s/.test(prefix) && !/\p{Ll}\s+$/u.test(prefix)) {
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
  for (const [k, l] of head.entries()) {
    // "By" (or "Par", "Por", "Von") alone on its line, the names on the next: one byline.
    let text = /^(?:(?:written|posted|reported)\s+)?(?:by|par|por|von|بقلم)$/iu.test(l.text) && head[k + 1] ? `${l.text} ${head[k + 1].text}` : l.text;
    // "By Jane Roe" / "and John Doe": a name list broken over lines.
    const next = head[k + 1]?.text ?? '';
    if (text === l.text && /^(?:and|et|y|und|&)\s+\p{Lu}/u.test(next) && next.length < 80) text = `${text} ${next}`;
    if (!isByline(text)) continue;
    const b = parseByline(text);
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
  for (const l of head.filter((h) => h.n > titleAt && h.n <= Math.max(titleAt, 0) + 8)) {
    const d = leadingDateline(l.text);
    if (d) dates.push({ value: d.published, confidence: 'high', how: `dateline at the start of the article "${d.text}"` });
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

// ---------------------------------------------------------------- page titles

const TITLE_SEPARATOR = /\s+(?:[|–—·»•]|-{1,2}|::)\s+/;
const squashName = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A page's <title> without the site's name: "Obama admits … - BBC News" → "Obama admits …",
 * "Le Monde.fr - Titre" → "Titre". A part is the site's name when it matches one of `names` (the
 * declared site name, the host, the outlet the host maps to), or when it is the short last part
 * (three words or fewer) after a "|" of a title of four words or more (not with `knownOnly`: a
 * declared headline loses only a part that names the site).
 */
export function withoutSiteSuffix(title: string, names: (string | null | undefined)[], opts: { knownOnly?: boolean } = {}): string {
  const known = names
    .filter((n): n is string => !!n)
    .flatMap((n) => [n, n.replace(/^www\./, '').split('.')[0]])
    .map(squashName)
    .filter((n) => n.length >= 2);
  const isSite = (part: string) => {
    const p = squashName(part);
    return !!p && known.some((k) => p === k || (p.length >= 3 && (k.startsWith(p) || p.startsWith(k))));
  };
  let parts = title.split(TITLE_SEPARATOR);
  const seps = title.match(new RegExp(TITLE_SEPARATOR.source, 'g')) ?? [];
  while (parts.length > 1 && isSite(parts[parts.length - 1])) parts = parts.slice(0, -1);
  while (parts.length > 1 && isSite(parts[0])) parts = parts.slice(1);
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  if (!opts.knownOnly && parts.length === 2 && seps.length === 1 && /\|/.test(seps[0]) && words(parts[1]) <= 3 && words(parts[0]) >= 4)
    parts = parts.slice(0, 1);
  // Only whole parts go: the rest is the title as the page writes it, separators included.
  if (parts.length === title.split(TITLE_SEPARATOR).length) return title;
  const start = title.indexOf(parts[0]);
  const last = parts[parts.length - 1];
  return title.slice(start, title.lastIndexOf(last) + last.length).trim();
}
