// A pane's text view: the source's canonical text as paragraphs (text nodes, never markup) with
// its highlights (claims, suggestions, the passage being tagged), scrolling to and flashing a
// passage asked for, keeping a selection across redraws, and the keyboard's sentence selection.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PageRange, Source } from '../../shared/model/source.ts';
import { looksOf, spansByParagraph, type Look, type Span } from '../lib/highlights.ts';
import { suggestionLabel } from '../lib/suggestionText.ts';
import { chunkParagraphs, locateHit, paragraphAt, type Paragraph } from '../lib/paragraphs.ts';
import { offsetsOfRange, rangeOfOffsets } from '../lib/selection.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { highlightTitle } from '../tagging/useTagging.ts';
import { useSuggestionsForPane } from '../tagging/suggestContext.ts';
import { useParagraphs } from './useParagraphs.ts';
import { useSentenceCaret } from './useSentenceCaret.ts';
import { CHUNK_CHARS, PENDING, ReadingText, SUGGESTED, type Actions, type ReadingTextHandle } from './ReadingText.tsx';
import type { PaneState } from './paneState.ts';

const FLASH_MS = 4000;
const NONE: readonly Paragraph[] = [];

export function TextBody(props: { text: string; pages: PageRange[] | null; paneKey: string; source: Source; label: string; focus: PaneState['focus'] }) {
  const found = useParagraphs(props.text);
  const paragraphs = found ?? NONE;
  const ready = found !== null;
  const chunks = useMemo(() => chunkParagraphs(paragraphs, CHUNK_CHARS), [paragraphs]);
  const [mark, setMark] = useState<{ start: number; end: number } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const scroller = useRef<HTMLElement>(null);
  const column = useRef<HTMLDivElement>(null);
  const reading = useRef<ReadingTextHandle | null>(null);
  const { focus, text } = props;
  const tagging = useTaggingForPane();
  const sourceId = props.source.id;
  // The passage the pane opens at, so the text is drawn from there first.
  const [openAt] = useState(() => (focus ? (locateHit(text, focus)?.start ?? null) : null));

  useEffect(() => {
    const el = scroller.current;
    if (!tagging || !el) return;
    tagging.register(props.paneKey, { el, sourceId, text, pages: props.pages });
    return () => tagging.register(props.paneKey, null);
  }, [tagging, props.paneKey, sourceId, text, props.pages]);

  useEffect(() => {
    if (!focus || !ready) return;
    const at = locateHit(text, focus);
    if (!at) {
      setMissing(`The passage “${focus.match}” was not found in this text.`);
      return;
    }
    setMissing(null);
    // Its chunk is drawn in the same render as the mark, so the scroll below finds it.
    reading.current?.reveal(at.start);
    setMark(at);
    const t = window.setTimeout(() => setMark(null), FLASH_MS);
    return () => window.clearTimeout(t);
  }, [focus, text, ready]);

  useEffect(() => {
    if (!mark) return;
    const box = scroller.current;
    const el = box?.querySelector('mark');
    if (!box || !el) return;
    // Far away, the text between may not be laid out yet (chunks not drawn, or skipped off
    // screen): jump there, then check once it is.
    const far = Math.abs(el.getBoundingClientRect().top - box.getBoundingClientRect().top) > 3 * box.clientHeight;
    el.scrollIntoView({ block: 'center', behavior: far ? 'instant' : 'smooth' });
    if (!far) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const r = el.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        if (el.isConnected && (r.bottom < b.top || r.top > b.bottom)) el.scrollIntoView({ block: 'center', behavior: 'instant' });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [mark]);

  const annotations = tagging?.annotationsOf(sourceId);
  const pending = tagging?.pending?.sourceId === sourceId ? tagging.pending.targets : null;
  const sugg = useSuggestionsForPane();
  // Suggestions arrive in the background; redrawing the highlights under a selection the user is
  // making would cut its text nodes and lose it, so they wait until the selection is let go.
  const [selecting, setSelecting] = useState(false);
  useEffect(() => {
    const onChange = () => {
      const sel = window.getSelection();
      const el = scroller.current;
      setSelecting(!!el && !!sel && !sel.isCollapsed && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).commonAncestorContainer));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  const latest = sugg?.visible(sourceId);
  const held = useRef(latest);
  if (!selecting || held.current === undefined) held.current = latest;
  const suggested = selecting ? held.current : latest;
  // And should a redraw land between the user's selection and its event, the selection is put back
  // on the same words: read here, before React changes the DOM, restored right after.
  const selectedBefore = useRef<{ start: number; end: number } | null>(null);
  selectedBefore.current = (() => {
    const el = scroller.current;
    const sel = typeof window === 'undefined' ? null : window.getSelection();
    if (!el || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    return el.contains(range.startContainer) && el.contains(range.endContainer) ? offsetsOfRange(el, range) : null;
  })();
  useLayoutEffect(() => {
    const want = selectedBefore.current;
    const el = scroller.current;
    if (!want || !el) return;
    const sel = window.getSelection();
    if (!sel) return;
    if (sel.rangeCount > 0 && !sel.isCollapsed) {
      const r = sel.getRangeAt(0);
      if (el.contains(r.startContainer) && el.contains(r.endContainer)) return;
    }
    const range = rangeOfOffsets(el, want.start, want.end);
    if (!range) return;
    sel.removeAllRanges();
    sel.addRange(range);
  });
  const selectedKey = sugg?.selected?.sourceId === sourceId ? sugg.selected.key : null;
  // Each annotation's claims as its highlight's tooltip says them; the claims change only with the
  // annotations (both come from one view of the case).
  const claimsOf = useRef(tagging?.claimsOf);
  claimsOf.current = tagging?.claimsOf;
  const titles = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of annotations ?? []) {
      const claims = claimsOf.current?.(a.id) ?? [];
      m.set(a.id, claims.length ? highlightTitle(claims) : '');
    }
    return m;
  }, [annotations]);
  const annotationSpans = useMemo(() => {
    const out: Span[] = [];
    for (const a of annotations ?? []) {
      for (const t of a.targets) if (t.end <= text.length) out.push({ id: a.id, kind: a.kind, start: t.start, end: t.end, title: titles.get(a.id) });
    }
    return out;
  }, [annotations, titles, text.length]);
  const suggestionSpans = useMemo(() => {
    const out: Span[] = [];
    for (const s of suggested ?? [])
      if (s.end <= text.length && s.end > s.start) out.push({ id: SUGGESTED + s.key, kind: s.kind, start: s.start, end: s.end, title: suggestionLabel(s) });
    return out;
  }, [suggested, text.length]);
  const caret = useSentenceCaret({
    scroller,
    column,
    text,
    paragraphs,
    lang: props.source.language,
    reveal: (at) => reading.current?.reveal(at),
    tagging: !!pending,
    annotationSpans,
    suggestionSpans,
  });
  const pendingSpans = useMemo(() => (pending ?? []).map((t): Span => ({ id: PENDING, kind: 'pending', start: t.start, end: t.end })), [pending]);
  // By paragraph, apart: a key press (the passage being tagged) remakes only its own small map.
  const annotationsBy = useMemo(() => spansByParagraph(paragraphs, annotationSpans), [paragraphs, annotationSpans]);
  const pendingBy = useMemo(() => spansByParagraph(paragraphs, pendingSpans), [paragraphs, pendingSpans]);
  const suggestionsBy = useMemo(() => spansByParagraph(paragraphs, suggestionSpans), [paragraphs, suggestionSpans]);
  const activeId = tagging?.activeAnnotationId ?? null;
  const prevLooks = useRef<Look[]>([]);
  const looks = useMemo(
    () =>
      looksOf(
        paragraphs,
        [annotationsBy, pendingBy, suggestionsBy],
        { flash: mark, active: activeId, selected: selectedKey === null ? null : SUGGESTED + selectedKey },
        prevLooks.current,
      ),
    [paragraphs, annotationsBy, pendingBy, suggestionsBy, mark, activeId, selectedKey],
  );
  prevLooks.current = looks;
  // PDF page boundaries in the text view: paragraph index → the page that starts there.
  const pageStarts = useMemo(() => {
    const m = new Map<number, number>();
    for (const pg of props.pages ?? []) {
      if (pg.page === 1) continue;
      const i = paragraphAt(paragraphs, pg.start);
      if (i > 0 && i < paragraphs.length && !m.has(i)) m.set(i, pg.page);
    }
    return m;
  }, [props.pages, paragraphs]);

  const act = useRef<Actions>({ open: () => undefined, pick: () => undefined });
  act.current = {
    open: (e, id) => {
      if (!tagging || id === PENDING) return;
      // A click that ends a drag selection is a selection, not a click on the highlight.
      const sel = window.getSelection();
      if (e.type === 'click' && sel && !sel.isCollapsed) return;
      tagging.openAnnotation(id);
    },
    pick: (e, id) => {
      const sel = window.getSelection();
      if (e.type === 'click' && sel && !sel.isCollapsed) return;
      sugg?.select(sourceId, id.slice(SUGGESTED.length));
    },
  };

  return (
    <>
      <article
        ref={scroller}
        className="pane-body reading"
        tabIndex={0}
        aria-label={`Text of ${props.label}`}
        aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home End ] [ Shift+ArrowRight Shift+ArrowLeft Shift+ArrowUp Shift+ArrowDown c m a t n"
        onKeyDown={caret.onKeyDown}
        dir={props.source.direction}
        lang={props.source.language ?? undefined}
        data-source-id={sourceId}
      >
        <div ref={column} className="reading-column">
          {caret.caret ? (
            // A bar with no text in it, so the article's text stays the source's own.
            <div className="reading-caret" aria-hidden="true" style={{ top: caret.caret.top, left: caret.caret.left, height: caret.caret.height }} />
          ) : null}
          {missing ? (
            <p role="alert" className="notice notice-warn">
              {missing}
            </p>
          ) : null}
          {!ready ? <p className="muted">Preparing the text…</p> : paragraphs.length === 0 ? <p className="muted">This source has no text.</p> : null}
          {!ready ? null : (
            <ReadingText
              paragraphs={paragraphs}
              chunks={chunks}
              looks={looks}
              pageStarts={pageStarts}
              act={act}
              scroller={scroller}
              openAt={openAt}
              handle={reading}
            />
          )}
        </div>
      </article>
      {/* Outside the article, whose text is the source's own. */}
      <p className="sr-only" aria-live="polite">
        {caret.said}
      </p>
    </>
  );
}
