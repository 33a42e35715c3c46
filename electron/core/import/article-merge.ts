// The article's text from two readings of the page: the page's own text between the article's first
// and last elements (article.ts: keeps the byline, standfirst and paragraphs Readability's cleaning
// drops) and Readability's article (its DOM: holds the text Readability wrapped into paragraphs of its
// own, such as a page's loose text after the last paragraph, which the page's elements cannot name).
// Neither alone holds every sentence, so the text is the page's reading with every paragraph of
// Readability's that it lacks put back after the paragraph that comes before it in Readability's.

const squash = (s: string) => s.replace(/\s+/g, '');

/** Where each character of the squashed text sits in the text. */
function squashedIndex(text: string): { squashed: string; at: number[] } {
  const at: number[] = [];
  let squashed = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    squashed += text[i];
    at.push(i);
  }
  return { squashed, at };
}

/**
 * The first place in `at` (ascending) holding `cursor` or more, -1 if none: found by halving, as a
 * scan from the start for every paragraph made a page of 10,000 paragraphs cost 10,000 scans of its text.
 */
function firstAtOrAfter(at: readonly number[], cursor: number): number {
  let [lo, hi] = [0, at.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length ? lo : -1;
}

/** How much longer than Readability's article the page's reading may be before its span is taken for more than the article. */
export const SPAN_LIMIT = 1.6;

/**
 * `ours` with every paragraph of `readability` it does not hold (spacing aside) inserted where
 * Readability has it: after the end of the paragraph before it, or first. Every character of
 * `ours` stays, in order.
 */
export function withArticleParagraphs(ours: string, readability: string): string {
  const paras = readability
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (!paras.length) return ours;
  let text = ours;
  let index = squashedIndex(text);
  let cursor = 0; // in text: where the last paragraph found or put back ends
  for (const p of paras) {
    const sp = squash(p);
    const from = cursor ? firstAtOrAfter(index.at, cursor) : 0;
    const startSq = from < 0 ? -1 : index.squashed.indexOf(sp, from);
    const anywhere = startSq >= 0 ? startSq : index.squashed.indexOf(sp);
    if (anywhere >= 0) {
      if (startSq >= 0) cursor = index.at[startSq + sp.length - 1] + 1;
      continue;
    }
    // Not in ours: after the paragraph holding the cursor (at its end), or at the top.
    let at = cursor;
    if (at > 0) {
      const end = text.indexOf('\n\n', at);
      at = end < 0 ? text.length : end;
    }
    const piece = at === 0 ? `${p}\n\n` : `\n\n${p}`;
    text = text.slice(0, at) + piece + text.slice(at);
    cursor = at + piece.length - (at === 0 ? 2 : 0);
    index = squashedIndex(text);
  }
  return text;
}

/**
 * The article's text: the page's reading with Readability's missing paragraphs put back; where that
 * reading is far longer than Readability's article (the first and last elements span a front page's
 * teasers or a sidebar between them), Readability's article with the head of the page's reading (the
 * headline, standfirst and byline before Readability's first paragraph).
 */
export function mergeArticle(ours: string, readability: string): string {
  const merged = withArticleParagraphs(ours, readability);
  const refLength = squash(readability).length;
  if (!refLength || squash(merged).length <= refLength * SPAN_LIMIT) return merged;
  const first = readability
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .find((p) => /[\p{L}\p{N}]/u.test(p));
  const at = first ? ours.indexOf(first) : -1;
  const head = at > 0 ? ours.slice(0, at).trim() : '';
  return head && squash(head).length <= refLength * 0.5 ? `${head}\n\n${readability.trim()}` : readability.trim();
}
