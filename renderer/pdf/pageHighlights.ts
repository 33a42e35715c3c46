// A page's highlight boxes: the spans (claims, suggestions, the flashed search hit; offsets into
// the source's canonical text) that fall on the page, cut into their items' parts and measured.
import { itemRanges, type Alignment } from './align.ts';
import { mergeLine, partBox, type Box, type ItemGeometry, type Measure } from './geometry.ts';

export interface PageSpan {
  /** Stable key: annotation id, suggestion key or "flash". */
  id: string;
  kind: string;
  start: number;
  end: number;
  style: 'claim' | 'suggestion' | 'flash';
  /** Tooltip. */
  title: string;
}

export interface PageBoxes extends Box {
  key: string;
  span: PageSpan;
}

export interface PageLayout {
  /** Offsets of the page's text in the canonical text. */
  start: number;
  end: number;
  alignment: Alignment;
  items: readonly ItemGeometry[];
  viewportTransform: readonly number[];
  width: number;
  height: number;
  /** Per item, how to measure its text (see partBox); absent = by characters. */
  measures?: readonly (Measure | undefined)[];
}

/** Spans touching [start, end) of the text. */
export const spansOn = (spans: readonly PageSpan[], start: number, end: number): PageSpan[] =>
  spans.filter((s) => s.end > start && s.start < end && s.end > s.start);

/**
 * Boxes for every span on the page, suggestions first and the flash last, so claims draw over
 * suggestions and the search hit over everything.
 */
export function pageBoxes(layout: PageLayout, spans: readonly PageSpan[]): PageBoxes[] {
  const order = { suggestion: 0, claim: 1, flash: 2 } as const;
  const mine = spansOn(spans, layout.start, layout.end).sort((p, q) => order[p.style] - order[q.style] || q.end - q.start - (p.end - p.start));
  const out: PageBoxes[] = [];
  for (const s of mine) {
    const parts = itemRanges(layout.alignment, s.start - layout.start, s.end - layout.start);
    const boxes: Box[] = [];
    for (const r of parts) {
      const g = layout.items[r.item];
      const b =
        g && partBox(g, layout.alignment.strings[r.item], r.from, r.to, layout.viewportTransform, layout.width, layout.height, layout.measures?.[r.item]);
      if (b) boxes.push(b);
    }
    mergeLine(boxes).forEach((b, i) => out.push({ ...b, key: `${s.style}:${s.id}:${i}`, span: s }));
  }
  return out;
}
