// A list that renders only the rows on screen once it is long (@tanstack/react-virtual), and every
// row while it is short: a few dozen rows cost nothing, stay findable with the browser's Find, and
// need no measuring. The list may sit below other content in its scroll box (a caption, the
// orphans); its offset there is measured after each render.
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Lists with fewer rows than this render every row. */
export const VIRTUAL_FROM = 150;

export interface LongList {
  /** True when only the rows on screen (and a few around them) are rendered. */
  virtual: boolean;
  /** The rows to render when virtual (each with its index and offset); empty otherwise. */
  items: VirtualItem[];
  /** Space above the first rendered row and below the last, in pixels (0 when not virtual). */
  before: number;
  after: number;
  /** The whole list's height when virtual. */
  height: number;
  /** The list's offset inside its scroll box: subtract it from an item's start. */
  offset: number;
  /** Ref callback for a rendered row (it carries data-index): its real height is measured. */
  measure: (el: Element | null) => void;
  /** Brings a row into view (rendering it first when virtual). */
  scrollToIndex: (index: number) => void;
}

export function useLongList(opts: {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** The element holding the rows (its top is where row 0 starts). */
  listRef: RefObject<HTMLElement | null>;
  /** Keep these two stable (useCallback on the rows): a new function re-lays out the whole list. */
  estimateSize: (index: number) => number;
  getItemKey?: (index: number) => string | number;
  gap?: number;
  threshold?: number;
}): LongList {
  const virtual = opts.count >= (opts.threshold ?? VIRTUAL_FROM);
  const [offset, setOffset] = useState(0);
  const v = useVirtualizer<HTMLElement, Element>({
    count: virtual ? opts.count : 0,
    enabled: virtual,
    getScrollElement: () => opts.scrollRef.current,
    estimateSize: opts.estimateSize,
    getItemKey: opts.getItemKey,
    gap: opts.gap,
    overscan: 6,
    scrollMargin: offset,
    // React 19 warns about flushSync inside a render pass; a frame's delay on fast scrolling is fine.
    useFlushSync: false,
  });

  useLayoutEffect(() => {
    const scroll = opts.scrollRef.current;
    const list = opts.listRef.current;
    if (!virtual || !scroll || !list) return;
    const at = list.getBoundingClientRect().top - scroll.getBoundingClientRect().top + scroll.scrollTop;
    if (Math.abs(at - offset) > 0.5) setOffset(at);
  });

  const items = virtual ? v.getVirtualItems() : [];
  const height = virtual ? v.getTotalSize() : 0;
  const before = items.length ? items[0].start - offset : 0;
  const after = items.length ? Math.max(0, height - (items[items.length - 1].end - offset)) : 0;
  const scrollToIndex = useCallback(
    (index: number) => {
      if (virtual) v.scrollToIndex(index, { align: 'auto' });
      else opts.listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [virtual, v],
  );
  return { virtual, items, before, after, height, offset, measure: v.measureElement, scrollToIndex };
}
