// One reading pane: header (title, outlet, date, source picker, view toggle, close) and the
// source's canonical text as paragraphs, always as text nodes, never as markup.
import { Fragment, lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { PageRange, Source } from '../../shared/source.ts';
import { confidenceText, formatPublished, sourceTitle } from '../lib/format.ts';
import { KIND_LETTER } from '../lib/claimText.ts';
import { runsOf, spansByParagraph, type Span } from '../lib/highlights.ts';
import { suggestionLabel, type Suggested } from '../lib/suggestionText.ts';
import { locateHit, splitParagraphs } from '../lib/paragraphs.ts';
import { offsetsOfRange, rangeOfOffsets } from '../lib/selection.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { highlightTitle } from '../tagging/useTagging.ts';
import { useSuggestionsForPane } from '../tagging/suggestContext.ts';
import { useLoaded, type DocCache } from './docCache.ts';
import type { PaneState } from './Reader.tsx';

const PdfPages = lazy(() => import('./PdfPages.tsx'));

/**
 * Where a highlight opens, it is a focusable button named `label`, and Enter and Space act on it
 * as a click does; elsewhere it is plain text.
 */
const asButton = (opens: boolean, label: () => string, act: (e: KeyboardEvent) => void) =>
  opens
    ? {
        tabIndex: 0,
        role: 'button',
        'aria-label': label(),
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            act(e);
          }
        },
      }
    : {};

