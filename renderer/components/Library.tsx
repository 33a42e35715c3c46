// The library: every source in the case as a sortable table, with import controls above it.
import { useId, useMemo, useRef, useState } from 'react';
import { MAX_PANES } from '../../shared/limits.ts';
import type { Source } from '../../shared/source.ts';
import { KIND_LABEL, confidenceText, isUserSet, formatLength, formatPublished, plural, sourceTitle } from '../lib/format.ts';
import { filterSources, sortSources, type Sort, type SortKey } from '../lib/sortSources.ts';
import type { ImportJob } from '../import/useImporter.ts';
import { ImportControls, ImportStatus } from './ImportControls.tsx';

const PAGE = 300;

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'outlet', label: 'Outlet', className: 'col-outlet' },
  { key: 'authors', label: 'Authors', className: 'col-authors' },
  { key: 'published', label: 'Published', className: 'col-date' },
  { key: 'kind', label: 'Kind', className: 'col-kind' },
  { key: 'length', label: 'Length', className: 'col-length' },
];

export function Library(props: {
  caseName: string;
  sources: Source[];
  selected: string[];
  onSelect: (ids: string[]) => void;
  onReadSideBySide: (ids: string[]) => void;
  /** Opens one source in the reader, beside those already open. */
  onRead: (id: string) => void;
  onDetails: (id: string) => void;
  onDelete: (s: Source) => void;
  onImportFiles: (files: File[]) => void;
  onPaste: () => void;
  importJob: ImportJob | null;
  onCancelImport: () => void;
  onDismissImport: () => void;
}) {
  const [sort, setSort] = useState<Sort>({ key: 'imported', dir: 'asc' });
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const filterId = useId();
  const rows = useMemo(() => sortSources(filterSources(props.sources, filter), sort), [props.sources, filter, sort]);
  const selected = new Set(props.selected);
  const full = props.selected.length >= MAX_PANES;

  const toggle = (id: string) => {
    if (selected.has(id)) props.onSelect(props.selected.filter((x) => x !== id));
    else if (!full) props.onSelect([...props.selected, id]);
  };
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'published' ? 'desc' : 'asc' }));

  // The rows only change with the sources, the sort or the selection: progress updates of a
  // long import re-render the toolbar, not hundreds of rows.
  const h = useRef({ onRead: props.onRead, onDetails: props.onDetails, onDelete: props.onDelete, toggle });
  h.current = { onRead: props.onRead, onDetails: props.onDetails, onDelete: props.onDelete, toggle };
  const selectedKey = props.selected.join(',');
  const body = useMemo(
    () =>
      rows.slice(0, shown).map((s) => {
        const title = sourceTitle(s);
        const isSel = selected.has(s.id);
        return (
          <tr key={s.id} className={isSel ? 'is-selected' : undefined}>
            <td className="col-check">
              <input
                type="checkbox"
                aria-label={`Select ${title}`}
                checked={isSel}
                disabled={!isSel && full}
                title={!isSel && full ? `You can read up to ${MAX_PANES} sources side by side.` : undefined}
                onChange={() => h.current.toggle(s.id)}
              />
            </td>
            <th scope="row" className="col-title">
              <button type="button" className="link-btn" onClick={() => h.current.onRead(s.id)} title={`Read ${title}`}>
                {title}
              </button>
              {(s.title.confidence === 'low' || s.title.confidence === 'none') && !isUserSet(s.title) ? (
                <span className="sub">{confidenceText(s.title)}</span>
              ) : null}
              {s.warnings.length ? <span className="sub warn-text">{plural(s.warnings.length, 'import warning')}</span> : null}
            </th>
            <td className="col-outlet">
              {s.outlet.value ?? <span className="muted">Unknown</span>}
              {s.outlet.value && s.outlet.confidence === 'low' && !isUserSet(s.outlet) ? (
                <span className="sub">{confidenceText(s.outlet)}</span>
              ) : null}
            </td>
            <td className="col-authors">{s.authors.value.length ? s.authors.value.join(', ') : <span className="muted">—</span>}</td>
            <td className="col-date">
              <span className={s.published.value.date ? undefined : 'muted'}>{formatPublished(s.published.value)}</span>
              <span className={`sub conf conf-${isUserSet(s.published) ? 'user' : s.published.confidence}`}>
                {confidenceText(s.published)}
              </span>
            </td>
            <td className="col-kind">{KIND_LABEL[s.kind]}</td>
            <td className="col-length">{formatLength(s)}</td>
            <td className="col-actions">
              <button type="button" className="btn btn-small" aria-label={`Details of ${title}`} onClick={() => h.current.onDetails(s.id)}>
                Details
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet-danger"
                aria-label={`Delete ${title}`}
                onClick={() => h.current.onDelete(s)}
              >
                Delete
              </button>
            </td>
          </tr>
        );
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, shown, selectedKey, full],
  );

  return (
    <section className="library" aria-label="Library">
      <div className="toolbar">
        <ImportControls onFiles={props.onImportFiles} onPaste={props.onPaste} busy={!!props.importJob?.running} />
        <div className="toolbar-spacer" />
        <label htmlFor={filterId} className="sr-only">
          Filter sources
        </label>
        <input
          id={filterId}
          type="search"
          className="filter-input"
          placeholder="Filter by title, outlet, author"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-primary"
          disabled={props.selected.length === 0}
          onClick={() => props.onReadSideBySide(props.selected)}
        >
          Read side by side{props.selected.length ? ` (${props.selected.length})` : ''}
        </button>
      </div>

      {props.importJob ? <ImportStatus job={props.importJob} onCancel={props.onCancelImport} onDismiss={props.onDismissImport} /> : null}

      {props.sources.length === 0 ? (
        <div className="empty">
          <h2>No sources yet</h2>
          <p>Import article files (text, Markdown, HTML or PDF), a whole folder, or paste text. You can also drop files anywhere on this window.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="sources">
            <caption>
              Sources in “{props.caseName}”: {plural(props.sources.length, 'source')}
              {filter ? `, ${rows.length} shown` : ''}
              {props.selected.length ? `, ${props.selected.length} selected to read side by side (up to ${MAX_PANES})` : `. Select up to ${MAX_PANES} to read side by side.`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="col-check">
                  <span className="sr-only">Select</span>
                </th>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.className}
                    aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" className="sort-btn" onClick={() => sortBy(c.key)}>
                      {c.label}
                      <span className="sort-mark" aria-hidden="true">
                        {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col" className="col-actions">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {body}
            </tbody>
          </table>
          {rows.length > shown ? (
            <p className="more-row">
              Showing {shown.toLocaleString('en')} of {rows.length.toLocaleString('en')}.{' '}
              <button type="button" className="btn btn-small" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, rows.length - shown)} more
              </button>
            </p>
          ) : null}
          {filter && rows.length === 0 ? <p className="more-row muted">No source matches “{filter}”.</p> : null}
        </div>
      )}
    </section>
  );
}
