// One reading pane: header (title, outlet, date, source picker, view toggle, close) and the
// source's canonical text as paragraphs, always as text nodes, never as markup.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Source } from '../../shared/source.ts';
import { confidenceText, formatPublished, sourceTitle } from '../lib/format.ts';
import { locateHit, segmentParagraph, splitParagraphs } from '../lib/paragraphs.ts';
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
}) {
  const { source, pane } = props;
  const [doc, retry] = useLoaded(() => props.cache.doc(source.id), [props.cache, source.id]);
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
        <TextBody text={doc.value.text} source={source} label={props.label} focus={pane.focus} />
      )}
    </section>
  );
}

function TextBody(props: { text: string; source: Source; label: string; focus: PaneState['focus'] }) {
  const paragraphs = useMemo(() => splitParagraphs(props.text), [props.text]);
  const [mark, setMark] = useState<{ start: number; end: number } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const scroller = useRef<HTMLElement>(null);
  const { focus, text } = props;

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

  return (
    <article
      ref={scroller}
      className="pane-body reading"
      tabIndex={0}
      aria-label={`Text of ${props.label}`}
      dir={props.source.direction}
      lang={props.source.language ?? undefined}
    >
      <div className="reading-column">
        {missing ? (
          <p role="alert" className="notice notice-warn">
            {missing}
          </p>
        ) : null}
        {paragraphs.length === 0 ? <p className="muted">This source has no text.</p> : null}
        {paragraphs.map((p) => (
          <p key={p.start} data-start={p.start}>
            {segmentParagraph(p, mark).map((seg, i) =>
              seg.marked ? (
                <mark key={i} className="flash">
                  {seg.text}
                </mark>
              ) : (
                seg.text
              ),
            )}
          </p>
        ))}
      </div>
    </article>
  );
}
