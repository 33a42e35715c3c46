// The case state and the commands as plain data (zod schemas), apart from apply(): undo.ts needs Command defined before commands.ts (which re-exports undo.ts) has run.
import { z } from 'zod';
import { TextTarget } from '../text/anchor.ts';
import { Actor, Annotation, Claim, Event, RecordId, Timestamp } from './claims.ts';
import { Source } from './source.ts';
import { Decision, GradeOverride, Reconciliation } from './judgements.ts';
import { ClaimState, emptyState } from './state.ts';

export { ClaimState, emptyState };

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
export const Assignment = z.object({ claimId: RecordId, eventId: RecordId.nullable(), modified: Timestamp.nullable() });
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
export type Keyed = { eventId: string; rowKey?: string };
/** decisions and reconciliations are one per event row; grade overrides one per event. */
export const recordKey = (r: Keyed): string => (r.rowKey === undefined ? r.eventId : `${r.eventId}|${r.rowKey}`);

// Edits whose records live outside the claim state (a source's metadata in the index, the source
// itself, its rejected suggestions): apply() changes only the claims part and computes the inverse;
// the core checks them against the case and carries them out (electron/core/source-commands.ts).

/** What a correction of a source's metadata may change, as the Source record holds it. */
export const SourceMeta = Source.pick({ title: true, outlet: true, authors: true, published: true, url: true, independenceGroup: true, notes: true }).partial();
export type SourceMeta = z.infer<typeof SourceMeta>;
export const META_KEYS = ['title', 'outlet', 'authors', 'published', 'url', 'independenceGroup', 'notes'] as const;
/** The fields `from` (as they are now, so a stale undo is refused) become `to`; the inverse swaps them. */
export const UpdateSource = z.object({ type: z.literal('source.update'), payload: z.object({ id: Source.shape.id, from: SourceMeta, to: SourceMeta }) });
/** The source goes to the case's trash with its annotations and claims; the inverse brings them back. */
export const DeleteSource = z.object({ type: z.literal('source.delete'), payload: z.object({ id: Source.shape.id }) });
const placed = <T extends z.ZodType>(record: T) => z.array(z.object({ at: Index, value: record })).max(100_000);
/** Only ever an inverse: takes the source out of the trash and puts its records back where they were. */
export const RestoreSource = z.object({
  type: z.literal('source.restore'),
  payload: z.object({ id: Source.shape.id, annotations: placed(Annotation), claims: placed(Claim) }),
});
/** Suggestions rejected (remembered with the source, never proposed again) or, with restore, proposed again. */
export const RejectSuggestions = z.object({
  type: z.literal('suggestions.reject'),
  payload: z.object({ sourceId: Source.shape.id, keys: z.array(z.string().min(1).max(200)).min(1).max(10_000), restore: z.boolean() }),
});

// A bundle merge (electron/core/bundle/import.ts) as one undo step: the records it brings, the sources
// it adds or changes and the clashes it lists. Only a merge makes these (claims.execute refuses them
// from a client): the merge checked the whole merged case before building them.

/**
 * Per collection, records that change: `was` (as the case holds it now, null when absent) becomes `value`
 * (null: taken out). Replaced in place, appended, or removed; a step whose `was` no longer matches is
 * refused as stale, so neither a merge nor its undo overwrites an edit made in between.
 */
const change = <T extends z.ZodType>(record: T) => z.array(z.object({ value: record.nullable(), was: record.nullable() })).max(1_000_000);
export const MergedRecords = z
  .object({
    annotations: change(Annotation),
    claims: change(Claim),
    events: change(Event),
    actors: change(Actor),
    decisions: change(Decision),
    reconciliations: change(Reconciliation),
  })
  .partial();
export type MergedRecords = z.infer<typeof MergedRecords>;
/** The inverse swaps each `value` and `was`. */
export const MergeRecords = z.object({ type: z.literal('records.merge'), payload: MergedRecords });
/** A source a merge brings: staged in the case's trash first (merged/), then in the case (present) or, undone, back in the stage. */
export const AddSource = z.object({ type: z.literal('source.add'), payload: z.object({ id: Source.shape.id, present: z.boolean() }) });
/**
 * A source's record as a merge chose it, with its text when the file differs: `from` (as it is now, so a
 * stale step is refused) becomes `to`. `texts` names the two texts (sha256 of each) when the text changes
 * with the same file: a re-import of the kept original with today's rules (handlers/reimport.ts).
 */
export const ReplaceSource = z.object({
  type: z.literal('source.replace'),
  payload: z.object({ id: Source.shape.id, from: Source, to: Source, texts: z.object({ from: Source.shape.sha256, to: Source.shape.sha256 }).optional() }),
});
const ClashRecord = z.looseObject({ id: z.string().min(1).max(300) });
/**
 * Clashes a merge listed (present) or, undone, took back out of clashes.json. Each is a Clash
 * (shared/exchange/bundle.ts, below this room), checked by the core. A clash being settled is put
 * in its resolved form with `replaces`, the open form it takes the place of, so undo opens it again.
 */
export const PutClashes = z.object({
  type: z.literal('clashes.put'),
  payload: z.object({
    clashes: z.array(ClashRecord).max(100_000),
    present: z.boolean(),
    replaces: z.array(ClashRecord).max(100_000).optional(),
  }),
});

export const SimpleCommand = z.discriminatedUnion('type', [
  UpdateSource,
  DeleteSource,
  RestoreSource,
  RejectSuggestions,
  MergeRecords,
  AddSource,
  ReplaceSource,
  PutClashes,
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
