// A PDF page's text items rebuilt into lines and paragraphs, faithfully: a glyph with no Unicode
// mapping is kept as U+FFFD (never dropped), right-to-left lines are put back in reading order,
// and a word split by a line-end hyphen is joined only when the joined word is a word.
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { joinsIntoName } from './hyphen-names.ts';

export interface Line {
  text: string;
  y: number;
  size: number;
}

/**
 * Characters pdf.js hands over for glyphs it cannot map to Unicode: control codes (the glyph's
 * code as a character). Canonicalisation deletes controls, which turned "Version 1.1" into
 * "Version ."; U+FFFD keeps the place of the lost character and can be searched for.
 */
// eslint-disable-next-line no-control-regex
const UNMAPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/g;
const isRtl = (s: string) => (s.match(RTL_CHAR)?.length ?? 0) > (s.match(LTR_CHAR)?.length ?? 0);

interface Piece {
  str: string;
  x: number;
  end: number;
  size: number;
}

/** Joins a line's pieces; a right-to-left line is read from its rightmost piece (pdf.js gives each piece in logical order). */
function joinPieces(pieces: Piece[]): string {
  const rtl = isRtl(pieces.map((p) => p.str).join(''));
  const ordered = rtl ? [...pieces].sort((a, b) => b.end - a.end) : pieces;
  let text = '';
  let prev: Piece | null = null;
  for (const p of ordered) {
    if (prev) {
      const gap = rtl ? prev.x - p.end : p.x - prev.end;
      const spaced = /\s$/.test(text) || /^\s/.test(p.str);
      if (!spaced && (gap > p.size * 0.15 || gap < -Math.max(p.size, prev.size))) text += ' ';
    }
    text += p.str;
    prev = p;
  }
  return text;
}

/** Joins a page's text items into lines: a new line at an end-of-line mark or a change of baseline. */
export function linesOf(items: (TextItem | TextMarkedContent)[], unmapped: { count: number }): Line[] {
  const lines: Line[] = [];
  let cur: { pieces: Piece[]; y: number; size: number } | null = null;
  const finish = () => {
    if (cur) {
      const text = joinPieces(cur.pieces);
      if (text.trim()) lines.push({ text, y: cur.y, size: cur.size });
    }
    cur = null;
  };
  // Text drawn again over itself (a fake bold, a shadow, an outline: the same words a fraction of
  // their size apart) is read once, as a reader sees it once: by its string, where it was drawn.
  const drawn = new Map<string, Array<[number, number]>>();
  const overprinted = (str: string, x: number, y: number, size: number): boolean => {
    if (!str.trim()) return false;
    // Closer than any two glyphs of a line stand (a thin glyph such as an apostrophe is about a fifth of the size wide).
    const near = size * (str.trim().length > 1 ? 0.1 : 0.05);
    const at = drawn.get(str);
    if (at?.some(([px, py]) => Math.abs(px - x) <= near && Math.abs(py - y) <= near)) return true;
    if (at) at.push([x, y]);
    else drawn.set(str, [[x, y]]);
    return false;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    if (item.str && overprinted(item.str, x, y, size)) {
      if (item.hasEOL) finish();
      continue;
    }
    if (item.str) {
      const str = item.str.replace(UNMAPPED, () => (unmapped.count++, '\uFFFD'));
      if (cur && Math.abs(y - cur.y) > Math.max(size, cur.size) * 0.5) finish();
      const piece = { str, x, end: x + item.width, size };
      if (!cur) cur = { pieces: [piece], y, size };
      else {
        cur.pieces.push(piece);
        cur.size = Math.max(cur.size, size);
      }
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

/** Lines into a page's raw text: a blank line where the gap is wider than the usual leading, or the type size changes. */
export function pageText(lines: Line[]): string {
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((g) => g > 0)
    .sort((p, q) => p - q);
  const leading = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  let out = '';
  lines.forEach((l, i) => {
    if (i > 0) {
      const prev = lines[i - 1];
      const gap = prev.y - l.y;
      const newParagraph = gap < 0 || (leading > 0 && gap > leading * 1.45) || Math.abs(prev.size - l.size) > Math.min(prev.size, l.size) * 0.2;
      out += newParagraph ? '\n\n' : '\n';
    }
    out += l.text;
  });
  return out;
}

/** A line ending in a word and a hyphen, and the next line starting with the rest of it in lower case. */
const HYPHEN_END = /(\p{L}+)[-\u00AD\u2010]$/u;
const NEXT_START = /^(\p{Ll}[\p{L}]*)/u;

/** Words of a text, lower-cased, for the document's own vocabulary. */
export function vocabulary(texts: string[]): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) words.add(w);
  return words;
}

export interface Dehyphenation {
  joined: number;
  kept: number;
}

/**
 * Joins words split by a line-end hyphen ("al-" / "ternative" → "alternative") where the joined
 * word is a word: the document spells it so elsewhere, or the word list has it (or lacks the part
 * after the hyphen, as it lacks the end of a name cut at the line end) and the document never
 * writes it hyphenated. A real hyphen ("Iran-" / "backed") stays, the two parts joined
 * without a space, as the line break between them is not in the text.
 */
export function dehyphenate(lines: Line[], known: Set<string>, isWord: (w: string) => boolean, counts: Dehyphenation): Line[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < out.length; i++) {
    out[i].text = out[i].text.trimEnd();
    const end = HYPHEN_END.exec(out[i].text);
    const start = NEXT_START.exec(out[i + 1].text);
    if (!end || !start) continue;
    const head = end[1];
    // The word's end with what sticks to it ("ternative," or "backed.").
    const token = /^\S+/u.exec(out[i + 1].text)![0];
    const tail = start[1];
    const joined = (head + tail).toLowerCase();
    const hyphenated = `${head}-${tail}`.toLowerCase();
    // A real hyphen joins words ("Iran-backed", "Saudi-led": the part after it is a word); a part
    // that is no word on its own is the rest of a word the line end cut ("Pak-" / "istan",
    // "Ken-" / "tucky": names the word list lacks), and so is one that makes a known name with
    // the part before ("Ger-" / "many": hyphen-names.ts).
    const join =
      known.has(joined) || (!known.has(hyphenated) && (isWord(joined) || (tail.length >= 3 && !isWord(tail.toLowerCase())) || joinsIntoName(head, tail)));
    out[i].text = out[i].text.slice(0, -end[0].length) + head + (join ? '' : '-') + token;
    out[i + 1].text = out[i + 1].text.slice(token.length).replace(/^\s+/, '');
    if (join) counts.joined++;
    else counts.kept++;
    // A line that was only the end of the word is gone: the next line's own words stay on it.
    if (!out[i + 1].text) {
      out.splice(i + 1, 1);
      i--;
    }
  }
  return out;
}
