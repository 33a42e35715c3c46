// Where each character of a page's canonical text sits among the page's pdf.js text items.
// The importer built that text from the same items (joined into lines and paragraphs, then
// canonicalised: spaces collapsed, invisible characters dropped, wrapped lines unwrapped), so the
// two agree on every visible character and differ only in whitespace and the odd dropped mark.
// The walk compares visible characters only and resynchronises over small differences; when too
// much disagrees it gives up, so the caller shows no box rather than a wrong one.

/** A text item as far as alignment cares: its string. */
export interface ItemText {
  str: string;
}

export interface Alignment {
  /** Per canonical offset: the item index, or -1 where the character has no place (whitespace, a dropped mark). */
  item: Int32Array;
  /** Per canonical offset: the character index within the item's NFC string. */
  char: Int32Array;
  /** Each item's string as it was measured (NFC), so positions divide its width proportionally. */
  strings: string[];
}

export interface ItemRange {
  item: number;
  /** Characters [from, to) of the item's NFC string. */
  from: number;
  to: number;
}

// The characters canonicalisation removes or turns into spaces: never compared.
const SKIP = /[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** How far ahead the walk looks (in visible characters, on each side) to get back in step. */
const WINDOW = 12;
/** Characters that must agree after a skip for the walk to trust it is back in step. */
const AGREE = 3;

/**
 * Aligns `text` (one page's canonical text) to the page's items. Returns null when more than a few
 * visible characters (2%, at least 3) could not be placed.
 */
export function alignPage(text: string, items: readonly ItemText[]): Alignment | null {
  const strings = items.map((it) => it.str.normalize('NFC'));
  const src: number[] = []; // canonical offsets of visible characters
  for (let i = 0; i < text.length; i++) if (!SKIP.test(text[i])) src.push(i);
  const dstItem: number[] = [];
  const dstChar: number[] = [];
  const dst: string[] = [];
  strings.forEach((s, k) => {
    for (let c = 0; c < s.length; c++) {
      if (SKIP.test(s[c])) continue;
      dstItem.push(k);
      dstChar.push(c);
      dst.push(s[c]);
    }
  });

  const item = new Int32Array(text.length).fill(-1);
  const char = new Int32Array(text.length).fill(-1);
  const same = (i: number, j: number) => text[src[i]] === dst[j];
  const agree = (i: number, j: number) => {
    for (let n = 0; n < AGREE; n++) {
      if (i + n >= src.length || j + n >= dst.length) return i + n >= src.length && n > 0;
      if (!same(i + n, j + n)) return false;
    }
    return true;
  };

  let unplaced = 0;
  let i = 0;
  let j = 0;
  while (i < src.length && j < dst.length) {
    if (same(i, j)) {
      item[src[i]] = dstItem[j];
      char[src[i]] = dstChar[j];
      i++;
      j++;
      continue;
    }
    // Out of step: the nearest pair of skips (fewest characters passed over) after which they agree.
    let best: [number, number] | null = null;
    for (let total = 1; total <= 2 * WINDOW && !best; total++) {
      for (let a = Math.max(0, total - WINDOW); a <= Math.min(total, WINDOW); a++) {
        if (agree(i + a, j + total - a)) {
          best = [a, total - a];
          break;
        }
      }
    }
    if (!best) return null;
    unplaced += best[0];
    i += best[0];
    j += best[1];
  }
  unplaced += src.length - i;
  if (unplaced > Math.max(3, src.length * 0.02)) return null;
  return { item, char, strings };
}

/**
 * The parts of items that show the canonical characters [start, end) of the page, in item order.
 * Whitespace inside an item between placed characters is covered; characters with no place are not.
 */
export function itemRanges(a: Alignment, start: number, end: number): ItemRange[] {
  const byItem = new Map<number, ItemRange>();
  for (let o = Math.max(0, start); o < Math.min(end, a.item.length); o++) {
    const k = a.item[o];
    if (k < 0) continue;
    const c = a.char[o];
    const r = byItem.get(k);
    if (!r) byItem.set(k, { item: k, from: c, to: c + 1 });
    else {
      r.from = Math.min(r.from, c);
      r.to = Math.max(r.to, c + 1);
    }
  }
  return [...byItem.values()].sort((p, q) => p.item - q.item);
}
