// A case on disk: one writer (this object, holding the case's lock), a small index file (case.json, a
// snapshot, plus case.journal, the index saves since: see journal.ts), one file per source, the
// untouched originals, and rolling backups. Every save resolves only once it is durable.
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Low } from 'lowdb';
import { CASE_FORMAT_VERSION, CaseIndex, type Backup } from '../../../shared/case.ts';
import { ApiError } from '../../../shared/errors.ts';
import { Source, SourceBody } from '../../../shared/source.ts';
import { backupFile, listBackupFiles } from './backups.ts';
import { decodeBody, decodeIndex, describeIssues, encodeIndex, splitSnapshot, toBody, type StoredBody } from './codec.ts';
import { CoalescingWriter } from './coalesce.ts';
import { DurableJsonFile, StoredFileError, TEMP_FILE, parseJsonText, syncDir, writeFileDurable } from './durable.ts';
import {
  PendingChanges,
  appendLine,
  checkOp,
  encodeEntry,
  moveJournalAside,
  newSnapshotId,
  opsFor,
  readJournal,
  removeJournal,
  replayJournal,
  type IndexChanges,
} from './journal.ts';
import {
  CASE_BACKUP_PREFIX,
  ORIGINALS_DIR,
  SOURCES_DIR,
  backupsPath,
  JOURNAL_FILE,
  bodyBackupsPath,
  bodyPath,
  indexPath,
  journalPath,
  originalPath,
} from './layout.ts';
import { acquireCaseLock, type CaseLock } from './lock.ts';
import { INDEX_MIGRATIONS, BODY_MIGRATIONS, type Versioning } from './migrations.ts';

export interface StoreOptions {
  /** Backups kept per file. */
  maxBackups?: number;
  /** At most one backup of a file per this interval while saving (plus one of case.json at each open). */
  backupIntervalMs?: number;
  /**
   * Read and validate every source file at open, so damage is reported up front (default true). The
   * app opens without (a case of 10,000 sources opens on its index) and reads them as it loads the
   * claims, in the background: readAllBodies reports the damage then.
   */
  checkBodies?: boolean;
  /** Tests only: pretend this build writes another version, with these migrations. */
  versioning?: { index: Versioning; body: Versioning };
  /** The journal is folded into a new case.json before it would pass this many lines… */
  journalMaxLines?: number;
  /** …or this many bytes (see journal.ts). */
  journalMaxBytes?: number;
}
type Options = Required<StoreOptions>;

const DEFAULTS: Options = {
  maxBackups: 10,
  backupIntervalMs: 5 * 60_000,
  checkBodies: true,
  versioning: {
    index: { current: CASE_FORMAT_VERSION, table: INDEX_MIGRATIONS },
    body: { current: CASE_FORMAT_VERSION, table: BODY_MIGRATIONS },
  },
  journalMaxLines: 1000,
  journalMaxBytes: 2 * 1024 * 1024,
};
const withDefaults = (o: StoreOptions): Options => ({ ...DEFAULTS, ...o });

/** Folders this process holds open, so listing does not report our own lock as "locked". */
const openHere = new Set<string>();
export const isOpenInThisProcess = (dir: string): boolean => openHere.has(path.resolve(dir));

interface BodyFile {
  adapter: DurableJsonFile<StoredBody>;
  db: Low<StoredBody> | null;
  loading: Promise<Low<StoredBody>> | null;
  writer: CoalescingWriter;
  lastBackup: number;
}

const exists = (p: string): Promise<boolean> =>
  fs.access(p).then(
    () => true,
    () => false,
  );

const titleOf = (s: Source): string => s.title.value ?? s.file ?? s.id;

