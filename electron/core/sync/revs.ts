/// <reference path="./pouchdb.d.ts" />
// Revisions in the local database, written with ids we compute: a revision's id is the md5 of its
// parent's id and its body, so two machines that make the same edit to the same parent (both merge
// one conflict, both unassign the claims of a deleted event) write the same revision, and
// replication sees nothing to reconcile. Every write says its parent explicitly (new_edits: false),
// so an edit made on an older revision than the database now holds becomes a branch (a CouchDB
// conflict, merged three-way) instead of being refused or silently written over the newer one.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/exchange/merge.ts';
import type PouchDB from 'pouchdb';
import type { DocType } from './docs.ts';

export type Db = PouchDB.Database;
export type ReplicationResult = PouchDB.ReplicationResult;

export interface Attachment {
  content_type: string;
  data: Buffer;
}

export interface RevWrite {
  id: string;
  /** The revision this one follows; null for a document's first revision. */
  parent: string | null;
  /** The body, or null for a deletion. */
  body: { type: DocType; record: unknown } | null;
  attachments?: Record<string, Attachment>;
}

const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('hex');
const revNumber = (rev: string): number => Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
const revHash = (rev: string): string => rev.slice(rev.indexOf('-') + 1);

/** The id of the revision `w` makes: the same on every machine for the same parent and body. */
export function revOf(w: RevWrite): string {
  const n = w.parent ? revNumber(w.parent) + 1 : 1;
  const files = Object.entries(w.attachments ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, a]) => `${name}:${md5(a.data)}`)
    .join(',');
  return `${n}-${md5(`${w.parent ?? ''}\n${w.body ? canonicalJson(w.body) : 'deleted'}\n${files}`)}`;
}

/** Writes revisions as children of their stated parents; returns each one's revision id. */
export async function writeRevs(db: Db, writes: readonly RevWrite[]): Promise<string[]> {
  if (!writes.length) return [];
  const revs = writes.map(revOf);
  const docs = writes.map((w, i) => {
    const rev = revs[i];
    const ids = [revHash(rev), ...(w.parent ? [revHash(w.parent)] : [])];
    const doc: Record<string, unknown> = { _id: w.id, _rev: rev, _revisions: { start: revNumber(rev), ids } };
    if (w.body) Object.assign(doc, w.body);
    else doc._deleted = true;
    if (w.attachments && w.body) {
      doc._attachments = Object.fromEntries(
        Object.entries(w.attachments).map(([name, a]) => [name, { content_type: a.content_type, data: a.data.toString('base64') }]),
      );
    }
    return doc;
  });
  const out = (await db.bulkDocs(docs as never, { new_edits: false })) as Array<{ error?: string; message?: string; id?: string }>;
  const failed = out.find((r) => r && 'error' in r && r.error);
  if (failed) throw new Error(`The local sync database refused ${failed.id ?? 'a document'}: ${failed.message ?? failed.error}`);
  return revs;
}

/** The revision ids from a leaf back to the oldest kept, newest first. */
export async function revPath(db: Db, id: string, rev: string): Promise<string[]> {
  const doc = (await db.get(id, { rev, revs: true })) as { _revisions?: { start: number; ids: string[] } };
  const r = doc._revisions;
  if (!r) return [rev];
  return r.ids.map((h, i) => `${r.start - i}-${h}`);
}

/** The body of a revision, or null when it is not kept here (compacted, or never seen on this machine). */
export async function bodyAt(db: Db, id: string, rev: string): Promise<{ type?: unknown; record?: unknown; _deleted?: boolean } | null> {
  try {
    return (await db.get(id, { rev })) as { type?: unknown; record?: unknown };
  } catch {
    return null;
  }
}

/** The newest revision two leaves share. */
export async function commonAncestor(db: Db, id: string, a: string, b: string): Promise<string | null> {
  const [pa, pb] = await Promise.all([revPath(db, id, a), revPath(db, id, b)]);
  const inB = new Set(pb);
  return pa.find((r) => inB.has(r)) ?? null;
}
