import { describe, expect, it } from 'vitest';
import { alignPage } from './align.ts';
import { pageBoxes, type PageLayout, type PageSpan } from './pageHighlights.ts';

// Page 2 of a document: its text starts at offset 100 of the canonical text; two items, two lines.
const strs = ['Nine were hurt,', 'two of them badly.'];
const pageText = 'Nine were hurt, two of them badly.';
const layout: PageLayout = {
  start: 100,
  end: 100 + pageText.length,
  alignment: alignPage(
    pageText,
    strs.map((str) => ({ str })),
  )!,
  items: [
    { transform: [10, 0, 0, 10, 72, 700], width: 75 },
    { transform: [10, 0, 0, 10, 72, 686], width: 90 },
  ],
  viewportTransform: [1, 0, 0, -1, 0, 792],
  width: 612,
  height: 792,
};
const span = (id: string, start: number, end: number, style: PageSpan['style'] = 'claim'): PageSpan => ({
  id,
  kind: 'casualties',
  start,
  end,
  style,
  title: id,
});

describe('pageBoxes', () => {
  it('draws the spans on the page, a box per line, suggestions under claims under the search hit', () => {
    const at = (s: string) => 100 + pageText.indexOf(s);
    const boxes = pageBoxes(layout, [
      span('hit', at('Nine'), at('Nine') + 4, 'flash'),
      span('a', at('hurt'), at('badly') + 5),
      span('s', at('Nine'), at('Nine') + 4, 'suggestion'),
      span('elsewhere', 10, 40),
    ]);
    expect(boxes.map((b) => b.key)).toEqual(['suggestion:s:0', 'claim:a:0', 'claim:a:1', 'flash:hit:0']);
    // The claim's first box starts at "hurt", part way along the first line; its second is the line below.
    const [, first, second] = boxes;
    expect(first.left).toBeGreaterThan((72 / 612) * 100 + 1);
    expect(second.top).toBeGreaterThan(first.top);
    expect(second.left).toBeCloseTo((72 / 612) * 100);
  });
});
