// The undo stack: done and undone commands with their inverses, saved beside the case so undo survives a reload.
import { z } from 'zod';
import { Timestamp } from './claims.ts';
import { apply } from './commands.ts';
import { type ClaimState, Command, CommandError } from './commands-schema.ts';

export const UndoEntry = z.object({
  command: Command,
  inverse: Command,
  /** What the user did, in words ("Delete claim"), for the Undo menu item. */
  label: z.string().max(200).nullable(),
  at: Timestamp.nullable(),
});
export type UndoEntry = z.infer<typeof UndoEntry>;

/** Saved beside the case so undo survives a reload. Newest entries are last. */
export const UndoStack = z.object({ done: z.array(UndoEntry), undone: z.array(UndoEntry) });
export type UndoStack = z.infer<typeof UndoStack>;

export const UNDO_LIMIT = 500;

export const emptyStack = (): UndoStack => ({ done: [], undone: [] });
export const canUndo = (s: UndoStack) => s.done.length > 0;
export const canRedo = (s: UndoStack) => s.undone.length > 0;

/** Records a done command: a new edit clears the redo list; the oldest entries fall off past the limit. */
export function push(stack: UndoStack, entry: UndoEntry, limit = UNDO_LIMIT): UndoStack {
  const done = [...stack.done, entry];
  return { done: done.length > limit ? done.slice(done.length - limit) : done, undone: [] };
}

export interface Stepped {
  state: ClaimState;
  stack: UndoStack;
  /** Set when the step could not be applied (the case changed underneath it); the entry is dropped. */
  problem?: string;
}

/**
 * Checks the parts of a command that live outside the claim state (a source's metadata, the trash)
 * against the case before it is applied; throws CommandError when they no longer match.
 */
export type Check = (command: Command) => void;

/** Applies a command and records it. Throws CommandError (nothing recorded) when it cannot apply. */
export function execute(
  state: ClaimState,
  stack: UndoStack,
  command: Command,
  meta: { label?: string | null; at?: string | null } = {},
  check: Check = () => undefined,
): Stepped {
  check(command);
  const r = apply(state, command);
  return { state: r.state, stack: push(stack, { command, inverse: r.inverse, label: meta.label ?? null, at: meta.at ?? null }) };
}

export function undo(state: ClaimState, stack: UndoStack, check: Check = () => undefined): Stepped {
  const entry = stack.done.at(-1);
  if (!entry) return { state, stack };
  const done = stack.done.slice(0, -1);
  try {
    check(entry.inverse);
    const r = apply(state, entry.inverse);
    return { state: r.state, stack: { done, undone: [...stack.undone, { ...entry, command: r.inverse }] } };
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    return { state, stack: { done, undone: stack.undone }, problem: `That edit can no longer be undone: ${e.message}` };
  }
}

export function redo(state: ClaimState, stack: UndoStack, check: Check = () => undefined): Stepped {
  const entry = stack.undone.at(-1);
  if (!entry) return { state, stack };
  const undone = stack.undone.slice(0, -1);
  try {
    check(entry.command);
    const r = apply(state, entry.command);
    return { state: r.state, stack: { done: [...stack.done, { ...entry, inverse: r.inverse }], undone } };
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    return { state, stack: { done: stack.done, undone }, problem: `That edit can no longer be redone: ${e.message}` };
  }
}

/**
 * Reads a saved undo stack; a damaged one is replaced by an empty stack with a problem (losing the
 * history is acceptable, failing to open the case is not).
 */
export function loadUndoStack(raw: unknown): { stack: UndoStack; problem: string | null } {
  if (raw === undefined || raw === null) return { stack: emptyStack(), problem: null };
  const r = UndoStack.safeParse(raw);
  if (r.success) return { stack: r.data, problem: null };
  return { stack: emptyStack(), problem: `The undo history could not be read and was cleared (${r.error.issues[0]?.message ?? 'invalid'}).` };
}
