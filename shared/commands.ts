// Edits to a case's claims as commands with inverses (the Tropy / prosemirror way): every edit is
// a plain-data command; applying it returns the new state AND the command that undoes it exactly.
//
// Rules, and why:
// - Commands are data (zod schemas), so the undo history can be saved beside the case and undo
//   survives a reload, and so the core can validate a command from any host like any other input.
// - apply() is pure and deterministic: no clocks, no random ids. The caller puts ids and timestamps
//   into the command; the inverse carries the previous values, so apply(apply(s, c).inverse) deep-
//   equals s — including array order and `modified` stamps (a bundle merge compares them).
// - Unchanged records keep their identity (structural sharing), so a save can tell which source
//   files changed, and a command on a 100,000-claim case copies arrays, not records.
// - Every result is validated with the record schemas; a command that would store an invalid
//   record, or that refers to something that is not there (a stale undo after a merge), throws a
//   CommandError and changes nothing. undo()/redo() turn that into a `problem` and drop the entry.
// - A claim and its annotation are created and deleted together; an annotation shared by another
//   claim stays. Deleting an event unassigns its claims; undo reassigns them.
// - "Create an event and assign claims to it" is a batch: one undo step. So is merging two actors
//   (mergeActorsCommand): the attributions and events naming the dropped actor are re-pointed.
// - An actor still named by a claim or event cannot be deleted, only merged: nothing dangles.
import { z } from 'zod';
import { Decision } from './conflicts.ts';
import { GradeOverride } from './grade.ts';
import { Reconciliation } from './reconcile.ts';
import { TextTarget } from './anchor.ts';
import { Actor, Annotation, Claim, Event, RecordId, Timestamp } from './claims.ts';
import { mergeActors, normaliseActorName, replaceActorId } from './actors.ts';

export const ClaimState = z.object({
  annotations: z.array(Annotation),
  claims: z.array(Claim),
  events: z.array(Event),
  actors: z.array(Actor),
  /** A fact-checker's judgements over the computed disagreements: kept by stable row key. */
  decisions: z.array(Decision).optional(),
  reconciliations: z.array(Reconciliation).optional(),
  gradeOverrides: z.array(GradeOverride).optional(),
});
export type ClaimState = z.infer<typeof ClaimState>;

export const emptyState = (): ClaimState => ({ annotations: [], claims: [], events: [], actors: [] });

export class CommandError extends Error {}

// ---------------------------------------------------------------- the commands

const Index = z.number().int().nonnegative();
/** A shallow patch: top-level fields to set, and fields to remove (when a claim changes kind). */
const Patch = { id: RecordId, set: z.record(z.string(), z.unknown()), unset: z.array(z.string()).max(100) };

export const CreateClaim = z.object({
  type: z.literal('claim.create'),
  payload: z.object({
    /** The annotation to create with it; null when the claim uses an annotation that exists. */
    annotation: Annotation.nullable(),
    claim: Claim,
    /** Where to put them back (an undone delete); null = at the end. */
    at: z.object({ claim: Index, annotation: Index.nullable() }).nullable(),
  }),
});
export const UpdateClaim = z.object({ type: z.literal('claim.update'), payload: z.object(Patch) });
export const DeleteClaim = z.object({ type: z.literal('claim.delete'), payload: z.object({ id: RecordId }) });
export const Retarget = z.object({
  type: z.literal('annotation.retarget'),
  payload: z.object({
    id: RecordId,
    targets: z.array(TextTarget).min(1).max(50),
    modified: Timestamp.nullable(),
    /** The orphan mark after the change: placing an orphan by hand clears it, and undo puts it back. */
    orphan: Annotation.shape.orphan.nullable().optional(),
  }),
});
const Assignment = z.object({ claimId: RecordId, eventId: RecordId.nullable(), modified: Timestamp.nullable() });
export const AssignClaims = z.object({ type: z.literal('claim.assign'), payload: z.object({ assignments: z.array(Assignment).max(100_000) }) });
export const CreateEvent = z.object({
  type: z.literal('event.create'),
  payload: z.object({
    event: Event,
    at: Index.nullable(),
    /** Claims (now unassigned) to attach to it: how an undone delete gives the event its claims back. */
    assign: z.array(z.object({ claimId: RecordId, modified: Timestamp })).max(100_000),
  }),
});
export const UpdateEvent = z.object({ type: z.literal('event.update'), payload: z.object(Patch) });
export const DeleteEvent = z.object({
  type: z.literal('event.delete'),
  /** `modified`, when set, stamps the claims that lose their event. */
  payload: z.object({ id: RecordId, modified: Timestamp.nullable() }),
});

