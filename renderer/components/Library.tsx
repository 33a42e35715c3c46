// The library: every source in the case as a sortable table, with import controls above it. A long
// list renders only the rows on screen (a case of 10,000 sources draws about 30 rows), as a table
// still: its rows carry aria-rowindex and the table aria-rowcount, so a screen reader knows where
// it is; tabbing onto a row below the fold scrolls it in, which renders the next.
import { memo, useCallback, useDeferredValue, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { MAX_PANES } from '../../shared/limits.ts';
import type { Source } from '../../shared/model/source.ts';
import { KIND_LABEL, confidenceText, isUserSet, formatLength, formatPublished, plural, sourceTitle } from '../lib/format.ts';
import { filterSources, sortSources, type Sort, type SortKey } from '../lib/sortSources.ts';
import type { ImportJob } from '../import/useImporter.ts';
import { ImportControls, ImportStatus } from './ImportControls.tsx';
import { useLongList } from './useLongList.ts';
import './library.css';

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'outlet', label: 'Outlet', className: 'col-outlet' },
  { key: 'authors', label: 'Authors', className: 'col-authors' },
  { key: 'published', label: 'Published', className: 'col-date' },
  { key: 'kind', label: 'Kind', className: 'col-kind' },
  { key: 'length', label: 'Length', className: 'col-length' },
];
/** The checkbox, the columns and the actions. */
const COLUMN_COUNT = COLUMNS.length + 2;
/** A row's height before it is measured: one line and a confidence line. */
const rowEstimate = () => 53;

interface RowHandlers {
  onRead: (id: string) => void;
  onDetails: (id: string) => void;
  onDelete: (s: Source) => void;
  toggle: (id: string) => void;
}

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
  const filterId = useId();
  // Typing stays responsive at 10,000 sources: the table follows the filter when it can.
  const query = useDeferredValue(filter);
  const filtered = useMemo(() => filterSources(props.sources, query), [props.sources, query]);
  const rows = useMemo(() => sortSources(filtered, sort), [filtered, sort]);
  const selectedKey = props.selected.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const selected = useMemo(() => new Set(props.selected), [selectedKey]);
  const full = props.selected.length >= MAX_PANES;

  const toggle = (id: string) => {
    if (selected.has(id)) props.onSelect(props.selected.filter((x) => x !== id));
    else if (!full) props.onSelect([...props.selected, id]);
  };
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'published' ? 'desc' : 'asc' }));

  // Rows re-render only when their source, selection or the pane limit change: progress updates
  // of a long import re-render the toolbar, not the rows.
  const h = useRef<RowHandlers>({ onRead: props.onRead, onDetails: props.onDetails, onDelete: props.onDelete, toggle });
  h.current = { onRead: props.onRead, onDetails: props.onDetails, onDelete: props.onDelete, toggle };

  const wrap = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  // Stable while the rows are: the virtualizer re-lays out every row when the key function changes.
  const getItemKey = useCallback((i: number) => rows[i].id, [rows]);
  const list = useLongList({ count: rows.length, scrollRef: wrap, listRef: body, estimateSize: rowEstimate, getItemKey });
  const indices = list.virtual ? list.items.map((it) => it.index) : rows.map((_, i) => i);

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
        <button type="button" className="btn btn-primary" disabled={props.selected.length === 0} onClick={() => props.onReadSideBySide(props.selected)}>
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
        <div className="table-wrap" ref={wrap}>
          <table className={list.virtual ? 'sources is-virtual' : 'sources'} aria-rowcount={list.virtual ? rows.length + 1 : undefined}>
            <caption>
              Sources in “{props.caseName}”: {plural(props.sources.length, 'source')}
              {query ? `, ${rows.length.toLocaleString('en')} shown` : ''}
              {props.selected.length
                ? `, ${props.selected.length} selected to read side by side (up to ${MAX_PANES})`
                : `. Select up to ${MAX_PANES} to read side by side.`}
            </caption>
            <thead>
              <tr aria-rowindex={list.virtual ? 1 : undefined}>
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
            <tbody ref={body}>
              {list.before > 0 ? <Spacer height={list.before} /> : null}
              {indices.map((i) => (
                <SourceRow
                  key={rows[i].id}
                  index={i}
                  source={rows[i]}
                  selected={selected.has(rows[i].id)}
                  full={full}
                  h={h}
                  measure={list.virtual ? list.measure : undefined}
                />
              ))}
              {list.after > 0 ? <Spacer height={list.after} /> : null}
            </tbody>
          </table>
          {query && rows.length === 0 ? <p className="more-row muted">No source matches “{query}”.</p> : null}
        </div>
      )}
    </section>
  );
}

/** The height of the rows not rendered, above or below those that are. */
function Spacer(props: { height: number }) {
  return (
    <tr className="vspacer" aria-hidden="true" style={{ height: props.height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

const SourceRow = memo(function SourceRow(props: {
  index: number;
  source: Source;
  selected: boolean;
  full: boolean;
  h: RefObject<RowHandlers>;
  /** Set when the list is virtual: the row's real height is measured. */
  measure?: (el: Element | null) => void;
}) {
  const { source: s, selected: isSel, full, h } = props;
  const title = sourceTitle(s);
  return (
    <tr className={isSel ? 'is-selected' : undefined} data-index={props.index} ref={props.measure} aria-rowindex={props.measure ? props.index + 2 : undefined}>
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
        {(s.title.confidence === 'low' || s.title.confidence === 'none') && !isUserSet(s.title) ? <span className="sub">{confidenceText(s.title)}</span> : null}
        {s.warnings.length ? <span className="sub warn-text">{plural(s.warnings.length, 'import warning')}</span> : null}
      </th>
      <td className="col-outlet">
        {s.outlet.value ?? <span className="muted">Unknown</span>}
        {s.outlet.value && s.outlet.confidence === 'low' && !isUserSet(s.outlet) ? <span className="sub">{confidenceText(s.outlet)}</span> : null}
      </td>
      <td className="col-authors">{s.authors.value.length ? s.authors.value.join(', ') : <span className="muted">—</span>}</td>
      <td className="col-date">
        <span className={s.published.value.date ? undefined : 'muted'}>{formatPublished(s.published.value)}</span>
        <span className={`sub conf conf-${isUserSet(s.published) ? 'user' : s.published.confidence}`}>{confidenceText(s.published)}</span>
      </td>
      <td className="col-kind">{KIND_LABEL[s.kind]}</td>
      <td className="col-length">{formatLength(s)}</td>
      <td className="col-actions">
        <button type="button" className="btn btn-small" aria-label={`Details of ${title}`} onClick={() => h.current.onDetails(s.id)}>
          Details
        </button>
        <button type="button" className="btn btn-small btn-quiet-danger" aria-label={`Delete ${title}`} onClick={() => h.current.onDelete(s)}>
          Delete
        </button>
      </td>
    </tr>
  );
});
