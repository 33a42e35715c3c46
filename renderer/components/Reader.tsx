// One to four panes side by side, each its own source and its own scroll; those there is no room
// for (each keeps at least MIN_PANE_PX) share the last column as tabs.
import { useLayoutEffect, useRef, useState } from 'react';
import { MAX_PANES } from '../../shared/limits.ts';
import type { Source } from '../../shared/model/source.ts';
import { sourceTitle } from '../lib/format.ts';
import type { DocCache } from './docCache.ts';
import { Pane, type LeftOutProps } from './Pane.tsx';
import { useTaggingForPane } from '../tagging/context.ts';
import { activeTab, layPanes, panesThatFit } from './paneFit.ts';
import { PaneTabs, panePanelId, paneTabId } from './PaneTabs.tsx';
import type { PaneState } from './paneState.ts';

export type { PaneFocus, PaneState } from './paneState.ts';

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
  /** Where left-out page text (HTML imports) can be seen and put back. */
  leftOut?: LeftOutProps;
}) {
  const { panes } = props;
  const shown = new Set(panes.map((p) => p.sourceId));
  const nextSource = props.sources.find((s) => !shown.has(s.id)) ?? props.sources[0];
  const update = (key: string, patch: Partial<PaneState>) => props.onPanes((prev) => prev.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const fit = usePanesThatFit();
  const [chosen, setChosen] = useState<{ key: string; at: number } | null>(null);
  const laid = layPanes(panes, fit.count);
  // The pane being tagged comes forward like one asked for a passage: its stamp is when the form opened.
  const [draft, setDraft] = useState<{ sourceId: string | null; at: number }>({ sourceId: null, at: 0 });
  const tagging = useTaggingForPane();
  const draftSourceId = tagging?.pending?.sourceId ?? null;
  if (draft.sourceId !== draftSourceId) setDraft({ sourceId: draftSourceId, at: Date.now() });
  const active = activeTab(
    laid.tabbed.map((p) => ({ key: p.key, focus: { nonce: Math.max(p.focus?.nonce ?? 0, p.sourceId === draft.sourceId ? draft.at : 0) } })),
    chosen,
  );
  const columns = laid.columns.length + (laid.tabbed.length ? 1 : 0);

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

  const label = (p: PaneState) => {
    const source = props.byId.get(p.sourceId);
    return source ? sourceTitle(source) : p.sourceId;
  };
  const renderPane = (p: PaneState) => {
    const source = props.byId.get(p.sourceId);
    if (!source) return null;
    return (
      <Pane
        key={p.key}
        index={panes.indexOf(p)}
        pane={p}
        source={source}
        sources={props.sources}
        cache={props.cache}
        onChangeSource={(id) => update(p.key, { sourceId: id, mode: 'text', focus: null })}
        onMode={(mode) => update(p.key, { mode })}
        onClose={() => props.onPanes((prev) => prev.filter((x) => x.key !== p.key))}
        onDetails={() => props.onDetails(source.id)}
        onReplace={props.onReplace ? (f) => props.onReplace?.(source.id, f) : undefined}
        leftOut={props.leftOut}
        label={sourceTitle(source)}
      />
    );
  };

  return (
    <div className="reader">
      <div className="toolbar reader-toolbar">
        <p className="small muted">
          {panes.length
            ? `${panes.length} of ${MAX_PANES} panes. Keyboard: in a text, arrows move a caret, Shift+arrows select, ] and [ select a sentence, c m a t n tag it.`
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
        <div
          className={`panes panes-${columns}`}
          role="group"
          aria-label="Reading panes"
          ref={fit.ref}
          style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
        >
          {laid.tabbed.length && active ? (
            <PaneTabs
              tabs={laid.tabbed.map((p) => ({ key: p.key, label: label(p) }))}
              active={active}
              column={columns}
              onChoose={(key) => setChosen({ key, at: Date.now() })}
            />
          ) : null}
          {/* One flat, keyed list whether a pane has its own column or waits in a tab, so moving
              between the two (the window resized, the claim form opened) keeps its place in the text. */}
          {panes.map((p) => {
            const at = laid.columns.indexOf(p);
            const tabbed = at < 0;
            const hidden = tabbed && p.key !== active;
            return (
              <div
                key={p.key}
                className={hidden ? 'pane-slot is-hidden' : 'pane-slot'}
                style={tabbed ? { gridColumn: columns, gridRow: 2 } : { gridColumn: at + 1, gridRow: '1 / 3' }}
                role={tabbed ? 'tabpanel' : undefined}
                id={tabbed ? panePanelId(p.key) : undefined}
                aria-labelledby={tabbed ? paneTabId(p.key) : undefined}
                inert={hidden}
              >
                {renderPane(p)}
              </div>
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

/** Measures the panes' row and says how many panes of a readable width fit in it. */
function usePanesThatFit(): { ref: (el: HTMLDivElement | null) => void; count: number } {
  const [count, setCount] = useState(MAX_PANES);
  const observer = useRef<ResizeObserver | null>(null);
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => setCount(panesThatFit(el.getBoundingClientRect().width));
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(el);
    return () => observer.current?.disconnect();
  }, [el]);
  return { ref: setEl, count };
}
