// Turning parsed JSON into validated records (and saying precisely what is wrong when it cannot).
import path from 'node:path';
import type { z } from 'zod';
import { CaseIndex } from '../../../shared/model/case.ts';
import { SourceBody } from '../../../shared/model/source.ts';
import { StoredFileError } from './durable.ts';
import { upgrade, type Versioning } from './migrations.ts';

/** What a source file holds: its body plus the format version it was written in. */
export type StoredBody = SourceBody & { schemaVersion: number };

export function describeIssues(err: z.ZodError): string {
  const shown = err.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = err.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}

const isObject = (doc: unknown): doc is Record<string, unknown> => typeof doc === 'object' && doc !== null && !Array.isArray(doc);

/** `trusted`: these exact bytes passed this schema before (checked-index.ts), so only the format and version are looked at. */
export function decodeIndex(doc: unknown, file: string, versioning: Versioning, trusted = false): { index: CaseIndex; from: number } {
  const name = path.basename(file);
  if (isObject(doc) && doc.format !== 'corroborate-case') {
    throw new StoredFileError(file, 'shape', `${name} is not a Corroborate case file (its "format" is not "corroborate-case").`);
  }
  const { doc: current, from } = upgrade(doc, file, versioning);
  if (trusted && from === versioning.current) return { index: current as CaseIndex, from };
  const parsed = CaseIndex.safeParse(current);
  if (!parsed.success) throw new StoredFileError(file, 'shape', `${name} does not match the case format: ${describeIssues(parsed.error)}.`);
  return { index: parsed.data, from };
}

/**
 * case.json carries the id of its snapshot (`journalBase`) so journal lines can say which snapshot
 * they apply to. It lives inside case.json, not in a side file, so the id and the content it names
 * change in one atomic rename, and a backup (a plain copy of case.json) keeps its own id: restoring an
 * older backup can never have a newer journal replayed onto it. It is not part of CaseIndex (shared/).
 */
export const SNAPSHOT_ID_FIELD = 'journalBase';

/** Separates the snapshot id from the index document as read from case.json. */
export function splitSnapshot(doc: unknown): { doc: unknown; base: string | null } {
  if (!isObject(doc) || !(SNAPSHOT_ID_FIELD in doc)) return { doc, base: null };
  const { [SNAPSHOT_ID_FIELD]: base, ...rest } = doc;
  return { doc: rest, base: typeof base === 'string' && base ? base : null };
}

/** The text of case.json for an index (or a raw index document) and its snapshot id. */
export const encodeIndex = (index: object, base: string): string => JSON.stringify({ ...index, [SNAPSHOT_ID_FIELD]: base }) + '\n';

export function decodeBody(doc: unknown, file: string, versioning: Versioning, sourceId: string): StoredBody {
  const name = path.basename(file);
  const { doc: current } = upgrade(doc, file, versioning);
  const parsed = SourceBody.safeParse(current);
  if (!parsed.success) throw new StoredFileError(file, 'shape', `${name} does not match the source format: ${describeIssues(parsed.error)}.`);
  if (parsed.data.id !== sourceId) {
    throw new StoredFileError(file, 'shape', `${name} holds source ${parsed.data.id}, not ${sourceId}.`);
  }
  return { schemaVersion: versioning.current, ...parsed.data };
}

/** The body without the file's bookkeeping, as callers see it. */
/** The stored body without its envelope (the schema version). */
export const toBody = ({ schemaVersion: _version, ...body }: StoredBody): SourceBody => body;
