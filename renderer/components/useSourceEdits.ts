// What happens to the open case's sources outside the claims: a new text for one (a new version, or
// passages put back from what an HTML import left out), a deletion (to the case's trash, undoable),
// and undo or redo reaching sources. Each keeps the library, the panes, the search results, the
// text cache, the claims and the suggestions in step.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { Client } from '../../shared/api.ts';
import { applyList } from '../../shared/model/changes.ts';
import type { Source } from '../../shared/model/source.ts';
import { messageOf } from '../import/useImporter.ts';
import { plural, sourceTitle } from '../lib/format.ts';
import type { useTagging } from '../tagging/useTagging.ts';
import type { useSuggestions } from '../tagging/useSuggestions.ts';
import type { DocCache } from './docCache.ts';
import type { Restored } from './LeftOutNotice.tsx';
import type { Reimported } from './ReimportAction.tsx';
import type { PaneState } from './paneState.ts';
import type { useCaseSearch } from './useCaseSearch.ts';

type Tagging = ReturnType<typeof useTagging>;

export function useSourceEdits(opts: {
  client: Client;
  caseId: string;
  cache: DocCache;
  claims: Tagging['store'];
  tagging: Tagging;
  suggestions: ReturnType<typeof useSuggestions>;
  byId: Map<string, Source>;
  setSources: Dispatch<SetStateAction<Source[]>>;
  setSelected: Dispatch<SetStateAction<string[]>>;
  setPanes: (update: (prev: PaneState[]) => PaneState[]) => void;
  setSearch: ReturnType<typeof useCaseSearch>['setSearch'];
  setNotice: (notice: string | null) => void;
}) {
  const { client, caseId, cache, claims, tagging, suggestions, byId, setSources, setSelected, setPanes, setSearch, setNotice } = opts;
  const [deleting, setDeleting] = useState<Source | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

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

  // Passages put back from what an HTML import left out: a new text for the source, as for a new version.
  const restoredLeftOut = (r: Restored) => {
    cache.forget(r.source.id);
    replaceSource(r.source);
    void claims.accept(r.changes);
    tagging.bumpText(r.source.id);
    void suggestions.reset(r.source.id);
    setNotice(
      `Put ${plural(r.restored, 'passage')} back into “${sourceTitle(r.source)}”: ${plural(r.anchored, 'annotation')} re-anchored, ${r.orphaned} orphaned.`,
    );
  };

  // Read again with the current rules (MetadataDialog): the change set brings the new record, and
  // the text is read again below, as for an undo or redo of the re-import.
  const reimported = (r: Reimported) => {
    void claims.accept(r.changes);
    setNotice(
      `Re-imported “${sourceTitle(r.source)}” with the current rules: ${plural(r.anchored, 'annotation')} re-anchored, ${r.orphaned} orphaned. Undo (Ctrl+Z) puts the previous text back.`,
    );
  };

  const replaceSource = (s: Source) => setSources((prev) => prev.map((x) => (x.id === s.id ? s : x)));

  // A source gone (deleted here, or by a redo) leaves the library, the panes and the search results.
  const dropSource = useCallback(
    (id: string) => {
      cache.forget(id);
      setSources((prev) => prev.filter((s) => s.id !== id));
      setSelected((prev) => prev.filter((x) => x !== id));
      setPanes((prev) => prev.filter((p) => p.sourceId !== id));
      setSearch((prev) => (prev ? { ...prev, hits: prev.hits.filter((h) => h.sourceId !== id) } : prev));
    },
    [cache, setPanes, setSearch],
  );
  // Undo and redo reach sources too (a correction, a deletion, rejected suggestions): follow them.
  const { onOutside } = claims;
  const reloadSuggestions = suggestions.changed;
  // What the listener needs as of the latest render, without subscribing again at every render.
  const now = useRef({ byId, tagging, suggestions });
  now.current = { byId, tagging, suggestions };
  useEffect(
    () =>
      onOutside((c) => {
        for (const id of c.sources?.deleted ?? []) dropSource(id);
        // A source put back was forgotten by the cache when it left; a corrected one keeps its text,
        // one with another text (a re-import or a merge's version, done or undone) is read again.
        const put = c.sources?.put ?? [];
        for (const { value: s } of put) {
          const was = now.current.byId.get(s.id);
          if (!was || (was.sha256 === s.sha256 && was.reimportedAt === s.reimportedAt)) continue;
          cache.forget(s.id);
          now.current.tagging.bumpText(s.id);
          void now.current.suggestions.reset(s.id);
        }
        if (put.length) setSources((prev) => applyList(prev, { put, deleted: [] }, (s) => s.id));
        for (const id of c.suggestions ?? []) void reloadSuggestions(id);
      }),
    [onOutside, dropSource, reloadSuggestions, cache],
  );

  const confirmDelete = async () => {
    if (!deleting) return;
    const target = deleting;
    try {
      await client.call('sources.delete', { caseId, sourceId: target.id });
      dropSource(target.id);
      // The deletion is on the undo stack: catch up for its label.
      void claims.refresh();
      setDeleting(null);
      setDeleteError(null);
      setNotice(`Deleted “${sourceTitle(target)}”. Undo (Ctrl+Z) brings it back with its claims.`);
    } catch (e) {
      setDeleteError(`The source could not be deleted: ${messageOf(e)}`);
    }
  };

  return { replaceText, restoredLeftOut, reimported, replaceSource, dropSource, deleting, setDeleting, deleteError, setDeleteError, confirmDelete };
}
