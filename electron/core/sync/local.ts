// The case as sync sees it: every record by document id, read from the core's open case (its claims
// state, its store's sources and originals, its clash list), and the bodies to write for them.
import type { Clash } from '../../../shared/exchange/bundle.ts';
import type { Source } from '../../../shared/model/source.ts';
import { readClashes } from '../bundle/index.ts';
import type { CaseClaims } from '../claims.ts';
import type { CaseStore } from '../store/index.ts';
import { bodyJson, docId, recordsOfState, type DocType } from './docs.ts';
import type { Attachment } from './revs.ts';

export interface LocalRecord {
  type: DocType;
  record: unknown;
}

/** A snapshot of the case's records, by document id, taken at the start of a sync pass. */
export class LocalCase {
  readonly records: Map<string, LocalRecord>;
  readonly store: CaseStore;
  readonly clashes: Map<string, Clash>;
  readonly #sourceBySha = new Map<string, Source>();

  private constructor(store: CaseStore, records: Map<string, LocalRecord>, clashes: Map<string, Clash>) {
    this.store = store;
    this.records = records;
    this.clashes = clashes;
  }

  static async read(store: CaseStore, claims: CaseClaims): Promise<LocalCase> {
    const records = new Map<string, LocalRecord>(recordsOfState(claims.state()));
    const clashes = new Map((await readClashes(store.dir)).map((c) => [c.id, c]));
    const local = new LocalCase(store, records, clashes);
    for (const s of store.index.sources) {
      records.set(docId('source', s.id), { type: 'source', record: s });
      if (!local.#sourceBySha.has(s.sha256)) {
        local.#sourceBySha.set(s.sha256, s);
        records.set(docId('original', s.sha256), { type: 'original', record: { sha256: s.sha256, ext: s.originalExt } });
      }
    }
    for (const c of clashes.values()) records.set(docId('clash', c.id), { type: 'clash', record: c });
    return local;
  }

  json(id: string): string | null {
    const r = this.records.get(id);
    return r ? bodyJson(r.type, r.record) : null;
  }

  /** What goes with a record's document: a source's canonical text, an original's file. */
  async attachments(r: LocalRecord): Promise<Record<string, Attachment> | undefined> {
    if (r.type === 'source') {
      const s = r.record as Source;
      return { text: { content_type: 'text/plain; charset=utf-8', data: Buffer.from(await this.store.readText(s.id), 'utf8') } };
    }
    if (r.type === 'original') {
      const s = this.#sourceBySha.get((r.record as { sha256: string }).sha256);
      if (s) return { file: { content_type: 'application/octet-stream', data: Buffer.from(await this.store.readOriginal(s)) } };
    }
    return undefined;
  }
}
