// Keyboard selection in a reading pane, for tagging without a mouse: ] and [ select the next and
// the previous sentence (from the selection, or from the top of what is on screen), Shift+← / →
// grow or shrink the selection by a word (with Alt, by a character); then c / m / a / t / n tag it
// as a drag selection would. Each move is said in a live region: the words selected and the claims
// already on them.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { offsetsOfRange, rangeOfOffsets } from '../lib/selection.ts';
import type { Span as Highlight } from '../lib/highlights.ts';
import type { Paragraph } from '../lib/paragraphs.ts';
import { SentenceIndex, type SentenceAt, type Span } from '../lib/sentences.ts';

export interface SentenceCaret {
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  /** What the live region says after the last move. */
  said: string;
}

export function useSentenceCaret(opts: {
  scroller: RefObject<HTMLElement | null>;
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
  const { scroller, text, lang, paragraphs } = opts;
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

  const current = (): Span | null => {
    const el = scroller.current;
    const sel = window.getSelection();
    if (!el || !sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    if (!el.contains(range.startContainer)) return null;
    return offsetsOfRange(el, range);
  };

  /** The offset of the first paragraph on screen, where a first ] starts. */
  const topOffset = (): number => {
    const el = scroller.current;
    if (!el) return 0;
    const top = el.getBoundingClientRect().top;
    for (const p of Array.from(el.querySelectorAll<HTMLElement>('p[data-start]'))) {
      if (p.getBoundingClientRect().bottom > top) return Number(p.dataset.start) || 0;
    }
    return 0;
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
    if (e.ctrlKey || e.metaKey) return;
    if ((e.key === ']' || e.key === '[') && !e.altKey) {
      e.preventDefault();
      const at = sentences.step(current() ?? last.current, e.key === ']' ? 1 : -1, topOffset());
      if (at) select(at, at);
      return;
    }
    if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || !current()) return;
      e.preventDefault();
      sel.modify('extend', e.key === 'ArrowRight' ? 'forward' : 'backward', e.altKey ? 'character' : 'word');
      const now = current();
      if (now && now.end > now.start) {
        last.current = now;
        announce(now, null);
      }
    }
  };

  return { onKeyDown, said };
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
