// One reading pane: header (title, outlet, date, source picker, view toggle, close) and the
// source's canonical text as paragraphs, always as text nodes, never as markup.
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PageRange, Source } from '../../shared/source.ts';
import { confidenceText, formatPublished, sourceTitle } from '../lib/format.ts';
import { looksOf, spansByParagraph, type Look, type Span } from '../lib/highlights.ts';
import { suggestionLabel } from '../lib/suggestionText.ts';
import { chunkParagraphs, locateHit, paragraphAt, splitParagraphs } from '../lib/paragraphs.ts';
import { offsetsOfRange, rangeOfOffsets } from '../lib/selection.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { highlightTitle } from '../tagging/useTagging.ts';
import { useSuggestionsForPane } from '../tagging/suggestContext.ts';
import { useLoaded, type DocCache } from './docCache.ts';
import { useSentenceCaret } from './useSentenceCaret.ts';
import { CHUNK_CHARS, PENDING, ReadingText, SUGGESTED, type Actions, type ReadingTextHandle } from './ReadingText.tsx';
import type { PaneState } from './Reader.tsx';
import { LeftOutNotice, type Restored } from './LeftOutNotice.tsx';

const PdfPages = lazy(() => import('./PdfPages.tsx'));

const FLASH_MS = 4000;

/** Sources listed in a pane's source picker at most. */
const PICKER_LIMIT = 200;

export interface LeftOutProps {
  caseId: string;
  onRestored: (r: Restored) => void;
}

