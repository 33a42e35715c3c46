import { describe, expect, it } from 'vitest';
import { firstDrawn, isDrawn, nextStep, SECTION, withDrawn } from './readingDrawn.ts';

// 100 chunks of 1,000 characters: four sections, the last one short.
const chunks = Array.from({ length: 100 }, (_, i) => ({ from: i, to: i + 1, chars: 1000 }));
const drawnOnes = (d: ReturnType<typeof firstDrawn>) => chunks.map((_, i) => i).filter((i) => isDrawn(d, i));

describe('what of a long text is drawn', () => {
  it('opens with about a screen drawn from the start, or from the chunk a pane opens at, the other sections as one box', () => {
    const d = firstDrawn(chunks, null);
    expect(drawnOnes(d)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(d.count).toBe(12);
    expect(d.on.length).toBe(Math.ceil(100 / SECTION));
    expect(d.on.slice(1).every((s) => s === null)).toBe(true);
    const at = firstDrawn(chunks, 70);
    expect(drawnOnes(at)[0]).toBe(68);
    expect(at.on[0]).toBeNull();
  });
  it('draws the chunks asked for, copying only the sections it changes, and keeps the same state when nothing changes', () => {
    const d = firstDrawn(chunks, null);
    const e = withDrawn(d, [40, 41, 41, 5, -1, 100]);
    expect(drawnOnes(e)).toEqual([...drawnOnes(d), 40, 41].sort((a, b) => a - b));
    expect(e.count).toBe(d.count + 2);
    expect(e.on[0]).toBe(d.on[0]);
    expect(e.on[1]).not.toBe(d.on[1]);
    expect(d.on[1]).toBeNull();
    expect(withDrawn(e, [40, 3])).toBe(e);
  });
  it('splits a section near the viewport into a box per chunk without drawing any', () => {
    const d = withDrawn(firstDrawn(chunks, null), [], [3]);
    expect(d.on[3]).toEqual(new Uint8Array(100 - 3 * SECTION));
    expect(d.count).toBe(12);
  });
  it('goes on from the first chunks not drawn, and every chunk is drawn in the end', () => {
    let d = withDrawn(firstDrawn(chunks, null), [20]);
    expect(nextStep(d).slice(0, 9)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 21]);
    for (let n = 0; n < 10 && d.count < chunks.length; n++) d = withDrawn(d, nextStep(d));
    expect(d.count).toBe(100);
    expect(drawnOnes(d).length).toBe(100);
    expect(nextStep(d)).toEqual([]);
  });
});
