// One open case: the top bar (case, views, search), the library or the reader, the search results,
// and the import machinery (file pickers, drop anywhere, paste) with its progress.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppInfo, OpenCase, SearchHit } from '../../shared/api.ts';
import { MAX_PANES } from '../../shared/limits.ts';
import type { Source } from '../../shared/source.ts';
import { filesFromDrop, partitionFiles } from '../import/files.ts';
import { messageOf, useImporter } from '../import/useImporter.ts';
import { plural, sourceTitle } from '../lib/format.ts';
import { useClient } from './context.ts';
import { ConfirmDialog } from './Dialog.tsx';
import { DocCache } from './docCache.ts';
import { Library } from './Library.tsx';
import { MetadataDialog } from './MetadataDialog.tsx';
import { PasteDialog } from './PasteDialog.tsx';
import { Reader, type PaneFocus, type PaneState } from './Reader.tsx';
import { SearchPanel, type SearchState } from './SearchPanel.tsx';
import type { TextTarget } from '../../shared/anchor.ts';
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
import { BundleActions } from '../bundles/BundleActions.tsx';
import { ClashesButton } from '../bundles/ClashesDialog.tsx';
import { useClashes } from '../bundles/useClashes.ts';

type View = 'library' | 'reader' | 'compare';
type Side = 'claims' | 'suggestions';

let paneCounter = 0;
const newPane = (sourceId: string): PaneState => ({ key: `p${++paneCounter}`, sourceId, mode: 'text', focus: null });

