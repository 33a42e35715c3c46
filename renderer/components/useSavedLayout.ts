// The workspace's layout (view, panes, side panel) kept in sessionStorage per case, so a reload reopens it.
import { useEffect, useMemo } from 'react';
import type { PaneState } from './paneState.ts';

export type View = 'library' | 'reader' | 'compare';
export type Side = 'claims' | 'suggestions';

export interface Saved {
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

/** The layout saved for this case, if any (read once per case). */
export function useSavedLayout(caseId: string): Saved | null {
  return useMemo(() => loadSaved(caseId), [caseId]);
}

/** Saves the layout whenever it changes. */
export function useSaveLayout(caseId: string, view: View, panes: PaneState[], side: Side) {
  useEffect(() => {
    const s: Saved = { view, panes: panes.map((p) => ({ sourceId: p.sourceId, mode: p.mode })), side };
    try {
      sessionStorage.setItem(storageKey(caseId), JSON.stringify(s));
    } catch {
      // Private windows may refuse storage; the workspace simply will not survive a reload.
    }
  }, [caseId, view, panes, side]);
}
