// Schema migrations: a table of steps from version n to n+1, applied in order when a case written by
// an older Corroborate is opened. Version 1 is the first release, so the tables start empty.
import { StoredFileError } from './durable.ts';
import path from 'node:path';

export type Doc = Record<string, unknown>;
export type Migration = (doc: Doc) => Doc;
/** Key n: turns a version-n document into a version-(n+1) one. */
export type MigrationTable = Readonly<Record<number, Migration>>;

export const INDEX_MIGRATIONS: MigrationTable = {};
export const BODY_MIGRATIONS: MigrationTable = {};

export function migrate(doc: Doc, from: number, to: number, table: MigrationTable): Doc {
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = table[v];
    if (!step) throw new Error(`No migration from case format ${v} to ${v + 1}.`);
    current = { ...step(current), schemaVersion: v + 1 };
  }
  return current;
}

export interface Versioning {
  /** The version this build writes. */
  current: number;
  table: MigrationTable;
}

/**
 * Checks a parsed document's version: newer than this build → StoredFileError('too-new') (the caller
 * must not touch the file); older → migrated in memory. Returns the document and the version it had.
 */
export function upgrade(doc: unknown, file: string, v: Versioning): { doc: Doc; from: number } {
  const name = path.basename(file);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new StoredFileError(file, 'shape', `${name} does not hold a JSON object.`);
  }
  const version = (doc as Doc).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new StoredFileError(file, 'shape', `${name} has no valid schemaVersion.`);
  }
  if (version > v.current) {
    throw new StoredFileError(
      file,
      'too-new',
      `${name} was made by a newer Corroborate (case format ${version}; this app reads up to ${v.current}). Update the app to open it; nothing in the case was changed.`,
    );
  }
  return { doc: version < v.current ? migrate(doc as Doc, version, v.current, v.table) : (doc as Doc), from: version };
}
