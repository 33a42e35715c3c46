// The reader's panes: restored from the saved layout, opened, added and arranged side by side, at most MAX_PANES.
import { useState } from 'react';
import { MAX_PANES } from '../../shared/limits.ts';
import type { Source } from '../../shared/model/source.ts';
import type { PaneFocus, PaneState } from './paneState.ts';
import type { Saved } from './useSavedLayout.ts';

let paneCounter = 0;
const newPane = (sourceId: string): PaneState => ({ key: `p${++paneCounter}`, sourceId, mode: 'text', focus: null });

export function usePanes(saved: Saved | null, initialSources: Source[], showReader: () => void) {
  const [panes, setPanes] = useState<PaneState[]>(() =>
    (saved?.panes ?? [])
      .filter((p) => initialSources.some((s) => s.id === p.sourceId))
      .slice(0, MAX_PANES)
      .map((p) => ({ ...newPane(p.sourceId), mode: p.mode })),
  );

  const readSideBySide = (ids: string[]) => {
    setPanes((prev) => {
      const keep = prev.filter((p) => ids.includes(p.sourceId));
      const next = ids.map((id) => keep.find((p) => p.sourceId === id) ?? newPane(id));
      return next.slice(0, MAX_PANES);
    });
    showReader();
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
    showReader();
  };

  /** Adds a pane for a source unless the reader is full. */
  const addPane = (id: string) => setPanes((prev) => (prev.length < MAX_PANES ? [...prev, newPane(id)] : prev));

  return { panes, setPanes, readSideBySide, openSource, addPane };
}
