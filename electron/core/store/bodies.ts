// A case's source files as the store holds them: cached documents, the text cache, the bodies read at open.
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '../../../shared/errors.ts';
import { SourceBody, type Source } from '../../../shared/model/source.ts';
import { backupFile } from './backups.ts';
import { decodeBody, toBody, type StoredBody } from './codec.ts';
import { CoalescingWriter } from './coalesce.ts';
import { DurableJsonFile, StoredFileError, parseJsonText } from './durable.ts';
import { SOURCES_DIR, bodyBackupsPath, bodyPath } from './layout.ts';
import type { Options } from './options.ts';

interface BodyFile {
  adapter: DurableJsonFile<StoredBody>;
  db: Low<StoredBody> | null;
  loading: Promise<Low<StoredBody>> | null;
  writer: CoalescingWriter;
  lastBackup: number;
  /** Its folder was made (or found) by an earlier write: not asked again on every save. */
  folderReady: boolean;
}

export const titleOf = (s: Source): string => s.title.value ?? s.file ?? s.id;

/** What the bodies need of their store. */
export interface BodyHost {
  dir: string;
  opts: Options;
  assertLockHeld(): void;
  hasSource(sourceId: string): boolean;
  /** The source with this id, or throws NOT_FOUND. */
  source(sourceId: string): Source;
  sourceIds(): string[];
}

export class SourceBodies {
  readonly #host: BodyHost;
  readonly #dir: string;
  readonly #opts: Options;
  readonly #files = new Map<string, BodyFile>();
  /** Canonical texts by source id (strings only): what search reads. Filled at open and on every read or write of a body. */
  readonly #texts = new Map<string, string>();
  /** Bodies read and validated at open, until taken (takeOpenedBodies), read through readBody, or rewritten. */
  #opened: Map<string, StoredBody> | null = new Map();
  /** Bumped by every body write and removal: a text read from disk across one is not cached. */
  #epoch = 0;

  constructor(host: BodyHost) {
    this.#host = host;
    this.#dir = host.dir;
    this.#opts = host.opts;
  }