/** A StoredFileError from case.json (or a backup of it) as the error the user sees. */
export async function indexError(dir: string, e: StoredFileError): Promise<ApiError> {
  if (e.problem === 'too-new') return new ApiError('CASE_TOO_NEW', e.message, { file: e.file });
  const backups = await listCaseBackups(dir).catch(() => []);
  const offer = backups.length
    ? ` Nothing was changed. The latest backup is from ${backups[0].created}; you can restore it.`
    : ' Nothing was changed, and there is no backup to restore.';
  return new ApiError('CASE_CORRUPT', `The case index ${e.file} is damaged: ${e.message}${offer}`, { file: e.file, backups });
}

/** The index as case.json and the journal beside it leave it. */
export interface LoadedIndex {
  index: CaseIndex;
  /** The format version case.json was written in. */
  from: number;
  /** The snapshot id case.json carries (null if written before the journal existed). */
  base: string | null;
  /** Set when there is a journal: the document to write as the new snapshot (null if no line applied), and lines skipped. */
  journal: { doc: Record<string, unknown> | null; problems: string[] } | null;
  warnings: string[];
}

/**
 * Reads case.json (or takes it already parsed) and replays the journal lines of its snapshot. Throws
 * StoredFileError exactly as for case.json alone when case.json is unusable; a journal that does not
 * apply cleanly never makes the case unopenable (the snapshot is used, and the journal kept aside).
 */
export async function loadIndex(dir: string, versioning: Versioning, parsed?: { doc: unknown }): Promise<LoadedIndex | null> {
  const file = indexPath(dir);
  if (!parsed) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    parsed = { doc: parseJsonText(text, file) };
  }
  const { doc, base } = splitSnapshot(parsed.doc);
  const journal = await readJournal(journalPath(dir));
  const isDoc = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  if (journal === null || !isDoc) return { ...decodeIndex(doc, file, versioning), base, journal: null, warnings: [] };

  const snapshot = doc as Record<string, unknown>;
  const sameFormat = snapshot.schemaVersion === versioning.current;
  const replayed = replayJournal(snapshot, base, journal, sameFormat ? checkOp : null);
  const warnings = replayed.torn
    ? [
        'The last save to the case index was cut short (Corroborate may have stopped while saving); it was never confirmed and was not applied. Everything saved before it is intact.',
      ]
    : [];
  const problems = [...replayed.problems];
  let replayedDoc: Record<string, unknown> | null = replayed.applied ? replayed.doc : null;
  let decoded: { index: CaseIndex; from: number };
  try {
    decoded = decodeIndex(replayedDoc ?? snapshot, file, versioning);
  } catch (e) {
    if (!replayedDoc || !(e instanceof StoredFileError) || e.problem === 'too-new') throw e;
    decoded = decodeIndex(snapshot, file, versioning); // case.json alone: throws if it is itself damaged
    problems.push(`together they do not give a valid case (${e.message}), so none was applied`);
    replayedDoc = null;
  }
  return { ...decoded, base, journal: { doc: replayedDoc, problems }, warnings };
}

/** Backups of case.json, newest first, with how many sources each lists (null if it cannot be read). */
export async function listCaseBackups(dir: string): Promise<Backup[]> {
  const folder = backupsPath(dir);
  const files = await listBackupFiles(folder, CASE_BACKUP_PREFIX);
  return Promise.all(
    files.map(async (b): Promise<Backup> => {
      const file = path.join(folder, b.name);
      const text = await fs.readFile(file, 'utf8');
      let sources: number | null = null;
      try {
        const doc = JSON.parse(text) as { sources?: unknown };
        if (Array.isArray(doc.sources)) sources = doc.sources.length;
      } catch {
        // an unreadable backup is still listed; restoreBackup will say why it cannot be used
      }
      return { name: b.name, created: b.created.toISOString(), bytes: Buffer.byteLength(text), sources };
    }),
  );
}

