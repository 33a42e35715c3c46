import { describe, expect, it } from 'vitest';
import { diffState } from '../../../shared/model/changes.ts';
import { EVENT, count, fig, stateOf } from '../../../tests/support/claim-makers.ts';
import { docId, docIdsOfChanges, parseDocId, readDoc, recordsOfState, stateOfDocs } from './docs.ts';

const decision = { eventId: 'e1', rowKey: 'killed|civilians', status: 'confirmed' as const, note: '', at: '2024-05-01T10:00:00.000Z' };

describe('records as CouchDB documents', () => {
  it('gives each record its own document and reads the documents back into the same state', () => {
    const claims = [count('s_aaaaaa', 'killed', fig(2, 2, 2)), count('s_bbbbbb', 'killed', fig(3, 3, 3))];
    const state = { ...stateOf(claims), actors: [{ id: 'ac1', name: 'A militia', aliases: [] }], decisions: [], reconciliations: [], gradeOverrides: [] };
    const records = recordsOfState(state);
    expect([...records.keys()].sort()).toEqual(['actor:ac1', `claim:${claims[0].id}`, `claim:${claims[1].id}`, 'event:e1'].sort());
    const docs = [...records].map(([id, r]) => ({ _id: id, type: r.type, record: r.record }));
    const back = stateOfDocs(docs);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(state);
  });

  it('keys a judgement by its event and row, as commands do', () => {
    expect(docId('decision', 'e1|killed|civilians')).toBe('decision:e1|killed|civilians');
    expect(parseDocId('decision:e1|killed|civilians')).toEqual({ type: 'decision', key: 'e1|killed|civilians' });
    expect(parseDocId('_design/access')).toBeNull();
    expect(parseDocId('other:1')).toBeNull();
  });

  it('refuses a document whose record does not match its schema or its id', () => {
    expect(readDoc({ _id: 'claim:k1', type: 'claim', record: { id: 'k1' } })).toHaveProperty('problem');
    expect(readDoc({ _id: 'event:other', type: 'event', record: EVENT })).toEqual({ problem: 'event:other holds the record e1.' });
    expect(readDoc({ _id: 'event:e1', type: 'claim', record: EVENT })).toHaveProperty('problem');
    expect(readDoc({ _id: 'event:e1', type: 'event', record: EVENT })).toEqual({ type: 'event', key: 'e1', record: EVENT });
  });

  it('names the documents a change set touched', () => {
    const c = count('s_aaaaaa', 'killed', fig(2, 2, 2));
    const before = stateOf([c]);
    const after = { ...stateOf([{ ...c, note: 'checked' }], []), decisions: [decision] };
    expect(docIdsOfChanges(diffState(before, after)).sort()).toEqual([`claim:${c.id}`, 'decision:e1|killed|civilians', 'event:e1'].sort());
  });
});
