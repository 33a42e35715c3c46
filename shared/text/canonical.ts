// Canonical text: the one form of a source's text that every offset (annotations, page ranges,
// search hits) points into. It must be stable: canonicalize(canonicalize(x)) === canonicalize(x),
// so a page canonicalised alone and the whole document agree, and a re-import gives the same offsets.
//
// Rules, in order:
//  1. Unicode NFC, so "é" typed two ways is one string.
//  2. CRLF and CR become LF; U+2028 (line separator) becomes LF, U+2029 (paragraph separator) a blank line.
//  3. Invisible characters go: C0/C1 controls (except LF), zero-width space, word joiner, BOM,
//     soft hyphen and bidi embedding/override/isolate marks. ZWJ and ZWNJ stay: they change
//     how Persian, Indic scripts and emoji are spelled, so removing them would alter the words.
//  4. Tabs, NBSP and every other Unicode space become a plain space; runs collapse to one; lines are trimmed.
//  5. Paragraphs (blocks between blank lines) are separated by exactly one blank line ("\n\n").
//  6. Inside a block, short lines keep their single "\n" (addresses, lists, a title and its dateline),
//     but hard-wrapped prose (long lines of similar length, ending mid-sentence) is unwrapped into one line.

const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SPACES = /[\t\p{Zs}]+/gu;

/** Shortest width (characters) at which a block of lines can be wrapped prose rather than a list. */
const MIN_WRAP_WIDTH = 40;
/** A line counts as "full" when it reaches this share of the block's widest line. */
const FULL_LINE = 0.6;

export function canonicalize(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/\u2028/g, '\n')
    .replace(SPACES, ' ') // before INVISIBLE: tabs are spaces, not deleted
    .replace(INVISIBLE, '');
  const blocks: string[] = [];
  let current: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/ {2,}/g, ' ').trim();
    if (line === '') {
      if (current.length) blocks.push(unwrapBlock(current));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(unwrapBlock(current));
  return blocks.join('\n\n');
}

/** Unwraps until nothing changes, so canonicalize stays idempotent when a join makes a new wrap visible. */
function unwrapBlock(lines: string[]): string {
  let out = unwrap(lines);
  for (let guard = 0; guard < 8 && out.includes('\n'); guard++) {
    const again = unwrap(out.split('\n'));
    if (again === out) break;
    out = again;
  }
  return out;
}

const ENDS_SENTENCE = /[.!?:;…"”’)\]»]$/u;

/** Joins the lines of a block that look hard-wrapped; leaves deliberate short lines alone. */
function unwrap(lines: string[]): string {
  if (lines.length < 2) return lines.join('\n');
  const width = Math.max(...lines.map((l) => l.length));
  if (width < MIN_WRAP_WIDTH) return lines.join('\n');
  const body = lines.slice(0, -1);
  const full = body.filter((l) => l.length >= width * FULL_LINE);
  const midSentence = body.filter((l) => l.length >= width * FULL_LINE && !ENDS_SENTENCE.test(l));
  // Wrapped prose: most lines run to the margin, and at least one breaks mid-sentence.
  if (full.length < Math.ceil(body.length * 0.75) || midSentence.length === 0) return lines.join('\n');
  let out = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    if (prev.length >= width * FULL_LINE) {
      // "well-\nknown" keeps its hyphen: removing it could merge two words that belonged apart.
      out += /\p{L}-$/u.test(prev) && /^\p{Ll}/u.test(lines[i]) ? lines[i] : ' ' + lines[i];
    } else out += '\n' + lines[i];
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/** Spans of the paragraphs of a canonical text (blocks between "\n\n"), empty text → none. */
export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    const next = text.indexOf('\n\n', start);
    const end = next === -1 ? text.length : next;
    if (end > start) spans.push({ start, end });
    if (next === -1) break;
    start = next + 2;
  }
  return spans;
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** The text's base direction: right-to-left when most strong letters are Hebrew, Arabic, Syriac, Thaana… */
export function detectDirection(text: string): 'ltr' | 'rtl' {
  let rtl = 0;
  let ltr = 0;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const ch of sample) {
    if (RTL_CHAR.test(ch)) rtl++;
    else if (/\p{L}/u.test(ch)) ltr++;
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}

// Frequent short words per language: cheap, and right for news-length texts in these languages.
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'for', 'on', 'with', 'said', 'by', 'at', 'from'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'que', 'dans', 'pour', 'qui', 'sur', 'pas'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'den', 'mit', 'von', 'sich', 'auf', 'ein', 'eine', 'dem', 'wurde'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'un', 'una', 'por', 'con', 'para', 'del', 'según'],
  it: ['il', 'di', 'che', 'e', 'la', 'della', 'per', 'un', 'una', 'sono', 'nel', 'gli', 'alla', 'delle', 'anche'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'do', 'da', 'foi'],
  nl: ['de', 'het', 'een', 'en', 'van', 'niet', 'dat', 'is', 'op', 'met', 'voor', 'zijn', 'werd', 'bij', 'ook'],
};

/** A BCP 47 primary language tag guessed from script and frequent words, or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const letters = count(/\p{L}/gu);
  if (letters < 20) return null;
  const share = (re: RegExp) => count(re) / letters;
  if (share(/\p{Script=Arabic}/gu) > 0.5) return count(/[پچژگکی]/gu) > letters * 0.02 ? 'fa' : 'ar';
  if (share(/\p{Script=Hebrew}/gu) > 0.5) return 'he';
  if (share(/\p{Script=Cyrillic}/gu) > 0.5) return count(/[іїєґ]/giu) > 0 ? 'uk' : 'ru';
  if (share(/\p{Script=Hangul}/gu) > 0.3) return 'ko';
  if (share(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 0.1) return 'ja';
  if (share(/\p{Script=Han}/gu) > 0.3) return 'zh';
  if (share(/\p{Script=Greek}/gu) > 0.5) return 'el';
  if (share(/\p{Script=Latin}/gu) < 0.5) return null;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 10) return null;
  const freq = new Map<string, number>();
  for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
  const scores = Object.entries(STOPWORDS)
    .map(([lang, list]) => [lang, list.reduce((s, w) => s + (freq.get(w) ?? 0), 0) / words.length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  return best[1] >= 0.08 && best[1] > second[1] * 1.3 ? best[0] : null;
}
