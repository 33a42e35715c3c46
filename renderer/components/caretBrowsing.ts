// Caret browsing in a reading pane (issue 11): the plain arrow keys move a caret through the text,
// which is not editable, so the browser neither moves nor shows one by itself. The caret is the
// window's selection collapsed to a point; the browser's own Selection.modify moves it (by
// character, word, line or to a line's ends, as it lays the text out, any script or direction), and
// a thin bar drawn over the text shows where it is. Shift with a key extends the selection instead.

/** The keys caret browsing takes, with how far each moves. */
export function caretStep(e: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
}): { alter: 'move' | 'extend'; direction: 'forward' | 'backward'; granularity: 'character' | 'word' | 'line' | 'lineboundary' } | null {
  const alter = e.shiftKey ? 'extend' : 'move';
  switch (e.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = e.key === 'ArrowRight' ? 'forward' : 'backward';
      // Shift+← / → adjust a selection by a word, as before (with Alt, by a character); the caret
      // moves by a character (with Ctrl or Alt, by a word).
      const word = e.shiftKey ? !e.altKey : e.ctrlKey || e.altKey;
      return { alter, direction, granularity: word ? 'word' : 'character' };
    }
    case 'ArrowUp':
    case 'ArrowDown':
      if (e.ctrlKey || e.altKey) return null;
      return { alter, direction: e.key === 'ArrowDown' ? 'forward' : 'backward', granularity: 'line' };
    case 'Home':
    case 'End':
      if (e.ctrlKey || e.altKey) return null;
      return { alter, direction: e.key === 'End' ? 'forward' : 'backward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/** A DOM point at the top left of what `root` shows, where a first move starts (null when nothing is there). */
export function pointAtTop(root: HTMLElement): { node: Node; offset: number } | null {
  const doc = root.ownerDocument;
  const box = root.getBoundingClientRect();
  const first = root.querySelector<HTMLElement>('p[data-start]');
  const left = first ? first.getBoundingClientRect().left + 1 : box.left + 40;
  // Down the pane a line at a time until the point is in a paragraph's text.
  for (let y = box.top + 4; y < box.bottom; y += 12) {
    const d = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | null = null;
    let offset = 0;
    if (d.caretPositionFromPoint) {
      const p = d.caretPositionFromPoint(left, y);
      if (p) [node, offset] = [p.offsetNode, p.offset];
    } else if (d.caretRangeFromPoint) {
      const r = d.caretRangeFromPoint(left, y);
      if (r) [node, offset] = [r.startContainer, r.startOffset];
    }
    if (node && node.nodeType === Node.TEXT_NODE && root.contains(node) && node.parentElement?.closest('[data-start]')) return { node, offset };
  }
  return null;
}

/** Where the caret (a collapsed selection in `root`) is drawn, relative to `column`; null when there is none. */
export function caretBox(root: HTMLElement, column: HTMLElement): { top: number; left: number; height: number } | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer)) return null;
  let rect: DOMRect | null = range.getClientRects()[0] ?? null;
  if (!rect || (rect.height === 0 && rect.top === 0)) {
    // At a text node's edge a collapsed range may have no box: use the character beside it.
    const node = range.startContainer;
    if (node.nodeType !== Node.TEXT_NODE) return null;
    const len = (node as Text).data.length;
    const r = root.ownerDocument.createRange();
    const at = range.startOffset;
    if (at < len) (r.setStart(node, at), r.setEnd(node, at + 1));
    else if (at > 0) (r.setStart(node, at - 1), r.setEnd(node, at));
    else return null;
    const b = r.getClientRects()[0];
    if (!b) return null;
    rect = new DOMRect(at < len ? b.left : b.right, b.top, 0, b.height);
  }
  const c = column.getBoundingClientRect();
  return { top: rect.top - c.top, left: rect.left - c.left, height: rect.height };
}
