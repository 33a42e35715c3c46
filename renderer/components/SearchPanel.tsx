// Search results across the case: each hit names its source and shows the passage with the match
// marked; choosing one opens the source in a pane at that passage.
import type { SearchHit } from '../../shared/api.ts';
import { plural } from '../lib/format.ts';

export interface SearchState {
  query: string;
  status: 'loading' | 'done' | 'error';
  hits: SearchHit[];
  total: number;
  error: string | null;
}

export function SearchPanel(props: { search: SearchState; onOpen: (hit: SearchHit) => void; onClose: () => void; sourceTitle: (id: string) => string | null }) {
  const { search } = props;
  return (
    <aside className="search-panel" aria-label="Search results">
      <header className="search-head">
        <h2 className="search-title">
          {search.status === 'loading'
            ? `Searching for “${search.query}”…`
            : search.status === 'error'
              ? 'Search failed'
              : `${plural(search.total, 'match', 'matches')} for “${search.query}”`}
        </h2>
        <button type="button" className="btn btn-small btn-icon" aria-label="Close search results" onClick={props.onClose}>
          ×
        </button>
      </header>
      {search.status === 'error' ? (
        <p role="alert" className="notice notice-error search-error">
          The search could not run: {search.error}
        </p>
      ) : null}
      {search.status === 'done' && search.total === 0 ? (
        <p className="muted search-empty">No source in this case contains “{search.query}”. Check the spelling, or try fewer words.</p>
      ) : null}
      {search.status === 'done' && search.total > search.hits.length ? (
        <p className="small muted search-empty">Showing the first {search.hits.length}. Add words to narrow the search.</p>
      ) : null}
      <ol className="hits">
        {search.hits.map((h, i) => {
          const title = props.sourceTitle(h.sourceId) ?? h.title;
          return (
            <li key={`${h.sourceId}:${h.start}:${i}`}>
              <button type="button" className="hit" onClick={() => props.onOpen(h)}>
                <span className="hit-title">{title}</span>
                <span className="hit-snippet">
                  {withLeadingEllipsis(h.before)}
                  <mark>{h.match}</mark>
                  {withTrailingEllipsis(h.after)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

// The core may already mark a cut snippet with an ellipsis; never show two.
const ELLIPSIS = /^(…|\.\.\.)/;
const withLeadingEllipsis = (s: string): string => (!s ? '' : ELLIPSIS.test(s) ? s : `…${s}`);
const withTrailingEllipsis = (s: string): string => (!s ? '' : /(…|\.\.\.)$/.test(s) ? s : `${s}…`);
