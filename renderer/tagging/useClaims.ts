// The case's claims as the UI holds them, and the edits: the view is read once, then every edit is
// a command sent to the core, which answers with what it changed (a change set) and the undo
// state; the hook applies it to its copy. Edits are serialized: a second waits for the first's
// answer. After work that may change claims elsewhere (a corrected publication date, a merge),
// `refresh` catches up from the version held instead of reading the whole case again.
//
// The view holds part of the case: the claims of the sources the user reads (`want`), or every
// claim once a view needs them all (Compare); a case of 100,000 claims is not read to show one source.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeSet, Client, ClaimsView } from '../../shared/api.ts';
import type { Command } from '../../shared/model/commands.ts';
import { messageOf } from '../import/useImporter.ts';
import { follow, followAll, join, missingSources, type Next } from '../lib/claimsCache.ts';

/** What part of the case the UI needs: every claim, or those of these sources. */
export interface ClaimsWanted {
  all: boolean;
  sourceIds: string[];
}

export interface ClaimsStore {
  /** The claims held: those of the wanted sources, or the whole case (`complete`). */
  view: ClaimsView | null;
  /** True when the view holds every claim of the case. */
  complete: boolean;
  /** Says which part of the case the UI shows now; what is not held yet is read. */
  want(w: ClaimsWanted): void;
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
  /** What the last undo or redo did, in words, for a confirmation that fades; `at` tells two alike apart. */
  lastStep: { text: string; at: number } | null;
  /**
   * Tells `fn` of every change that reaches outside the claims (a source corrected, deleted or put
   * back, its rejected suggestions changed), whoever made it. Returns the unsubscribe.
   */
  onOutside(fn: (c: ChangeSet) => void): () => void;
}

const reachesOutside = (c: ChangeSet) => !!(c.sources?.put.length || c.sources?.deleted.length || c.suggestions?.length);
/** "Correct date of X" → "correct date of X", for "Undo: …" (a name at the start keeps its capital). */
export const lowerFirst = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

