// One open case: the top bar (case, views, search), the library or the reader, the search results,
// and the import machinery (file pickers, drop anywhere, paste) with its progress.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, OpenCase, SearchHit } from '../../shared/api.ts';
import type { Source } from '../../shared/model/source.ts';
import { partitionFiles } from '../import/files.ts';
import { messageOf, useImporter } from '../import/useImporter.ts';
import { plural, sourceTitle } from '../lib/format.ts';
import { useClient } from './context.ts';
import { ConfirmDialog } from './Dialog.tsx';
import { DocCache } from './docCache.ts';
import { Library } from './Library.tsx';
import { MetadataDialog } from './MetadataDialog.tsx';
import { PasteDialog } from './PasteDialog.tsx';
import { Reader } from './Reader.tsx';
import { SearchPanel } from './SearchPanel.tsx';
import type { TextTarget } from '../../shared/text/anchor.ts';
import { TaggingContext } from '../tagging/context.ts';
import { useTagging } from '../tagging/useTagging.ts';
import { SelectionToolbar } from '../tagging/SelectionToolbar.tsx';
import { ClaimForm } from '../tagging/ClaimForm.tsx';
import { ClaimsSidebar } from '../tagging/ClaimsSidebar.tsx';
import { SuggestionsPanel } from '../tagging/SuggestionsPanel.tsx';
import { SuggestionsContext, type SuggestionsForPane } from '../tagging/suggestContext.ts';
import { useSuggestions } from '../tagging/useSuggestions.ts';
import type { Suggested } from '../lib/suggestionText.ts';
import { CompareView } from '../compare/CompareView.tsx';
import { useClashes } from '../bundles/useClashes.ts';
import { useCaseSearch } from './useCaseSearch.ts';
import { usePanes } from './usePanes.ts';
import { SideTabs } from './SideTabs.tsx';
import { useSaveLayout, useSavedLayout, type Side, type View } from './useSavedLayout.ts';
import { useSourceEdits } from './useSourceEdits.ts';
import { useWindowDrop } from './useWindowDrop.ts';
import { WorkspaceBanners } from './WorkspaceBanners.tsx';
import { WorkspaceTopBar } from './WorkspaceTopBar.tsx';
import { ImportClaimsDialog } from '../claims-import/ImportClaimsDialog.tsx';

