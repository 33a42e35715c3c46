// A case on disk: one writer (this object, holding the case's lock), a small index file (case.json, a
// snapshot, plus case.journal, the index saves since: see journal.ts), one file per source, the
// untouched originals, and rolling backups. Every save resolves only once it is durable.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CaseIndex, type Backup } from '../../../shared/model/case.ts';
import { ApiError } from '../../../shared/errors.ts';
import { Source, SourceBody } from '../../../shared/model/source.ts';
import { backupFile } from './backups.ts';
import { SourceBodies } from './bodies.ts';
import { describeIssues } from './codec.ts';
import { exists, readOriginal, removeSourceFiles, sweepTempFiles, writeOriginal } from './case-files.ts';
import { checkAndMark, markChecked } from './checked-index.ts';
import { StoredFileError } from './durable.ts';
import { indexError, listCaseBackups, loadIndex, type LoadedIndex } from './index-file.ts';
import { IndexWriter } from './index-writer.ts';
import { removeJournal, type IndexChanges } from './journal.ts';
import { CASE_BACKUP_PREFIX, ORIGINALS_DIR, SOURCES_DIR, backupsPath, indexPath, journalPath } from './layout.ts';
import { acquireCaseLock, type CaseLock } from './lock.ts';
import { withDefaults, type Options, type StoreOptions } from './options.ts';
import { SourceIds } from './source-ids.ts';
import { readOnlyError } from './disk-errors.ts';

export { indexError, listCaseBackups, loadIndex, type LoadedIndex } from './index-file.ts';
export type { StoreOptions } from './options.ts';

/** Folders this process holds open, so listing does not report our own lock as "locked". */
const openHere = new Set<string>();
export const isOpenInThisProcess = (dir: string): boolean => openHere.has(path.resolve(dir));

export class CaseStore {
  readonly dir: string;
  readonly warnings: string[] = [];
  // The index in memory. Not a lowdb document: on disk it is a snapshot (case.json) plus the journal.
  readonly #index: CaseIndex;
  /** Journal lines and case.json rewrites: how the index's saves reach disk. */
  /** The index's saves: journal lines and snapshots, coalesced, with the backups of case.json (index-writer.ts). */
  readonly #writer: IndexWriter;
  readonly #lock: CaseLock;
  readonly #opts: Options;
  /** Where each source id is first listed in #index.sources, kept in step with every change to the index: sources are found by id through it, never by a scan. */
  readonly #ids: SourceIds;
  /** The source files: cached documents, canonical texts (what search reads), the bodies read at open. */
  readonly #bodyFiles: SourceBodies;
  readonly #adding = new Set<string>();
  readonly #running = new Set<Promise<void>>();
  #closed = false;
  /** Why the case is open read-only (its index could not be rewritten at open), or null. */
  #readOnly: ApiError | null = null;

