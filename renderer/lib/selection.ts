// From a DOM selection to offsets into a source's canonical text, and back.
//
// The reader renders each paragraph as an element with `data-start` (its offset in the whole text)
// whose text nodes, in order, are exactly the paragraph's characters: highlights split them into
// spans but add no characters (kind letters are CSS generated content, which is not in the DOM
// text). So a point (node, offset) maps to paragraph.start + the characters before it in that
// paragraph. Points that fall between paragraphs (a drag that ends in the margin) snap to the
// nearest paragraph edge in the right direction.
import { makeTarget, type TextTarget } from '../../shared/text/anchor.ts';
import type { PageRange } from '../../shared/model/source.ts';

const PARA = '[data-start]';

function paragraphOf(node: Node, root: Element): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const p = el?.closest(PARA) as HTMLElement | null;
  return p && root.contains(p) ? p : null;
}

/** Characters of `para` before the point (node, offset). */
function charsBefore(para: HTMLElement, node: Node, offset: number): number {
  const doc = para.ownerDocument;
  if (node.nodeType === Node.TEXT_NODE) {
    let n = 0;
    const walker = doc.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t === node) return n + offset;
      n += (t as Text).data.length;
    }
    return n;
  }
  // An element point: everything in the children before `offset`.
  const range = doc.createRange();
  range.setStart(para, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The offset in the canonical text of a DOM point inside `root`. `edge` says which way to snap a
 * point that is not inside a paragraph: 'start' to the next paragraph, 'end' to the previous one.
 */
export function offsetOfPoint(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const para = paragraphOf(node, root);
  if (para) {
    const start = Number(para.dataset.start);
    const len = (para.textContent ?? '').length;
    return start + Math.min(len, Math.max(0, charsBefore(para, node, offset)));
  }
  if (!root.contains(node) && node !== root) return null;
  const paras = Array.from(root.querySelectorAll<HTMLElement>(PARA));
  if (paras.length === 0) return null;
  const doc = root.ownerDocument;
  const point = doc.createRange();
  point.setStart(node, offset);
  // First paragraph after the point (for a start) or last one before it (for an end).
  if (edge === 'start') {
    for (const p of paras) {
      const r = doc.createRange();
      r.selectNodeContents(p);
      if (r.compareBoundaryPoints(Range.START_TO_START, point) >= 0) return Number(p.dataset.start);
    }
    return null;
  }
  for (let i = paras.length - 1; i >= 0; i--) {
    const r = doc.createRange();
    r.selectNodeContents(paras[i]);
    if (r.compareBoundaryPoints(Range.END_TO_END, point) <= 0) return Number(paras[i].dataset.start) + (paras[i].textContent ?? '').length;
  }
  return null;
}

/** [start, end) of a DOM range in the canonical text of the reader `root`, or null when it is not in it. */
export function offsetsOfRange(root: Element, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) {
    // A range may start or end outside the article (a triple-click selects to the next block).
    if (!root.contains(range.startContainer) && !root.contains(range.endContainer)) return null;
  }
  const start = root.contains(range.startContainer) ? offsetOfPoint(root, range.startContainer, range.startOffset, 'start') : firstOffset(root);
  const end = root.contains(range.endContainer) ? offsetOfPoint(root, range.endContainer, range.endOffset, 'end') : lastOffset(root);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function firstOffset(root: Element): number | null {
  const p = root.querySelector<HTMLElement>(PARA);
  return p ? Number(p.dataset.start) : null;
}
function lastOffset(root: Element): number | null {
  const all = root.querySelectorAll<HTMLElement>(PARA);
  const p = all[all.length - 1];
  return p ? Number(p.dataset.start) + (p.textContent ?? '').length : null;
}

/**
 * Targets for a selection [start, end) of `text`: one per PDF page it touches (so a passage across
 * a page break is one annotation with a passage on each page), trimmed of surrounding whitespace.
 * Empty when nothing but whitespace is selected.
 */
export function targetsFor(text: string, start: number, end: number, pages: PageRange[] | null): TextTarget[] {
  const pieces: Array<{ start: number; end: number; page?: number }> = [];
  if (pages && pages.length) {
    for (const p of pages) {
      const s = Math.max(start, p.start);
      const e = Math.min(end, p.end);
      if (e > s) pieces.push({ start: s, end: e, page: p.page });
    }
    if (pieces.length === 0) pieces.push({ start, end });
  } else pieces.push({ start, end });
  const out: TextTarget[] = [];
  for (const piece of pieces) {
    try {
      out.push(makeTarget(text, piece.start, piece.end, piece.page !== undefined ? { page: piece.page } : {}));
    } catch {
      // whitespace only on this page: nothing to anchor here
    }
  }
  return out;
}

/** A DOM range for [start, end) of the canonical text inside `root` (to select or scroll to a passage). */
export function rangeOfOffsets(root: Element, start: number, end: number): Range | null {
  const doc = root.ownerDocument;
  const find = (at: number, edge: 'start' | 'end'): [Node, number] | null => {
    for (const p of Array.from(root.querySelectorAll<HTMLElement>(PARA))) {
      const ps = Number(p.dataset.start);
      const len = (p.textContent ?? '').length;
      if (at < ps || at > ps + len || (edge === 'start' && at === ps + len && len > 0)) continue;
      let n = ps;
      const walker = doc.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const l = (t as Text).data.length;
        if (at <= n + l && !(edge === 'start' && at === n + l)) return [t, at - n];
        n += l;
      }
    }
    return null;
  };
  const a = find(start, 'start');
  const b = find(end, 'end');
  if (!a || !b) return null;
  const r = doc.createRange();
  r.setStart(a[0], a[1]);
  r.setEnd(b[0], b[1]);
  return r;
}
