// One to four panes side by side, each its own source and its own scroll.
import { MAX_PANES } from '../../shared/limits.ts';
import type { Source } from '../../shared/source.ts';
import { sourceTitle } from '../lib/format.ts';
import type { DocCache } from './docCache.ts';
import { Pane } from './Pane.tsx';

export interface PaneFocus {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** Changes each time the same passage is asked for again, so it scrolls and flashes again. */
  nonce: number;
}

export interface PaneState {
  key: string;
  sourceId: string;
  mode: 'text' | 'pages';
  focus: PaneFocus | null;
}

export function Reader(props: {
  sources: Source[];
  byId: Map<string, Source>;
  panes: PaneState[];
  onPanes: (update: (prev: PaneState[]) => PaneState[]) => void;
  cache: DocCache;
  onDetails: (id: string) => void;
  onNewPane: (sourceId: string) => void;
  onGoToLibrary: () => void;
  onReplace?: (sourceId: string, file: File) => void;
}) {
  const { panes } = props;
  const shown = new Set(panes.map((p) => p.sourceId));
  const nextSource = props.sources.find((s) => !shown.has(s.id)) ?? props.sources[0];
  const update = (key: string, patch: Partial<PaneState>) => props.onPanes((prev) => prev.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  if (props.sources.length === 0) {
    return (
      <div className="empty">
        <h2>Nothing to read yet</h2>
        <p>Import sources in the library first.</p>
        <button type="button" className="btn btn-primary" onClick={props.onGoToLibrary}>
          Go to the library
        </button>
      </div>
    );
  }

  return (
    <div className="reader">
      <div className="toolbar reader-toolbar">
        <p className="small muted">
          {panes.length
            ? `${panes.length} of ${MAX_PANES} panes. Each pane scrolls on its own; choose its source from the list in its header.`
            : 'No source open. Open sources from the library, or add a pane.'}
        </p>
        <div className="toolbar-spacer" />
        <button
          type="button"
          className="btn"
          disabled={panes.length >= MAX_PANES || !nextSource}
          title={panes.length >= MAX_PANES ? `At most ${MAX_PANES} panes.` : undefined}
          onClick={() => nextSource && props.onNewPane(nextSource.id)}
        >
          Add pane
        </button>
      </div>
      {panes.length ? (
        <div className={`panes panes-${panes.length}`}>
          {panes.map((p, i) => {
            const source = props.byId.get(p.sourceId);
            if (!source) return null;
            return (
              <Pane
                key={p.key}
                index={i}
                pane={p}
                source={source}
                sources={props.sources}
                cache={props.cache}
                onChangeSource={(id) => update(p.key, { sourceId: id, mode: 'text', focus: null })}
                onMode={(mode) => update(p.key, { mode })}
                onClose={() => props.onPanes((prev) => prev.filter((x) => x.key !== p.key))}
                onDetails={() => props.onDetails(source.id)}
                onReplace={props.onReplace ? (f) => props.onReplace?.(source.id, f) : undefined}
                label={sourceTitle(source)}
              />
            );
          })}
        </div>
      ) : (
        <div className="empty">
          <p>Select sources in the library and choose “Read side by side”, or add a pane.</p>
        </div>
      )}
    </div>
  );
}
