// Keyboard selection in a reading pane, for tagging without a mouse: the arrow keys move a caret
// through the text (caret browsing, caretBrowsing.ts: ← → by a character, with Ctrl by a word, ↑ ↓
// by a line, Home / End to a line's ends), ] and [ select the next and the previous sentence (from
// the caret or the selection, or from the top of what is on screen), Shift with an arrow grows or
// shrinks the selection (← → by a word, with Alt by a character); then c / m / a / t / n tag it as a
// drag selection would. Each selection is said in a live region, the words and the claims already
// on them, and so are the claims the caret comes into.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { offsetOfPoint, offsetsOfRange, rangeOfOffsets } from '../lib/selection.ts';
import { caretBox, caretStep, pointAtTop } from './caretBrowsing.ts';
import type { Span as Highlight } from '../lib/highlights.ts';
import type { Paragraph } from '../lib/paragraphs.ts';
import { SentenceIndex, type SentenceAt, type Span } from '../lib/sentences.ts';

export interface SentenceCaret {
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  /** What the live region says after the last move. */
  said: string;
  /** Where to draw the caret in the reading column, while the text has the focus and a caret. */
  caret: { top: number; left: number; height: number } | null;
}

export function useSentenceCaret(opts: {
  scroller: RefObject<HTMLElement | null>;
  /** The reading column the caret is drawn in. */
  column: RefObject<HTMLElement | null>;
  text: string;
  paragraphs: readonly Paragraph[];
  lang?: string | null;
  /** Draws the text around `offset` (long texts are drawn in chunks) before it is selected. */
  reveal: (offset: number) => void;
  /** The highlights drawn on the text, titled with their claims (or suggestions) in words. */
  annotationSpans: Highlight[];
  suggestionSpans: Highlight[];
  /** Whether a claim form is open on a passage of this text: when it closes, the focus comes back here. */
  tagging: boolean;
}): SentenceCaret {
  const { scroller, column, text, lang, paragraphs } = opts;
  // Found paragraph by paragraph as the keys ask, never for the whole text at once (a 20 MB source).
  const sentences = useMemo(() => new SentenceIndex(paragraphs, lang ?? undefined), [paragraphs, lang]);
  const [said, setSaid] = useState('');
  // Where the last move left off, so ] goes on from there once the selection is gone (a claim saved).
  const last = useRef<Span | null>(null);
  const wasTagging = useRef(opts.tagging);
  // A pane opened from the keyboard (Enter on a title in the library) takes the focus the view
  // switch dropped, so the next key (] to select a sentence) acts on its text.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) scroller.current?.focus({ preventScroll: true });
  }, [scroller]);
  useEffect(() => {
    const closed = wasTagging.current && !opts.tagging;
    wasTagging.current = opts.tagging;
    // The form closed (saved or cancelled) and took the focus with it: back to the text, to go on reading.
    if (closed && (!document.activeElement || document.activeElement === document.body)) scroller.current?.focus({ preventScroll: true });
  }, [opts.tagging, scroller]);

  // The caret's box, redrawn whenever the selection changes while the text has the focus.
  const [caret, setCaret] = useState<SentenceCaret['caret']>(null);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const redraw = () => {
      const col = column.current;
      const next = col && el.contains(document.activeElement) ? caretBox(el, col) : null;
      setCaret((was) => (was === next || (was && next && was.top === next.top && was.left === next.left && was.height === next.height) ? was : next));
    };
    document.addEventListener('selectionchange', redraw);
    el.addEventListener('focusin', redraw);
    el.addEventListener('focusout', redraw);
    return () => {
      document.removeEventListener('selectionchange', redraw);
      el.removeEventListener('focusin', redraw);
      el.removeEventListener('focusout', redraw);
    };
  }, [scroller, column]);

  /** The caret's offset in the text, when the selection is collapsed in it. */
  const caretAt = (): number | null => {
    const el = scroller.current;
    const sel = window.getSelection();
    if (!el || !sel || sel.rangeCount === 0 || !sel.isCollapsed || !el.contains(sel.anchorNode)) return null;
    return offsetOfPoint(el, sel.anchorNode!, sel.anchorOffset, 'start');
  };
  const saidAtCaret = useRef('');

  const current = (): Span | null => {
    const el = scroller.current;
    const sel = window.getSelection();
    if (!el || !sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    if (!el.contains(range.startContainer)) return null;
    return offsetsOfRange(el, range);
  };

  /** The offset at the top of what is on screen, where a first ] starts (found from the point there, not by measuring every paragraph). */
  const topOffset = (): number => {
    const el = scroller.current;
    const p = el ? pointAtTop(el) : null;
    return (el && p && offsetOfPoint(el, p.node, p.offset, 'start')) || 0;
  };

  /** Keeps the caret (the selection's moving end) in view, scrolling the pane only as far as needed. */
  const keepInView = () => {
    const el = scroller.current;
    const sel = window.getSelection();
    if (!el || !sel || !sel.focusNode) return;
    const r = el.ownerDocument.createRange();
    r.setStart(sel.focusNode, sel.focusOffset);
    const rect = r.getClientRects()[0] ?? sel.focusNode.parentElement?.getBoundingClientRect();
    if (!rect) return;
    const box = el.getBoundingClientRect();
    const margin = 24;
    if (rect.top < box.top + margin) el.scrollTop -= box.top + margin - rect.top;
    else if (rect.bottom > box.bottom - margin) el.scrollTop += rect.bottom - (box.bottom - margin);
  };

  /** Says the claims (and suggestions) the caret has come into, once, when they change. */
  const sayAtCaret = () => {
    const at = caretAt();
    if (at === null) return;
    const on = describe(
      opts.annotationSpans.filter((s) => s.start <= at && at < s.end),
      opts.suggestionSpans.filter((s) => s.start <= at && at < s.end),
      { start: at, end: at + 1 },
    );
    if (on === saidAtCaret.current) return;
    saidAtCaret.current = on;
    if (on) setSaid(`At the caret: ${on}.`);
  };

  const browse = (e: KeyboardEvent<HTMLElement>): boolean => {
    const step = caretStep(e);
    const el = scroller.current;
    const sel = window.getSelection();
    if (!step || !el || !sel) return false;
    e.preventDefault();
    if (sel.rangeCount === 0 || !el.contains(sel.getRangeAt(0).startContainer)) {
      // No caret in this text yet: it starts at the top of what is on screen.
      const p = pointAtTop(el);
      if (!p) return true;
      sel.collapse(p.node, p.offset);
      if (step.alter === 'move') {
        sayAtCaret();
        return true;
      }
    }
    if (step.alter === 'move' && !sel.isCollapsed && step.granularity !== 'line') {
      // ← / → on a selection put the caret at its start or its end, as in an editor.
      if (step.direction === 'backward') sel.collapseToStart();
      else sel.collapseToEnd();
    } else sel.modify(step.alter, step.direction, step.granularity);
    keepInView();
    if (step.alter === 'extend') {
      const now = current();
      if (now && now.end > now.start) {
        last.current = now;
        announce(now, null);
      }
    } else sayAtCaret();
    return true;
  };

  const select = (span: Span, at: SentenceAt | null) => {
    const el = scroller.current;
    if (!el) return;
    opts.reveal(span.start);
    // The chunk holding it may be drawn in this frame: select once it is.
    requestAnimationFrame(() => {
      const range = rangeOfOffsets(el, span.start, span.end);
      const sel = window.getSelection();
      if (!range || !sel) return;
      sel.removeAllRanges();
      sel.addRange(range);
      last.current = span;
      (range.startContainer.parentElement ?? el).scrollIntoView({ block: 'nearest' });
      announce(span, at);
    });
  };

  const announce = (span: Span, at: SentenceAt | null) => {
    const words = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const where = at === null ? 'Selected' : `Paragraph ${at.paragraph + 1} of ${paragraphs.length}, sentence ${at.index + 1} of ${at.of}`;
    const on = describe(opts.annotationSpans, opts.suggestionSpans, span);
    setSaid(`${where}: ${words}${on ? `. ${on}` : ''}. Press c, m, a, t or n to tag it.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.metaKey) return;
    if (browse(e)) return;
    if (e.ctrlKey) return;
    if ((e.key === ']' || e.key === '[') && !e.altKey) {
      e.preventDefault();
      const at = caretAt();
      const from = current() ?? (at !== null ? { start: at, end: at } : last.current);
      const next = sentences.step(from, e.key === ']' ? 1 : -1, topOffset());
      if (next) select(next, next);
    }
  };

  return { onKeyDown, said, caret };
}

/** The claims and suggestions on a span, in words ('' when there are none). */
function describe(annotations: Highlight[], suggestions: Highlight[], at: Span): string {
  const on = (spans: Highlight[]) => [
    ...new Set(spans.filter((x) => x.start < at.end && x.end > at.start && x.title).map((x) => x.title!.replace(/\n/g, '; '))),
  ];
  const tagged = on(annotations);
  const suggested = on(suggestions);
  return [tagged.length ? `Tagged: ${tagged.join('; ')}` : '', suggested.join('; ')].filter(Boolean).join('. ');
}
