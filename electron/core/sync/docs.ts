// A case's records as CouchDB documents and back. One document per record, so two people editing
// different claims never touch the same document (and never clash):
//
//   claim:<id>  annotation:<id>  event:<id>  actor:<id>      records with an id
//   decision:<eventId|rowKey>  reconciliation:<eventId|rowKey>  grade:<eventId>   keyed as commands.ts keys them
//   source:<id>        a source's metadata, its canonical text as the attachment `text`
//   original:<sha256>  an imported file, as the attachment `file`: once per sha256, however many sources share it
//   clash:<id>         a clash found by a merge, so every member sees the same clash set
//
// The record itself is kept whole under `record` (never spread into the document), so a field named
// like a CouchDB one (`_id`) cannot collide, and reading a document back is one schema parse.
import { z } from 'zod';
import { Clash } from '../../../shared/exchange/bundle.ts';
import type { RecordChanges } from '../../../shared/model/changes.ts';
import { Actor, Annotation, Claim, Event } from '../../../shared/model/claims.ts';
import { recordKey, type ClaimState } from '../../../shared/model/commands.ts';
import { Decision } from '../../../shared/compare/conflicts.ts';
import { GradeOverride } from '../../../shared/compare/grade.ts';
import { canonicalJson } from '../../../shared/exchange/merge.ts';
import { Reconciliation } from '../../../shared/compare/reconcile.ts';
import { Source } from '../../../shared/model/source.ts';

export const RECORD_TYPES = ['annotation', 'claim', 'event', 'actor', 'decision', 'reconciliation', 'grade'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type DocType = RecordType | 'source' | 'original' | 'clash';
export const DOC_TYPES: readonly DocType[] = [...RECORD_TYPES, 'source', 'original', 'clash'];

/** The state's collection each record type lives in. */
export const COLLECTION_OF = {
  annotation: 'annotations',
  claim: 'claims',
  event: 'events',
  actor: 'actors',
  decision: 'decisions',
  reconciliation: 'reconciliations',
  grade: 'gradeOverrides',
} as const satisfies Record<RecordType, keyof ClaimState>;

export const TYPE_OF_COLLECTION = Object.fromEntries(Object.entries(COLLECTION_OF).map(([t, c]) => [c, t])) as Record<
  (typeof COLLECTION_OF)[RecordType],
  RecordType
>;

export const SCHEMA_OF: Record<DocType, z.ZodType> = {
  annotation: Annotation,
  claim: Claim,
  event: Event,
  actor: Actor,
  decision: Decision,
  reconciliation: Reconciliation,
  grade: GradeOverride,
  source: Source,
  original: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), ext: z.string().max(20) }),
  clash: Clash,
};

/** A document as the local database holds it (the attachments are handled apart). */
export interface RecordDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: DocType;
  record: unknown;
}

export const docId = (type: DocType, key: string): string => `${type}:${key}`;

/** The type and key of a document id, or null for documents that are not a record (design documents, others). */
export function parseDocId(id: string): { type: DocType; key: string } | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  const type = id.slice(0, at) as DocType;
  if (!DOC_TYPES.includes(type)) return null;
  return { type, key: id.slice(at + 1) };
}

/** The key of a record in its collection: its id, or (event, row) for the judgements. */
export const keyOf = (type: RecordType, record: object): string =>
  type === 'annotation' || type === 'claim' || type === 'event' || type === 'actor'
    ? (record as { id: string }).id
    : recordKey(record as { eventId: string; rowKey?: string });

/** The body CouchDB stores for a record: what is compared and hashed (key order never matters). */
export const bodyOf = (type: DocType, record: unknown): { type: DocType; record: unknown } => ({ type, record });
export const bodyJson = (type: DocType, record: unknown): string => canonicalJson(bodyOf(type, record));

/** Every record of a state by document id. */
export function recordsOfState(state: ClaimState): Map<string, { type: RecordType; record: object }> {
  const out = new Map<string, { type: RecordType; record: object }>();
  for (const type of RECORD_TYPES) {
    for (const record of (state[COLLECTION_OF[type]] ?? []) as object[]) out.set(docId(type, keyOf(type, record)), { type, record });
  }
  return out;
}

/** The document ids a change set touched (put or deleted). */
export function docIdsOfChanges(changes: RecordChanges): string[] {
  const ids: string[] = [];
  for (const type of RECORD_TYPES) {
    const c = changes[COLLECTION_OF[type]];
    for (const p of c.put) ids.push(docId(type, keyOf(type, p.value as object)));
    for (const k of c.deleted) ids.push(docId(type, k));
  }
  return ids;
}

/**
 * Reads a document's record with its schema; null with the problem when it does not parse (a doc
 * written by a newer version, or by hand on the server): such a doc is reported, never applied.
 */
export function readDoc(doc: { _id: string; type?: unknown; record?: unknown }): { type: DocType; key: string; record: unknown } | { problem: string } {
  const id = parseDocId(doc._id);
  if (!id) return { problem: `${doc._id} is not a Corroborate record.` };
  if (doc.type !== id.type) return { problem: `${doc._id} says it is a ${String(doc.type)}.` };
  const parsed = SCHEMA_OF[id.type].safeParse(doc.record);
  if (!parsed.success) return { problem: `${doc._id} does not match its schema: ${parsed.error.issues[0]?.message ?? 'invalid'}.` };
  const key =
    id.type === 'source' || id.type === 'clash'
      ? (parsed.data as { id: string }).id
      : id.type === 'original'
        ? (parsed.data as { sha256: string }).sha256
        : keyOf(id.type, parsed.data as object);
  if (key !== id.key) return { problem: `${doc._id} holds the record ${key}.` };
  return { type: id.type, key, record: parsed.data };
}

/** A state made of documents' records (what a new member's first pull builds), with the docs that did not read. */
export function stateOfDocs(docs: Iterable<{ _id: string; type?: unknown; record?: unknown }>): { state: ClaimState; problems: string[] } {
  const state: ClaimState = { annotations: [], claims: [], events: [], actors: [], decisions: [], reconciliations: [], gradeOverrides: [] };
  const problems: string[] = [];
  for (const doc of docs) {
    const r = readDoc(doc);
    if ('problem' in r) {
      problems.push(r.problem);
      continue;
    }
    if (!(RECORD_TYPES as readonly string[]).includes(r.type)) continue;
    (state[COLLECTION_OF[r.type as RecordType]] as unknown[]).push(r.record);
  }
  return { state, problems };
}