interface Saved {
  view: View;
  panes: { sourceId: string; mode: 'text' | 'pages' }[];
  side?: Side;
}
const storageKey = (caseId: string) => `corroborate.workspace.${caseId}`;
function loadSaved(caseId: string): Saved | null {
  try {
    const raw = sessionStorage.getItem(storageKey(caseId));
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}

export function Workspace(props: { initial: OpenCase; info: AppInfo; onCloseCase: () => void }) {
  const client = useClient();
  const caseId = props.initial.id;
  const [sources, setSources] = useState<Source[]>(props.initial.sources);
  const byId = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const saved = useMemo(() => loadSaved(caseId), [caseId]);
  const [view, setView] = useState<View>(saved?.view ?? 'library');
  const [panes, setPanes] = useState<PaneState[]>(() =>
    (saved?.panes ?? [])
      .filter((p) => props.initial.sources.some((s) => s.id === p.sourceId))
      .slice(0, MAX_PANES)
      .map((p) => ({ ...newPane(p.sourceId), mode: p.mode })),
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [detailsFor, setDetailsFor] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Source | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [search, setSearch] = useState<SearchState | null>(null);
  const [query, setQuery] = useState('');
  const [warnings, setWarnings] = useState<string[]>(props.initial.warnings);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const cache = useMemo(() => new DocCache(client, caseId), [client, caseId]);
  const searchInput = useRef<HTMLInputElement>(null);
  const revealRef = useRef<(sourceId: string, t: TextTarget) => void>(() => undefined);
  const reveal = useCallback((sourceId: string, t: TextTarget) => revealRef.current(sourceId, t), []);
  const tagging = useTagging({ client, caseId, byId, reveal });
  const claims = tagging.store;
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const [side, setSide] = useState<Side>(saved?.side ?? 'claims');
  const [suggestFor, setSuggestFor] = useState<string | null>(null);
  const [pickedSuggestion, setPickedSuggestion] = useState<{ sourceId: string; key: string } | null>(null);
  const paneSourceIds = useMemo(() => [...new Set(panes.map((p) => p.sourceId))], [panes]);
  // The claims held are those of the sources being read; Compare needs every claim of the case.
  const wantAll = view === 'compare';
  const { want } = claims;
  useEffect(() => want({ all: wantAll, sourceIds: paneSourceIds }), [want, wantAll, paneSourceIds]);
  const suggestions = useSuggestions({ client, caseId, cache, byId, claims, watched: paneSourceIds });
  const panelSourceId = suggestFor && paneSourceIds.includes(suggestFor) ? suggestFor : (paneSourceIds[0] ?? null);
  const panelSource = panelSourceId ? (byId.get(panelSourceId) ?? null) : null;
  const panelItems = panelSourceId ? suggestions.visible(panelSourceId) : [];
  const sideTabs = useRef<HTMLDivElement>(null);
  const clashes = useClashes(client, caseId);

  useEffect(() => {
    const s: Saved = { view, panes: panes.map((p) => ({ sourceId: p.sourceId, mode: p.mode })), side };
    try {
      sessionStorage.setItem(storageKey(caseId), JSON.stringify(s));
    } catch {
      // Private windows may refuse storage; the workspace simply will not survive a reload.
    }
  }, [caseId, view, panes, side]);

  const warmSuggestions = suggestions.warm;
  const onImported = useCallback(
    (batch: Source[]) => {
      setSources((prev) => {
        const seen = new Set(prev.map((s) => s.id));
        return [...prev, ...batch.filter((s) => !seen.has(s.id))];
      });
      // Suggestions are found on import, in the background, so a source opened later shows them at once.
      warmSuggestions(batch.map((s) => s.id));
    },
    [warmSuggestions],
  );
  const importer = useImporter(client, caseId, onImported);

  const importFiles = useCallback(
    (files: File[]) => {
      const { importable, skipped } = partitionFiles(files);
      importer.start(importable, skipped.length);
      setView('library');
    },
    [importer],
  );

  // Drop files anywhere on the window.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      filesFromDrop(e.dataTransfer).then(importFiles, (err: unknown) => setNotice(`The dropped items could not be read: ${messageOf(err)}`));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  // "/" focuses search, as in most reading tools, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, textarea, select, [contenteditable="true"]') || t.closest('dialog'))) return;
      e.preventDefault();
      searchInput.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const readSideBySide = (ids: string[]) => {
    setPanes((prev) => {
      const keep = prev.filter((p) => ids.includes(p.sourceId));
      const next = ids.map((id) => keep.find((p) => p.sourceId === id) ?? newPane(id));
      return next.slice(0, MAX_PANES);
    });
    setView('reader');
  };

  /** Shows a source in the reader: focuses its pane if open, else adds one (replacing the last when full). */
  const openSource = (sourceId: string, focus: PaneFocus | null = null) => {
    setPanes((prev) => {
      const at = prev.findIndex((p) => p.sourceId === sourceId);
      // the Pages view flashes and scrolls to a focus too: a reader on the original pages stays there
      if (at >= 0) return focus ? prev.map((p, i) => (i === at ? { ...p, focus } : p)) : prev;
      const pane = { ...newPane(sourceId), focus };
      return prev.length < MAX_PANES ? [...prev, pane] : [...prev.slice(0, MAX_PANES - 1), pane];
    });
    setView('reader');
  };

  revealRef.current = (sourceId, t) =>
    openSource(sourceId, { start: t.start, end: t.end, before: t.prefix, match: t.exact, after: t.suffix, nonce: Date.now() });

  const replaceText = async (sourceId: string, file: File) => {
    const s = byId.get(sourceId);
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const r = await client.call('sources.replaceText', { caseId, sourceId, name: file.name, data });
      cache.forget(sourceId);
      replaceSource(r.source);
      void claims.accept(r.changes);
      tagging.bumpText(sourceId);
      void suggestions.reset(sourceId);
      setNotice(
        `Replaced the text of “${s ? sourceTitle(s) : file.name}” with ${file.name}: ${plural(r.anchored, 'annotation')} re-anchored, ${r.orphaned} orphaned.`,
      );
    } catch (e) {
      setNotice(`The new version could not be used: ${messageOf(e)}`);
    }
  };

  const openHit = (hit: SearchHit) =>
    openSource(hit.sourceId, { start: hit.start, end: hit.end, before: hit.before, match: hit.match, after: hit.after, nonce: Date.now() });

  const runSearch = async (q: string) => {
    const trimmed = q.trim();
    if (!trimmed) {
      setSearch(null);
      return;
    }
    setSearch({ query: trimmed, status: 'loading', hits: [], total: 0, error: null });
    try {
      const r = await client.call('search', { caseId, query: trimmed, limit: 200 });
      setSearch({ query: trimmed, status: 'done', hits: r.hits, total: r.total, error: null });
    } catch (e) {
      setSearch({ query: trimmed, status: 'error', hits: [], total: 0, error: messageOf(e) });
    }
  };

  const replaceSource = (s: Source) => setSources((prev) => prev.map((x) => (x.id === s.id ? s : x)));

  const confirmDelete = async () => {
    if (!deleting) return;
    const target = deleting;
    try {
      await client.call('sources.delete', { caseId, sourceId: target.id });
      cache.forget(target.id);
      setSources((prev) => prev.filter((s) => s.id !== target.id));
      setSelected((prev) => prev.filter((id) => id !== target.id));
      setPanes((prev) => prev.filter((p) => p.sourceId !== target.id));
      setSearch((prev) => (prev ? { ...prev, hits: prev.hits.filter((h) => h.sourceId !== target.id) } : prev));
      setDeleting(null);
      setDeleteError(null);
      setNotice(`Deleted “${sourceTitle(target)}”.`);
    } catch (e) {
      setDeleteError(`The source could not be deleted: ${messageOf(e)}`);
    }
  };

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
  const switchSide = (next: Side) => {
    setSide(next);
    requestAnimationFrame(() => sideTabs.current?.querySelector<HTMLElement>(`[data-side="${next}"]`)?.focus());
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
          <header className="topbar">
            <div className="topbar-left">
              <span className="brand">Corroborate</span>
              {props.info.fixedCase ? null : (
                <button type="button" className="btn btn-ghost btn-small" onClick={props.onCloseCase}>
                  All cases
                </button>
              )}
              <h1 className="case-title" title={props.initial.dir}>
                {props.initial.name}
              </h1>
            </div>
            <nav className="view-switch" aria-label="Views">
              <button type="button" aria-pressed={view === 'library'} onClick={() => setView('library')}>
                Library <span className="count">{sources.length}</span>
              </button>
              <button type="button" aria-pressed={view === 'reader'} onClick={() => setView('reader')}>
                Reader <span className="count">{panes.length}</span>
              </button>
              <button type="button" aria-pressed={view === 'compare'} onClick={() => setView('compare')}>
                Compare <span className="count">{claims.view?.events.length ?? 0}</span>
              </button>
            </nav>
            <div className="topbar-right">
              <BundleActions
                caseId={caseId}
                sources={sources}
                events={claims.view?.events ?? []}
                onMerged={() => {
                  reloadCase();
                  void clashes.reload();
                }}
              />
              <ClashesButton store={clashes} context={{ annotations: claims.view?.annotations ?? [] }} onChanged={reloadCase} />
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
              </div>
              <form
                role="search"
                className="search-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void runSearch(query);
                }}
              >
                <input
                  ref={searchInput}
                  type="search"
                  aria-label="Search this case"
                  placeholder="Search this case  ( / )"
                  value={query}
                  maxLength={500}
                  onChange={(e) => {
                    setQuery(e.target.value);
                    if (!e.target.value) setSearch(null);
                  }}
                />
                <button type="submit" className="btn btn-small">
                  Search
                </button>
              </form>
            </div>
          </header>

          {warnings.length ? (
            <div role="alert" className="banner banner-warn">
              <div>
                <strong>Parts of this case could not be read.</strong>
                <ul>
                  {warnings.slice(0, 5).map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
                {warnings.length > 5 ? <span>…and {warnings.length - 5} more.</span> : null}
              </div>
              <button type="button" className="btn btn-small" onClick={() => setWarnings([])}>
                Dismiss
              </button>
            </div>
          ) : null}
          {claims.view && claims.view.problems.length && !problemsDismissed ? (
            <div role="alert" className="banner banner-warn">
              <div>
                <strong>
                  {claims.view.problems.length === 1 ? '1 record could not be read' : `${claims.view.problems.length} records could not be read`}; it is kept in
                  the file.
                </strong>
                <ul>
                  {claims.view.problems.slice(0, 5).map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </div>
              <button type="button" className="btn btn-small" onClick={() => setProblemsDismissed(true)}>
                Dismiss
              </button>
            </div>
          ) : null}
          {claims.error || claims.loadError || tagging.message || suggestions.error ? (
            <div role="alert" className="banner banner-error">
              <span>{claims.error ?? claims.loadError ?? tagging.message ?? suggestions.error}</span>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => {
                  claims.dismissError();
                  tagging.setMessage(null);
                  suggestions.dismissError();
                }}
              >
                Dismiss
              </button>
            </div>
          ) : null}
          {notice ? (
            <div role="status" className="banner banner-info">
              <span>{notice}</span>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          ) : null}

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
                  onNewPane={(id) => setPanes((prev) => (prev.length < MAX_PANES ? [...prev, newPane(id)] : prev))}
                  onGoToLibrary={() => setView('library')}
                  onReplace={(id, f) => void replaceText(id, f)}
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
              <div className="side-column">
                <div
                  className="side-tabs"
                  role="tablist"
                  aria-label="Side panel"
                  ref={sideTabs}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
                      e.preventDefault();
                      switchSide(e.key === 'ArrowLeft' || e.key === 'Home' ? 'claims' : 'suggestions');
                    }
                  }}
                >
                  <SideTab name="claims" side={side} label={claimCount === '…' ? 'Claims (still being read)' : `Claims (${claimCount})`} onSelect={setSide}>
                    Claims <span className="count">{claimCount}</span>
                  </SideTab>
                  <SideTab name="suggestions" side={side} label={`Suggestions (${suggestCount})`} onSelect={setSide}>
                    Suggestions <span className={panelItems.length ? 'count count-suggest' : 'count'}>{suggestCount}</span>
                  </SideTab>
                </div>
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
              </div>
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

          {details ? (
            <MetadataDialog
              caseId={caseId}
              source={details}
              groups={[...new Set(sources.map((s) => s.independenceGroup).filter((g): g is string => !!g))]}
              onClose={() => setDetailsFor(null)}
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
              <p>This removes the source, its text and its imported original from this case. It cannot be undone.</p>
            </ConfirmDialog>
          ) : null}
          {pasteOpen ? (
            <PasteDialog
              caseId={caseId}
              onClose={() => setPasteOpen(false)}
              onDone={(result) => {
                setPasteOpen(false);
                if (result.status === 'imported') {
                  onImported([result.source]);
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

/** One tab of the side panel; only the selected one is in the tab order (arrow keys move between them). */
function SideTab(props: { name: Side; side: Side; label: string; onSelect: (name: Side) => void; children: ReactNode }) {
  const selected = props.side === props.name;
  return (
    <button
      type="button"
      role="tab"
      id={`side-tab-${props.name}`}
      data-side={props.name}
      aria-selected={selected}
      aria-controls={selected ? `side-${props.name}` : undefined}
      tabIndex={selected ? 0 : -1}
      aria-label={props.label}
      onClick={() => props.onSelect(props.name)}
    >
      {props.children}
    </button>
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
      {`${props.icon} ${props.verb}`}
    </button>
  );
}
