// From a selection on the Pages view's text layers to offsets in the source's canonical text.
//
// pdf.js's TextLayer draws one transparent span per text item over the canvas (the item's `str`,
// placed and stretched to sit on the drawn glyphs), so a user can select words on the page as in
// pdf.js's own viewer. Those spans hold the PDF's strings, not the canonical text, so a DOM point
// (span, character) maps through the page's alignment (renderer/pdf/align.ts): a selection's start
// goes to the first canonical character placed at or after it, its end to just after the last one
// placed before it. Points that fall outside any span (a drag into a gap between lines, the page's
// margin, the space between two pages) snap to the nearest text in the right direction.
import type { Alignment } from './align.ts';

/** One drawn page's text layer, as far as mapping a selection cares. */
export interface LayerPage {
  /** The text layer's container. */
  layer: HTMLElement;
  /** The span of each text item, by item index (pdf.js's `textDivs`, same order as the items aligned). */
  divs: readonly HTMLElement[];
  /** Offset of the page's text in the canonical text. */
  start: number;
  alignment: Alignment;
}

/** Canonical offsets (page-relative) of the characters the alignment placed, in order, with their (item, char). */
interface Placed {
  offset: Int32Array;
  item: Int32Array;
  char: Int32Array;
}

const placedCache = new WeakMap<Alignment, Placed>();

function placedOf(a: Alignment): Placed {
  let p = placedCache.get(a);
  if (p) return p;
  let n = 0;
  for (let o = 0; o < a.item.length; o++) if (a.item[o] >= 0) n++;
  p = { offset: new Int32Array(n), item: new Int32Array(n), char: new Int32Array(n) };
  for (let o = 0, k = 0; o < a.item.length; o++) {
    if (a.item[o] < 0) continue;
    p.offset[k] = o;
    p.item[k] = a.item[o];
    p.char[k] = a.char[o];
    k++;
  }
  placedCache.set(a, p);
  return p;
}

/**
 * The page-relative canonical offset of the point just before character `char` (NFC index) of item
 * `item`: for a selection's start, the first placed character at or after it; for its end, just
 * after the last placed character before it. Null when there is none that way on the page.
 * The alignment walks items and characters in order, so placed characters are sorted by (item, char).
 */
export function pageOffsetAt(a: Alignment, item: number, char: number, edge: 'start' | 'end'): number | null {
  const p = placedOf(a);
  // First placed index whose (item, char) is >= the point.
  let lo = 0;
  let hi = p.offset.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.item[mid] < item || (p.item[mid] === item && p.char[mid] < char)) lo = mid + 1;
    else hi = mid;
  }
  if (edge === 'start') return lo < p.offset.length ? p.offset[lo] : null;
  return lo > 0 ? p.offset[lo - 1] + 1 : null;
}

/** The first and last placed characters' bounds on a page (page-relative), or null for a page with none. */
export function pageTextBounds(a: Alignment): { first: number; end: number } | null {
  const p = placedOf(a);
  return p.offset.length ? { first: p.offset[0], end: p.offset[p.offset.length - 1] + 1 } : null;
}

/** The item span holding `node`, or -1. */
function itemOf(page: LayerPage, node: Node): number {
  for (let el: Node | null = node; el && el !== page.layer; el = el.parentNode) {
    if (el.nodeType !== Node.ELEMENT_NODE) continue;
    const k = page.divs.indexOf(el as HTMLElement);
    if (k >= 0) return k;
  }
  return -1;
}

/** -1, 0 or 1 as (node, offset) is before, at or after the point (at, atOffset). */
function compare(node: Node, offset: number, at: Node, atOffset: number): number {
  const r = node.ownerDocument!.createRange();
  r.setStart(node, offset);
  return -r.comparePoint(at, atOffset);
}

/** Canonical offset of a DOM point inside a page's text layer, or null when no text lies that way on the page. */
function offsetInLayer(page: LayerPage, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const k = itemOf(page, node);
  let item: number;
  let char: number;
  if (k >= 0) {
    const str = page.divs[k].textContent ?? '';
    const raw = node.nodeType === Node.TEXT_NODE ? Math.min(offset, str.length) : offset === 0 ? 0 : str.length;
    item = k;
    // The alignment indexes the item's NFC string; the span holds the string as the PDF gave it.
    char = str.slice(0, raw).normalize('NFC').length;
  } else {
    // Between spans (a line break, the layer itself, its end-of-content filler): the next span for a
    // start, the previous one for an end.
    item = -1;
    char = 0;
    const divs = page.divs;
    if (edge === 'start') {
      for (let i = 0; i < divs.length; i++) {
        if (divs[i].isConnected && compare(node, offset, divs[i], 0) <= 0) {
          item = i;
          break;
        }
      }
    } else {
      for (let i = divs.length - 1; i >= 0; i--) {
        if (divs[i].isConnected && compare(node, offset, divs[i], divs[i].childNodes.length) >= 0) {
          item = i;
          char = page.alignment.strings[i]?.length ?? 0;
          break;
        }
      }
    }
    if (item < 0) return null;
  }
  const at = pageOffsetAt(page.alignment, item, char, edge);
  return at === null ? null : page.start + at;
}

/** Canonical offset of one end of a selection, snapping to the nearest page's text when outside every layer. */
function offsetOfPoint(pages: readonly LayerPage[], node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const home = pages.find((p) => p.layer === node || p.layer.contains(node));
  if (home) {
    const at = offsetInLayer(home, node, offset, edge);
    if (at !== null) return at;
    // Past the page's last text (for a start) or before its first (for an end): its edge.
    const b = pageTextBounds(home.alignment);
    if (!b) return null;
    return home.start + (edge === 'start' ? b.end : b.first);
  }
  if (edge === 'start') {
    for (const p of pages) {
      const b = pageTextBounds(p.alignment);
      if (b && compare(node, offset, p.layer, 0) <= 0) return p.start + b.first;
    }
    return null;
  }
  for (let i = pages.length - 1; i >= 0; i--) {
    const p = pages[i];
    const b = pageTextBounds(p.alignment);
    if (b && compare(node, offset, p.layer, p.layer.childNodes.length) >= 0) return p.start + b.end;
  }
  return null;
}

/**
 * [start, end) in the canonical text of a DOM range over the Pages view, from its first to its last
 * character on the text layers of `pages` (in page order), or null when it selects none.
 */
export function offsetsOfLayerRange(pages: readonly LayerPage[], range: Range): { start: number; end: number } | null {
  if (pages.length === 0) return null;
  const start = offsetOfPoint(pages, range.startContainer, range.startOffset, 'start');
  const end = offsetOfPoint(pages, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
