// Undo stays personal: it takes back this user's own edit, never a colleague's. When a record the
// undo (or redo) would change has been changed since by someone else (an edit that arrived by sync, which is
// not on this user's undo stack), the undo does not write over it: the record keeps the colleague's
// version, and what the undo would have made of it is set aside as a clash, both versions kept
// until someone chooses (the clash list, the same on every member's machine once synced).
//
// "Changed since" is told without remembering anything: the entry's inverse, then its command again,
// give the record as this user's edit left it; if the record now differs from that (beyond its
// `modified` stamp), someone else changed it. Fields the colleague changed that the undo does not
// touch are no clash (the undo goes ahead there and keeps them).
import type { Clash, ClashRecordType } from '../../../shared/exchange/bundle.ts';
import { canonicalJson } from '../../../shared/exchange/merge.ts';
import { apply, type ClaimState, type Command } from '../../../shared/model/commands.ts';
import type { UndoEntry, UndoStack } from '../../../shared/model/undo.ts';
import { syncClashId } from './conflicts.ts';
import { COLLECTION_OF, RECORD_TYPES } from './docs.ts';
import { keysOf } from './apply.ts';

export interface UndoOverOthers {
  /** The stack without the entry: it is not taken (it could only write over the colleague's edit). */
  stack: UndoStack;
  /** Lists the set-aside versions (clashes.put, run with the step's outside part), or null when none can be listed. */
  command: Command | null;
  /** Takes the listing back if saving fails. */
  revert: Command | null;
  /** What the user is told instead of the undo. */
  problem: string;
}

const content = (r: object | undefined): string | null => {
  if (!r) return null;
  const { modified: _stamp, ...rest } = r as Record<string, unknown>;
  return canonicalJson(rest);
};

/**
 * Null when the undo (or redo) can go ahead (nobody else changed what it touches), else what to do
 * instead. A redo is the same question with the entry's two sides swapped.
 */
export function stepOverOthers(state: ClaimState, stack: UndoStack, direction: 'undo' | 'redo', now = new Date().toISOString()): UndoOverOthers | null {
  const last = direction === 'undo' ? stack.done.at(-1) : stack.undone.at(-1);
  if (!last) return null;
  const entry: UndoEntry = direction === 'undo' ? last : { ...last, command: last.inverse, inverse: last.command };
  const over = overOthers(state, entry, direction, now);
  if (!over) return null;
  const rest = direction === 'undo' ? { done: stack.done.slice(0, -1), undone: stack.undone } : { done: stack.done, undone: stack.undone.slice(0, -1) };
  return { ...over, stack: rest };
}

function overOthers(state: ClaimState, entry: UndoEntry, direction: 'undo' | 'redo', now: string): Omit<UndoOverOthers, 'stack'> | null {
  let undone: ClaimState;
  let redone: ClaimState;
  try {
    undone = apply(state, entry.inverse).state;
    redone = apply(undone, entry.command).state;
  } catch {
    return null; // the undo cannot apply at all: the stack drops it with its own message
  }
  const clashes: Clash[] = [];
  const kept: string[] = [];
  for (const type of RECORD_TYPES) {
    // Commands share what they do not change (the same arrays, the same records): only what differs is looked at.
    if (state[COLLECTION_OF[type]] === undone[COLLECTION_OF[type]]) continue;
    const [cur, und, red] = [keysOf(state, type), keysOf(undone, type), keysOf(redone, type)];
    for (const key of new Set([...cur.keys(), ...und.keys()])) {
      const now_ = cur.get(key);
      if (now_ === und.get(key) || canonicalJson(now_ ?? null) === canonicalJson(und.get(key) ?? null)) continue; // the undo leaves it
      if (!now_ || content(now_) === content(red.get(key))) continue; // as this user left it (or gone: the undo brings it back, nothing lost)
      const other = und.get(key);
      if (!other) {
        kept.push(`${type} ${key}`); // the undo would delete a record a colleague has since changed: it stays
        continue;
      }
      clashes.push({
        id: syncClashId(type, key, now_, other),
        type: type as ClashRecordType,
        recordId: key,
        current: now_,
        other,
        found: now,
        from: `your ${direction} of “${entry.label ?? 'an edit'}”, after a colleague changed it`,
        resolved: false,
      });
    }
  }
  if (!clashes.length && !kept.length) return null;
  const what = `${direction === 'undo' ? 'undoing' : 'redoing'} ${entry.label ? `“${entry.label}”` : 'that edit'}`;
  return {
    command: clashes.length ? { type: 'clashes.put', payload: { clashes, present: true } } : null,
    revert: clashes.length ? { type: 'clashes.put', payload: { clashes, present: false } } : null,
    problem: clashes.length
      ? `A colleague has changed this since, so ${what} did not write over their edit: both versions are kept in Clashes for you to choose.`
      : `A colleague has changed this since, so ${what} did not delete it.`,
  };
}
