// The open case's merge clashes as the core last listed them: fetched when the case opens and
// again after every merge (reload) and after every undo or redo (`step`: a merge's undo takes its
// clashes back), settled one at a time (resolve answers with the new list).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client } from '../../shared/api.ts';
import type { Clash } from '../../shared/exchange/bundle.ts';
import { messageOf } from '../import/useImporter.ts';

export interface ClashesStore {
  clashes: Clash[];
  unresolved: Clash[];
  /** The last failure (listing or resolving), in words; cleared by the next success. */
  error: string | null;
  /** The clash being settled, while the core works. */
  busy: string | null;
  reload(): Promise<void>;
  resolve(clashId: string, keep: 'current' | 'other'): Promise<boolean>;
  dismissError(): void;
}

export function useClashes(client: Client, caseId: string, step: unknown = null): ClashesStore {
  const [clashes, setClashes] = useState<Clash[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // A reply for a case the user has since left must not land in the next one.
  const current = useRef(caseId);
  current.current = caseId;

  const reload = useCallback(async () => {
    try {
      const r = await client.call('clashes.list', { caseId });
      if (current.current !== caseId) return;
      setClashes(r.clashes);
      setError(null);
    } catch (e) {
      if (current.current === caseId) setError(`The merge clashes of this case could not be listed: ${messageOf(e)}`);
    }
  }, [client, caseId]);

  useEffect(() => {
    setClashes([]);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (step) void reload();
  }, [step, reload]);

  const resolve = useCallback(
    async (clashId: string, keep: 'current' | 'other') => {
      setBusy(clashId);
      try {
        const r = await client.call('clashes.resolve', { caseId, clashId, keep });
        if (current.current === caseId) setClashes(r.clashes);
        setError(null);
        return true;
      } catch (e) {
        setError(`The clash could not be settled: ${messageOf(e)}`);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [client, caseId],
  );

  return {
    clashes,
    unresolved: clashes.filter((c) => !c.resolved),
    error,
    busy,
    reload,
    resolve,
    dismissError: useCallback(() => setError(null), []),
  };
}
