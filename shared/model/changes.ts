// What an edit changed, record by record: the contract answers every edit with this instead of
// the whole case, so an edit in a case of 100,000 claims ships a few records, not all of them.
//
// It is computed by comparing the state before and after by object identity: commands keep the
// identity of every record they do not touch (structural sharing, see commands.ts), so a record
// whose object changed was created or updated, and an id that is gone was deleted. Lists are
// compared after trimming their common head and tail, so a typical edit costs a walk over the
// list rather than a map of it.
import { z } from 'zod';
import { Actor, Annotation, Claim, Event } from './claims.ts';
import { positionOf, recordKey, replacedAt, replacedSince, type ClaimState } from './commands.ts';
import { Decision, GradeOverride, Reconciliation } from './judgements.ts';
import { Source } from './source.ts';

/** Records put (created or updated, each with the id it now follows, for order) and ids deleted. */
const changesOf = <T extends z.ZodType>(record: T) =>
  z.object({
    put: z.array(z.object({ value: record, after: z.string().nullable() })),
    deleted: z.array(z.string()),
  });

export const UndoState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoState>;

export const RecordChanges = z.object({
  annotations: changesOf(Annotation),
  claims: changesOf(Claim),
  events: changesOf(Event),
  actors: changesOf(Actor),
  /** Keyed by recordKey (event, or event|row), as commands.ts keys them. */
  decisions: changesOf(Decision),
  reconciliations: changesOf(Reconciliation),
  gradeOverrides: changesOf(GradeOverride),
});
export type RecordChanges = z.infer<typeof RecordChanges>;

export const ChangeSet = RecordChanges.extend({
  /** The case's claims version after this change; a client that holds version - 1 is up to date. */
  version: z.number().int().nonnegative(),
  undo: UndoState,
  /** Problems this step ran into (an undo that no longer applies), in words. */
  problems: z.array(z.string()),
  /** The change cannot be told record by record (the case was re-read after a merge): read it again. */
  reset: z.boolean(),
  /** How many claims the whole case has after it; null while the case is still being read (a later change brings it). */
  totalClaims: z.number().int().nonnegative().nullable(),
  /** Sources this change corrected, put back from the trash (after: the source it follows) or moved to it. */
  sources: changesOf(Source).optional(),
  /** Sources whose rejected suggestions changed: their suggestion lists are to be read again. */
  suggestions: z.array(z.string()).optional(),
});
export type ChangeSet = z.infer<typeof ChangeSet>;

export type Collection = keyof RecordChanges;
export const COLLECTIONS: readonly Collection[] = ['annotations', 'claims', 'events', 'actors', 'decisions', 'reconciliations', 'gradeOverrides'];

type Put<T> = { value: T; after: string | null };
export interface ListChanges<T> {
  put: Put<T>[];
  deleted: string[];
}

/** The changes that turn list `a` into list `b`, records told apart by `key`. */
export function diffList<T>(a: readonly T[], b: readonly T[], key: (r: T) => string): ListChanges<T> {
  if (a === b) return { put: [], deleted: [] };
  // Made from `a` by replacing records in place (an edit of one claim): only those places changed.
  const replaced = replacedSince(a, b);
  if (replaced) {
    const put = [...new Set(replaced)]
      .sort((x, y) => x - y)
      .filter((i) => b[i] !== a[i])
      .map((i) => ({ value: b[i], after: i > 0 ? key(b[i - 1]) : null }));
    return { put, deleted: [] };
  }
  let head = 0;
  const shortest = Math.min(a.length, b.length);
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  const put: Put<T>[] = [];
  const deleted: string[] = [];
  if (aMid.length === bMid.length && aMid.every((x, i) => key(x) === key(bMid[i]))) {
    // Same ids in the same places: only the records whose object changed.
    bMid.forEach((x, i) => {
      if (x !== aMid[i]) put.push({ value: x, after: i + head > 0 ? key(b[i + head - 1]) : null });
    });
    return { put, deleted };
  }
  const before = new Map(aMid.map((x, i) => [key(x), { x, i }]));
  const after = new Set(bMid.map(key));
  for (const x of aMid) if (!after.has(key(x))) deleted.push(key(x));
  // A record kept but moved (an undone delete put back in its place shifts the rest) is put again,
  // so a client that keeps the order can follow; records that kept their relative order are not.
  const keptOrder = bMid.filter((x) => before.has(key(x)));
  let lastIndex = -1;
  const moved = new Set<string>();
  for (const x of keptOrder) {
    const i = (before.get(key(x)) as { i: number }).i;
    if (i < lastIndex) moved.add(key(x));
    else lastIndex = i;
  }
  bMid.forEach((x, i) => {
    const k = key(x);
    const was = before.get(k);
    if (!was || was.x !== x || moved.has(k)) put.push({ value: x, after: i + head > 0 ? key(b[i + head - 1]) : null });
  });
  return { put, deleted };
}

