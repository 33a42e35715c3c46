// The canonical text is paragraphs separated by blank lines. Readers render each paragraph as a
// <p> while keeping offsets into the whole text, so a search hit (or, later, an annotation) can be
// found and marked in the right place.

export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  return paragraphsOf(text, paragraphBounds(text));
}

/** Each paragraph's [start, end) as pairs, what splitParagraphs returns without its objects (a worker sends it back as is). */
export function paragraphBounds(text: string): Int32Array {
  let out = new Int32Array(1024);
  let n = 0;
  const push = (start: number, end: number) => {
    // Trim leading and trailing whitespace without losing the offsets.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) return;
    if (n + 2 > out.length) {
      const more = new Int32Array(out.length * 2);
      more.set(out);
      out = more;
    }
    out[n++] = start;
    out[n++] = end;
  };
  const sep = /\n[ \t]*\n\s*/g;
  let at = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, text.length);
  return out.slice(0, n);
}

/** The paragraphs of `text` at `bounds` (as paragraphBounds returns them). */
export function paragraphsOf(text: string, bounds: Int32Array): Paragraph[] {
  const out: Paragraph[] = new Array<Paragraph>(bounds.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const start = bounds[2 * i];
    const end = bounds[2 * i + 1];
    out[i] = { start, end, text: text.slice(start, end) };
  }
  return out;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Splits a paragraph into plain and marked runs for the range [start, end) of the whole text. */
export function segmentParagraph(p: Paragraph, mark: { start: number; end: number } | null): Segment[] {
  if (!mark || mark.end <= p.start || mark.start >= p.end) return [{ text: p.text, marked: false }];
  const a = Math.max(mark.start, p.start) - p.start;
  const b = Math.min(mark.end, p.end) - p.start;
  return [
    { text: p.text.slice(0, a), marked: false },
    { text: p.text.slice(a, b), marked: true },
    { text: p.text.slice(b), marked: false },
  ].filter((s) => s.text.length > 0);
}

/**
 * Where a search hit really is in the text. Trusts the offsets when they point at the matched
 * words; otherwise looks for the words with their context nearby, then anywhere.
 */
export function locateHit(
  text: string,
  hit: { start: number; end: number; before: string; match: string; after: string },
): { start: number; end: number } | null {
  if (hit.end > hit.start && text.slice(hit.start, hit.end) === hit.match) return { start: hit.start, end: hit.end };
  if (!hit.match) return null;
  const withContext = hit.before + hit.match + hit.after;
  const ctxAt = withContext.length > hit.match.length ? text.indexOf(withContext) : -1;
  if (ctxAt >= 0) return { start: ctxAt + hit.before.length, end: ctxAt + hit.before.length + hit.match.length };
  let best = -1;
  for (let i = text.indexOf(hit.match); i >= 0; i = text.indexOf(hit.match, i + 1)) {
    if (best < 0 || Math.abs(i - hit.start) < Math.abs(best - hit.start)) best = i;
  }
  return best >= 0 ? { start: best, end: best + hit.match.length } : null;
}

/** Index of the paragraph holding `offset`, or of the first one after it (paragraphs.length past the end). */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Consecutive paragraphs [from, to) that a long text is rendered by, and their characters. */
export interface Chunk {
  from: number;
  to: number;
  chars: number;
}

/**
 * Cuts the paragraphs into chunks of about `chars` characters (whole paragraphs; a paragraph longer
 * than that is a chunk of its own), in order, covering every paragraph.
 */
export function chunkParagraphs(paragraphs: readonly Paragraph[], chars: number): Chunk[] {
  const out: Chunk[] = [];
  let from = 0;
  let n = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const len = paragraphs[i].end - paragraphs[i].start;
    if (i > from && n + len > chars) {
      out.push({ from, to: i, chars: n });
      from = i;
      n = 0;
    }
    n += len;
  }
  if (paragraphs.length > from) out.push({ from, to: paragraphs.length, chars: n });
  return out;
}

/** Index of the chunk holding paragraph `index` (chunks as chunkParagraphs returns them). */
export function chunkOf(chunks: readonly Chunk[], index: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].to <= index) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}
