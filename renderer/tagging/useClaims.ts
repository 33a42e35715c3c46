// The case's claims as the UI holds them, and the edits: the view is read once, then every edit is
// a command sent to the core, which answers with what it changed (a change set) and the undo
// state; the hook applies it to its copy. Edits are serialized: a second waits for the first's
// answer. After work that may change claims elsewhere (a corrected publication date, a merge),
// `refresh` catches up from the version held instead of reading the whole case again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeSet, Client, ClaimsView } from '../../shared/api.ts';
import type { Command } from '../../shared/commands.ts';
import { messageOf } from '../import/useImporter.ts';
import { follow, followAll, type Next } from '../lib/claimsCache.ts';

export interface ClaimsStore {
  view: ClaimsView | null;
  /** The last edit's failure, in words; cleared by the next success. */
  error: string | null;
  loadError: string | null;
  execute(command: Command, label: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Catches up with changes made outside this window's edits. */
  refresh(): Promise<void>;
  /** Applies a change set another operation answered with (a replaced text). */
  accept(changes: ChangeSet): Promise<void>;
  dismissError(): void;
}

export function useClaims(client: Client, caseId: string): ClaimsStore {
  const [view, setView] = useState<ClaimsView | null>(null);
  const held = useRef<ClaimsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const serial = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const hold = useCallback((v: ClaimsView) => {
    held.current = v;
    setView(v);
  }, []);

  const reread = useCallback(async () => {
    try {
      hold(await client.call('claims.view', { caseId }));
      setLoadError(null);
    } catch (e) {
      setLoadError(`The claims of this case could not be loaded: ${messageOf(e)}`);
    }
  }, [client, caseId, hold]);

  /** Settles what follow() said: the new view, or the missing changes read and applied, or the whole view. */
  const settle = useCallback(
    async (next: Next, pending: ChangeSet[] = []) => {
      if ('view' in next) return hold(next.view);
      if ('missing' in next) {
        const caught = await client.call('claims.changes', { caseId, since: next.missing });
        const current = held.current;
        if (!caught.reset && current) {
          const r = followAll(current, [...caught.changes, ...pending]);
          if ('view' in r) return hold(r.view);
        }
      }
      await reread();
    },
    [client, caseId, hold, reread],
  );

  const apply = useCallback(
    (c: ChangeSet) => {
      const current = held.current;
      return current ? settle(follow(current, c), [c]) : reread();
    },
    [settle, reread],
  );

  const refresh = useCallback(
    () =>
      serial(async () => {
        const current = held.current;
        if (!current) return reread();
        try {
          await settle({ missing: current.version });
        } catch {
          await reread();
        }
      }),
    [serial, settle, reread],
  );

  useEffect(() => {
    held.current = null;
    void serial(reread);
  }, [serial, reread]);

  // Edits made in another window (or tab) arrive on the change feed: catch up from the version held.
  useEffect(
    () =>
      client.watch?.((e) => {
        if (e.caseId === caseId && held.current && e.version > held.current.version) void refresh();
      }),
    [client, caseId, refresh],
  );

  const execute = useCallback(
    (command: Command, label: string) =>
      serial(async () => {
        try {
          await apply(await client.call('claims.execute', { caseId, command, label }));
          setError(null);
          return true;
        } catch (e) {
          setError(`${label} did not work: ${messageOf(e)}`);
          return false;
        }
      }),
    [client, caseId, serial, apply],
  );

  const step = useCallback(
    (op: 'claims.undo' | 'claims.redo') =>
      serial(async () => {
        try {
          await apply(await client.call(op, { caseId }));
          setError(null);
        } catch (e) {
          setError(`${op === 'claims.undo' ? 'Undo' : 'Redo'} did not work: ${messageOf(e)}`);
        }
      }),
    [client, caseId, serial, apply],
  );

  return {
    view,
    error,
    loadError,
    execute,
    undo: useCallback(() => step('claims.undo'), [step]),
    redo: useCallback(() => step('claims.redo'), [step]),
    refresh,
    accept: useCallback((c: ChangeSet) => serial(() => apply(c)), [serial, apply]),
    dismissError: useCallback(() => setError(null), []),
  };
}