export class CaseStore {
  readonly dir: string;
  readonly warnings: string[] = [];
  // The index in memory. Not a lowdb document: on disk it is a snapshot (case.json) plus the journal.
  readonly #index: CaseIndex;
  /** The id case.json carries; journal lines are written against it. */
  #base: string | null;
  #pending = new PendingChanges();
  #seq = 0;
  #journalBytes = 0;
  #journalLines = 0;
  /** The journal may hold bytes we did not account for (a failed append, a failed removal): append no more until a snapshot replaces it. */
  #journalDirty = false;
  #snapshotWrites = 0;
  #journalAppends = 0;
  readonly #lock: CaseLock;
  readonly #opts: Options;
  readonly #indexWriter: CoalescingWriter;
  readonly #bodies = new Map<string, BodyFile>();
  /**
   * Where each source id is first listed in #index.sources, kept in step with every change to the
   * index (see #syncIds): sources are found by id through it, never by a scan.
   */
  readonly #ids = new Map<string, number>();
  /** The sources array #ids describes, and its length then (a replaced or shortened array means a rebuild). */
  #idsOf: Source[] = [];
  #idsLength = 0;
  /** Canonical texts by source id (strings only): what search reads. Filled at open and on every read or write of a body. */
  readonly #texts = new Map<string, string>();
  /** Bodies read and validated at open, until taken (takeOpenedBodies), read through readBody, or rewritten. */
  #opened: Map<string, StoredBody> | null = new Map();
  /** Bumped by every body write and removal: a text read from disk across one is not cached. */
  #bodyEpoch = 0;
  readonly #adding = new Set<string>();
  readonly #running = new Set<Promise<void>>();
  #lastIndexBackup = 0;
  #closed = false;

