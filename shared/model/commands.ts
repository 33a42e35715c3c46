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
// - Edits of records outside the claim state are commands too (source.update, source.delete /
//   source.restore, suggestions.reject): apply() does their claims part (a deleted source's
//   annotations and claims leave, and come back in their places) and computes the inverse; the core
//   checks the rest against the case before each step (undo.ts `check`) and carries it out.
import { z } from 'zod';
import { Actor, Annotation, Claim, Event } from './claims.ts';
import { mergeActors, normaliseActorName, replaceActorId } from './actors.ts';
import { type Applied, type Assignment, type ClaimState, type Command, CommandError, type Keyed, type SimpleCommand, recordKey } from './commands-schema.ts';
import { insertAt, positionOf, removeAt, replaceAt } from './lists.ts';
import { applyMergeRecords } from './commands-merge.ts';

// The schemas live in commands-schema.ts (re-exported here) and the list helpers in lists.ts; this
// module applies commands. The undo stack, which applies them in turn, is undo.ts.
export {
  AssignClaims,
  type Applied,
  Batch,
  ClaimState,
  Command,
  CommandError,
  type CommandType,
  CreateClaim,
  CreateEvent,
  DeleteActor,
  DeleteClaim,
  DeleteEvent,
  AddSource,
  DeleteSource,
  META_KEYS,
  MergeRecords,
  PutClashes,
  ReplaceSource,
  PutActor,
  PutRecord,
  RejectSuggestions,
  RestoreSource,
  Retarget,
  SimpleCommand,
  SourceMeta,
  UpdateClaim,
  UpdateEvent,
  UpdateSource,
  emptyState,
  recordKey,
} from './commands-schema.ts';
export { positionOf, replacedAt, replacedSince } from './lists.ts';

// ---------------------------------------------------------------- helpers

// Structural fields: a claim moves to another source or annotation by delete + create, not by an edit.
const PROTECTED = new Set(['id', 'sourceId', 'annotationId']);

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

/** The records that match, each with its place in the list, and the list without them. */
function pick<T>(list: T[], match: (x: T) => boolean): { picked: Array<{ at: number; value: T }>; rest: T[] } {
  const picked: Array<{ at: number; value: T }> = [];
  const rest: T[] = [];
  list.forEach((x, at) => (match(x) ? picked.push({ at, value: x }) : rest.push(x)));
  return picked.length ? { picked, rest } : { picked, rest: list };
}

/** The inverse of pick: each record back at the place it had (places are those of the list after). One walk. */
function putBack<T>(list: T[], placed: Array<{ at: number; value: T }>): T[] {
  if (!placed.length) return list;
  const sorted = [...placed].sort((a, b) => a.at - b.at);
  const out: T[] = [];
  let j = 0;
  for (const { at, value } of sorted) {
    while (out.length < at && j < list.length) out.push(list[j++]);
    out.push(value);
  }
  while (j < list.length) out.push(list[j++]);
  return out;
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

    case 'source.update': {
      const { id, from, to } = cmd.payload;
      const keys = (o: object) => Object.keys(o).sort().join();
      if (keys(from) !== keys(to)) throw new CommandError('A correction must say what each field it changes was before.');
      return { state, inverse: { type: 'source.update', payload: { id, from: to, to: from } } };
    }

    case 'source.delete': {
      const { id } = cmd.payload;
      const annotations = pick(state.annotations, (a) => a.sourceId === id);
      const claims = pick(state.claims, (c) => c.sourceId === id);
      return {
        state: { ...state, annotations: annotations.rest, claims: claims.rest },
        inverse: { type: 'source.restore', payload: { id, annotations: annotations.picked, claims: claims.picked } },
      };
    }

    case 'source.restore': {
      const { id } = cmd.payload;
      const annotations = cmd.payload.annotations.map((p) => ({ at: p.at, value: valid(Annotation, p.value, 'an annotation') }));
      const claims = cmd.payload.claims.map((p) => ({ at: p.at, value: valid(Claim, p.value, 'a claim') }));
      for (const { value } of [...annotations, ...claims]) {
        if (value.sourceId !== id) throw new CommandError(`A record put back with source ${id} belongs to ${value.sourceId}.`);
      }
      for (const { value } of annotations)
        if (positionOf(state.annotations, value.id) >= 0) throw new CommandError(`There is already an annotation ${value.id}.`);
      for (const { value } of claims) {
        if (positionOf(state.claims, value.id) >= 0) throw new CommandError(`There is already a claim ${value.id}.`);
        if (value.eventId !== null && !state.events.some((e) => e.id === value.eventId))
          throw new CommandError(`The event of claim ${value.id} is no longer in this case.`);
      }
      return {
        state: { ...state, annotations: putBack(state.annotations, annotations), claims: putBack(state.claims, claims) },
        inverse: { type: 'source.delete', payload: { id } },
      };
    }

    case 'suggestions.reject':
      return { state, inverse: { type: 'suggestions.reject', payload: { ...cmd.payload, restore: !cmd.payload.restore } } };

    // A bundle merge's parts (commands-merge.ts); the sources and clashes are the core's (source-commands.ts).
    case 'records.merge':
      return applyMergeRecords(state, cmd.payload);
    case 'source.add':
      return { state, inverse: { type: 'source.add', payload: { ...cmd.payload, present: !cmd.payload.present } } };
    case 'source.replace': {
      const { id, from, to, texts } = cmd.payload;
      return {
        state,
        inverse: { type: 'source.replace', payload: { id, from: to, to: from, ...(texts ? { texts: { from: texts.to, to: texts.from } } : {}) } },
      };
    }
    case 'clashes.put': {
      const { clashes, replaces } = cmd.payload;
      // A settled clash goes back to the version it replaced; a merge's clashes go back out.
      if (replaces) return { state, inverse: { type: 'clashes.put', payload: { clashes: replaces, present: true, replaces: clashes } } };
      return { state, inverse: { type: 'clashes.put', payload: { ...cmd.payload, present: !cmd.payload.present } } };
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