export function Workspace(props: { initial: OpenCase; info: AppInfo; onCloseCase: () => void }) {
  const client = useClient();
  const caseId = props.initial.id;
  const [sources, setSources] = useState<Source[]>(props.initial.sources);
  const byId = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const saved = useSavedLayout(caseId);
  const [view, setView] = useState<View>(saved?.view ?? 'library');
  const { panes, setPanes, readSideBySide, openSource, addPane } = usePanes(saved, props.initial.sources, () => setView('reader'));
  const [selected, setSelected] = useState<string[]>([]);
  const [detailsFor, setDetailsFor] = useState<string | null>(null);
  const [importingClaims, setImportingClaims] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [warnings, setWarnings] = useState<string[]>(props.initial.warnings);
  const [notice, setNotice] = useState<string | null>(null);
  const cache = useMemo(() => new DocCache(client, caseId), [client, caseId]);
  const revealRef = useRef<(sourceId: string, t: TextTarget) => void>(() => undefined);
  const reveal = useCallback((sourceId: string, t: TextTarget) => revealRef.current(sourceId, t), []);
  // The claim form is pre-filled from the suggestions the panes have (made by the core, off this
  // thread); they come from useSuggestions below, which needs the tagging store first.
  const openSuggestionsRef = useRef<(sourceId: string) => Suggested[]>(() => []);
  const openSuggestions = useCallback((sourceId: string) => openSuggestionsRef.current(sourceId), []);
  const tagging = useTagging({ client, caseId, byId, reveal, suggestionsOf: openSuggestions });
  const claims = tagging.store;
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const [side, setSide] = useState<Side>(saved?.side ?? 'claims');
  const [suggestFor, setSuggestFor] = useState<string | null>(null);
  const [pickedSuggestion, setPickedSuggestion] = useState<{ sourceId: string; key: string } | null>(null);
  const paneSourceIds = useMemo(() => [...new Set(panes.map((p) => p.sourceId))], [panes]);
  // The claims held are those of the sources being read; Compare reads its own (a line per event, the event opened).
  const { want } = claims;
  useEffect(() => want({ all: false, sourceIds: paneSourceIds }), [want, paneSourceIds]);
  const suggestions = useSuggestions({ client, caseId, cache, byId, claims, watched: paneSourceIds });
  openSuggestionsRef.current = suggestions.visible;
  const panelSourceId = suggestFor && paneSourceIds.includes(suggestFor) ? suggestFor : (paneSourceIds[0] ?? null);
  const panelSource = panelSourceId ? (byId.get(panelSourceId) ?? null) : null;
  const panelItems = panelSourceId ? suggestions.visible(panelSourceId) : [];
  // Undoing or redoing a merge takes its clashes back or lists them again: read the list after each step.
  const clashes = useClashes(client, caseId, claims.lastStep);

  useSaveLayout(caseId, view, panes, side);

  const warmSuggestions = suggestions.warm;
  const onImported = useCallback(
    (batch: Source[], warm: Source[]) => {
      setSources((prev) => {
        const seen = new Set(prev.map((s) => s.id));
        return [...prev, ...batch.filter((s) => !seen.has(s.id))];
      });
      // Suggestions are found on import, in the background, so a source opened later shows them at
      // once: for the first sources of an import (a folder's others get theirs when opened).
      warmSuggestions(warm.map((s) => s.id));
    },
    [warmSuggestions],
  );
  const importer = useImporter(client, caseId, onImported);

  const importFiles = useCallback(
    (files: File[]) => {
      const { importable, skipped } = partitionFiles(files);
      importer.start(importable, skipped);
      setView('library');
    },
    [importer],
  );

  // Drop files anywhere on the window.
  const dragging = useWindowDrop(importFiles, setNotice);

  const { search, setSearch, query, setQuery, searchInput, runSearch } = useCaseSearch(client, caseId);

  revealRef.current = (sourceId, t) =>
    openSource(sourceId, { start: t.start, end: t.end, before: t.prefix, match: t.exact, after: t.suffix, nonce: Date.now() });

  const { replaceText, restoredLeftOut, reimported, replaceSource, deleting, setDeleting, deleteError, setDeleteError, confirmDelete } = useSourceEdits({
    client,
    caseId,
    cache,
    claims,
    tagging,
    suggestions,
    byId,
    setSources,
    setSelected,
    setPanes,
    setSearch,
    setNotice,
  });

  const openHit = (hit: SearchHit) =>
    openSource(hit.sourceId, { start: hit.start, end: hit.end, before: hit.before, match: hit.match, after: hit.after, nonce: Date.now() });

  const details = detailsFor ? byId.get(detailsFor) : undefined;

  const showSuggestions = useCallback((sourceId: string) => {
    setSide('suggestions');
    setSuggestFor(sourceId);
  }, []);
  const pickSuggestion = useCallback((sourceId: string, key: string) => {
    setSide('suggestions');
    setSuggestFor(sourceId);
    setPickedSuggestion({ sourceId, key });
  }, []);
  const ensureSuggestions = suggestions.ensure;
  const forPane: SuggestionsForPane = {
    entry: suggestions.entry,
    visible: suggestions.visible,
    ensure: ensureSuggestions,
    selected: pickedSuggestion,
    select: pickSuggestion,
    show: showSuggestions,
  };
  const revealSuggestion = (sourceId: string, sg: Suggested) => {
    setPickedSuggestion({ sourceId, key: sg.key });
    openSource(sourceId, { start: sg.start, end: sg.end, before: '', match: sg.quote, after: '', nonce: Date.now() });
  };
  const editSuggestion = async (sourceId: string, sg: Suggested) => {
    setPickedSuggestion({ sourceId, key: sg.key });
    const d = await suggestions.draftOf(sourceId, sg);
    if (d) tagging.setDraft({ mode: 'new', claim: d.claim, annotation: d.annotation });
  };
  // Null while a large case's claims are still being read in the core (edits wait for that read).
  const claimCount = claims.view ? (claims.view.totalClaims?.toLocaleString('en') ?? '…') : '0';
  // A merge, or a clash settled with the set-aside version, can change sources and claims: read the case again.
  const reloadCase = () => {
    void client.call('cases.open', { caseId }).then(
      (c) => {
        for (const s of c.sources) cache.forget(s.id);
        setSources(c.sources);
      },
      (e: unknown) => setNotice(`The case could not be read again: ${messageOf(e)}`),
    );
    void claims.refresh();
  };
  const suggestCount = panelSourceId && suggestions.entry(panelSourceId)?.status === 'ready' ? panelItems.length : '…';

  return (
    <TaggingContext value={tagging.pane}>
      <SuggestionsContext value={forPane}>
        <div className="app">
          <WorkspaceTopBar
            caseId={caseId}
            caseName={props.initial.name}
            caseDir={props.initial.dir}
            fixedCase={!!props.info.fixedCase}
            onCloseCase={props.onCloseCase}
            view={view}
            onView={setView}
            sources={sources}
            paneCount={panes.length}
            claims={claims}
            clashes={clashes}
            onMerged={() => {
              reloadCase();
              void clashes.reload();
            }}
            onClashesChanged={reloadCase}
            searchInput={searchInput}
            query={query}
            onQueryChange={(q) => {
              setQuery(q);
              if (!q) setSearch(null);
            }}
            onSearch={(q) => void runSearch(q)}
          />
          <WorkspaceBanners
            warnings={warnings}
            onDismissWarnings={() => setWarnings([])}
            problems={claims.view?.problems ?? []}
            problemsDismissed={problemsDismissed}
            onDismissProblems={() => setProblemsDismissed(true)}
            error={
              claims.error || claims.loadError || tagging.message || suggestions.error
                ? (claims.error ?? claims.loadError ?? tagging.message ?? suggestions.error)
                : null
            }
            onDismissError={() => {
              claims.dismissError();
              tagging.setMessage(null);
              suggestions.dismissError();
            }}
            notice={notice}
            onDismissNotice={() => setNotice(null)}
          />

          <div className="workspace">
            <main className="workspace-main">
              {view === 'library' ? (
                <Library
                  caseName={props.initial.name}
                  sources={sources}
                  selected={selected}
                  onSelect={setSelected}
                  onReadSideBySide={readSideBySide}
                  onRead={(id) => openSource(id)}
                  onDetails={setDetailsFor}
                  onDelete={(s) => {
                    setDeleteError(null);
                    setDeleting(s);
                  }}
                  onImportFiles={importFiles}
                  onPaste={() => setPasteOpen(true)}
                  importJob={importer.job}
                  onCancelImport={importer.cancel}
                  onDismissImport={importer.dismiss}
                />
              ) : view === 'compare' ? (
                <CompareView caseId={caseId} sources={sources} store={claims} reveal={reveal} />
              ) : (
                <Reader
                  sources={sources}
                  byId={byId}
                  panes={panes}
                  onPanes={setPanes}
                  cache={cache}
                  onDetails={setDetailsFor}
                  onNewPane={addPane}
                  onGoToLibrary={() => setView('library')}
                  onReplace={(id, f) => void replaceText(id, f)}
                  leftOut={{ caseId, onRestored: restoredLeftOut }}
                />
              )}
            </main>
            {view === 'reader' && tagging.draft ? (
              <ClaimForm
                key={tagging.draft.claim.id}
                draft={tagging.draft}
                source={byId.get(tagging.draft.claim.sourceId)}
                events={claims.view?.events ?? []}
                actors={claims.view?.actors ?? []}
                onSave={claims.execute}
                onCancel={() => tagging.setDraft(null)}
                onCreateEvent={(ev) => claims.execute({ type: 'event.create', payload: { event: ev, at: null, assign: [] } }, 'Create event')}
                onDetails={setDetailsFor}
              />
            ) : null}
            {view === 'reader' && claims.view ? (
              <aside className="side-column" aria-label="Side panel">
                <SideTabs side={side} onSide={setSide} claimCount={claimCount} suggestCount={suggestCount} hasSuggestions={panelItems.length > 0} />
                {side === 'claims' ? (
                  <ClaimsSidebar
                    id="side-claims"
                    view={claims.view}
                    sources={sources}
                    openSourceIds={panes.map((p) => p.sourceId)}
                    complete={claims.complete}
                    onShowAll={() => want({ all: true, sourceIds: paneSourceIds })}
                    selectedClaimId={tagging.selectedClaimId}
                    retargeting={tagging.retargeting}
                    execute={claims.execute}
                    onEdit={tagging.openClaim}
                    onRetarget={tagging.startRetarget}
                    onCancelRetarget={tagging.cancelRetarget}
                    onConfirmRetarget={() => void tagging.confirmRetarget()}
                    onReveal={(a) => reveal(a.sourceId, a.targets[0])}
                    onImportClaims={() => setImportingClaims(true)}
                  />
                ) : (
                  <SuggestionsPanel
                    id="side-suggestions"
                    source={panelSource}
                    sources={paneSourceIds.map((id) => byId.get(id)).filter((x): x is Source => !!x)}
                    onSource={(id) => setSuggestFor(id)}
                    entry={panelSourceId ? suggestions.entry(panelSourceId) : undefined}
                    items={panelItems}
                    events={claims.view.events}
                    selectedKey={pickedSuggestion && pickedSuggestion.sourceId === panelSourceId ? pickedSuggestion.key : null}
                    onSelect={(key) => panelSourceId && setPickedSuggestion({ sourceId: panelSourceId, key })}
                    onReveal={(sg) => panelSourceId && revealSuggestion(panelSourceId, sg)}
                    onAccept={(items) => (panelSourceId ? suggestions.accept(panelSourceId, items) : Promise.resolve(false))}
                    onEdit={(sg) => panelSourceId && void editSuggestion(panelSourceId, sg)}
                    onReject={(sg) => panelSourceId && void suggestions.reject(panelSourceId, [sg])}
                    onCreateEvent={(g) => (panelSourceId ? suggestions.accept(panelSourceId, g.items, { group: g }) : Promise.resolve(false))}
                    onRefresh={() => panelSourceId && void suggestions.refresh(panelSourceId)}
                    lastRejection={suggestions.lastRejection}
                    onUndoReject={() => void suggestions.undoReject()}
                    onDismissRejection={suggestions.dismissRejection}
                  />
                )}
              </aside>
            ) : null}
            {search ? (
              <SearchPanel
                search={search}
                onOpen={openHit}
                onClose={() => setSearch(null)}
                sourceTitle={(id) => {
                  const s = byId.get(id);
                  return s ? sourceTitle(s) : null;
                }}
              />
            ) : null}
          </div>

          {dragging ? (
            <div className="drop-overlay" aria-hidden="true">
              <div className="drop-box">
                <p className="drop-title">Drop to import into “{props.initial.name}”</p>
                <p className="muted">Text, Markdown, HTML and PDF files, or whole folders.</p>
              </div>
            </div>
          ) : null}

          {importingClaims ? <ImportClaimsDialog caseId={caseId} sources={sources} execute={claims.execute} onClose={() => setImportingClaims(false)} /> : null}
          {details ? (
            <MetadataDialog
              caseId={caseId}
              source={details}
              groups={[...new Set(sources.map((s) => s.independenceGroup).filter((g): g is string => !!g))]}
              onClose={() => setDetailsFor(null)}
              onReimported={(r) => (setDetailsFor(null), reimported(r))}
              onSaved={(s) => {
                replaceSource(s);
                // A corrected publication date re-resolves the source's relative dates in the core.
                void claims.refresh();
                void suggestions.reload(s.id);
                setDetailsFor(null);
                setNotice(`Saved the details of “${sourceTitle(s)}”.`);
              }}
            />
          ) : null}
          {deleting ? (
            <ConfirmDialog
              title={`Delete “${sourceTitle(deleting)}”?`}
              confirmLabel="Delete source"
              danger
              error={deleteError}
              onCancel={() => setDeleting(null)}
              onConfirm={() => void confirmDelete()}
            >
              <p>The source, its text, its claims and its imported original go to this case’s trash. Undo (Ctrl+Z) brings them back.</p>
            </ConfirmDialog>
          ) : null}
          {pasteOpen ? (
            <PasteDialog
              caseId={caseId}
              onClose={() => setPasteOpen(false)}
              onDone={(result) => {
                setPasteOpen(false);
                if (result.status === 'imported') {
                  onImported([result.source], [result.source]);
                  setNotice(`Added “${sourceTitle(result.source)}” to this case.`);
                } else {
                  setNotice(result.message || `That text is already in this case as “${sourceTitle(result.source)}”.`);
                }
              }}
            />
          ) : null}
          {view === 'reader' ? (
            <SelectionToolbar
              selection={tagging.selection}
              collected={tagging.collected?.targets.length ?? 0}
              retargeting={tagging.retargeting}
              onKind={tagging.openNew}
              onAddPassage={tagging.addPassage}
              onClearPassages={tagging.clearPassages}
              onConfirmRetarget={() => void tagging.confirmRetarget()}
            />
          ) : null}
          <p className="sr-only" aria-live="polite">
            {search?.status === 'done' ? `${plural(search.total, 'match', 'matches')} for ${search.query}` : ''}
          </p>
        </div>
      </SuggestionsContext>
    </TaggingContext>
  );
}
