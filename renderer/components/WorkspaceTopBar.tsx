// The workspace's top bar: the case, the view switch, sync, bundles and clashes, undo / redo, and the case search box.
import type { RefObject } from 'react';
import type { Source } from '../../shared/model/source.ts';
import { BundleActions } from '../bundles/BundleActions.tsx';
import { ClashesButton } from '../bundles/ClashesDialog.tsx';
import type { ClashesStore } from '../bundles/useClashes.ts';
import { lowerFirst, type ClaimsStore } from '../tagging/useClaims.ts';
import { UndoToast } from './UndoToast.tsx';
import { ThemePicker } from '../theme/ThemePicker.tsx';
import { SyncControl } from '../sync/SyncControl.tsx';
import type { View } from './useSavedLayout.ts';

export function WorkspaceTopBar(props: {
  caseId: string;
  caseName: string;
  caseDir: string;
  fixedCase: boolean;
  onCloseCase: () => void;
  view: View;
  onView: (view: View) => void;
  sources: Source[];
  paneCount: number;
  claims: ClaimsStore;
  clashes: ClashesStore;
  onMerged: () => void;
  onClashesChanged: () => void;
  searchInput: RefObject<HTMLInputElement | null>;
  query: string;
  onQueryChange: (query: string) => void;
  onSearch: (query: string) => void;
}) {
  const { view, claims } = props;
  return (
    <header className="topbar">
      <div className="topbar-left">
        <span className="brand">Corroborate</span>
        {props.fixedCase ? null : (
          <button type="button" className="btn btn-ghost btn-small" onClick={props.onCloseCase}>
            All cases
          </button>
        )}
        <h1 className="case-title" title={props.caseDir}>
          {props.caseName}
        </h1>
      </div>
      <nav className="view-switch" aria-label="Views">
        <button type="button" aria-pressed={view === 'library'} onClick={() => props.onView('library')}>
          Library <span className="count">{props.sources.length}</span>
        </button>
        <button type="button" aria-pressed={view === 'reader'} onClick={() => props.onView('reader')}>
          Reader <span className="count">{props.paneCount}</span>
        </button>
        <button type="button" aria-pressed={view === 'compare'} onClick={() => props.onView('compare')}>
          Compare <span className="count">{claims.view?.events.length ?? 0}</span>
        </button>
      </nav>
      <div className="topbar-right">
        <SyncControl caseId={props.caseId} onReceived={props.onMerged} />
        <BundleActions caseId={props.caseId} sources={props.sources} events={claims.view?.events ?? []} onMerged={props.onMerged} />
        <ClashesButton store={props.clashes} context={{ annotations: claims.view?.annotations ?? [] }} onChanged={props.onClashesChanged} />
        <ThemePicker className="topbar-theme" />
        <div className="history" role="group" aria-label="Edit history">
          <HistoryButton
            verb="Undo"
            icon="↶"
            can={!!claims.view?.canUndo}
            what={claims.view?.undoLabel}
            keys="Control+Z"
            keysHint="Ctrl+Z"
            onClick={() => void claims.undo()}
          />
          <HistoryButton
            verb="Redo"
            icon="↷"
            can={!!claims.view?.canRedo}
            what={claims.view?.redoLabel}
            keys="Control+Shift+Z Control+Y"
            keysHint="Ctrl+Shift+Z"
            onClick={() => void claims.redo()}
          />
          <UndoToast step={claims.lastStep} />
        </div>
        <form
          role="search"
          className="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            props.onSearch(props.query);
          }}
        >
          <input
            ref={props.searchInput}
            type="search"
            aria-label="Search this case"
            // The key that comes here is in the tooltip and the name's shortcut: the box is 88 px wide on a laptop.
            placeholder="Search"
            title="Search this case (press / to come here)"
            aria-keyshortcuts="/"
            value={props.query}
            maxLength={500}
            onChange={(e) => props.onQueryChange(e.target.value)}
          />
          <button type="submit" className="btn btn-small">
            Search
          </button>
        </form>
      </div>
    </header>
  );
}

/** Undo or Redo: names the edit it would act on, or says there is none. */
function HistoryButton(props: {
  verb: 'Undo' | 'Redo';
  icon: string;
  can: boolean;
  what: string | null | undefined;
  keys: string;
  keysHint: string;
  onClick: () => void;
}) {
  // The label is shown ("Undo: correct date of Northern Courier") where there is room, cut short
  // when long; the name says it whole, in the same words ("Undo Correct date of Northern Courier").
  const what = `${props.verb} ${props.what ?? 'last edit'}`;
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost"
      disabled={!props.can}
      aria-label={props.can ? what : props.verb}
      aria-keyshortcuts={props.keys}
      title={props.can ? `${what} (${props.keysHint})` : `Nothing to ${props.verb.toLowerCase()}`}
      onClick={props.onClick}
    >
      <span aria-hidden="true">{props.icon}</span>{' '}
      <span className="history-verb">
        {props.verb}
        {props.can && props.what ? <span className="history-what">: {lowerFirst(props.what)}</span> : null}
      </span>
    </button>
  );
}
