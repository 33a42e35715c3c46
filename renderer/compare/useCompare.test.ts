import { describe, expect, it } from 'vitest';
import type { EventSummary } from '../../shared/compare/summary.ts';
import { mergeLines } from './useCompare.ts';

const line = (eventId: string, open = 0): EventSummary => ({
  eventId,
  title: eventId,
  start: null,
  end: null,
  precision: null,
  place: null,
  claims: 1,
  sources: 1,
  rows: 1,
  tally: { open, explained: 0, dismissed: 0 },
  verdicts: {},
  grade: { grade: 'weak', computed: 'weak', why: '', override: false },
});

describe('mergeLines', () => {
  const held = mergeLines(null, { version: 3, full: true, events: [line('a'), line('b'), line('c')] })!;

  it('takes a whole list as it is, and puts changed lines in place by id', () => {
    expect(held.events.map((e) => e.eventId)).toEqual(['a', 'b', 'c']);
    const next = mergeLines(held, { version: 5, full: false, events: [line('b', 2)] })!;
    expect(next.version).toBe(5);
    expect(next.events.map((e) => [e.eventId, e.tally.open])).toEqual([
      ['a', 0],
      ['b', 2],
      ['c', 0],
    ]);
    expect(held.events[1].tally.open).toBe(0);
  });

  it('keeps what it holds against an older answer, and asks for the whole list when a line is for an event it does not hold', () => {
    expect(mergeLines(held, { version: 2, full: false, events: [line('b', 9)] })).toBe(held);
    expect(mergeLines(held, { version: 4, full: false, events: [line('z')] })).toBeNull();
    expect(mergeLines(null, { version: 4, full: false, events: [] })).toBeNull();
  });
});
