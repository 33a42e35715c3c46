// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client, FeedEvent } from '../../shared/api.ts';
import type { SyncStatusView } from '../../shared/exchange/sync-status.ts';
import { syncView } from '../../tests/support/sync-status.ts';
import { POLL_MS, useSyncStatus } from './useSyncStatus.ts';

const view = syncView;

/** A core that answers sync.status with `answer`, counting the asks, and (with a feed) lets the test push events. */
function fakeCore(answer: SyncStatusView, withFeed: boolean) {
  const seen = { asks: 0, watchers: new Set<(e: FeedEvent) => void>() };
  const client: Client = {
    call: (async (op: string) => {
      if (op !== 'sync.status') throw new Error(`unexpected ${op}`);
      seen.asks++;
      return answer;
    }) as Client['call'],
    ...(withFeed
      ? {
          watch: (fn: (e: FeedEvent) => void) => {
            seen.watchers.add(fn);
            return () => seen.watchers.delete(fn);
          },
        }
      : {}),
  };
  const push = (e: FeedEvent) => act(() => seen.watchers.forEach((fn) => fn(e)));
  return { client, seen, push };
}

const flush = () => act(async () => undefined);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the sync status in a window', () => {
  it('asks once, then follows what the change feed pushes for its case, and never asks again', async () => {
    const { client, seen, push } = fakeCore(view(), true);
    const received = vi.fn();
    const { result, unmount } = renderHook(() => useSyncStatus(client, 'c1', received));
    await flush();
    expect(result.current.status?.state).toBe('synced');
    push({ kind: 'sync', caseId: 'c1', status: view({ state: 'offline', since: '2026-12-02T05:00:00.000Z' }) });
    expect(result.current.status).toMatchObject({ state: 'offline', since: '2026-12-02T05:00:00.000Z' });
    // Another case's status, and the claims feed, leave this one alone.
    push({ kind: 'sync', caseId: 'c2', status: view({ state: 'refused' }) });
    push({ kind: 'claims', caseId: 'c1', version: 3 });
    expect(result.current.status?.state).toBe('offline');
    // A colleague's records arrived: the window reads the case again.
    expect(received).not.toHaveBeenCalled();
    push({ kind: 'sync', caseId: 'c1', status: view({ received: 4 }) });
    expect(received).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 5));
    expect(seen.asks).toBe(1);
    unmount();
    expect(seen.watchers.size).toBe(0);
  });

  it('asks every few seconds when the transport has no change feed', async () => {
    const { client, seen } = fakeCore(view(), false);
    const { result } = renderHook(() => useSyncStatus(client, 'c1', () => undefined));
    await flush();
    expect(result.current.status?.state).toBe('synced');
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(seen.asks).toBe(4);
  });
});
