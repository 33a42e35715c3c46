// UTF-16 offsets (what JS strings, the DOM and our stored targets use) and Unicode code-point
// offsets (what the W3C TextPositionSelector requires, and what Python or Rust readers of an export
// count in). The two differ by one for every astral character before the offset: emoji, rarer CJK
// ideographs (U+20000…), historic scripts. Only surrogate *pairs* count as one code point; a lone
// surrogate (broken text) counts as one, as String.prototype[Symbol.iterator] does.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (an offset no selection may use). */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Moves an offset that splits a pair back to the start of that character. */
export const snapBack = (text: string, offset: number): number => (splitsPair(text, offset) ? offset - 1 : offset);

/** Moves an offset that splits a pair forward to the end of that character. */
export const snapForward = (text: string, offset: number): number => (splitsPair(text, offset) ? offset + 1 : offset);

export interface CodePointIndex {
  /** Length of the text in code points. */
  readonly codePoints: number;
  /** UTF-16 offset → code-point offset. An offset inside a pair counts as the start of that character. */
  toCodePoint(utf16Offset: number): number;
  /** Code-point offset → UTF-16 offset (never inside a pair). */
  fromCodePoint(cpOffset: number): number;
}

/**
 * Builds, once per text (O(n)), a converter answering each conversion in O(log p), p = the number of
 * astral characters. An export of thousands of annotations on one long source builds one index.
 */
export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high half of every valid pair, in order.
  const found: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      found.push(i);
      i++;
    }
  }
  const pairs = Uint32Array.from(found);
  const codePoints = text.length - pairs.length;

  /** Number of i in [0, pairs.length) with key(i) < value; key must increase with i. */
  const countBelow = (value: number, key: (i: number) => number): number => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(mid) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    codePoints,
    toCodePoint(u) {
      if (!Number.isInteger(u) || u < 0 || u > text.length) throw new RangeError(`UTF-16 offset ${u} outside 0..${text.length}`);
      // Each pair that starts before u has taken two units for one code point. A u inside a pair
      // counts that pair too, which lands on the start of the character.
      return u - countBelow(u, (i) => pairs[i]);
    },
    fromCodePoint(cp) {
      if (!Number.isInteger(cp) || cp < 0 || cp > codePoints) throw new RangeError(`code-point offset ${cp} outside 0..${codePoints}`);
      // Pair i sits at code-point offset pairs[i] - i; every pair before cp adds one unit.
      return cp + countBelow(cp, (i) => pairs[i] - i);
    },
  };
}

// A one-entry memo: the single-offset helpers are usually called in a loop over one text.
let memo: { text: string; index: CodePointIndex } | null = null;
const indexFor = (text: string): CodePointIndex => {
  if (memo === null || memo.text !== text) memo = { text, index: codePointIndex(text) };
  return memo.index;
};

/** UTF-16 offset → code-point offset. For many conversions on one text, prefer codePointIndex. */
export const toCodePointOffset = (text: string, utf16Offset: number): number => indexFor(text).toCodePoint(utf16Offset);

/** Code-point offset → UTF-16 offset. For many conversions on one text, prefer codePointIndex. */
export const fromCodePointOffset = (text: string, cpOffset: number): number => indexFor(text).fromCodePoint(cpOffset);
