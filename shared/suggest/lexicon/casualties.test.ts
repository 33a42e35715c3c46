import { describe, expect, it } from 'vitest';
import { CASUALTY_PREDICATES } from './casualties.ts';

const measureOf = (predicate: string) => CASUALTY_PREDICATES.find(([re]) => re.test(predicate))?.[1] ?? null;

// Rows added for wording of reporting the rules were not written from, each with the words it must read.
describe('casualty predicates', () => {
  it('reads how armies report their own dead', () => {
    expect(measureOf('fell in battle and two were wounded')).toBe('killed');
    expect(measureOf('fell in combat')).toBe('killed');
    expect(measureOf('fell on the battlefield')).toBe('killed');
    expect(measureOf('fell from the roof')).toBeNull();
  });

  it('reads people still in hospitals, plural or local, as hospitalised', () => {
    expect(measureOf('in hospitals, he said')).toBe('hospitalised');
    expect(measureOf('in a local hospital')).toBe('hospitalised');
    expect(measureOf('in hospitality')).toBeNull();
  });
});
