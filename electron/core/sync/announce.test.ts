import { describe, expect, it } from 'vitest';
import type { SyncChanged } from '../../../shared/api.ts';
import { syncView } from '../../../tests/support/sync-status.ts';
import { StatusFeed } from './announce.ts';

const view = syncView;

describe('the sync status on the change feed', () => {
  it('tells a status once, tells it again only when it changed, and per case', async () => {
    let now = view();
    const told: SyncChanged[] = [];
    const feed = new StatusFeed(
      async () => now,
      (e) => told.push(e),
    );
    await feed.announce('a');
    await feed.announce('a');
    expect(told).toEqual([{ kind: 'sync', caseId: 'a', status: view() }]);
    now = view({ state: 'offline', since: '2026-12-02T05:00:00.000Z' });
    await feed.announce('a');
    await feed.announce('b');
    expect(told.map((e) => [e.caseId, e.status.state])).toEqual([
      ['a', 'synced'],
      ['a', 'offline'],
      ['b', 'offline'],
    ]);
  });

  it('reads a burst of changes once more after the read under way, and tells the latest', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const told: SyncChanged[] = [];
    const feed = new StatusFeed(
      async () => {
        reads++;
        if (reads === 1) await new Promise<void>((r) => (release = r));
        return view({ pending: reads });
      },
      (e) => told.push(e),
    );
    const first = feed.announce('a');
    const rest = Array.from({ length: 20 }, () => feed.announce('a'));
    release();
    await Promise.all([first, ...rest]);
    expect(reads).toBe(2);
    expect(told.map((e) => e.status.pending)).toEqual([1, 2]);
  });

  it('tells nothing of a case that can no longer be read (deleted meanwhile)', async () => {
    const told: SyncChanged[] = [];
    const feed = new StatusFeed(
      () => Promise.reject(new Error('gone')),
      (e) => told.push(e),
    );
    await feed.announce('a');
    expect(told).toEqual([]);
  });
});