  private constructor(dir: string, index: CaseIndex, base: string | null, lock: CaseLock, opts: Options) {
    this.dir = dir;
    this.#index = index;
    this.#lock = lock;
    this.#opts = opts;
    this.#ids = new SourceIds(() => this.#index.sources);
    const guard = () => {
      this.#assertLockHeld();
      if (this.#readOnly) throw this.#readOnly;
    };
    this.#writer = new IndexWriter({ dir, index, base, ids: this.#ids, opts, guard });
    this.#bodyFiles = new SourceBodies({
      dir,
      opts,
      assertLockHeld: guard,
      hasSource: (id) => this.hasSource(id),
      source: (id) => this.#source(id),
      sourceIds: () => this.#index.sources.map((s) => s.id),
    });
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<CaseStore> {
    dir = path.resolve(dir);
    const opts = withDefaults(options);
    const file = indexPath(dir);
    // Checked before locking, so opening a folder that is not a case leaves no trace in it.
    if (!(await exists(file))) throw new ApiError('NOT_FOUND', `There is no case in ${dir} (no ${path.basename(file)}).`, { dir });
    const lock = await acquireCaseLock(dir);
    let opening: CaseStore | null = null;
    try {
      let loaded: LoadedIndex | null;
      try {
        loaded = await loadIndex(dir, opts.versioning.index);
      } catch (e) {
        throw e instanceof StoredFileError ? await indexError(dir, e) : e;
      }
      if (!loaded) throw new ApiError('NOT_FOUND', `There is no case in ${dir} (no ${path.basename(file)}).`, { dir });
      const store = (opening = new CaseStore(dir, loaded.index, loaded.base, lock, opts));
      store.warnings.push(...loaded.warnings);
      store.#background(sweepTempFiles(dir));
      const validated = loaded.validated;
      if (validated && loaded.from === opts.versioning.index.current) store.#background(markChecked(dir, validated));
      // Fold the journal into case.json before the backup below, so backups stay plain, complete case.json files.
      // On a full disk that rewrite fails: the case still opens, read-only, to be read and exported.
      if (loaded.journal) await store.#writer.saves.settle(loaded.journal, store.warnings).catch((e: unknown) => store.#openReadOnly(e));
      // A copy at every open, before case.json is rewritten: a migration below always has the old file
      // backed up. With nothing to rewrite now it runs beside the first screen (comparing and copying a
      // 10 MB index took longer than reading it), and the first save of the index waits for it.
      store.#background(store.#writer.startOpenBackup());
      if (loaded.from < opts.versioning.index.current && !store.#readOnly) {
        await store.#writer.openBackup.catch((e: unknown) => store.#openReadOnly(e));
        if (!store.#readOnly) await store.#writer.saves.writeSnapshot(store.#index).catch((e: unknown) => store.#openReadOnly(e));
      }
      await store.#bodyFiles.checkBodies(store.#index.sources, store.warnings);
      openHere.add(dir);
      return store;
    } catch (e) {
      if (opening) await Promise.all(opening.#running); // the sweep deletes nothing once the lock is another's
      await lock.release().catch(() => {});
      throw e;
    }
  }

  static async create(dir: string, init: { id: string; name: string }, options: StoreOptions = {}): Promise<CaseStore> {
    dir = path.resolve(dir);
    const opts = withDefaults(options);
    const file = indexPath(dir);
    const taken = () => new ApiError('ALREADY_EXISTS', `There is already a case in ${dir}.`, { dir });
    const now = new Date().toISOString();
    const parsed = CaseIndex.safeParse({
      format: 'corroborate-case',
      schemaVersion: opts.versioning.index.current,
      id: init.id,
      name: init.name,
      created: now,
      modified: now,
      sources: [],
      events: [],
      decisions: [],
      reconciliations: [],
    });
    if (!parsed.success) throw new ApiError('INVALID_INPUT', describeIssues(parsed.error));
    if (await exists(file)) throw taken();
    await fs.mkdir(dir, { recursive: true });
    const lock = await acquireCaseLock(dir);
    try {
      if (await exists(file)) throw taken();
      for (const sub of [SOURCES_DIR, ORIGINALS_DIR]) await fs.mkdir(path.join(dir, sub), { recursive: true });
      await fs.mkdir(backupsPath(dir), { recursive: true });
      // A journal without its case.json belongs to no snapshot we could name; it must not meet the new one.
      await removeJournal(journalPath(dir));
      const store = new CaseStore(dir, parsed.data, null, lock, opts);
      await store.#writer.saves.writeSnapshot(store.#index);
      store.#writer.markBackedUp();
      openHere.add(dir);
      return store;
    } catch (e) {
      await lock.release().catch(() => {});
      throw e;
    }
  }

  get index(): Readonly<CaseIndex> {
    return this.#index;
  }

  /** Physical index writes since open, each one journal append or one case.json rewrite (for tests and the benchmark). */
  get indexWrites(): number {
    return this.#writer.writes;
  }

  /** Rewrites of case.json since open, including those at open and close (tests and the benchmark). */
  get snapshotWrites(): number {
    return this.#writer.saves.snapshotWrites;
  }

  /** Lines appended to the journal since open. */
  get journalAppends(): number {
    return this.#writer.saves.journalAppends;
  }

  /**
   * Applies `mutate` to the index now and resolves once a write that includes it is on disk. If the
   * write fails the promise rejects and the index in memory is read back from disk: a change reported
   * as failed never goes out with a later save (the ghost edit a full disk used to leave).
   * `mutate` should check before it changes anything: if it throws, nothing is saved, but whatever it
   * had already changed stays in memory.
   *
   * `changes` names everything `mutate` touched; the save is then a journal line holding those records
   * as they are after `mutate`. It must be complete (anything unlisted is not saved until the next
   * snapshot) and must not reorder sources. Without it (imports, anything unusual) case.json is rewritten whole.
   */
  updateIndex(mutate: (draft: CaseIndex) => void, changes?: IndexChanges): Promise<void> {
    try {
      this.#assertWritable();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#writer.update(mutate, changes);
  }

  /** Opening could not rewrite the index (a full or read-only disk): the case is read, not written. */
  #openReadOnly(e: unknown): void {
    this.#readOnly = readOnlyError(e, this.dir); // rethrows anything but a full or read-only disk
    this.warnings.push(this.#readOnly.message);
  }

  /** Why the case cannot be edited (opened read-only on a full disk), or null. */
  get readOnly(): string | null {
    return this.#readOnly?.message ?? null;
  }

  /** Work that needs no answer (it reports nothing) but that close() waits for. */
  #background(work: Promise<void>): void {
    const settled = work.catch(() => {});
    this.#running.add(settled);
    void settled.then(() => this.#running.delete(settled));
  }

  /** Multi-step operations register here so close() waits for them to finish. */
  #operation<T>(run: () => Promise<T>): Promise<T> {
    try {
      this.#assertWritable();
    } catch (e) {
      return Promise.reject(e);
    }
    const p = run();
    const settled = p.then(
      () => {},
      () => {},
    );
    this.#running.add(settled);
    void settled.then(() => this.#running.delete(settled));
    return p;
  }

  /** The source with this id (its record in the index, as listed first), or undefined. Through the id map: no scan. */
  source(sourceId: string): Source | undefined {
    const i = this.#ids.positionOf(sourceId);
    return i === undefined ? undefined : this.#index.sources[i];
  }

  hasSource(sourceId: string): boolean {
    return this.#ids.positionOf(sourceId) !== undefined;
  }

  /** Where the source stands in the index's list, or undefined. Through the id map: no scan. */
  positionOfSource(sourceId: string): number | undefined {
    return this.#ids.positionOf(sourceId);
  }

  findBySha256(sha: string): Source | undefined {
    return this.#index.sources.find((s) => s.sha256 === sha);
  }

  readBody(sourceId: string): Promise<SourceBody> {
    return this.#bodyFiles.readBody(sourceId);
  }

  /** A source's canonical text: from the text cache when it is there, else read and validated (only the text is kept). */
  readText(sourceId: string): Promise<string> {
    return this.#bodyFiles.readText(sourceId);
  }

  /** The cached canonical text of a source, or undefined (then readText reads it). Never touches the disk. */
  cachedText(sourceId: string): string | undefined {
    return this.#bodyFiles.cachedText(sourceId);
  }

  /** The bodies read and validated at open, handed over once (see bodies.ts); after this the store keeps none of them. */
  takeOpenedBodies(): Map<string, SourceBody> {
    return this.#bodyFiles.takeOpenedBodies();
  }

  /** The body of every source whose file can be read (or of those in `only`), by id; see bodies.ts. */
  readAllBodies(onProblem?: (sourceId: string, message: string) => void, only?: readonly string[]): Promise<Map<string, SourceBody>> {
    return this.#bodyFiles.readAllBodies(onProblem, only);
  }

  writeBody(body: SourceBody): Promise<void> {
    return this.#operation(async () => {
      this.#source(body.id);
      await this.#bodyFiles.writeBodyFile(SourceBody.parse(body));
    });
  }

  /** Crash-safe order: original → body → index. A crash part-way leaves at worst an unreferenced file. */
  addSource(source: Source, body: SourceBody, original: Uint8Array): Promise<void> {
    return this.#operation(() => this.#addSource(source, body, original));
  }

  async #addSource(source: Source, body: SourceBody, original: Uint8Array): Promise<void> {
    source = Source.parse(source);
    body = SourceBody.parse(body);
    if (body.id !== source.id) throw new ApiError('INVALID_INPUT', `The body belongs to ${body.id}, not to ${source.id}.`);
    if (this.#adding.has(source.id) || this.hasSource(source.id)) {
      throw new ApiError('ALREADY_EXISTS', `The case already has a source with id ${source.id}.`);
    }
    this.#adding.add(source.id);
    try {
      await writeOriginal(this.dir, source, original);
      await this.#bodyFiles.writeBodyFile(body);
      await this.#writer.update(
        (d) => {
          d.sources.push(source);
        },
        { sources: [source.id] },
      );
    } finally {
      this.#adding.delete(source.id);
    }
  }

  /**
   * A new version of a source's file: new original (the old one is kept, untouched), new body, then the
   * index record. Same crash-safe order as addSource.
   */
  replaceSource(source: Source, body: SourceBody, original: Uint8Array): Promise<void> {
    return this.#operation(async () => {
      source = Source.parse(source);
      body = SourceBody.parse(body);
      this.#source(source.id);
      await writeOriginal(this.dir, source, original);
      await this.#bodyFiles.writeBodyFile(body);
      await this.#writer.update(
        (d) => {
          const i = this.#ids.positionOf(source.id);
          if (i !== undefined) d.sources[i] = source; // in place: the id map stays as it is
        },
        { sources: [source.id] },
      );
    });
  }

  /** Index first, then the body (moved into backups, so a mistaken removal can be undone by hand), then the original if unused. */
  removeSource(sourceId: string): Promise<void> {
    return this.#operation(() => this.#removeSource(sourceId));
  }

  async #removeSource(sourceId: string): Promise<void> {
    const source = this.#source(sourceId);
    await this.#writer.update(
      (d) => {
        d.sources = d.sources.filter((s) => s.id !== sourceId);
      },
      { removedSources: [sourceId] },
    );
    this.#bodyFiles.forgetBody(sourceId);
    await this.#bodyFiles.drop(sourceId);
    this.#bodyFiles.forgetBody(sourceId); // again: a read that was under way has finished
    const stillUsed = this.#index.sources.some((s) => s.sha256 === source.sha256 && s.originalExt === source.originalExt);
    await removeSourceFiles(this.dir, source, { keepOriginal: stillUsed, maxBackups: this.#opts.maxBackups });
  }

  readOriginal(source: Source): Promise<Uint8Array<ArrayBuffer>> {
    return readOriginal(this.dir, source);
  }

  listBackups(): Promise<Backup[]> {
    return listCaseBackups(this.dir);
  }

  /** Waits for every pending write, then releases the lock. Later calls that write are refused. */
  /** Closed (its lock released): work still reading it, such as a claims load in the background, stops. */
  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#running);
    await this.#writer.idle();
    await this.#bodyFiles.idle();
    // If this fails the journal still holds every save, and the next open folds it in.
    if (!this.#lock.lost && this.#writer.saves.unfolded) await this.#writer.requestSnapshot().catch(() => {});
    // The index as this session left it opens at once next time (unless something else rewrites it).
    if (!this.#lock.lost && !this.#writer.saves.unfolded) await checkAndMark(this.dir, indexPath(this.dir)).catch(() => {});
    // Each session ends with a copy of the index as it was left, so the newest backup is recent.
    if (!this.#lock.lost) {
      await backupFile(indexPath(this.dir), backupsPath(this.dir), CASE_BACKUP_PREFIX, { keep: this.#opts.maxBackups, skipIfUnchanged: true }).catch(() => {});
    }
    openHere.delete(this.dir);
    await this.#lock.release();
  }

  #assertWritable(): void {
    if (this.#closed) throw new ApiError('INTERNAL', `The case in ${this.dir} has been closed.`);
    this.#assertLockHeld();
    if (this.#readOnly) throw this.#readOnly;
  }

  #assertLockHeld(): void {
    if (this.#lock.lost) {
      throw new ApiError(
        'CASE_LOCKED',
        `Corroborate lost its lock on the case in ${this.dir} (another process may have opened it). Nothing more was saved; reopen the case.`,
        { dir: this.dir },
      );
    }
  }

  #source(sourceId: string): Source {
    const s = this.source(sourceId);
    if (!s) throw new ApiError('NOT_FOUND', `No source ${sourceId} in this case.`, { sourceId });
    return s;
  }
}
