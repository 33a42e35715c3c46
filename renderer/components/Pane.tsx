// One reading pane: header (title, outlet, date, source picker, view toggle, close) and the
// source's canonical text as paragraphs, always as text nodes, never as markup.
import { Fragment, lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { PageRange, Source } from '../../shared/source.ts';
import { confidenceText, formatPublished, sourceTitle } from '../lib/format.ts';
import { KIND_LETTER } from '../lib/claimText.ts';
import { runsOf, type Span } from '../lib/highlights.ts';
import { locateHit, splitParagraphs } from '../lib/paragraphs.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { highlightTitle } from '../tagging/useTagging.ts';
import { useLoaded, type DocCache } from './docCache.ts';
import type { PaneState } from './Reader.tsx';

const PdfPages = lazy(() => import('./PdfPages.tsx'));

const FLASH_MS = 4000;

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
          <PdfPages cache={props.cache} sourceId={source.id} label={props.label} />
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
  const spans = useMemo(() => {
    const out: Span[] = [];
    for (const a of annotations ?? []) for (const t of a.targets) if (t.end <= text.length) out.push({ id: a.id, kind: a.kind, start: t.start, end: t.end });
    for (const t of pending ?? []) out.push({ id: '~pending', kind: 'pending', start: t.start, end: t.end });
    return out;
  }, [annotations, pending, text.length]);
  const kindOf = useMemo(() => new Map(spans.map((s) => [s.id, s.kind])), [spans]);
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
            {runsOf(p, spans, mark).map((run) => {
              let node: ReactNode = run.text;
              if (run.flash) node = <mark className="flash">{node}</mark>;
              if (run.spans.length === 0) return <span key={run.start}>{node}</span>;
              const top = run.spans[0];
              const kind = kindOf.get(top.id) ?? 'note';
              const ids = run.spans.map((s) => s.id).filter((id) => id !== '~pending');
              const claims = ids.flatMap((id) => tagging?.claimsOf(id) ?? []);
              const active = ids.includes(tagging?.activeAnnotationId ?? '');
              const opens = run.opens.filter((id) => id !== '~pending');
              const className = [
                'hl',
                `hl-${kind}`,
                run.spans.length > 1 ? 'hl-overlap' : '',
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
                  data-letter={opens.length ? opens.map((id) => KIND_LETTER[kindOf.get(id) as keyof typeof KIND_LETTER] ?? '').join('') : undefined}
                  title={top.id === '~pending' ? 'Passage being tagged' : highlightTitle(claims)}
                  tabIndex={opens.length ? 0 : undefined}
                  role={opens.length ? 'button' : undefined}
                  aria-label={opens.length ? `${run.text} — ${highlightTitle(claims).replace(/\n/g, '; ')}` : undefined}
                  onClick={ids.length ? (e) => open(e, ids[0]) : undefined}
                  onKeyDown={
                    opens.length
                      ? (e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            open(e, ids[0]);
                          }
                        }
                      : undefined
                  }
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
