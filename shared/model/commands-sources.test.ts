// The commands whose records live outside the claim state: apply() changes only the claims part
// (a deleted source's records leave and come back in their places) and computes exact inverses.
import { describe, expect, it } from 'vitest';
import { blankClaim, type Annotation, type Claim } from './claims.ts';
import { apply, Command, CommandError, type ClaimState } from './commands.ts';
import { emptyStack, execute, redo, undo } from './undo.ts';

const T = '2024-05-01T00:00:00.000Z';
const annotation = (id: string, sourceId: string): Annotation => ({
  id,
  sourceId,
  targets: [{ start: 0, end: 4, exact: 'Four', prefix: '', suffix: ' dead' }],
  kind: 'casualties',
  created: T,
  modified: T,
});
const claim = (id: string, sourceId: string, annotationId: string): Claim => blankClaim('casualties', { id, sourceId, annotationId, created: T, text: 'Four' });

/** Two sources' records interleaved, as a case's lists are after tagging both in turn. */
function interleaved(): ClaimState {
  return {
    annotations: [annotation('a1', 's_aaaaaa'), annotation('a2', 's_bbbbbb'), annotation('a3', 's_aaaaaa'), annotation('a4', 's_bbbbbb')],
    claims: [claim('c1', 's_aaaaaa', 'a1'), claim('c2', 's_bbbbbb', 'a2'), claim('c3', 's_aaaaaa', 'a3'), claim('c4', 's_bbbbbb', 'a4')],
    events: [],
    actors: [],
  };
}

describe('source commands', () => {
  it('deletes a source’s records and puts each back in its place', () => {
    const s = interleaved();
    const r = apply(s, { type: 'source.delete', payload: { id: 's_aaaaaa' } });
    expect(r.state.claims.map((c) => c.id)).toEqual(['c2', 'c4']);
    expect(r.state.annotations.map((a) => a.id)).toEqual(['a2', 'a4']);
    expect(r.inverse.type).toBe('source.restore');
    const back = apply(r.state, r.inverse);
    expect(back.state).toEqual(s);
    expect(back.inverse).toEqual({ type: 'source.delete', payload: { id: 's_aaaaaa' } });
    // the inverse is plain data: it survives the history file
    expect(Command.parse(JSON.parse(JSON.stringify(r.inverse)))).toEqual(r.inverse);
  });

  it('refuses to put back records that would clash or dangle', () => {
    const s = interleaved();
    const r = apply(s, { type: 'source.delete', payload: { id: 's_aaaaaa' } });
    expect(() => apply(s, r.inverse)).toThrow(CommandError); // they are still there
    const dangling: Command = {
      type: 'source.restore',
      payload: { id: 's_cccccc', annotations: [], claims: [{ at: 0, value: { ...claim('c9', 's_cccccc', 'a1'), eventId: 'e_gone' } }] },
    };
    expect(() => apply(s, dangling)).toThrow(/The event of claim c9 is no longer in this case/);
    const stray: Command = { type: 'source.restore', payload: { id: 's_cccccc', annotations: [{ at: 0, value: annotation('a9', 's_aaaaaa') }], claims: [] } };
    expect(() => apply(s, stray)).toThrow(/belongs to s_aaaaaa/);
  });

  it('swaps a correction’s before and after, and refuses one that does not say what it replaces', () => {
    const s = interleaved();
    const title = { value: 'New', confidence: 'high' as const, how: 'corrected by user' };
    const was = { value: 'Old', confidence: 'medium' as const, how: 'first line' };
    const r = apply(s, { type: 'source.update', payload: { id: 's_aaaaaa', from: { title: was }, to: { title } } });
    expect(r.state).toBe(s);
    expect(r.inverse).toEqual({ type: 'source.update', payload: { id: 's_aaaaaa', from: { title }, to: { title: was } } });
    expect(() => apply(s, { type: 'source.update', payload: { id: 's_aaaaaa', from: {}, to: { title } } })).toThrow(CommandError);
  });

  it('flips a rejection, and lets a check refuse a stale step (dropped with a problem)', () => {
    const s = interleaved();
    const cmd: Command = { type: 'suggestions.reject', payload: { sourceId: 's_aaaaaa', keys: ['k1'], restore: false } };
    const done = execute(s, emptyStack(), cmd, { label: 'Reject suggestion' });
    expect(done.stack.done[0].inverse).toEqual({ type: 'suggestions.reject', payload: { sourceId: 's_aaaaaa', keys: ['k1'], restore: true } });
    const refused = undo(done.state, done.stack, () => {
      throw new CommandError('There is no source s_aaaaaa in this case.');
    });
    expect(refused.problem).toBe('That edit can no longer be undone: There is no source s_aaaaaa in this case.');
    expect(refused.stack.done).toEqual([]);
    const seen: Command[] = [];
    const undone = undo(done.state, done.stack, (c) => void seen.push(c));
    redo(undone.state, undone.stack, (c) => void seen.push(c));
    expect(seen.map((c) => c.type === 'suggestions.reject' && c.payload.restore)).toEqual([true, false]);
  });
});
