// What the claims list, its claim rows and the events list share: where a row sits in a (maybe virtual) list, the drag type and the row handlers.
import type { Claim } from '../../../shared/model/claims.ts';
import { claimSummary, KIND_NAME } from '../../lib/claimText.ts';

export const DRAG_TYPE = 'application/x-corroborate-claim';
export const claimLabel = (c: Claim) => `${KIND_NAME[c.kind]}: ${claimSummary(c)}`;

/** What the rows call, kept in a ref so that memoised rows need not re-render when it changes. */
export interface Handlers {
  edit: (claimId: string) => void;
  reveal: (c: Claim) => void;
  retarget: (c: Claim) => void;
  remove: (c: Claim) => void;
  openPicker: (c: Claim, anchor: HTMLElement) => void;
}

/** Where a row sits: its index, and when the list is virtual its offset and the measuring ref. */
export interface Place {
  index: number;
  measure?: (el: Element | null) => void;
  top?: number;
  setSize?: number;
}

export function rowAttrs(p: Place) {
  return {
    'data-index': p.index,
    ref: p.measure,
    style: p.measure ? { transform: `translateY(${p.top ?? 0}px)` } : undefined,
    'aria-setsize': p.setSize,
    'aria-posinset': p.setSize ? p.index + 1 : undefined,
  };
}

export const samePlace = (a: Place, b: Place) => a.index === b.index && a.top === b.top && a.measure === b.measure && a.setSize === b.setSize;