export function useClaims(client: Client, caseId: string): ClaimsStore {
  const [view, setView] = useState<ClaimsView | null>(null);
  const held = useRef<ClaimsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const wanted = useRef<ClaimsWanted>({ all: false, sourceIds: [] });
  const [lastStep, setLastStep] = useState<{ text: string; at: number } | null>(null);
  const outside = useRef(new Set<(c: ChangeSet) => void>());
  const tell = useCallback((changes: ChangeSet[]) => {
    for (const c of changes) if (reachesOutside(c)) for (const fn of outside.current) fn(c);
  }, []);

  const serial = useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
  const awaiting = useRef<number | null>(null);
  /** reread, for hold (defined after it, from it). */
  const rereadLater = useRef<() => Promise<void>>(async () => undefined);
  const hold = useCallback(
    (v: ClaimsView) => {
      held.current = v;
      setView(v);
      // The case still being read: ask for the change that says it is read. The call waits in the
      // core until then; it runs beside the queue, so opening more sources never waits for it. One
      // at a time: each edit meanwhile makes a new version, and a waiting call per version held the
      // browser's few connections to the host, so an undo waited for the read too.
      if (v.totalClaims === null && awaiting.current === null) {
        awaiting.current = v.version;
        void client.call('claims.changes', { caseId, since: v.version }).then(
          (r) =>
            serial(async () => {
              awaiting.current = null;
              const current = held.current;
              if (!current || r.reset) return;
              tell(r.changes);
              const next = followAll(current, r.changes);
              if ('view' in next) hold(next.view);
              else await rereadLater.current(); // a gap it cannot fill: read the view again
            }),
          () => {
            awaiting.current = null;
          },
        );
      }
    },
    [client, caseId, serial, tell],
  );

  /** Reads the view afresh: what is wanted now, plus what was held (a reset must not lose an open source). */
  const reread = useCallback(async () => {
    try {
      const h = held.current;
      const w = wanted.current;
      const all = w.all || (h !== null && h.scope === null);
      const sourceIds = [...new Set([...w.sourceIds, ...(h?.scope?.sourceIds ?? [])])];
      hold(await client.call('claims.view', all ? { caseId } : { caseId, sourceIds }));
      setLoadError(null);
    } catch (e) {
      setLoadError(`The claims of this case could not be loaded: ${messageOf(e)}`);
    }
  }, [client, caseId, hold]);

  useEffect(() => {
    rereadLater.current = reread;
  }, [reread]);

  /** Settles what follow() said: the new view, or the missing changes read and applied, or the whole view. */
  const settle = useCallback(
    async (next: Next, pending: ChangeSet[] = []) => {
      if ('view' in next) return hold(next.view);
      if ('missing' in next) {
        const caught = await client.call('claims.changes', { caseId, since: next.missing });
        if (!caught.reset) tell(caught.changes);
        const current = held.current;
        if (!caught.reset && current) {
          const r = followAll(current, [...caught.changes, ...pending]);
          if ('view' in r) return hold(r.view);
        }
      }
      await reread();
    },
    [client, caseId, hold, reread, tell],
  );

  const apply = useCallback(
    (c: ChangeSet) => {
      const current = held.current;
      tell([c]);
      return current ? settle(follow(current, c), [c]) : reread();
    },
    [settle, reread, tell],
  );

  // `upTo`: the version the feed announced; a catch-up that finds it held already asks nothing (while
  // the case is read, asking with nothing new waits for the read, and edits queue behind it).
  const refresh = useCallback(
    (upTo?: number) =>
      serial(async () => {
        const current = held.current;
        if (!current) return reread();
        if (upTo !== undefined && current.version >= upTo) return;
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

  /** Reads what is wanted and not held, and joins it to the view (after catching up to its version). */
  const widen = useCallback(async () => {
    const current = held.current;
    if (!current) return;
    const w = wanted.current;
    const missing = w.all ? (current.scope === null ? [] : null) : missingSources(current, w.sourceIds);
    if (missing !== null && missing.length === 0) return;
    try {
      const part = await client.call('claims.view', missing === null ? { caseId } : { caseId, sourceIds: missing });
      if (part.scope === null) return hold(part);
      if (held.current && part.version > held.current.version) await settle({ missing: held.current.version });
      const joined = held.current ? join(held.current, part) : null;
      if (joined) hold(joined);
      else await reread();
      setLoadError(null);
    } catch (e) {
      setLoadError(`The claims of this case could not be loaded: ${messageOf(e)}`);
    }
  }, [client, caseId, hold, settle, reread]);

  const want = useCallback(
    (w: ClaimsWanted) => {
      wanted.current = w;
      void serial(widen);
    },
    [serial, widen],
  );

  // Edits made in another window (or tab) arrive on the change feed: catch up from the version held.
  useEffect(
    () =>
      client.watch?.((e) => {
        if (e.kind === 'claims' && e.caseId === caseId && held.current && e.version > held.current.version) void refresh(e.version);
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
        const label = (op === 'claims.undo' ? held.current?.undoLabel : held.current?.redoLabel) ?? 'the last edit';
        try {
          const c = await client.call(op, { caseId });
          await apply(c);
          setError(null);
          const done = op === 'claims.undo' ? 'Undone' : 'Redone';
          setLastStep({ text: c.problems[0] ?? `${done}: ${lowerFirst(label)}`, at: Date.now() });
        } catch (e) {
          setError(`${op === 'claims.undo' ? 'Undo' : 'Redo'} did not work: ${messageOf(e)}`);
        }
      }),
    [client, caseId, serial, apply],
  );

  return {
    view,
    complete: view !== null && view.scope === null,
    want,
    error,
    loadError,
    execute,
    undo: useCallback(() => step('claims.undo'), [step]),
    redo: useCallback(() => step('claims.redo'), [step]),
    refresh: useCallback(() => refresh(), [refresh]),
    accept: useCallback((c: ChangeSet) => serial(() => apply(c)), [serial, apply]),
    dismissError: useCallback(() => setError(null), []),
    lastStep,
    onOutside: useCallback((fn: (c: ChangeSet) => void) => {
      outside.current.add(fn);
      return () => void outside.current.delete(fn);
    }, []),
  };
}
