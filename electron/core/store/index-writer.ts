// Saving a case's index (case-store.ts): each change is applied in memory and answered once a write
// that includes it is durable; writes asked for meanwhile go out as one (coalesce.ts), a journal line
// when the change can be told record by record, else a new case.json (index-saves.ts). A write that
// fails puts the index in memory back to what the disk holds, so a change reported as failed never
// goes out with a later save. Backups of case.json: one at open (beside the first screen; the first
// rewrite of case.json waits for it) and one before a snapshot when the last is older than the interval.
import { ApiError } from '../../../shared/errors.ts';
import type { CaseIndex } from '../../../shared/model/case.ts';
import { backupFile } from './backups.ts';
import { CoalescingWriter } from './coalesce.ts';
import { diskError, replaceIndex } from './disk-errors.ts';
import { loadIndex } from './index-file.ts';
import { IndexSaves } from './index-saves.ts';
import { PendingChanges, type IndexChanges } from './journal.ts';
import { CASE_BACKUP_PREFIX, backupsPath, indexPath } from './layout.ts';
import type { Options } from './options.ts';
import type { SourceIds } from './source-ids.ts';

export class IndexWriter {
  readonly saves: IndexSaves;
  readonly #dir: string;
  readonly #index: CaseIndex;
  readonly #ids: SourceIds;
  readonly #opts: Options;
  /** Throws when the case may not be written (its lock lost, opened read-only). */
  readonly #guard: () => void;
  #pending = new PendingChanges();
  readonly #writer: CoalescingWriter;
  /** The failure of a save whose reload took back changes asked for while it ran: they fail too. */
  #reloaded: ApiError | null = null;
  #lastBackup = 0;
  #openBackup: Promise<void> = Promise.resolve();

  constructor(init: { dir: string; index: CaseIndex; base: string | null; ids: SourceIds; opts: Options; guard: () => void }) {
    this.#dir = init.dir;
    this.#index = init.index;
    this.#ids = init.ids;
    this.#opts = init.opts;
    this.#guard = init.guard;
    this.saves = new IndexSaves(init.dir, init.base, init.opts);
    this.#writer = new CoalescingWriter(() => this.#flush());
  }

  /** Physical index writes since open, each one journal append or one case.json rewrite. */
  get writes(): number {
    return this.#writer.writes;
  }

  /** Applies `mutate` now; resolves once a write that includes it is on disk (see CaseStore.updateIndex). */
  update(mutate: (draft: CaseIndex) => void, changes: IndexChanges | undefined): Promise<void> {
    try {
      mutate(this.#index);
    } catch (e) {
      this.#ids.index(); // whatever it changed before throwing stays in memory
      return Promise.reject(e);
    }
    this.#ids.sync(changes);
    this.#index.modified = new Date().toISOString();
    this.#pending.add(changes);
    return this.#writer.request();
  }

  /** A whole snapshot (at close, to fold the journal in). */
  requestSnapshot(): Promise<void> {
    this.#pending.full = true;
    return this.#writer.request();
  }

  idle(): Promise<void> {
    return this.#writer.idle();
  }

  /** The backup at open, started now; the first save waits for it. Returns it (the store's close waits for it too). */
  startOpenBackup(): Promise<void> {
    this.#openBackup = this.#backupAtOpen();
    this.#lastBackup = Date.now();
    return this.#openBackup;
  }

  get openBackup(): Promise<void> {
    return this.#openBackup;
  }

  /** A new case: its first snapshot counts as its backup. */
  markBackedUp(): void {
    this.#lastBackup = Date.now();
  }

  /** One physical write for every save asked for since the last: a journal line if it can, else a new snapshot. */
  async #flush(): Promise<void> {
    this.#guard(); // not "closed": close() lets writes already requested go out
    if (this.#reloaded) {
      // These requests were made while the failed save ran: the reload took their changes back out
      // of memory, so they fail too (and memory is made to match the disk again).
      const why = this.#reloaded;
      this.#reloaded = null;
      this.#pending = new PendingChanges();
      await this.#reload();
      throw why;
    }
    const batch = this.#pending;
    this.#pending = new PendingChanges();
    try {
      // Built now, from the index as every request so far left it.
      const line = this.saves.line(
        this.#index,
        batch,
        (id) => this.#ids.positionOf(id),
        () => this.#backupDue(),
      );
      // A journal line leaves case.json as the open's backup copies it, so it need not wait for that
      // copy (10 MB at 10,000 sources, made beside the first screen); a new case.json does.
      if (line !== null && (await this.saves.append(line))) return;
      // A failed backup at open is tried again here: this save fails with its reason rather than go unbacked.
      await this.#openBackup.catch(() => (this.#openBackup = this.#backupAtOpen()));
      await this.#backupIfDue();
      await this.saves.writeSnapshot(this.#index);
    } catch (e) {
      // Part of a line may be on disk; the next save rewrites case.json whole.
      this.saves.markDirty();
      const error = diskError(e);
      // Memory goes back to what the disk holds, so nothing reported as failed is saved later.
      await this.#reload();
      if (this.#pending.full || this.#pending.sources.size || this.#pending.removed.size || this.#pending.fields.size > 1)
        this.#reloaded = error instanceof ApiError ? error : new ApiError('INTERNAL', `Nothing was saved: ${(e as Error)?.message ?? String(e)}`);
      throw error;
    }
  }

  /** The index in memory replaced by the one on disk (the snapshot and its journal, a torn last line left out). */
  async #reload(): Promise<void> {
    const loaded = await loadIndex(this.#dir, this.#opts.versioning.index).catch(() => null);
    if (!loaded) return; // unreadable now: what is in memory is all there is
    replaceIndex(this.#index, loaded.index);
    this.#ids.index();
  }

  #backupDue(): boolean {
    return Date.now() - this.#lastBackup >= this.#opts.backupIntervalMs;
  }

  async #backupAtOpen(): Promise<void> {
    await backupFile(indexPath(this.#dir), backupsPath(this.#dir), CASE_BACKUP_PREFIX, { keep: this.#opts.maxBackups, skipIfUnchanged: true });
  }

  async #backupIfDue(): Promise<void> {
    if (!this.#backupDue()) return;
    await backupFile(indexPath(this.#dir), backupsPath(this.#dir), CASE_BACKUP_PREFIX, { keep: this.#opts.maxBackups });
    this.#lastBackup = Date.now();
  }
}
