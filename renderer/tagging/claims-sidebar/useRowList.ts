// The sidebar's list: every row while short, only the rows on screen once long (group headers are rows too).
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { ClaimRowItem } from '../../lib/claimGroups.ts';
import { useLongList } from '../../components/useLongList.ts';
import type { Place } from './rows.ts';

/** Space between rows of the list, in pixels. */
const GAP = 6;
const ESTIMATE: Record<ClaimRowItem['type'], number> = { group: 30, claim: 118, empty: 30 };

export function useRowList(rows: ClaimRowItem[], scroller: RefObject<HTMLDivElement | null>, listEl: RefObject<HTMLUListElement | null>) {
  // The virtualizer lays out every row again when its key function changes (about 40 ms at 100,000
  // rows): it changes only when the rows' keys do, not when an edit changes a claim in place.
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  const layout = useRef<{ keys: string[]; version: number }>({ keys: [], version: 0 });
  const layoutVersion = useMemo(() => {
    const keys = rows.map((r) => r.key);
    const was = layout.current.keys;
    if (keys.length !== was.length || keys.some((k, i) => k !== was[i])) layout.current = { keys, version: layout.current.version + 1 };
    return layout.current.version;
  }, [rows]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const estimateSize = useCallback((i: number) => ESTIMATE[rowsNow.current[i].type], [layoutVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const getItemKey = useCallback((i: number) => rowsNow.current[i].key, [layoutVersion]);
  const long = useLongList({ count: rows.length, scrollRef: scroller, listRef: listEl, estimateSize, getItemKey, gap: GAP });
  const visible: Place[] = long.virtual
    ? long.items.map((it) => ({ index: it.index, measure: long.measure, top: it.start - long.offset, setSize: rows.length }))
    : rows.map((_, i) => ({ index: i }));
  return { long, visible };
}
