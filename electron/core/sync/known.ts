/// <reference path="./pouchdb.d.ts" />
// Per document, the revision the case's own record last matched. This is what tells "the server moved
// on" (the case still matches that revision: apply the newer one) from "the user edited here" (the
// case differs from it: write the edit as that revision's child, a branch CouchDB keeps if someone
// else edited too). Kept in its own small database beside the local one, so it survives a restart
// or a kill -9; a stale entry can only make a merge flag a clash it need not, never lose an edit.
import PouchDB from 'pouchdb';
import type { Db } from './revs.ts';

export class KnownRevs {
  readonly #db: Db;
  readonly #revs = new Map<string, { rev: string; own: string | undefined }>();
  readonly #dirty = new Set<string>();

  private constructor(db: Db) {
    this.#db = db;
  }

  static async open(path: string): Promise<KnownRevs> {
    const db = new PouchDB(path, { auto_compaction: true, revs_limit: 1 }) as unknown as Db;
    const k = new KnownRevs(db);
    const all = await db.allDocs({ include_docs: true });
    for (const row of all.rows) k.#revs.set(row.id, { rev: String((row.doc as { rev?: unknown })?.rev ?? ''), own: row.value.rev });
    return k;
  }

  get(id: string): string | undefined {
    return this.#revs.get(id)?.rev || undefined;
  }

  set(id: string, rev: string): void {
    const was = this.#revs.get(id);
    if (was?.rev === rev) return;
    this.#revs.set(id, { rev, own: was?.own });
    this.#dirty.add(id);
  }

  /** Writes the entries changed since the last save. */
  async save(): Promise<void> {
    if (!this.#dirty.size) return;
    const ids = [...this.#dirty];
    this.#dirty.clear();
    const docs = ids.map((id) => {
      const e = this.#revs.get(id) as { rev: string; own: string | undefined };
      return { _id: id, ...(e.own ? { _rev: e.own } : {}), rev: e.rev };
    });
    const out = (await this.#db.bulkDocs(docs as never)) as Array<{ id: string; rev?: string; error?: string }>;
    out.forEach((r, i) => {
      const e = this.#revs.get(ids[i]);
      if (e && r.rev) e.own = r.rev;
      else if (r.error) this.#dirty.add(ids[i]); // written next time
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