/** Adds an actor, or replaces the one with that id (an alias added, a name corrected). */
export const PutActor = z.object({ type: z.literal('actor.put'), payload: z.object({ actor: Actor, at: Index.nullable() }) });
/** Removes an actor nothing points at any more (merge first). */
export const DeleteActor = z.object({ type: z.literal('actor.delete'), payload: z.object({ id: RecordId }) });

/** Case-level judgements, one per key: set (value) or cleared (null); the inverse puts back the old one. */
const keyed = <C extends string, T extends z.ZodType>(collection: C, value: T) =>
  z.object({ collection: z.literal(collection), key: z.string().min(1).max(600), value: value.nullable() });
export const PutRecord = z.object({
  type: z.literal('record.put'),
  payload: z.discriminatedUnion('collection', [keyed('decisions', Decision), keyed('reconciliations', Reconciliation), keyed('gradeOverrides', GradeOverride)]),
});
type Keyed = { eventId: string; rowKey?: string };
/** decisions and reconciliations are one per event row; grade overrides one per event. */
export const recordKey = (r: Keyed): string => (r.rowKey === undefined ? r.eventId : `${r.eventId}|${r.rowKey}`);

export const SimpleCommand = z.discriminatedUnion('type', [
  PutRecord,
  CreateClaim,
  UpdateClaim,
  DeleteClaim,
  Retarget,
  AssignClaims,
  CreateEvent,
  UpdateEvent,
  DeleteEvent,
  PutActor,
  DeleteActor,
]);
export type SimpleCommand = z.infer<typeof SimpleCommand>;

export const Batch = z.object({ type: z.literal('batch'), payload: z.object({ commands: z.array(SimpleCommand).max(100_000) }) });

export const Command = z.discriminatedUnion('type', [...SimpleCommand.options, Batch]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];

export interface Applied {
  state: ClaimState;
  inverse: Command;
}

// ---------------------------------------------------------------- helpers

// Structural fields: a claim moves to another source or annotation by delete + create, not by an edit.
const PROTECTED = new Set(['id', 'sourceId', 'annotationId']);

// Where each id sits in a list, built once per list and handed on to the copy an in-place
// replacement makes (same ids, same places), so editing one claim of 100,000 finds it without a
// search. Lists made any other way build their own on first use. A stale entry is never trusted.
const POSITIONS = new WeakMap<readonly unknown[], Map<string, number>>();

function positions<T extends { id: string }>(list: readonly T[]): Map<string, number> {
  let p = POSITIONS.get(list);
  if (!p) {
    p = new Map();
    for (let i = 0; i < list.length; i++) p.set(list[i].id, i);
    POSITIONS.set(list, p);
  }
  return p;
}

/** The position of the record with this id in `list`, or -1. */
export function positionOf<T extends { id: string }>(list: readonly T[], id: string): number {
  if (list.length < 64) return list.findIndex((r) => r.id === id);
  const i = positions(list).get(id);
  if (i !== undefined && list[i]?.id === id) return i;
  POSITIONS.delete(list);
  const again = positions(list).get(id);
  return again ?? -1;
}

/** A copy of `list` with records replaced in place (same ids at the same positions, so the position map carries over). */
export function replacedAt<T extends { id: string }>(list: readonly T[], replacements: ReadonlyArray<readonly [number, T]>): T[] {
  const out = list.slice();
  for (const [i, item] of replacements) out[i] = item;
  const p = POSITIONS.get(list);
  if (p && replacements.every(([i, item]) => list[i].id === item.id)) POSITIONS.set(out, p);
  return out;
}

function insertAt<T>(list: T[], item: T, at: number | null): T[] {
  const i = at === null ? list.length : Math.min(Math.max(at, 0), list.length);
  return [...list.slice(0, i), item, ...list.slice(i)];
}
function replaceAt<T>(list: T[], i: number, item: T): T[] {
  const out = list.slice();
  const p = POSITIONS.get(list);
  const same = (item as { id?: unknown }).id === (list[i] as { id?: unknown }).id;
  out[i] = item;
  if (p && same) POSITIONS.set(out, p);
  if (same) REPLACED.set(out, { parent: new WeakRef(list), at: i });
  return out;
}

// What an in-place replacement changed, so a diff of the lists before and after an edit reads the
// places replaced instead of walking 100,000 records. The parent is held weakly: no history of
// copies is kept alive by this.
const REPLACED = new WeakMap<readonly unknown[], { parent: WeakRef<readonly unknown[]>; at: number }>();

/**
 * The positions at which `after` was made from `before` by in-place replacements (same ids at the
 * same places), or null when it was made any other way (then compare the lists).
 */
