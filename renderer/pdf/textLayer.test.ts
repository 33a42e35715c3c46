// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { alignPage } from './align.ts';
import { offsetsOfLayerRange, pageOffsetAt, type LayerPage } from './textLayer.ts';

// Two pages of a PDF: the items pdf.js gives (with its own spacing and a soft hyphen), and the
// canonical text the importer stored (spaces collapsed, lines unwrapped, pages joined).
const PAGE1 = ['Report  of the', 'visit', 'Seven soldiers were inter\u00ADviewed', 'at the depot.'];
const PAGE2 = ['A second', 'page', '', 'with 14 wounded.'];
const TEXT1 = 'Report of the visit\n\nSeven soldiers were interviewed at the depot.';
const TEXT2 = 'A second page with 14 wounded.';
const TEXT = `${TEXT1}\n\n${TEXT2}`;
const START2 = TEXT1.length + 2;

/** A text layer as pdf.js builds it: a span per item (none in the DOM for an empty one), <br> after a line. */
function layer(strs: string[], start: number, text: string): LayerPage {
  const el = document.createElement('div');
  el.className = 'pdf-text-layer';
  const divs = strs.map((s) => {
    const span = document.createElement('span');
    span.textContent = s;
    if (s) el.append(span, document.createElement('br'));
    return span;
  });
  const end = document.createElement('div');
  end.className = 'endOfContent';
  el.append(end);
  const alignment = alignPage(
    text,
    strs.map((str) => ({ str })),
  )!;
  expect(alignment).not.toBeNull();
  return { layer: el, divs, start, alignment };
}

let pages: LayerPage[];
beforeEach(() => {
  pages = [layer(PAGE1, 0, TEXT1), layer(PAGE2, START2, TEXT2)];
  document.body.replaceChildren(
    ...pages.map((p, i) => {
      const fig = document.createElement('figure');
      const canvas = document.createElement('canvas');
      fig.append(canvas, p.layer);
      fig.dataset.page = String(i + 1);
      return fig;
    }),
  );
});

const range = (a: [Node, number], b: [Node, number]) => {
  const r = document.createRange();
  r.setStart(...a);
  r.setEnd(...b);
  return r;
};
const text = (p: LayerPage, item: number) => p.divs[item].firstChild!;
const selected = (r: Range) => {
  const at = offsetsOfLayerRange(pages, r);
  return at && TEXT.slice(at.start, at.end);
};

describe('pageOffsetAt', () => {
  it('maps a point in an item to the canonical character there, skipping characters that have no place', () => {
    const a = pages[0].alignment;
    // "Seven" starts item 2.
    expect(pageOffsetAt(a, 2, 0, 'start')).toBe(TEXT1.indexOf('Seven'));
    expect(pageOffsetAt(a, 2, 5, 'end')).toBe(TEXT1.indexOf('Seven') + 5);
    // The gap before an item's first character: a start goes forward, an end back to the previous item.
    expect(pageOffsetAt(a, 1, 0, 'end')).toBe(TEXT1.indexOf(' of the') + ' of the'.length);
    expect(pageOffsetAt(a, 99, 0, 'start')).toBeNull();
    expect(pageOffsetAt(a, 0, 0, 'end')).toBeNull();
  });
});

describe('offsetsOfLayerRange', () => {
  it('maps a selection inside one item to the same words of the canonical text', () => {
    const s = PAGE1[2].indexOf('soldiers');
    expect(selected(range([text(pages[0], 2), s], [text(pages[0], 2), s + 8]))).toBe('soldiers');
  });

  it('maps a selection across items and lines from its first to its last character, whatever the spacing', () => {
    expect(selected(range([text(pages[0], 0), 8], [text(pages[0], 1), 5]))).toBe('of the visit');
    // Across the soft hyphen the importer dropped.
    const s = PAGE1[2].indexOf('inter');
    expect(selected(range([text(pages[0], 2), s], [text(pages[0], 3), 6]))).toBe('interviewed at the');
  });

  it('snaps ends that fall between spans to the nearest words in the right direction', () => {
    const l = pages[0].layer;
    // From the <br> after item 1 to the layer's end-of-content filler: all of the second paragraph.
    const br = pages[0].divs[1].nextSibling!;
    expect(selected(range([br, 0], [l.lastChild!, 0]))).toBe('Seven soldiers were interviewed at the depot.');
    // Element points on the span itself.
    expect(selected(range([pages[0].divs[2], 0], [pages[0].divs[2], 1]))).toBe(PAGE1[2].replace('\u00AD', ''));
  });

  it('maps a selection across a page break into one canonical range, and one from outside the layers to their text', () => {
    const r = range([text(pages[0], 3), 3], [text(pages[1], 0), 8]);
    expect(selected(r)).toBe(`the depot.\n\nA second`);
    // A drag that starts on page 1's canvas and ends past page 2's text.
    const canvas = document.querySelector('figure[data-page="1"] canvas')!;
    expect(selected(range([canvas, 0], [document.body, 2]))).toBe(TEXT);
  });

  it('selects nothing when the range holds no text of a layer', () => {
    const canvas = document.querySelector('figure[data-page="1"] canvas')!;
    expect(offsetsOfLayerRange(pages, range([canvas, 0], [canvas, 0]))).toBeNull();
    expect(offsetsOfLayerRange([], range([text(pages[0], 0), 0], [text(pages[0], 0), 3]))).toBeNull();
    const l = pages[1].layer;
    expect(offsetsOfLayerRange(pages, range([l.lastChild!, 0], [l, l.childNodes.length]))).toBeNull();
  });
});
