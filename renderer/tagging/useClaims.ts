// The case's claims as the core last answered them, and the edits: every edit is a command sent
// to the core, which answers with the whole ClaimsView (so undo state and labels always match
// what is stored). Edits are serialized: a second one waits for the first's answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client, ClaimsView } from '../../shared/api.ts';
import type { Command } from '../../shared/commands.ts';
import { messageOf } from '../import/useImporter.ts';

export interface ClaimsStore {
  view: ClaimsView | null;
  /** The last edit's failure, in words; cleared by the next success. */
  error: string | null;
  loadError: string | null;
  execute(command: Command, label: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  refresh(): Promise<void>;
  accept(view: ClaimsView): void;
  dismissError(): void;
}

export function useClaims(client: Client, caseId: string): ClaimsStore {
  const [view, setView] = useState<ClaimsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const serial = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const refresh = useCallback(
    () =>
      serial(async () => {
        try {
          setView(await client.call('claims.view', { caseId }));
          setLoadError(null);
        } catch (e) {
          setLoadError(`The claims of this case could not be loaded: ${messageOf(e)}`);
        }
      }),
    [client, caseId, serial],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const execute = useCallback(
    (command: Command, label: string) =>
      serial(async () => {
        try {
          setView(await client.call('claims.execute', { caseId, command, label }));
          setError(null);
          return true;
        } catch (e) {
          setError(`${label} did not work: ${messageOf(e)}`);
          return false;
        }
      }),
    [client, caseId, serial],
  );

  const step = useCallback(
    (op: 'claims.undo' | 'claims.redo') =>
      serial(async () => {
        try {
          setView(await client.call(op, { caseId }));
          setError(null);
        } catch (e) {
          setError(`${op === 'claims.undo' ? 'Undo' : 'Redo'} did not work: ${messageOf(e)}`);
        }
      }),
    [client, caseId, serial],
  );

  return {
    view,
    error,
    loadError,
    execute,
    undo: useCallback(() => step('claims.undo'), [step]),
    redo: useCallback(() => step('claims.redo'), [step]),
    refresh,
    accept: setView,
    dismissError: useCallback(() => setError(null), []),
  };
}