const byId = (r: { id: string }) => r.id;
const byKey = (r: { eventId: string; rowKey?: string }) => recordKey(r);

/** What changed between two states, every collection. */
export function diffState(prev: ClaimState, next: ClaimState): RecordChanges {
  return {
    annotations: diffList(prev.annotations, next.annotations, byId),
    claims: diffList(prev.claims, next.claims, byId),
    events: diffList(prev.events, next.events, byId),
    actors: diffList(prev.actors, next.actors, byId),
    decisions: diffList(prev.decisions ?? [], next.decisions ?? [], byKey),
    reconciliations: diffList(prev.reconciliations ?? [], next.reconciliations ?? [], byKey),
    gradeOverrides: diffList(prev.gradeOverrides ?? [], next.gradeOverrides ?? [], byKey),
  };
}

export const isEmpty = (c: RecordChanges): boolean => COLLECTIONS.every((k) => c[k].put.length === 0 && c[k].deleted.length === 0);

/**
 * Applies list changes to a list: a put replaces the record or goes after the one it follows
 * (at the end when that one is not in this list, as in a client that holds part of the case).
 * One walk over the list, however many records are put.
 */
export function applyList<T>(list: readonly T[], changes: ListChanges<T>, key: (r: T) => string): T[] {
  if (!changes.put.length && !changes.deleted.length) return list as T[];
  if (key === (byId as unknown)) {
    const inPlace = replacedInPlace(list as unknown as Array<{ id: string }>, changes as unknown as ListChanges<{ id: string }>);
    if (inPlace) return inPlace as unknown as T[];
  }
  const gone = new Set([...changes.deleted, ...changes.put.map((p) => key(p.value))]);
  const kept = list.filter((x) => !gone.has(key(x)));
  const followers = new Map<string | null, T[]>();
  const present = new Set<string | null>([null, ...kept.map(key), ...changes.put.map((p) => key(p.value))]);
  for (const { value, after } of changes.put) {
    const at = present.has(after) ? after : '\u0000end';
    const list = followers.get(at);
    if (list) list.push(value);
    else followers.set(at, [value]);
  }
  const out: T[] = [];
  // Iterative, so a long chain of puts (an edit of every claim) cannot overflow the stack.
  const emitAfter = (first: string | null) => {
    const stack: T[] = [...(followers.get(first) ?? [])].reverse();
    followers.delete(first);
    while (stack.length) {
      const v = stack.pop() as T;
      out.push(v);
      const next = followers.get(key(v));
      if (next) {
        followers.delete(key(v));
        for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
      }
    }
  };
  emitAfter(null);
  for (const x of kept) {
    out.push(x);
    emitAfter(key(x));
  }
  emitAfter('\u0000end');
  return out;
}

/**
 * The common edits (records updated where they are, new ones added at the end, nothing deleted)
 * without a walk over the list: each record is found through the list's position map. Null when
 * the change is anything else.
 */
function replacedInPlace<T extends { id: string }>(list: readonly T[], changes: ListChanges<T>): T[] | null {
  if (changes.deleted.length || changes.put.length > 64) return null;
  const replacements: Array<[number, T]> = [];
  const appended: T[] = [];
  for (const { value, after } of changes.put) {
    const i = positionOf(list, value.id);
    if (i >= 0 && !appended.length && (i === 0 ? null : list[i - 1].id) === after) replacements.push([i, value]);
    else if (i < 0 && after === ((appended.at(-1) ?? list.at(-1))?.id ?? null)) appended.push(value);
    else return null;
  }
  const out = replacedAt(list, replacements);
  out.push(...appended);
  return out;
}

/** A state with a change set applied: what a client that holds `state` sees after the edit. */
export function applyChanges(state: ClaimState, c: RecordChanges): ClaimState {
  return {
    annotations: applyList(state.annotations, c.annotations, byId),
    claims: applyList(state.claims, c.claims, byId),
    events: applyList(state.events, c.events, byId),
    actors: applyList(state.actors, c.actors, byId),
    decisions: applyList(state.decisions ?? [], c.decisions, byKey),
    reconciliations: applyList(state.reconciliations ?? [], c.reconciliations, byKey),
    gradeOverrides: applyList(state.gradeOverrides ?? [], c.gradeOverrides, byKey),
  };
}
