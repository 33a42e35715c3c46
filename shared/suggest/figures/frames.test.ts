import { describe, expect, it } from 'vitest';
import { FRAME_ROWS, frameDrafts } from './frames.ts';

// Each frame row carries the examples it must and must not match: they are its tests.
describe.each(FRAME_ROWS.map((r) => [r.id, r] as const))('%s', (id, row) => {
  it.each(row.must.map((m) => [m.text, m] as const))('matches: %s', (text, want) => {
    const d = frameDrafts(text).find((x) => x.rule === id && x.measure === want.measure);
    expect(d, `no ${id} draft`).toBeDefined();
    expect(d!.measure).toBe(want.measure);
    expect([d!.figure!.low, d!.figure!.best, d!.figure!.high]).toEqual(want.figure);
    if (want.parts) expect(d!.parts.map((p) => p.figure.best)).toEqual(want.parts);
  });
  it.each(row.mustNot)('does not match: %s', (text) => {
    expect(frameDrafts(text).filter((x) => x.rule === id)).toEqual([]);
  });
});
