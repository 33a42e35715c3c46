// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { offsetsOfRange, rangeOfOffsets, targetsFor } from './selection.ts';

// The reader's markup: paragraphs with data-start, text split into highlight spans.
const text = 'First para here.\n\nSecond has a highlight inside.\n\nThird.';
function reader(): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML =
    '<div><p data-start="0"><span>First para here.</span></p>' +
    '<p data-start="18"><span>Second has a </span><span class="hl" data-letter="C">highlight</span><span> inside.</span></p>' +
    '<p data-start="50"><span>Third.</span></p></div>';
  document.body.replaceChildren(root);
  return root;
}
const textNode = (root: Element, s: string) => {
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) if ((n as Text).data.includes(s)) return n as Text;
  throw new Error(s);
};

describe('offsetsOfRange', () => {
  it('maps a selection inside split text to offsets in the canonical text', () => {
    const root = reader();
    const r = document.createRange();
    r.setStart(textNode(root, 'Second'), 7);
    r.setEnd(textNode(root, 'highlight'), 9);
    const at = offsetsOfRange(root, r)!;
    expect(text.slice(at.start, at.end)).toBe('has a highlight');
  });

  it('maps a selection across paragraphs, and element points', () => {
    const root = reader();
    const r = document.createRange();
    r.setStart(textNode(root, 'First'), 6);
    r.setEnd(root.querySelector('p[data-start="50"]')!, 1);
    const at = offsetsOfRange(root, r)!;
    expect(text.slice(at.start, at.end)).toBe('para here.\n\nSecond has a highlight inside.\n\nThird.');
  });

  it('snaps points between paragraphs to the nearest paragraph edge', () => {
    const root = reader();
    const col = root.firstElementChild!;
    const r = document.createRange();
    r.setStart(col, 1); // before the second paragraph
    r.setEnd(textNode(root, 'inside'), 7);
    const at = offsetsOfRange(root, r)!;
    expect(text.slice(at.start, at.end)).toBe('Second has a highlight inside');
  });

  it('is null outside the reader', () => {
    const root = reader();
    const other = document.createElement('p');
    other.textContent = 'elsewhere';
    document.body.append(other);
    const r = document.createRange();
    r.selectNodeContents(other);
    expect(offsetsOfRange(root, r)).toBeNull();
  });

  it('round-trips with rangeOfOffsets', () => {
    const root = reader();
    const s = text.indexOf('a highlight');
    const r = rangeOfOffsets(root, s, s + 'a highlight in'.length)!;
    expect(r.toString()).toBe('a highlight in');
    expect(offsetsOfRange(root, r)).toEqual({ start: s, end: s + 14 });
  });
});

describe('targetsFor', () => {
  it('splits a selection across a page break into one target per page', () => {
    const t = 'end of page one.\n\nstart of page two.';
    const pages = [
      { page: 1, start: 0, end: 16 },
      { page: 2, start: 18, end: t.length },
    ];
    const targets = targetsFor(t, 7, 23, pages);
    expect(targets.map((x) => [x.exact, x.page])).toEqual([
      ['page one.', 1],
      ['start', 2],
    ]);
    for (const x of targets) expect(t.slice(x.start, x.end)).toBe(x.exact);
  });
  it('is empty for whitespace only, one target without pages', () => {
    expect(targetsFor('a  b', 1, 3, null)).toEqual([]);
    expect(targetsFor('alpha beta', 0, 5, null).map((x) => x.exact)).toEqual(['alpha']);
  });
});
