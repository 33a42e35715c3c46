// The open case's sync as the core tells it: asked when the case opens (which resumes a shared case
// after a restart), then pushed on the change feed whenever it moves (going offline, coming back, a
// colleague's edits arriving, a clash settled), so the top bar follows without asking again. A
// transport without a feed is asked every two seconds. Starting and stopping answer with the new status.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client } from '../../shared/api.ts';
import type { SyncDatabases, SyncLogin, SyncStart, SyncStatusView } from '../../shared/exchange/sync-status.ts';
import { messageOf } from '../import/useImporter.ts';

export const POLL_MS = 2000;

export interface SyncStore {
  status: SyncStatusView | null;
  /** Why the status could not be read (the core is gone), in words. */
  error: string | null;
  start(input: Omit<SyncStart, 'remember'> & { remember: boolean }): Promise<SyncStatusView>;
  stop(forget: boolean): Promise<void>;
  /** The server's databases this user may sync the case with (the Share dialog's picker). */
  databases(login: SyncLogin): Promise<SyncDatabases>;
  /** A new database on the server for the case (server admins only). */
  createDatabase(login: SyncLogin, name: string): Promise<{ name: string; url: string }>;
}

export function useSyncStatus(client: Client, caseId: string, onReceived: () => void): SyncStore {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const received = useRef<number | null>(null);
  const clashes = useRef<number | null>(null);
  const onReceivedRef = useRef(onReceived);
  onReceivedRef.current = onReceived;

  const take = useCallback((s: SyncStatusView) => {
    // Records from the server (a new source, a clash) are outside the claims feed: read the case again.
    const moved = (received.current !== null && s.received > received.current) || (clashes.current !== null && s.clashes !== clashes.current);
    received.current = s.received;
    clashes.current = s.clashes;
    setStatus(s);
    setError(null);
    if (moved) onReceivedRef.current();
  }, []);

  useEffect(() => {
    let live = true;
    // A status pushed while the first answer was on its way is the newer one: the answer is dropped.
    let pushed = false;
    received.current = null;
    clashes.current = null;
    const ask = () =>
      client.call('sync.status', { caseId }).then(
        (s) => live && !pushed && take(s),
        (e: unknown) => live && setError(`The sync status could not be read: ${messageOf(e)}`),
      );
    const unwatch = client.watch?.((e) => {
      if (e.kind !== 'sync' || e.caseId !== caseId || !live) return;
      pushed = true;
      take(e.status);
    });
    void ask();
    const timer = unwatch ? null : setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      unwatch?.();
      if (timer) clearInterval(timer);
    };
  }, [client, caseId, take]);

  const start = useCallback(
    async (input: Omit<SyncStart, 'remember'> & { remember: boolean }) => {
      const s = await client.call('sync.start', { caseId, ...input });
      take(s);
      return s;
    },
    [client, caseId, take],
  );
  const stop = useCallback(
    async (forget: boolean) => {
      take(await client.call('sync.stop', { caseId, forget }));
    },
    [client, caseId, take],
  );
  const databases = useCallback((login: SyncLogin) => client.call('sync.databases', { caseId, ...login }), [client, caseId]);
  const createDatabase = useCallback((login: SyncLogin, name: string) => client.call('sync.createDatabase', { caseId, ...login, name }), [client, caseId]);
  return { status, error, start, stop, databases, createDatabase };
}

/**
 * The status for the top bar: one word shown (Synced / Syncing… / Offline / Refused, or Share… for a
 * case not shared; the top bar is tight, and the clashes have their own button beside it), and the
 * whole of it as the button's name and tooltip (Syncing 12 changes…, Offline since 14:02, the
 * clashes waiting, read only for a viewer).
 */
export function statusWords(s: SyncStatusView | null): { text: string; full: string; tone: 'ok' | 'busy' | 'warn' | 'bad' | 'off' } {
  if (!s || s.state === 'off') return { text: 'Share…', full: 'Share this case', tone: 'off' };
  const n = s.clashes;
  // A viewer reads the case; the server refuses their edits: said before the first one is refused.
  const more = `${n ? ` · ${n} ${n === 1 ? 'clash' : 'clashes'}` : ''}${s.access === 'viewer' ? ' · read only' : ''}`;
  switch (s.state) {
    case 'synced':
      return { text: 'Synced', full: `Synced${more}`, tone: n ? 'warn' : 'ok' };
    case 'syncing':
      // The name starts with the shown word, so a voice-control user can say what they see.
      return { text: 'Syncing…', full: `Syncing…${s.pending ? ` ${s.pending} ${s.pending === 1 ? 'change' : 'changes'} to go` : ''}${more}`, tone: 'busy' };
    case 'offline':
      return { text: 'Offline', full: `Offline${s.since ? ` since ${clock(s.since)}` : ''}${more}`, tone: 'warn' };
    case 'refused':
      return { text: 'Refused', full: `Refused${more}`, tone: 'bad' };
  }
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