  /** Waits for every body write asked for so far. */
  async idle(): Promise<void> {
    await Promise.all([...this.#files.values()].map((b) => b.writer.idle()));
  }

  /** A removed source's file: its pending write finishes, then the store holds it no more. */
  async drop(sourceId: string): Promise<void> {
    const bf = this.#files.get(sourceId);
    if (bf) {
      await bf.writer.idle();
      this.#files.delete(sourceId);
    }
  }

  async readBody(sourceId: string): Promise<SourceBody> {
    const source = this.#host.source(sourceId);
    const bf = this.#bodyFile(sourceId);
    if (bf.db) return toBody(bf.db.data);
    const opened = this.#opened?.get(sourceId);
    if (opened) {
      // Read and validated at open: not read again. From now on it is this file's cached document.
      this.#opened!.delete(sourceId);
      bf.db = new Low(bf.adapter, opened);
      return toBody(opened);
    }
    bf.loading ??= (async () => {
      try {
        const data = await this.#readBodyFile(source, bf);
        bf.db ??= new Low(bf.adapter, data); // a writeBody that raced ahead wins
        return bf.db;
      } finally {
        bf.loading = null;
      }
    })();
    const data = (await bf.loading).data;
    if (this.#host.hasSource(sourceId)) this.#texts.set(sourceId, data.text);
    return toBody(data);
  }

  /**
   * A source's canonical text. From the text cache when it is there (always, for a source whose file
   * was read at open or since); otherwise the file is read and validated, and only the text is kept.
   */
  async readText(sourceId: string): Promise<string> {
    const cached = this.#texts.get(sourceId);
    if (cached !== undefined) return cached;
    const source = this.#host.source(sourceId);
    const bf = this.#files.get(sourceId);
    if (bf?.db) return bf.db.data.text;
    const epoch = this.#epoch;
    const data = await this.#readBodyFile(source, bf ?? this.#bodyFile(sourceId));
    if (epoch === this.#epoch) this.#texts.set(sourceId, data.text); // else written or removed meanwhile: not cached
    return data.text;
  }

  /** The cached canonical text of a source, or undefined (then readText reads it). Never touches the disk. */
  cachedText(sourceId: string): string | undefined {
    return this.#texts.get(sourceId);
  }

  /**
   * The bodies read and validated at open (with checkBodies, the default), handed over once so that a
   * caller that needs them all (the claims state) need not read every file again. Returns each source
   * whose body is as it was at open and was not read through readBody since; for any other source, call
   * readBody. After this call the store keeps none of them (their texts stay in the text cache).
   */
  takeOpenedBodies(): Map<string, SourceBody> {
    const out = new Map<string, SourceBody>();
    for (const [id, stored] of this.#opened ?? []) if (this.#host.hasSource(id)) out.set(id, toBody(stored));
    this.#opened = null;
    return out;
  }

  /**
   * The body of every source whose file can be read, by id, for a caller that needs them all (loading
   * the claims, again after a merge). Each comes from memory when it can (a body cached here, or one
   * read at open: handed over, as takeOpenedBodies does); the rest are read and validated now, in
   * batches of synchronous reads (much faster than one promise per file), and not kept: only their texts are.
   */
  async readAllBodies(onProblem?: (sourceId: string, message: string) => void, only?: readonly string[]): Promise<Map<string, SourceBody>> {
    const out = new Map<string, SourceBody>();
    const toRead: string[] = [];
    // `only`: some sources at a time, so a caller going through a large case never holds every body at once.
    for (const id of only ?? this.#host.sourceIds()) {
      if (out.has(id) || !this.#host.hasSource(id)) continue;
      const db = this.#files.get(id)?.db;
      const opened = this.#opened?.get(id);
      if (db) out.set(id, toBody(db.data));
      else if (opened) out.set(id, toBody(opened));
      else toRead.push(id);
      if (only) this.#opened?.delete(id);
    }
    if (!only) this.#opened = null;
    for (let i = 0; i < toRead.length; i += 100) {
      for (const id of toRead.slice(i, i + 100)) {
        // Checked again after each yield: a body written or a source removed meanwhile.
        const db = this.#files.get(id)?.db;
        if (db) {
          out.set(id, toBody(db.data));
          continue;
        }
        if (!this.#host.hasSource(id)) continue;
        const file = bodyPath(this.#dir, id);
        try {
          const stored = decodeBody(parseJsonText(readFileSync(file, 'utf8'), file), file, this.#opts.versioning.body, id);
          this.#texts.set(id, stored.text);
          out.set(id, toBody(stored));
        } catch (e) {
          // Missing or damaged: left out, as readBody would refuse it. Open warned already when it
          // read the bodies; when it did not (checkBodies: false), the caller hears of it here.
          if (this.#opts.checkBodies) continue;
          const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
          onProblem?.(
            id,
            `its text file ${SOURCES_DIR}/${id}.json ${missing ? 'is missing.' : `cannot be read: ${e instanceof Error ? e.message : String(e)}`}`,
          );
        }
      }
      await new Promise((r) => setImmediate(r));
    }
    return out;
  }

  /** Reads and validates a source file (not cached here), with the error the user sees when it cannot be read. */
  async #readBodyFile(source: Source, bf: BodyFile): Promise<StoredBody> {
    try {
      const data = await bf.adapter.read();
      if (!data) throw new StoredFileError(bf.adapter.file, 'empty', `${path.basename(bf.adapter.file)} is missing.`);
      return data;
    } catch (e) {
      if (!(e instanceof StoredFileError)) throw e;
      const problem = e.problem === 'too-new' ? 'too-new' : 'damaged';
      throw new ApiError(
        problem === 'too-new' ? 'CASE_TOO_NEW' : 'CASE_CORRUPT',
        `The text of source “${titleOf(source)}” (${SOURCES_DIR}/${source.id}.json) cannot be read: ${e.message} The rest of the case is unaffected; earlier copies may be in ${path.relative(this.#dir, bodyBackupsPath(this.#dir, source.id))}.`,
        { sourceId: source.id, file: e.file },
      );
    }
  }

  /** A source's body changed or went: cached text and the copy read at open no longer hold. */
  forgetBody(sourceId: string): void {
    this.#epoch++;
    this.#texts.delete(sourceId);
    this.#opened?.delete(sourceId);
  }

  #bodyFile(sourceId: string): BodyFile {
    let bf = this.#files.get(sourceId);
    if (bf) return bf;
    const file = bodyPath(this.#dir, sourceId);
    const adapter = new DurableJsonFile<StoredBody>(file, (doc, f) => decodeBody(doc, f, this.#opts.versioning.body, sourceId));
    const created: BodyFile = {
      adapter,
      db: null,
      loading: null,
      lastBackup: -Infinity,
      folderReady: false,
      writer: new CoalescingWriter(async () => {
        this.#host.assertLockHeld();
        if (Date.now() - created.lastBackup >= this.#opts.backupIntervalMs) {
          const made = await backupFile(file, bodyBackupsPath(this.#dir, sourceId), '', { keep: this.#opts.maxBackups });
          if (made) created.lastBackup = Date.now();
        }
        await created.db!.write();
      }),
    };
    bf = created;
    this.#files.set(sourceId, bf);
    return bf;
  }

  async writeBodyFile(body: SourceBody): Promise<void> {
    const bf = this.#bodyFile(body.id);
    const stored: StoredBody = { schemaVersion: this.#opts.versioning.body.current, ...body };
    this.forgetBody(body.id);
    this.#texts.set(body.id, body.text);
    if (bf.db) bf.db.data = stored;
    else bf.db = new Low(bf.adapter, stored);
    if (!bf.folderReady) {
      await fs.mkdir(path.dirname(bf.adapter.file), { recursive: true });
      bf.folderReady = true;
    }
    await bf.writer.request();
  }

  /** Index entries whose source file is missing or unreadable become warnings; the rest of the case opens. */
  async checkBodies(sources: readonly Source[], warnings: string[]): Promise<void> {
    if (sources.length === 0) return;
    const seen = new Set<string>();
    if (!this.#opts.checkBodies) {
      // Opening on the index alone: the claims read that follows says which files are missing or
      // damaged (readAllBodies), so the folder of 10,000 files is not listed first.
      for (const s of sources) {
        if (seen.has(s.id)) warnings.push(`Source “${titleOf(s)}” (${s.id}) is listed twice in the case index.`);
        seen.add(s.id);
      }
      return;
    }
    const present = new Set(await fs.readdir(path.join(this.#dir, SOURCES_DIR)).catch(() => [] as string[]));
    const toCheck: Source[] = [];
    for (const s of sources) {
      if (seen.has(s.id)) warnings.push(`Source “${titleOf(s)}” (${s.id}) is listed twice in the case index.`);
      seen.add(s.id);
      if (!present.has(`${s.id}.json`)) {
        warnings.push(`Source “${titleOf(s)}” (${s.id}): its text file ${SOURCES_DIR}/${s.id}.json is missing.`);
      } else if (this.#opts.checkBodies) toCheck.push(s);
    }
    // Synchronous reads in small batches: for thousands of small files they are ~20x faster than
    // fs/promises (one thread-pool trip per file), and yielding between batches keeps the host responsive.
    const problems = new Map<string, string>();
    for (let i = 0; i < toCheck.length; i += 100) {
      for (const s of toCheck.slice(i, i + 100)) {
        const file = bodyPath(this.#dir, s.id);
        try {
          const stored = decodeBody(parseJsonText(readFileSync(file, 'utf8'), file), file, this.#opts.versioning.body, s.id);
          // Kept, so nothing reads this file again: its text for search, the body until taken or read.
          if (!this.#opened!.has(s.id)) {
            this.#opened!.set(s.id, stored);
            this.#texts.set(s.id, stored.text);
          }
        } catch (e) {
          problems.set(s.id, e instanceof Error ? e.message : String(e));
        }
      }
      await new Promise((r) => setImmediate(r));
    }
    for (const s of toCheck) {
      const p = problems.get(s.id);
      if (p) warnings.push(`Source “${titleOf(s)}” (${s.id}): its text file ${SOURCES_DIR}/${s.id}.json cannot be read: ${p}`);
    }
  }
}
