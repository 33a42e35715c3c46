import { describe, expect, it } from 'vitest';
import { Event } from '../../../shared/model/claims.ts';
import { EVENT } from '../../../tests/support/claim-makers.ts';
import { mergeRecord } from './merge3.ts';

const base = { id: 'c1', note: '', speaker: null, place: null, modified: '2024-05-01T10:00:00.000Z' };

describe('three-way merge of one record', () => {
  it('takes each side’s change to a different field, and the later stamp', () => {
    const a = { ...base, note: 'from A', modified: '2024-05-02T10:00:00.000Z' };
    const b = { ...base, speaker: 'the ministry', modified: '2024-05-03T10:00:00.000Z' };
    const m = mergeRecord(a, b, base);
    expect(m.clashed).toEqual([]);
    expect(m.merged).toEqual({ ...base, note: 'from A', speaker: 'the ministry', modified: '2024-05-03T10:00:00.000Z' });
    expect(mergeRecord(b, a, base).merged).toEqual(m.merged);
  });

  it('flags a field changed on both sides, keeping the winner’s value and the other version whole', () => {
    const a = { ...base, note: 'soldiers', place: 'Taji' };
    const b = { ...base, note: 'contractors' };
    const m = mergeRecord(a, b, base);
    expect(m.clashed).toEqual(['note']);
    expect(m.merged).toMatchObject({ note: 'soldiers', place: 'Taji' });
    expect(m.other).toMatchObject({ note: 'contractors', place: 'Taji' });
  });

  it('counts the same change on both sides as one, and a field removed on one side as a change', () => {
    const a = { ...base, note: 'same' };
    const { place: _gone, ...b } = { ...base, note: 'same' };
    const m = mergeRecord(a, b, base);
    expect(m.clashed).toEqual([]);
    expect('place' in m.merged).toBe(false);
  });

  it('without an ancestor, flags every field that differs', () => {
    const m = mergeRecord({ ...base, note: 'x', speaker: 'y' }, { ...base, note: 'z' }, null);
    expect(m.clashed.sort()).toEqual(['note', 'speaker']);
  });

  it('never merges a judgement: any difference clashes whole', () => {
    const m = mergeRecord({ eventId: 'e1', rowKey: 'r', status: 'confirmed' }, { eventId: 'e1', rowKey: 'r', status: 'dismissed' }, null, { whole: true });
    expect(m.clashed).toEqual(['*']);
    expect(m.other).toMatchObject({ status: 'dismissed' });
  });

  it('clashes whole when the merge would not be a valid record', () => {
    // Each side moved one end of the event: each version is valid, together it would end before it starts.
    const base = { ...EVENT, start: '2021-06-01', end: '2021-06-10' };
    const a = { ...base, start: '2021-06-08' };
    const b = { ...base, end: '2021-06-03' };
    expect(Event.safeParse(a).success && Event.safeParse(b).success).toBe(true);
    const m = mergeRecord(a, b, base, { schema: Event });
    expect(m.clashed).toEqual(['*']);
    expect(m.merged).toBe(a);
    expect(m.other).toBe(b);
  });
});
