/// <reference path="./pouchdb.d.ts" />
// Where a case syncs to and how: the case's database on the server, the local on-disk database
// beside the case (PouchDB's Node edition, LevelDB), and the server's refusals put in words.
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { fingerprint } from '../../../shared/exchange/merge.ts';
import type { Db } from './revs.ts';
import type { Credentials } from './address.ts';

// Kept apart (address.ts) so that the app can read a case's sync settings without loading PouchDB.
export { accessOf, databaseUrl, type Credentials } from './address.ts';

/** The local database for one case and one server database: under the case folder, so it goes where the case goes. */
export function openLocal(caseDir: string, remote: URL): Db {
  const name = `${remote.pathname.slice(1).replace(/[^A-Za-z0-9_-]/g, '_')}-${fingerprint(remote.origin + remote.pathname)}`;
  return new PouchDB(join(caseDir, 'sync', name), { auto_compaction: false }) as unknown as Db;
}

/** The server's database. skip_setup: a member never creates databases; the desk's admin does. */
export function openRemote(url: URL, credentials: Credentials | null): Db {
  const db = new PouchDB(url.href, { skip_setup: true, ...(credentials ? { auth: credentials } : {}) }) as unknown as Db;
  // PouchDB 9's replicator asks the source for its info after each batch, only to count progress in
  // its task list, and handles no failure (`src.info().then(...)`): a server going down at that
  // moment became an unhandled rejection, which ends a Node process. Nothing here reads the server's
  // info, so a failed one answers with empty counts instead; replication reports the failure itself.
  const info = db.info.bind(db);
  db.info = () => info().catch(() => ({ db_name: url.pathname.slice(1), update_seq: 0, doc_count: 0 }));
  return db;
}

/** Why the server refused, for the user, or null when the error is not a refusal (the network is down). */
export function refusalOf(e: unknown): string | null {
  const err = e as { status?: number; name?: string; reason?: string; message?: string };
  if (err?.status === 401) return 'The server did not accept this name and password (401). Check them, or ask the desk’s admin.';
  if (err?.status === 403)
    return `The server refused (403): ${err.reason ?? err.message ?? 'this account may not change this case'}. A viewer can read the case but not change it; ask an editor or the desk’s admin.`;
  if (err?.status === 404) return 'The server has no database for this case (404). Ask the desk’s admin to create it and add you as a member.';
  return null;
}

/** A short name for the server database, for clash records and messages (never with credentials). */
export const describeRemote = (url: URL): string => `${url.host}${url.pathname}`;
