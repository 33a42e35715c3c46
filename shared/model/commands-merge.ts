// records.merge: the records a bundle merge brings, changed in one step (commands-schema.ts). Each
// entry says what the record was (null: absent) and what it becomes (null: taken out); the inverse
// swaps the two. A new record is appended and its undo removes it; undo and redo run last in, first
// out, so the round trip gives back the same lists in the same order (apply(apply(s, c).inverse)
// deep-equals s). An entry whose `was` no longer matches the case is refused as stale: an edit made
// between a merge and its undo (a colleague's, arriving by sync) is never overwritten.
import type { ClaimState, Command, MergedRecords } from './commands-schema.ts';
import { CommandError, recordKey } from './commands-schema.ts';

type Collection = keyof MergedRecords;
const COLLECTIONS: Collection[] = ['annotations', 'claims', 'events', 'actors', 'decisions', 'reconciliations'];
type Entry = { value: object | null; was: object | null };

/** Judgements are one per event row (recordKey); the other records have ids. */
const keyOf = (collection: Collection, r: object): string =>
  collection === 'decisions' || collection === 'reconciliations' ? recordKey(r as { eventId: string; rowKey?: string }) : (r as { id: string }).id;

/** JSON with keys sorted: a record read back from the history compares equal whatever its key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const noun = (collection: Collection) => collection.replace(/s$/, '');

function changeList(collection: Collection, list: readonly object[], entries: readonly Entry[]): object[] {
  const at = new Map<string, number>();
  list.forEach((r, i) => at.set(keyOf(collection, r), i));
  const out: (object | null)[] = list.slice();
  for (const { value, was } of entries) {
    const some = value ?? was;
    if (!some) throw new CommandError(`A merged ${noun(collection)} must say what it was or what it becomes.`);
    const key = keyOf(collection, some);
    if (value && was && keyOf(collection, was) !== key) throw new CommandError(`A merged ${noun(collection)} cannot change its id (${key}).`);
    const i = at.get(key);
    const current = i === undefined ? null : out[i];
    if (canonical(current) !== canonical(was)) throw new CommandError(`The ${noun(collection)} ${key} has changed since the merge.`);
    if (value === null) {
      out[i!] = null;
      at.delete(key);
    } else if (i !== undefined) out[i] = value;
    else {
      at.set(key, out.length);
      out.push(value);
    }
  }
  return out.filter((r): r is object => r !== null);
}

export function applyMergeRecords(state: ClaimState, payload: MergedRecords): { state: ClaimState; inverse: Command } {
  const next: Record<string, unknown> = { ...state };
  const inverse: Record<string, Entry[]> = {};
  for (const c of COLLECTIONS) {
    const entries = (payload[c] ?? []) as Entry[];
    if (!entries.length) continue;
    next[c] = changeList(c, (state[c] ?? []) as object[], entries);
    inverse[c] = entries.map(({ value, was }) => ({ value: was, was: value }));
  }
  return { state: next as ClaimState, inverse: { type: 'records.merge', payload: inverse } as Command };
}
