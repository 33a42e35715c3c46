// Where an edit of a case's claims lands on disk: each source file whose records changed, rewritten
// from the records in memory, and the index fields the case file holds. CaseClaims (claims.ts) calls
// these around its commit: the check before the new state is taken, the writes after.
import type { ClaimState } from '../../shared/model/commands.ts';
import { ApiError } from '../../shared/errors.ts';
import type { IndexRecordKind } from './claims-load.ts';
import type { ReadProgress } from './claims-progress.ts';
import type { CaseStore } from './store/index.ts';

const INDEX_FIELDS = ['events', 'actors', 'decisions', 'reconciliations', 'gradeOverrides'] as const;
const BODY_WRITES_AT_ONCE = 8;

/**
 * Refuses an edit that would rewrite a source file it may not: one of a source no longer in the case
 * (unless the edit trashes or restores it), or one whose claims are not read yet (its file would be
 * written from half its records).
 */
export function checkTouched(
  store: CaseStore,
  progress: ReadProgress,
  touched: Iterable<string>,
  moved: { restored: Set<string>; trashed: Set<string> } | null,
): void {
  for (const sid of touched) {
    if (!store.hasSource(sid) && !moved?.restored.has(sid) && !moved?.trashed.has(sid))
      throw new ApiError('NOT_FOUND', 'That claim’s source is no longer in this case.');
    const status = progress.status(sid);
    if (status === 'unread' || status === 'failed')
      throw new ApiError('INTERNAL', 'An edit reached a source whose claims are not read yet; nothing was saved. Try again in a moment.');
  }
}

/** Writes the source files of the touched sources (but those just trashed) and the index fields that changed. */
export async function writeClaimFiles(
  store: CaseStore,
  change: { prev: ClaimState; next: ClaimState; touched: Iterable<string>; trashed: Set<string> | null },
  records: { body: (sourceId: string) => { annotations: unknown[]; claims: unknown[] }; unreadableIndex: Record<IndexRecordKind, unknown[]> },
): Promise<void> {
  const { prev, next } = change;
  // A few files at a time: each is a durable write (a backup now and then, fsyncs), which wait on the
  // disk more than on this thread, and a batch reaching many sources (a new member's first pull, a
  // merge) wrote them one after the other (first pull of 300 sources: 8.0 s -> 2.4 s for these writes,
  // load 17-21). Every write is settled before a failure is told, so none lands after the edit is undone in memory.
  const sids = [...change.touched].filter((sid) => !change.trashed?.has(sid));
  for (let i = 0; i < sids.length; i += BODY_WRITES_AT_ONCE) {
    const done = await Promise.allSettled(
      sids.slice(i, i + BODY_WRITES_AT_ONCE).map(async (sid) => {
        const body = await store.readBody(sid);
        await store.writeBody({ ...body, ...records.body(sid) });
      }),
    );
    const failed = done.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
  if (INDEX_FIELDS.some((k) => prev[k] !== next[k])) {
    await store.updateIndex(
      (d) => {
        for (const k of INDEX_FIELDS) d[k] = [...(next[k] ?? []), ...records.unreadableIndex[k]];
      },
      { fields: INDEX_FIELDS },
    );
  }
}
