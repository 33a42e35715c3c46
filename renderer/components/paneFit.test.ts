import { describe, expect, it } from 'vitest';
import { activeTab, layPanes, MIN_PANE_PX, panesThatFit } from './paneFit.ts';

describe('panesThatFit', () => {
  it('keeps every pane at least MIN_PANE_PX wide, and always shows one', () => {
    expect(panesThatFit(0)).toBe(1);
    expect(panesThatFit(MIN_PANE_PX * 2)).toBe(1); // the 1 px line between them does not fit
    expect(panesThatFit(MIN_PANE_PX * 2 + 1)).toBe(2);
    expect(panesThatFit(1560)).toBe(4);
    for (let w = 320; w < 2000; w += 37) {
      const n = panesThatFit(w);
      expect((w - (n - 1)) / n).toBeGreaterThanOrEqual(MIN_PANE_PX);
    }
  });
});

describe('layPanes', () => {
  it('gives each pane a column when they fit, else tabs the rest in the last column', () => {
    expect(layPanes([1, 2, 3], 3)).toEqual({ columns: [1, 2, 3], tabbed: [] });
    expect(layPanes([1, 2, 3, 4], 2)).toEqual({ columns: [1], tabbed: [2, 3, 4] });
    expect(layPanes([1, 2], 1)).toEqual({ columns: [], tabbed: [1, 2] });
  });
});

describe('activeTab', () => {
  const p = (key: string, nonce?: number) => ({ key, focus: nonce ? { nonce } : null });
  it('shows the first tab until one is chosen or asked for', () => {
    expect(activeTab([p('a'), p('b')], null)).toBe('a');
    expect(activeTab([], null)).toBe(null);
  });
  it('brings forward the pane last asked for a passage, unless the user chose a tab since', () => {
    expect(activeTab([p('a', 5), p('b', 9)], null)).toBe('b');
    expect(activeTab([p('a', 5), p('b', 9)], { key: 'a', at: 7 })).toBe('b');
    expect(activeTab([p('a', 5), p('b', 9)], { key: 'a', at: 10 })).toBe('a');
    // A choice of a pane no longer in the tabs is forgotten.
    expect(activeTab([p('a'), p('b')], { key: 'z', at: 10 })).toBe('a');
  });
});