const FLASH_MS = 4000;
/** Span ids of suggestions start with this, so they never collide with annotation ids. */
const SUGGESTED = '~s:';

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
          <button type="button" className="btn btn-small btn-icon btn-ghost pane-close" aria-label={`Close pane: ${props.label}`} title="Close pane" onClick={props.onClose}>
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
            {props.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {sourceTitle(s)}
              </option>
            ))}
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
                  aria-label={`Suggestions for ${props.label} (${sCount})`}
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
  const [mark, setMark] = useState<{ start: number; end: number } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const scroller = useRef<HTMLElement>(null);
  const { focus, text } = props;
  const tagging = useTaggingForPane();
  const sourceId = props.source.id;

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
    setMark(at);
    const t = window.setTimeout(() => setMark(null), FLASH_MS);
    return () => window.clearTimeout(t);
  }, [focus, text]);

  useEffect(() => {
    if (!mark) return;
    const el = scroller.current?.querySelector('mark');
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
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
  const spans = useMemo(() => {
    const out: Span[] = [];
    for (const a of annotations ?? []) for (const t of a.targets) if (t.end <= text.length) out.push({ id: a.id, kind: a.kind, start: t.start, end: t.end });
    for (const t of pending ?? []) out.push({ id: '~pending', kind: 'pending', start: t.start, end: t.end });
    for (const s of suggested ?? []) if (s.end <= text.length && s.end > s.start) out.push({ id: SUGGESTED + s.key, kind: s.kind, start: s.start, end: s.end });
    return out;
  }, [annotations, pending, suggested, text.length]);
  const kindOf = useMemo(() => new Map(spans.map((s) => [s.id, s.kind])), [spans]);
  const suggestionOf = useMemo(() => new Map((suggested ?? []).map((s) => [SUGGESTED + s.key, s])), [suggested]);
  const byParagraph = useMemo(() => spansByParagraph(paragraphs, spans), [paragraphs, spans]);
  // PDF page boundaries in the text view: paragraph index → the page that starts there.
  const pageStarts = useMemo(() => {
    const m = new Map<number, number>();
    for (const pg of props.pages ?? []) {
      if (pg.page === 1) continue;
      const i = paragraphs.findIndex((p) => p.end > pg.start);
      if (i > 0 && !m.has(i)) m.set(i, pg.page);
    }
    return m;
  }, [props.pages, paragraphs]);

  const open = (e: MouseEvent | KeyboardEvent, id: string) => {
    if (!tagging || id === '~pending') return;
    // A click that ends a drag selection is a selection, not a click on the highlight.
    const sel = window.getSelection();
    if (e.type === 'click' && sel && !sel.isCollapsed) return;
    tagging.openAnnotation(id);
  };
  const pick = (e: MouseEvent | KeyboardEvent, id: string) => {
    const sel = window.getSelection();
    if (e.type === 'click' && sel && !sel.isCollapsed) return;
    sugg?.select(sourceId, id.slice(SUGGESTED.length));
  };
  const isSuggested = (id: string) => id.startsWith(SUGGESTED);
  // The kind letters drawn where highlights open; none where nothing opens here.
  const lettersOf = (ids: string[]) =>
    ids.length ? ids.map((id) => KIND_LETTER[kindOf.get(id) as keyof typeof KIND_LETTER] ?? '').join('') : undefined;

  return (
    <article
      ref={scroller}
      className="pane-body reading"
      tabIndex={0}
      aria-label={`Text of ${props.label}`}
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
        {paragraphs.map((p, i) => (
          <Fragment key={p.start}>
          {pageStarts.has(i) ? (
            <div className="page-break" role="separator" aria-label={`Page ${pageStarts.get(i)}`}>
              <span aria-hidden="true">p. {pageStarts.get(i)}</span>
            </div>
          ) : null}
          <p data-start={p.start}>
            {runsOf(p, byParagraph.get(i) ?? [], mark).map((run) => {
              let node: ReactNode = run.text;
              if (run.flash) node = <mark className="flash">{node}</mark>;
              if (run.spans.length === 0) return <span key={run.start}>{node}</span>;
              // Claims and the passage being tagged draw over suggestions; a suggestion shows on its own.
              const tagged = run.spans.filter((s) => !isSuggested(s.id));
              if (tagged.length === 0) {
                const top = suggestionOf.get(run.spans[0].id) as Suggested;
                const opensS = run.opens.filter(isSuggested);
                const label = suggestionLabel(top);
                const className = [
                  'sg',
                  `sg-${top.kind}`,
                  run.spans.length > 1 ? 'sg-overlap' : '',
                  run.spans.some((s) => s.id === SUGGESTED + selectedKey) ? 'sg-active' : '',
                  opensS.length ? 'sg-open' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <span
                    key={run.start}
                    className={className}
                    data-suggestion={run.spans.map((s) => s.id.slice(SUGGESTED.length)).join(' ')}
                    data-letter={lettersOf(opensS)}
                    title={`${label}\nClick to review it in the suggestions list`}
                    onClick={(e) => pick(e, top ? SUGGESTED + top.key : run.spans[0].id)}
                    {...asButton(opensS.length > 0, () => label, (e) => pick(e, run.spans[0].id))}
                  >
                    {node}
                  </span>
                );
              }
              const top = tagged[0];
              const kind = kindOf.get(top.id) ?? 'note';
              const ids = tagged.map((s) => s.id).filter((id) => id !== '~pending');
              const claims = ids.flatMap((id) => tagging?.claimsOf(id) ?? []);
              const active = ids.includes(tagging?.activeAnnotationId ?? '');
              const opens = run.opens.filter((id) => id !== '~pending' && !isSuggested(id));
              const className = [
                'hl',
                `hl-${kind}`,
                tagged.length > 1 ? 'hl-overlap' : '',
                tagged.length < run.spans.length ? 'hl-also-suggested' : '',
                active ? 'hl-active' : '',
                opens.length ? 'hl-open' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <span
                  key={run.start}
                  className={className}
                  data-annotation={ids.join(' ') || undefined}
                  data-letter={lettersOf(opens)}
                  title={top.id === '~pending' ? 'Passage being tagged' : highlightTitle(claims)}
                  onClick={ids.length ? (e) => open(e, ids[0]) : undefined}
                  {...asButton(opens.length > 0, () => `${run.text} — ${highlightTitle(claims).replace(/\n/g, '; ')}`, (e) => open(e, ids[0]))}
                >
                  {node}
                </span>
              );
            })}
          </p>
          </Fragment>
        ))}
      </div>
    </article>
  );
}
