// How index saves reach disk: journal lines against case.json's snapshot, or case.json rewritten whole.
import path from 'node:path';
import type { CaseIndex } from '../../../shared/model/case.ts';
import { encodeIndex } from './codec.ts';
import { writeFileDurable } from './durable.ts';
import type { LoadedIndex } from './index-file.ts';
import { PendingChanges, appendLine, encodeEntry, moveJournalAside, newSnapshotId, opsFor, removeJournal } from './journal.ts';
import { JOURNAL_FILE, indexPath, journalPath } from './layout.ts';
import type { Options } from './options.ts';

export class IndexSaves {
  readonly #dir: string;
  readonly #opts: Options;
  /** The id case.json carries; journal lines are written against it. */
  #base: string | null;
  #seq = 0;
  #journalBytes = 0;
  #journalLines = 0;
  /** The journal may hold bytes we did not account for (a failed append, a failed removal): append no more until a snapshot replaces it. */
  #journalDirty = false;
  #snapshotWrites = 0;
  #journalAppends = 0;

  constructor(dir: string, base: string | null, opts: Options) {
    this.#dir = dir;
    this.#base = base;
    this.#opts = opts;
  }

  get snapshotWrites(): number {
    return this.#snapshotWrites;
  }

  get journalAppends(): number {
    return this.#journalAppends;
  }

  /** The journal holds saves case.json does not (or bytes not accounted for): close folds it in. */
  get unfolded(): boolean {
    return this.#journalBytes > 0 || this.#journalDirty;
  }

  /** After a failed write: part of a line may be on disk, so the next save rewrites case.json whole. */
  markDirty(): void {
    this.#journalDirty = true;
  }

  /** The journal line for a batch, or null when this save should rewrite case.json instead. */
  line(index: CaseIndex, batch: PendingChanges, positionOf: (id: string) => number | undefined, backupDue: () => boolean): string | null {
    // A backup due: fold the journal in first, so the rolling backups of case.json stay recent.
    if (batch.full || this.#base === null || this.#journalDirty || backupDue()) return null;
    const line = encodeEntry({ base: this.#base, seq: this.#seq + 1, ops: opsFor(index, batch, positionOf) });
    const full = this.#journalLines + 1 > this.#opts.journalMaxLines || this.#journalBytes + Buffer.byteLength(line) > this.#opts.journalMaxBytes;
    return full ? null : line;
  }

  /** Appends a line to the journal; false when it was not written whole (then case.json is to be rewritten). */
  async append(line: string): Promise<boolean> {
    if (await appendLine(journalPath(this.#dir), line, this.#journalBytes)) {
      this.#journalBytes += Buffer.byteLength(line);
      this.#journalLines++;
      this.#journalAppends++;
      this.#seq++;
      return true;
    }
    this.#journalDirty = true; // bytes we did not write: the snapshot replaces the journal
    return false;
  }

  /** Writes case.json whole under a new snapshot id, then removes the journal it now contains. */
  async writeSnapshot(doc: object): Promise<void> {
    const base = newSnapshotId();
    await writeFileDurable(indexPath(this.#dir), encodeIndex(doc, base));
    // Only now: until the rename, the journal's lines (of the old base) are what holds those saves.
    this.#base = base;
    this.#seq = 0;
    this.#snapshotWrites++;
    if (this.#journalBytes === 0 && !this.#journalDirty) return;
    try {
      await removeJournal(journalPath(this.#dir));
      this.#journalBytes = 0;
      this.#journalLines = 0;
      this.#journalDirty = false;
    } catch {
      // Its lines are of the old base, so never replayed; saves stay full rewrites until it can be removed.
      this.#journalDirty = true;
    }
  }

  /** At open: the replayed journal becomes the new case.json, then the journal goes (or is kept aside if it was damaged). */
  async settle(journal: NonNullable<LoadedIndex['journal']>, warnings: string[]): Promise<void> {
    if (journal.doc) await this.writeSnapshot(journal.doc);
    const file = journalPath(this.#dir);
    if (!journal.problems.length) {
      await removeJournal(file);
      return;
    }
    const aside = await moveJournalAside(file, 'bad');
    warnings.push(
      `Some saves in the case index's journal (${JOURNAL_FILE}) could not be used and were left out: ${journal.problems.join('; ')}. ` +
        `The journal was kept as ${aside ? path.basename(aside) : JOURNAL_FILE} for inspection.`,
    );
  }
}