export function replacedSince(before: readonly unknown[], after: readonly unknown[]): number[] | null {
  const at: number[] = [];
  let x: readonly unknown[] | undefined = after;
  for (let steps = 0; x !== before; steps++) {
    const r: { parent: WeakRef<readonly unknown[]>; at: number } | undefined = x ? REPLACED.get(x) : undefined;
    if (!r || steps > 10_000) return null;
    at.push(r.at);
    x = r.parent.deref();
  }
  return at;
}
function removeAt<T>(list: T[], i: number): T[] {
  return [...list.slice(0, i), ...list.slice(i + 1)];
}
function indexOf<T extends { id: string }>(list: T[], id: string, noun: string): number {
  const i = positionOf(list, id);
  if (i < 0) throw new CommandError(`There is no ${noun} ${id} (it may have been deleted or merged since).`);
  return i;
}
function valid<T>(schema: z.ZodType<T>, value: unknown, noun: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new CommandError(`That would make ${noun} invalid: ${r.error.issues.map((i) => `${i.path.join('.') || noun}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** Applies a shallow patch to a record; returns the new record and the patch that restores it. */
function patch<T extends { id: string }>(
  record: T,
  set: Record<string, unknown>,
  unset: string[],
  schema: z.ZodType<T>,
  noun: string,
): { next: T; undo: { set: Record<string, unknown>; unset: string[] } } {
  const before = record as Record<string, unknown>;
  const next: Record<string, unknown> = { ...before };
  const undoSet: Record<string, unknown> = {};
  const undoUnset: string[] = [];
  for (const key of [...Object.keys(set), ...unset]) {
    if (PROTECTED.has(key)) throw new CommandError(`A ${noun}'s ${key} cannot be changed by an edit.`);
  }
  for (const key of unset) {
    if (key in before) {
      undoSet[key] = before[key];
      delete next[key];
    }
  }
  for (const [key, value] of Object.entries(set)) {
    if (value === undefined) continue;
    if (key in before) {
      if (!(key in undoSet)) undoSet[key] = before[key];
    } else if (!undoUnset.includes(key)) undoUnset.push(key);
    next[key] = value;
  }
  return { next: valid(schema, next, `the ${noun}`), undo: { set: undoSet, unset: undoUnset } };
}

// ---------------------------------------------------------------- apply

/** Applies one command; returns the new state and the command that undoes it. Throws CommandError. */
export function apply(state: ClaimState, cmd: Command): Applied {
  switch (cmd.type) {
    case 'claim.create': {
      const { annotation, claim, at } = cmd.payload;
      const c = valid(Claim, claim, 'the claim');
      if (positionOf(state.claims, c.id) >= 0) throw new CommandError(`There is already a claim ${c.id}.`);
      let annotations = state.annotations;
      if (annotation) {
        const a = valid(Annotation, annotation, 'the annotation');
        if (positionOf(annotations, a.id) >= 0) throw new CommandError(`There is already an annotation ${a.id}.`);
        if (a.id !== c.annotationId || a.sourceId !== c.sourceId) throw new CommandError('The claim must point at its annotation, in the same source.');
        annotations = insertAt(annotations, a, at?.annotation ?? null);
      } else {
        const a = annotations[positionOf(annotations, c.annotationId)];
        if (!a) throw new CommandError(`There is no annotation ${c.annotationId} for the claim.`);
        if (a.sourceId !== c.sourceId) throw new CommandError('The claim and its annotation must be in the same source.');
      }
      if (c.eventId !== null && !state.events.some((e) => e.id === c.eventId)) throw new CommandError(`There is no event ${c.eventId}.`);
      const claims = insertAt(state.claims, c, at?.claim ?? null);
      return { state: { ...state, annotations, claims }, inverse: { type: 'claim.delete', payload: { id: c.id } } };
    }

    case 'claim.delete': {
      const ci = indexOf(state.claims, cmd.payload.id, 'claim');
      const claim = state.claims[ci];
      const claims = removeAt(state.claims, ci);
      const shared = claims.some((c) => c.annotationId === claim.annotationId);
      const ai = shared ? -1 : state.annotations.findIndex((a) => a.id === claim.annotationId);
      const annotation = ai >= 0 ? state.annotations[ai] : null;
      const annotations = ai >= 0 ? removeAt(state.annotations, ai) : state.annotations;
      return {
        state: { ...state, annotations, claims },
        inverse: { type: 'claim.create', payload: { annotation, claim, at: { claim: ci, annotation: ai >= 0 ? ai : null } } },
      };
    }

    case 'claim.update': {
      const { id, set, unset } = cmd.payload;
      const ci = indexOf(state.claims, id, 'claim');
      const { next, undo } = patch(state.claims[ci], set, unset, Claim, 'claim');
      if (next.eventId !== null && !state.events.some((e) => e.id === next.eventId)) throw new CommandError(`There is no event ${next.eventId}.`);
      return { state: { ...state, claims: replaceAt(state.claims, ci, next) }, inverse: { type: 'claim.update', payload: { id, ...undo } } };
    }

    case 'annotation.retarget': {
      const { id, targets, modified } = cmd.payload;
      const ai = indexOf(state.annotations, id, 'annotation');
      const before = state.annotations[ai];
      const { orphan: _was, ...rest } = before;
      const orphan = cmd.payload.orphan ?? undefined;
      const next = valid(Annotation, { ...rest, targets, ...(orphan ? { orphan } : {}), ...(modified ? { modified } : {}) }, 'the annotation');
      return {
        state: { ...state, annotations: replaceAt(state.annotations, ai, next) },
        inverse: {
          type: 'annotation.retarget',
          payload: { id, targets: before.targets, modified: modified ? before.modified : null, orphan: before.orphan ?? null },
        },
      };
    }

    case 'claim.assign': {
      let claims = state.claims;
      const undo: Array<z.infer<typeof Assignment>> = [];
      for (const { claimId, eventId, modified } of cmd.payload.assignments) {
        if (eventId !== null && !state.events.some((e) => e.id === eventId)) throw new CommandError(`There is no event ${eventId}.`);
        const ci = indexOf(claims, claimId, 'claim');
        const before = claims[ci];
        undo.unshift({ claimId, eventId: before.eventId, modified: modified ? before.modified : null });
        claims = replaceAt(claims, ci, { ...before, eventId, ...(modified ? { modified } : {}) });
      }
      return { state: { ...state, claims }, inverse: { type: 'claim.assign', payload: { assignments: undo } } };
    }

    case 'event.create': {
      const { event, at, assign } = cmd.payload;
      const e = valid(Event, event, 'the event');
      if (state.events.some((x) => x.id === e.id)) throw new CommandError(`There is already an event ${e.id}.`);
      let claims = state.claims;
      const undo: Array<z.infer<typeof Assignment>> = [];
      for (const { claimId, modified } of assign) {
        const ci = indexOf(claims, claimId, 'claim');
        const before = claims[ci];
        if (before.eventId !== null) throw new CommandError(`Claim ${claimId} already belongs to an event; assign it instead.`);
        undo.unshift({ claimId, eventId: null, modified: before.modified });
        claims = replaceAt(claims, ci, { ...before, eventId: e.id, modified });
      }
      const del: Command = { type: 'event.delete', payload: { id: e.id, modified: null } };
      return {
        state: { ...state, events: insertAt(state.events, e, at), claims },
        inverse: undo.length ? { type: 'batch', payload: { commands: [{ type: 'claim.assign', payload: { assignments: undo } }, del] } } : del,
      };
    }

    case 'event.update': {
      const { id, set, unset } = cmd.payload;
      const ei = indexOf(state.events, id, 'event');
      const { next, undo } = patch(state.events[ei], set, unset, Event, 'event');
      return { state: { ...state, events: replaceAt(state.events, ei, next) }, inverse: { type: 'event.update', payload: { id, ...undo } } };
    }

    case 'event.delete': {
      const { id, modified } = cmd.payload;
      const ei = indexOf(state.events, id, 'event');
      const assign: Array<{ claimId: string; modified: string }> = [];
      const claims = state.claims.map((c) => {
        if (c.eventId !== id) return c;
        assign.push({ claimId: c.id, modified: c.modified });
        return { ...c, eventId: null, ...(modified ? { modified } : {}) };
      });
      return {
        state: { ...state, events: removeAt(state.events, ei), claims },
        inverse: { type: 'event.create', payload: { event: state.events[ei], at: ei, assign } },
      };
    }

    case 'actor.put': {
      const a = valid(Actor, cmd.payload.actor, 'the actor');
      const i = state.actors.findIndex((x) => x.id === a.id);
      const keys = new Set([a.name, ...a.aliases].map(normaliseActorName));
      const other = state.actors.find((x) => x.id !== a.id && [x.name, ...x.aliases].some((n) => keys.has(normaliseActorName(n))));
      if (other) throw new CommandError(`A name of ${a.name} already names ${other.name}; merge the two actors instead.`);
      if (i < 0) return { state: { ...state, actors: insertAt(state.actors, a, cmd.payload.at) }, inverse: { type: 'actor.delete', payload: { id: a.id } } };
      return { state: { ...state, actors: replaceAt(state.actors, i, a) }, inverse: { type: 'actor.put', payload: { actor: state.actors[i], at: null } } };
    }

    case 'record.put': {
      const { collection, key, value } = cmd.payload;
      const list = (state[collection] ?? []) as Keyed[];
      if (value !== null && recordKey(value as Keyed) !== key) throw new CommandError(`The ${collection} record does not belong to ${key}.`);
      const i = list.findIndex((r) => recordKey(r) === key);
      const before = i >= 0 ? list[i] : null;
      const next = value === null ? (i >= 0 ? removeAt(list, i) : list) : i >= 0 ? replaceAt(list, i, value as Keyed) : [...list, value as Keyed];
      return {
        state: { ...state, [collection]: next },
        inverse: { type: 'record.put', payload: { collection, key, value: before } } as Command,
      };
    }

    case 'actor.delete': {
      const { id } = cmd.payload;
      const i = indexOf(state.actors, id, 'actor');
      const claims = state.claims.filter((c) => c.kind === 'attribution' && c.perpetrator?.actorId === id).length;
      const events = state.events.filter((e) => e.actorIds.includes(id)).length;
      if (claims || events)
        throw new CommandError(`${state.actors[i].name} is still named by ${claims} claim(s) and ${events} event(s); merge it into another actor instead.`);
      return { state: { ...state, actors: removeAt(state.actors, i) }, inverse: { type: 'actor.put', payload: { actor: state.actors[i], at: i } } };
    }

    case 'batch': {
      // All or nothing: a failing step throws before any state is returned.
      let s = state;
      const inverses: SimpleCommand[] = [];
      for (const step of cmd.payload.commands) {
        const r = apply(s, step);
        s = r.state;
        inverses.unshift(...(r.inverse.type === 'batch' ? r.inverse.payload.commands : [r.inverse]));
      }
      return { state: s, inverse: { type: 'batch', payload: { commands: inverses } } };
    }
  }
}

/**
 * The one-undo-step command that merges actor `dropId` into `keepId`: the kept actor gains every
 * name of the other, attributions and events that named the other now name the kept one, and the
 * other goes. `modified` stamps the records that change.
 */
export function mergeActorsCommand(state: ClaimState, keepId: string, dropId: string, modified: string): Command {
  if (keepId === dropId) throw new CommandError('An actor cannot be merged into itself.');
  indexOf(state.actors, keepId, 'actor');
  indexOf(state.actors, dropId, 'actor');
  const kept = mergeActors(state.actors, keepId, dropId).find((a) => a.id === keepId) as Actor;
  const commands: SimpleCommand[] = [];
  for (const c of state.claims) {
    if (c.kind === 'attribution' && c.perpetrator?.actorId === dropId) {
      commands.push({ type: 'claim.update', payload: { id: c.id, set: { perpetrator: { ...c.perpetrator, actorId: keepId }, modified }, unset: [] } });
    }
  }
  for (const e of state.events) {
    if (e.actorIds.includes(dropId))
      commands.push({ type: 'event.update', payload: { id: e.id, set: { actorIds: replaceActorId(e.actorIds, dropId, keepId), modified }, unset: [] } });
  }
  // delete first, so the kept actor may take over the other's names without a clash
  commands.push({ type: 'actor.delete', payload: { id: dropId } });
  commands.push({ type: 'actor.put', payload: { actor: kept, at: null } });
  return { type: 'batch', payload: { commands } };
}

// ---------------------------------------------------------------- the undo stack

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

/** Applies a command and records it. Throws CommandError (nothing recorded) when it cannot apply. */
export function execute(state: ClaimState, stack: UndoStack, command: Command, meta: { label?: string | null; at?: string | null } = {}): Stepped {
  const r = apply(state, command);
  return { state: r.state, stack: push(stack, { command, inverse: r.inverse, label: meta.label ?? null, at: meta.at ?? null }) };
}

export function undo(state: ClaimState, stack: UndoStack): Stepped {
  const entry = stack.done.at(-1);
  if (!entry) return { state, stack };
  const done = stack.done.slice(0, -1);
  try {
    const r = apply(state, entry.inverse);
    return { state: r.state, stack: { done, undone: [...stack.undone, { ...entry, command: r.inverse }] } };
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    return { state, stack: { done, undone: stack.undone }, problem: `That edit can no longer be undone: ${e.message}` };
  }
}

export function redo(state: ClaimState, stack: UndoStack): Stepped {
  const entry = stack.undone.at(-1);
  if (!entry) return { state, stack };
  const undone = stack.undone.slice(0, -1);
  try {
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
