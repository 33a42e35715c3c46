// Dragging a claim onto an event assigns it there: the list and the Events list listen for their
// rows, each of which names its event in data-drop-event (NO_EVENT: out of any event).
import { useState, type DragEvent } from 'react';
import { NO_EVENT } from '../../lib/claimGroups.ts';
import { DRAG_TYPE } from './rows.ts';

export function useClaimDrop(assign: (claimIds: string[], eventId: string | null) => void) {
  const [dropOn, setDropOn] = useState<string | null>(null);
  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes(DRAG_TYPE)) return;
      const key = (e.target as HTMLElement).closest<HTMLElement>('[data-drop-event]')?.dataset.dropEvent ?? null;
      if (key !== dropOn) setDropOn(key);
      if (!key) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    onDragLeave: (e: DragEvent) => {
      if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setDropOn(null);
    },
    onDrop: (e: DragEvent) => {
      const key = (e.target as HTMLElement).closest<HTMLElement>('[data-drop-event]')?.dataset.dropEvent;
      const id = e.dataTransfer.getData(DRAG_TYPE);
      setDropOn(null);
      if (!id || !key) return;
      e.preventDefault();
      assign([id], key === NO_EVENT ? null : key);
    },
  };
  return { dropOn, dropHandlers };
}
