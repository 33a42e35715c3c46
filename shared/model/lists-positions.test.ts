import { describe, expect, it } from 'vitest';
import { insertAt, positionOf, replacedAt } from './lists.ts';

const recs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}` }));

describe('positionOf over copy-on-write lists', () => {
  it('finds records appended one by one, and says an unknown id is absent, without losing any', () => {
    let list = recs(100);
    expect(positionOf(list, 'r5')).toBe(5);
    for (let i = 100; i < 300; i++) {
      expect(positionOf(list, `r${i}`)).toBe(-1);
      list = insertAt(list, { id: `r${i}` }, null);
    }
    expect(positionOf(list, 'r299')).toBe(299);
    expect(positionOf(list, 'r150')).toBe(150);
  });

  it('still finds records pushed onto a copy after its map was handed on', () => {
    const base = recs(100);
    expect(positionOf(base, 'r1')).toBe(1);
    const copy = replacedAt(base, [[1, { id: 'r1' }]]);
    copy.push({ id: 'late' });
    expect(positionOf(copy, 'late')).toBe(100);
    expect(positionOf(copy, 'nowhere')).toBe(-1);
  });

  it('keeps sibling copies apart: an id appended to one is not in the other', () => {
    const base = recs(100);
    positionOf(base, 'r0');
    const a = insertAt(base, { id: 'x' }, null);
    const b = insertAt(base, { id: 'y' }, null);
    expect(positionOf(a, 'x')).toBe(100);
    expect(positionOf(b, 'y')).toBe(100);
    expect(positionOf(b, 'x')).toBe(-1);
    expect(positionOf(base, 'x')).toBe(-1);
  });
});
