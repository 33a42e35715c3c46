// One reading pane: header (title, outlet, date, source picker, view toggle, close) and its body:
// the text (TextBody.tsx) or, for a PDF, its pages.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { Source } from '../../shared/model/source.ts';
import { confidenceText, formatPublished, sourceTitle } from '../lib/format.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { useSuggestionsForPane } from '../tagging/suggestContext.ts';
import { useLoaded, type DocCache } from './docCache.ts';
import type { PaneState } from './paneState.ts';
import { LeftOutNotice, type Restored } from './LeftOutNotice.tsx';
import { TextBody } from './TextBody.tsx';

const PdfPages = lazy(() => import('./PdfPages.tsx'));

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