  private constructor(dir: string, index: CaseIndex, base: string | null, lock: CaseLock, opts: Options) {
    this.dir = dir;
    this.#index = index;
    this.#base = base;
    this.#lock = lock;
    this.#opts = opts;
    this.#indexWriter = new CoalescingWriter(() => this.#flushIndex());
    this.#indexIds();
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<CaseStore> {
    dir = path.resolve(dir);
    const opts = withDefaults(options);
    const file = indexPath(dir);
    // Checked before locking, so opening a folder that is not a case leaves no trace in it.
    if (!(await exists(file))) throw new ApiError('NOT_FOUND', `There is no case in ${dir} (no ${path.basename(file)}).`, { dir });
    const lock = await acquireCaseLock(dir);
    try {
      let loaded: LoadedIndex | null;
      try {
        loaded = await loadIndex(dir, opts.versioning.index);
      } catch (e) {
        throw e instanceof StoredFileError ? await indexError(dir, e) : e;
      }
      if (!loaded) throw new ApiError('NOT_FOUND', `There is no case in ${dir} (no ${path.basename(file)}).`, { dir });
      const store = new CaseStore(dir, loaded.index, loaded.base, lock, opts);
      store.warnings.push(...loaded.warnings);
      await store.#sweepTempFiles(dir);
      // Fold the journal into case.json before the backup below, so backups stay plain, complete case.json files.
      if (loaded.journal) await store.#settleJournal(loaded.journal);
      // A copy at every open, before anything is written: a migration below always has the old file backed up.
      await backupFile(file, backupsPath(dir), CASE_BACKUP_PREFIX, { keep: opts.maxBackups, skipIfUnchanged: true });
      store.#lastIndexBackup = Date.now();
      if (loaded.from < opts.versioning.index.current) await store.#writeSnapshot();
      await store.#checkBodies();
      openHere.add(dir);
      return store;
    } catch (e) {
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
      await store.#writeSnapshot();
      store.#lastIndexBackup = Date.now();
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
    return this.#indexWriter.writes;
  }

  /** Rewrites of case.json since open, including those at open and close (tests and the benchmark). */
  get snapshotWrites(): number {
    return this.#snapshotWrites;
  }

  /** Lines appended to the journal since open. */
  get journalAppends(): number {
    return this.#journalAppends;
  }

  /**
   * Applies `mutate` to the index now and resolves once a write that includes it is on disk. If the
   * write fails the promise rejects; the change stays in memory and goes out with the next save.
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
    return this.#updateIndex(mutate, changes);
  }

  #updateIndex(mutate: (draft: CaseIndex) => void, changes: IndexChanges | undefined): Promise<void> {
    try {
      mutate(this.#index);
    } catch (e) {
      this.#indexIds(); // whatever it changed before throwing stays in memory
      return Promise.reject(e);
    }
    this.#syncIds(changes);
    this.#index.modified = new Date().toISOString();
    this.#pending.add(changes);
    return this.#indexWriter.request();
  }

  /** One physical write for every save asked for since the last: a journal line if it can, else a new snapshot. */
  async #flushIndex(): Promise<void> {
    this.#assertLockHeld(); // not "closed": close() lets writes already requested go out
    const batch = this.#pending;
    this.#pending = new PendingChanges();
    try {
      const line = this.#journalLine(batch); // built now, from the index as every request so far left it
      if (line !== null) {
        if (await appendLine(journalPath(this.dir), line, this.#journalBytes)) {
          this.#journalBytes += Buffer.byteLength(line);
          this.#journalLines++;
          this.#journalAppends++;
          this.#seq++;
          return;
        }
        this.#journalDirty = true; // bytes we did not write: the snapshot below replaces the journal
      }
      await this.#backupIndexIfDue();
      await this.#writeSnapshot();
    } catch (e) {
      // Part of a line may be on disk; the next save rewrites case.json whole (the changes are in memory).
      this.#journalDirty = true;
      throw e;
    }
  }

  /** The journal line for a batch, or null when this save should rewrite case.json instead. */
  #journalLine(batch: PendingChanges): string | null {
    // A backup due: fold the journal in first, so the rolling backups of case.json stay recent.
    if (batch.full || this.#base === null || this.#journalDirty || this.#backupDue()) return null;
    const line = encodeEntry({ base: this.#base, seq: this.#seq + 1, ops: opsFor(this.#index, batch, (id) => this.#positionOf(id)) });
    const full = this.#journalLines + 1 > this.#opts.journalMaxLines || this.#journalBytes + Buffer.byteLength(line) > this.#opts.journalMaxBytes;
    return full ? null : line;
  }

  /** Writes case.json whole under a new snapshot id, then removes the journal it now contains. */
  async #writeSnapshot(doc: object = this.#index): Promise<void> {
    const base = newSnapshotId();
    await writeFileDurable(indexPath(this.dir), encodeIndex(doc, base));
    // Only now: until the rename, the journal's lines (of the old base) are what holds those saves.
    this.#base = base;
    this.#seq = 0;
    this.#snapshotWrites++;
    if (this.#journalBytes === 0 && !this.#journalDirty) return;
    try {
      await removeJournal(journalPath(this.dir));
      this.#journalBytes = 0;
      this.#journalLines = 0;
      this.#journalDirty = false;
    } catch {
      // Its lines are of the old base, so never replayed; saves stay full rewrites until it can be removed.
      this.#journalDirty = true;
    }
  }

  /** At open: the replayed journal becomes the new case.json, then the journal goes (or is kept aside if it was damaged). */
  async #settleJournal(journal: NonNullable<LoadedIndex['journal']>): Promise<void> {
    if (journal.doc) await this.#writeSnapshot(journal.doc);
    const file = journalPath(this.dir);
    if (!journal.problems.length) {
      await removeJournal(file);
      return;
    }
    const aside = await moveJournalAside(file, 'bad');
    this.warnings.push(
      `Some saves in the case index's journal (${JOURNAL_FILE}) could not be used and were left out: ${journal.problems.join('; ')}. ` +
        `The journal was kept as ${aside ? path.basename(aside) : JOURNAL_FILE} for inspection.`,
    );
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
    const i = this.#positionOf(sourceId);
    return i === undefined ? undefined : this.#index.sources[i];
  }

  hasSource(sourceId: string): boolean {
    return this.#positionOf(sourceId) !== undefined;
  }

  findBySha256(sha: string): Source | undefined {
    return this.#index.sources.find((s) => s.sha256 === sha);
  }

  async readBody(sourceId: string): Promise<SourceBody> {
    const source = this.#source(sourceId);
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
    if (this.hasSource(sourceId)) this.#texts.set(sourceId, data.text);
    return toBody(data);
  }

  /**
   * A source's canonical text. From the text cache when it is there (always, for a source whose file
   * was read at open or since); otherwise the file is read and validated, and only the text is kept.
   */
  async readText(sourceId: string): Promise<string> {
    const cached = this.#texts.get(sourceId);
    if (cached !== undefined) return cached;
    const source = this.#source(sourceId);
    const bf = this.#bodies.get(sourceId);
    if (bf?.db) return bf.db.data.text;
    const epoch = this.#bodyEpoch;
    const data = await this.#readBodyFile(source, bf ?? this.#bodyFile(sourceId));
    if (epoch === this.#bodyEpoch) this.#texts.set(sourceId, data.text); // else written or removed meanwhile: not cached
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
    for (const [id, stored] of this.#opened ?? []) if (this.hasSource(id)) out.set(id, toBody(stored));
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
    for (const id of only ?? this.#index.sources.map((s) => s.id)) {
      if (out.has(id) || !this.hasSource(id)) continue;
      const db = this.#bodies.get(id)?.db;
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
        const db = this.#bodies.get(id)?.db;
        if (db) {
          out.set(id, toBody(db.data));
          continue;
        }
        if (!this.hasSource(id)) continue;
        const file = bodyPath(this.dir, id);
        try {
          const stored = decodeBody(parseJsonText(readFileSync(file, 'utf8'), file), file, this.#opts.versioning.body, id);
          this.#texts.set(id, stored.text);
          out.set(id, toBody(stored));
        } catch (e) {
          // Missing or damaged: left out, as readBody would refuse it. Open warned already when it
          // read the bodies; when it did not (checkBodies: false), the caller hears of it here.
          if (!this.#opts.checkBodies) onProblem?.(id, `its text file ${SOURCES_DIR}/${id}.json cannot be read: ${e instanceof Error ? e.message : String(e)}`);
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
        `The text of source “${titleOf(source)}” (${SOURCES_DIR}/${source.id}.json) cannot be read: ${e.message} The rest of the case is unaffected; earlier copies may be in ${path.relative(this.dir, bodyBackupsPath(this.dir, source.id))}.`,
        { sourceId: source.id, file: e.file },
      );
    }
  }

  writeBody(body: SourceBody): Promise<void> {
    return this.#operation(async () => {
      this.#source(body.id);
      await this.#writeBodyFile(SourceBody.parse(body));
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
      await this.#writeOriginal(source, original);
      await this.#writeBodyFile(body);
      await this.#updateIndex(
        (d) => {
          d.sources.push(source);
        },
        { sources: [source.id] },
      );
    } finally {
      this.#adding.delete(source.id);
    }
  }

  /** Originals are written once, checked against their sha256, and never rewritten. */
  async #writeOriginal(source: Source, original: Uint8Array): Promise<void> {
    const sha = createHash('sha256').update(original).digest('hex');
    if (sha !== source.sha256) throw new ApiError('INVALID_INPUT', `The original file's bytes do not match the source's sha256.`);
    const orig = originalPath(this.dir, source);
    if (await exists(orig)) return;
    await fs.mkdir(path.dirname(orig), { recursive: true });
    await writeFileDurable(orig, original);
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
      await this.#writeOriginal(source, original);
      await this.#writeBodyFile(body);
      await this.#updateIndex(
        (d) => {
          const i = this.#positionOf(source.id);
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
    await this.#updateIndex(
      (d) => {
        d.sources = d.sources.filter((s) => s.id !== sourceId);
      },
      { removedSources: [sourceId] },
    );
    this.#forgetBody(sourceId);
    const bf = this.#bodies.get(sourceId);
    if (bf) {
      await bf.writer.idle();
      this.#bodies.delete(sourceId);
    }
    this.#forgetBody(sourceId); // again: a read that was under way has finished
    await backupFile(bodyPath(this.dir, sourceId), bodyBackupsPath(this.dir, sourceId), '', { keep: this.#opts.maxBackups });
    await fs.rm(bodyPath(this.dir, sourceId), { force: true });
    await syncDir(path.join(this.dir, SOURCES_DIR)).catch(() => {});
    const stillUsed = this.#index.sources.some((s) => s.sha256 === source.sha256 && s.originalExt === source.originalExt);
    if (!stillUsed) {
      await fs.rm(originalPath(this.dir, source), { force: true });
      await syncDir(path.join(this.dir, ORIGINALS_DIR)).catch(() => {});
    }
  }

  async readOriginal(source: Source): Promise<Uint8Array<ArrayBuffer>> {
    try {
      const b = await fs.readFile(originalPath(this.dir, source));
      // readFile gives each file its own ArrayBuffer (never a shared one), so a view is enough; no copy.
      return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      throw new ApiError('NOT_FOUND', `The original file of “${titleOf(source)}” is missing from ${ORIGINALS_DIR}/.`, {
        sourceId: source.id,
      });
    }
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
    await this.#indexWriter.idle();
    await Promise.all([...this.#bodies.values()].map((b) => b.writer.idle()));
    if (!this.#lock.lost && (this.#journalBytes > 0 || this.#journalDirty)) {
      this.#pending.full = true;
      // If this fails the journal still holds every save, and the next open folds it in.
      await this.#indexWriter.request().catch(() => {});
    }
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

  /** Indexes #index.sources from position `from` on (0: afresh); the first listing of an id wins, as a scan would find it. */
  #indexIds(from = 0): void {
    const list = this.#index.sources;
    if (from === 0) this.#ids.clear();
    for (let i = from; i < list.length; i++) if (!this.#ids.has(list[i].id)) this.#ids.set(list[i].id, i);
    this.#idsOf = list;
    this.#idsLength = list.length;
  }

  /**
   * After `mutate`: the id map in step with the sources as `changes` says they changed. Appending to
   * the list indexes the new tail; a record replaced in place needs nothing; anything else (a new or
   * shortened array, an id that moved, a change not described) rebuilds the map, which costs what
   * such a change (a filter, a map, a rewrite of case.json) costs anyway.
   */
  #syncIds(changes: IndexChanges | undefined): void {
    const list = this.#index.sources;
    if (!changes || list !== this.#idsOf || list.length < this.#idsLength) return this.#indexIds();
    if (changes.removedSources?.length && list.length === this.#idsLength) return this.#indexIds();
    if (list.length > this.#idsLength) this.#indexIds(this.#idsLength);
    for (const id of changes.sources ?? []) {
      const i = this.#ids.get(id);
      if (i === undefined || list[i]?.id !== id) return this.#indexIds();
    }
  }

  /** Where a source id is first listed, checked against the list (a stale map is rebuilt, never trusted). */
  #positionOf(sourceId: string): number | undefined {
    const list = this.#index.sources;
    if (list !== this.#idsOf || list.length !== this.#idsLength) this.#indexIds();
    const i = this.#ids.get(sourceId);
    if (i === undefined) return undefined;
    if (list[i]?.id === sourceId) return i;
    this.#indexIds(); // changed in place behind the map's back
    const j = this.#ids.get(sourceId);
    return j !== undefined && list[j]?.id === sourceId ? j : undefined;
  }

  /** A source's body changed or went: cached text and the copy read at open no longer hold. */
  #forgetBody(sourceId: string): void {
    this.#bodyEpoch++;
    this.#texts.delete(sourceId);
    this.#opened?.delete(sourceId);
  }

  #bodyFile(sourceId: string): BodyFile {
    let bf = this.#bodies.get(sourceId);
    if (bf) return bf;
    const file = bodyPath(this.dir, sourceId);
    const adapter = new DurableJsonFile<StoredBody>(file, (doc, f) => decodeBody(doc, f, this.#opts.versioning.body, sourceId));
    const created: BodyFile = {
      adapter,
      db: null,
      loading: null,
      lastBackup: -Infinity,
      writer: new CoalescingWriter(async () => {
        this.#assertLockHeld();
        if (Date.now() - created.lastBackup >= this.#opts.backupIntervalMs) {
          const made = await backupFile(file, bodyBackupsPath(this.dir, sourceId), '', { keep: this.#opts.maxBackups });
          if (made) created.lastBackup = Date.now();
        }
        await created.db!.write();
      }),
    };
    bf = created;
    this.#bodies.set(sourceId, bf);
    return bf;
  }

  async #writeBodyFile(body: SourceBody): Promise<void> {
    const bf = this.#bodyFile(body.id);
    const stored: StoredBody = { schemaVersion: this.#opts.versioning.body.current, ...body };
    this.#forgetBody(body.id);
    this.#texts.set(body.id, body.text);
    if (bf.db) bf.db.data = stored;
    else bf.db = new Low(bf.adapter, stored);
    await fs.mkdir(path.dirname(bf.adapter.file), { recursive: true });
    await bf.writer.request();
  }

  #backupDue(): boolean {
    return Date.now() - this.#lastIndexBackup >= this.#opts.backupIntervalMs;
  }

  async #backupIndexIfDue(): Promise<void> {
    if (!this.#backupDue()) return;
    await backupFile(indexPath(this.dir), backupsPath(this.dir), CASE_BACKUP_PREFIX, { keep: this.#opts.maxBackups });
    this.#lastIndexBackup = Date.now();
  }

  /** Temp files left by a write that a crash interrupted; safe to delete because we hold the lock. */
  async #sweepTempFiles(dir: string): Promise<void> {
    for (const folder of [dir, path.join(dir, SOURCES_DIR), path.join(dir, ORIGINALS_DIR), backupsPath(dir)]) {
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      await Promise.all(names.filter((n) => TEMP_FILE.test(n)).map((n) => fs.rm(path.join(folder, n), { force: true })));
    }
  }

  /** Index entries whose source file is missing or unreadable become warnings; the rest of the case opens. */
  async #checkBodies(): Promise<void> {
    const sources = this.#index.sources;
    if (sources.length === 0) return;
    const present = new Set(await fs.readdir(path.join(this.dir, SOURCES_DIR)).catch(() => [] as string[]));
    const seen = new Set<string>();
    const toCheck: Source[] = [];
    for (const s of sources) {
      if (seen.has(s.id)) this.warnings.push(`Source “${titleOf(s)}” (${s.id}) is listed twice in the case index.`);
      seen.add(s.id);
      if (!present.has(`${s.id}.json`)) {
        this.warnings.push(`Source “${titleOf(s)}” (${s.id}): its text file ${SOURCES_DIR}/${s.id}.json is missing.`);
      } else if (this.#opts.checkBodies) toCheck.push(s);
    }
    // Synchronous reads in small batches: for thousands of small files they are ~20x faster than
    // fs/promises (one thread-pool trip per file), and yielding between batches keeps the host responsive.
    const problems = new Map<string, string>();
    for (let i = 0; i < toCheck.length; i += 100) {
      for (const s of toCheck.slice(i, i + 100)) {
        const file = bodyPath(this.dir, s.id);
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
      if (p) this.warnings.push(`Source “${titleOf(s)}” (${s.id}): its text file ${SOURCES_DIR}/${s.id}.json cannot be read: ${p}`);
    }
  }
}
