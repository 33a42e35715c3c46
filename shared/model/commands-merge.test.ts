// records.merge: a merge's records put in one step, with an exact inverse, refused when stale.
import { describe, expect, it } from 'vitest';
import { blankClaim, type Annotation, type Claim } from './claims.ts';
import { apply, Command, CommandError, type ClaimState } from './commands.ts';

const T = '2024-05-01T00:00:00.000Z';
const annotation = (id: string): Annotation => ({
  id,
  sourceId: 's_aaaaaa',
  targets: [{ start: 0, end: 4, exact: 'Four', prefix: '', suffix: ' dead' }],
  kind: 'casualties',
  created: T,
  modified: T,
});
const claim = (id: string, annotationId: string, note = ''): Claim => ({
  ...blankClaim('casualties', { id, sourceId: 's_aaaaaa', annotationId, created: T, text: 'Four' }),
  note,
});
const state = (): ClaimState => ({
  annotations: [annotation('a1'), annotation('a2')],
  claims: [claim('c1', 'a1'), claim('c2', 'a2')],
  events: [],
  actors: [],
  decisions: [{ eventId: 'e1', rowKey: 'killed|civilians', status: 'confirmed', note: '', at: T }] as ClaimState['decisions'],
});

describe('records.merge', () => {
  it('replaces in place and appends; its inverse gives back the same lists in the same order, and redo the merged ones', () => {
    const s = state();
    const cmd: Command = {
      type: 'records.merge',
      payload: {
        claims: [
          { value: claim('c1', 'a1', 'theirs'), was: s.claims[0] },
          { value: claim('c3', 'a3'), was: null },
        ],
        annotations: [{ value: annotation('a3'), was: null }],
      },
    };
    const r = apply(s, cmd);
    expect(r.state.claims.map((c) => [c.id, c.note])).toEqual([
      ['c1', 'theirs'],
      ['c2', ''],
      ['c3', ''],
    ]);
    expect(r.state.annotations.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(r.state.decisions).toBe(s.decisions); // untouched lists keep their identity
    const back = apply(r.state, Command.parse(JSON.parse(JSON.stringify(r.inverse))));
    expect(back.state).toEqual(s);
    expect(apply(back.state, back.inverse).state).toEqual(r.state);
  });

  it('keys judgements by event row', () => {
    const s = state();
    const was = s.decisions![0];
    const r = apply(s, { type: 'records.merge', payload: { decisions: [{ value: { ...was, note: 'theirs' }, was }] } });
    expect(r.state.decisions).toEqual([{ ...was, note: 'theirs' }]);
  });

  it('refuses a step whose record changed since, and a new record whose id is taken', () => {
    const s = state();
    const stale = { type: 'records.merge', payload: { claims: [{ value: claim('c1', 'a1', 'theirs'), was: claim('c1', 'a1', 'older') }] } } as Command;
    expect(() => apply(s, stale)).toThrow(CommandError);
    expect(() => apply(s, stale)).toThrow(/claim c1 has changed since the merge/);
    const taken = { type: 'records.merge', payload: { claims: [{ value: claim('c2', 'a2', 'theirs'), was: null }] } } as Command;
    expect(() => apply(s, taken)).toThrow(/claim c2 has changed since/);
  });
});
