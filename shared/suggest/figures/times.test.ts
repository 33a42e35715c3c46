import { describe, expect, it } from 'vitest';
import { TIMES_ROWS, timesDrafts } from './times.ts';

// Each row carries the examples it must and must not match: they are its tests.
describe.each(TIMES_ROWS.map((r) => [r.id, r] as const))('%s', (id, row) => {
  it.each(row.must.map((m) => [m.text, m] as const))('matches: %s', (text, want) => {
    const d = timesDrafts(text).find((x) => x.rule === id);
    expect(d, `no ${id} draft`).toBeDefined();
    expect(d!.measure).toBe(row.measure);
    expect([d!.figure!.low, d!.figure!.best, d!.figure!.high]).toEqual(want.figure);
    expect(text.slice(d!.start, d!.end)).toMatch(/times$/);
  });
  it.each(row.mustNot)('does not match: %s', (text) => {
    expect(timesDrafts(text)).toEqual([]);
  });
});
