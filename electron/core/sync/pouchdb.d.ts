// The few PouchDB calls sync makes, typed here: @types/pouchdb declares a global Buffer and pulls in
// the DOM lib, which breaks the Node typecheck of the rest of the project.
declare module 'pouchdb' {
  namespace PouchDB {
    interface Row {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[] };
      error?: string;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: unknown[];
      last_seq: number | string;
    }
    interface Emitter extends PromiseLike<unknown> {
      on(event: string, fn: (arg: any) => void): this;
      cancel(): void;
      /** A two-way sync's directions. */
      push?: Emitter;
      pull?: Emitter;
    }
    interface Change {
      id: string;
      seq: number | string;
      changes: Array<{ rev: string }>;
      deleted?: boolean;
    }
    interface Database {
      readonly name: string;
      bulkDocs(docs: object[], opts?: { new_edits?: boolean }): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string; message?: string }>>;
      allDocs(opts?: {
        keys?: string[];
        include_docs?: boolean;
        conflicts?: boolean;
        limit?: number;
        startkey?: string;
        skip?: number;
      }): Promise<{ total_rows: number; rows: Row[] }>;
      get(id: string, opts?: { rev?: string; revs?: boolean; conflicts?: boolean }): Promise<Record<string, unknown> & { _id: string; _rev: string }>;
      getAttachment(id: string, name: string, opts?: { rev?: string }): Promise<Buffer>;
      changes(opts: { since: number | string; limit?: number }): Promise<{ results: Change[]; last_seq: number | string }>;
      changes(opts: { since: number | string | 'now'; live: true; include_docs?: boolean }): Emitter;
      put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
      info(): Promise<{ update_seq: number | string; doc_count: number }>;
      replicate: {
        to(target: Database | string, opts?: object): Promise<ReplicationResult>;
        from(source: Database | string, opts?: object): Promise<ReplicationResult>;
      };
      sync(other: Database | string, opts?: object): Emitter;
      destroy(): Promise<void>;
      close(): Promise<void>;
    }
  }
  interface PouchDBConstructor {
    new (name: string, opts?: object): PouchDB.Database;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}