export function Pane(props: {
  index: number;
  pane: PaneState;
  source: Source;
  sources: Source[];
  cache: DocCache;
  label: string;
  onChangeSource: (id: string) => void;
  onMode: (mode: 'text' | 'pages') => void;
  onClose: () => void;
  onDetails: () => void;
  /** Replace the source's text with a new version of the same report (a file the user picks). */
  onReplace?: (file: File) => void;
  leftOut?: LeftOutProps;
}) {
  const { source, pane } = props;
  const tagging = useTaggingForPane();
  const version = tagging?.textVersion(source.id) ?? 0;
  const [doc, retry] = useLoaded(() => props.cache.doc(source.id), [props.cache, source.id, version]);
  const isPdf = source.kind === 'pdf';
  const mode = isPdf ? pane.mode : 'text';
  const p = source.published;
  const suggestions = useSuggestionsForPane();
  const ensureSuggestions = suggestions?.ensure;
  useEffect(() => {
    ensureSuggestions?.(source.id);
  }, [ensureSuggestions, source.id]);
  const sEntry = suggestions?.entry(source.id);
  const sCount = suggestions ? suggestions.visible(source.id).length : 0;
  // A case of thousands of sources lists the first few here (the pane's own always among them);
  // the Library finds the rest.
  const pickable = useMemo(() => {
    const first = props.sources.slice(0, PICKER_LIMIT);
    const shown = first.some((s) => s.id === source.id) ? first : [source, ...first.slice(0, PICKER_LIMIT - 1)];
    return { shown, more: props.sources.length - shown.length };
  }, [props.sources, source]);

  return (
    <section className="pane" aria-label={props.label}>
      <header className="pane-head">
        <div className="pane-head-row">
          <div className="pane-heading">
            <h2 className="pane-title" title={props.label}>
              {props.label}
            </h2>
            <p className="pane-meta">
              <span className={source.outlet.value ? undefined : 'muted'}>{source.outlet.value ?? 'Outlet unknown'}</span>
              <span aria-hidden="true"> · </span>
              <span>
                {p.value.date ? formatPublished(p.value) : 'Date unknown'} <span className="muted">({confidenceText(p)})</span>
              </span>
              {source.authors.value.length ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <span>{source.authors.value.join(', ')}</span>
                </>
              ) : null}
            </p>
          </div>
          <button
            type="button"
            className="btn btn-small btn-icon btn-ghost pane-close"
            aria-label={`Close pane: ${props.label}`}
            title="Close pane"
            onClick={props.onClose}
          >
            ×
          </button>
        </div>
        <div className="pane-tools">
          <select
            className="pane-picker"
            aria-label={`Source in pane ${props.index + 1}`}
            value={source.id}
            onChange={(e) => props.onChangeSource(e.target.value)}
          >
            {pickable.shown.map((s) => (
              <option key={s.id} value={s.id}>
                {sourceTitle(s)}
              </option>
            ))}
            {pickable.more ? (
              <option disabled value="">
                {`… ${pickable.more.toLocaleString('en')} more: open them from the Library`}
              </option>
            ) : null}
          </select>
          {suggestions ? (
            <>
              <span role="status" className={sEntry?.finding ? 'sg-status is-finding' : 'sg-status'}>
                {sEntry?.finding ? (
                  <>
                    <span className="spinner" aria-hidden="true" /> Finding claims…
                  </>
                ) : null}
              </span>
              {sEntry && !sEntry.finding ? (
                <button
                  type="button"
                  className="btn btn-small sg-pane-btn"
                  aria-label={sEntry.status === 'error' ? `Suggestions failed for ${props.label}` : `${sCount} suggested in ${props.label}`}
                  title="Show this source's suggested claims"
                  onClick={() => suggestions.show(source.id)}
                >
                  <span className="sg-dot" aria-hidden="true" />
                  {sEntry.status === 'error' ? 'Suggestions failed' : `${sCount} suggested`}
                </button>
              ) : null}
            </>
          ) : null}
          <div className="toolbar-spacer" />
          {isPdf ? (
            <div className="segmented" role="group" aria-label="Show as">
              <button type="button" aria-pressed={mode === 'text'} onClick={() => props.onMode('text')}>
                Text
              </button>
              <button type="button" aria-pressed={mode === 'pages'} onClick={() => props.onMode('pages')}>
                Pages
              </button>
            </div>
          ) : null}
          <button type="button" className="btn btn-small" aria-label={`Details of ${props.label}`} onClick={props.onDetails}>
            Details
          </button>
          {props.onReplace ? (
            <label className="btn btn-small file-btn" title="Replace this source's text with a new version of the same report; annotations re-anchor">
              New version…
              <input
                type="file"
                className="visually-hidden-input"
                aria-label={`Replace with new version: ${props.label}`}
                accept=".txt,.text,.md,.html,.htm,.pdf,text/plain,text/html,application/pdf"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) props.onReplace?.(f);
                }}
              />
            </label>
          ) : null}
        </div>
      </header>
      {props.leftOut ? <LeftOutNotice caseId={props.leftOut.caseId} source={source} label={props.label} onRestored={props.leftOut.onRestored} /> : null}
      {doc.state === 'loading' ? (
        <div className="pane-body pane-status" aria-busy="true">
          <p className="muted">Loading the text…</p>
        </div>
      ) : doc.state === 'error' ? (
        <div className="pane-body pane-status">
          <div role="alert" className="notice notice-error">
            <p>This source’s text could not be loaded: {doc.message}</p>
            <button type="button" className="btn btn-small" onClick={retry}>
              Try again
            </button>
          </div>
        </div>
      ) : mode === 'pages' ? (
        <Suspense
          fallback={
            <div className="pane-body pane-status">
              <p className="muted">Loading the page viewer…</p>
            </div>
          }
        >
          <PdfPages cache={props.cache} sourceId={source.id} label={props.label} text={doc.value.text} pages={doc.value.pages} focus={pane.focus} />
        </Suspense>
      ) : (
        <TextBody text={doc.value.text} pages={doc.value.pages} paneKey={pane.key} source={source} label={props.label} focus={pane.focus} />
      )}
    </section>
  );
}

function TextBody(props: { text: string; pages: PageRange[] | null; paneKey: string; source: Source; label: string; focus: PaneState['focus'] }) {
  const paragraphs = useMemo(() => splitParagraphs(props.text), [props.text]);
  const chunks = useMemo(() => chunkParagraphs(paragraphs, CHUNK_CHARS), [paragraphs]);
  const [mark, setMark] = useState<{ start: number; end: number } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const scroller = useRef<HTMLElement>(null);
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
    if (!focus) return;
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
  }, [focus, text]);

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
    text,
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
        aria-keyshortcuts="] [ Shift+ArrowRight Shift+ArrowLeft c m a t n"
        onKeyDown={caret.onKeyDown}
        dir={props.source.direction}
        lang={props.source.language ?? undefined}
        data-source-id={sourceId}
      >
        <div className="reading-column">
          {missing ? (
            <p role="alert" className="notice notice-warn">
              {missing}
            </p>
          ) : null}
          {paragraphs.length === 0 ? <p className="muted">This source has no text.</p> : null}
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
        </div>
      </article>
      {/* Outside the article, whose text is the source's own. */}
      <p className="sr-only" aria-live="polite">
        {caret.said}
      </p>
    </>
  );
}
