import { describe, expect, it } from 'vitest';
import { blankClaim } from '../../shared/model/claims.ts';
import type { SimpleCommand } from '../../shared/model/commands.ts';
import { MAX_SOURCES_FIRST, readiness, type Loaded } from './claims-ready.ts';

// Claims c1 (in s1, read) are in memory; s2 is a source not read yet, s3 one whose file failed.
const loaded: Loaded = {
  claim: (id) => id === 'c1',
  annotation: (id) => id === 'a1',
  source: (id) => (id === 's1' ? 'read' : id === 's2' ? 'unread' : id === 's3' ? 'failed' : 'absent'),
};
const at = '2026-01-01T00:00:00.000Z';
const create = (sourceId: string, id = 'c9'): SimpleCommand => ({
  type: 'claim.create',
  payload: { annotation: null, claim: blankClaim('note', { id, sourceId, annotationId: 'a9', created: at }), at: null },
});
const update = (id: string): SimpleCommand => ({ type: 'claim.update', payload: { id, set: { note: 'x' }, unset: [] } });

describe('which edits run while the claims are read', () => {
  it('runs what touches only records in memory', () => {
    expect(readiness(update('c1'), loaded)).toEqual({ now: true });
    expect(readiness({ type: 'source.update', payload: { id: 's2', from: { notes: '' }, to: { notes: 'n' } } }, loaded)).toEqual({ now: true });
    expect(readiness({ type: 'event.update', payload: { id: 'e1', set: { title: 'T' }, unset: [] } }, loaded)).toEqual({ now: true });
    expect(readiness(create('s1'), loaded)).toEqual({ now: true });
    // A source no longer in the case: the edit runs and is refused there, with its own message.
    expect(readiness(create('gone'), loaded)).toEqual({ now: true });
  });

  it('reads the sources a tag goes into first', () => {
    expect(readiness(create('s2'), loaded)).toEqual({ read: ['s2'] });
    expect(readiness({ type: 'batch', payload: { commands: [create('s2', 'c8'), create('s1'), update('c1')] } }, loaded)).toEqual({ read: ['s2'] });
  });

  it('waits for the whole read when a claim may be in a source not read yet, or the edit reads every claim', () => {
    expect(readiness(update('c2'), loaded)).toEqual({ later: true });
    expect(readiness({ type: 'annotation.retarget', payload: { id: 'a2', targets: [], modified: null, orphan: null } }, loaded)).toEqual({ later: true });
    expect(readiness({ type: 'event.delete', payload: { id: 'e1', modified: null } }, loaded)).toEqual({ later: true });
    expect(readiness({ type: 'source.delete', payload: { id: 's1' } }, loaded)).toEqual({ later: true });
    expect(readiness(create('s3'), loaded)).toEqual({ later: true });
    const many = Array.from({ length: MAX_SOURCES_FIRST + 1 }, (_, i) => create(`u${i}`, `c${i + 100}`));
    const unread: Loaded = { ...loaded, source: () => 'unread' };
    expect(readiness({ type: 'batch', payload: { commands: many } }, unread)).toEqual({ later: true });
  });
});
