// Operations on a case folder that do not need it open: listing it, and restoring a backup of its index.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CASE_FORMAT_VERSION, type CaseSummary } from '../../../shared/model/case.ts';
import { ApiError } from '../../../shared/errors.ts';
import { parseBackupName } from './backups.ts';
import { indexError, isOpenInThisProcess, loadIndex } from './case-store.ts';
import { decodeIndex } from './codec.ts';
import { StoredFileError, copyFileDurable, parseJsonText, syncDir } from './durable.ts';
import { moveJournalAside } from './journal.ts';
import { CASE_BACKUP_PREFIX, CASE_FILE, backupsPath, indexPath, journalPath } from './layout.ts';
import { acquireCaseLock, isCaseLocked } from './lock.ts';
import { INDEX_MIGRATIONS, type Versioning } from './migrations.ts';

const VERSIONING: Versioning = { current: CASE_FORMAT_VERSION, table: INDEX_MIGRATIONS };

export async function readCaseSummary(dir: string, id: string): Promise<CaseSummary> {
  dir = path.resolve(dir);
  const summary: CaseSummary = { id, name: id, dir, sources: 0, modified: null, problem: null };
  const file = indexPath(dir);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ...summary, problem: code === 'ENOENT' ? `This folder has no ${CASE_FILE}.` : `${CASE_FILE} cannot be read (${code}).` };
  }
  try {
    const doc = parseJsonText(text, file);
    // Salvage a name for the list even if the rest is unusable.
    const name = (doc as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name.trim()) summary.name = name;
    // With the journal's saves, so a case left open elsewhere or after a crash lists as it really is.
    const { index } = (await loadIndex(dir, VERSIONING, { doc }))!;
    Object.assign(summary, { name: index.name, sources: index.sources.length, modified: index.modified });
  } catch (e) {
    if (!(e instanceof StoredFileError)) throw e;
    summary.problem = e.problem === 'too-new' ? e.message : `Damaged: ${e.message} A backup can be restored.`;
    return summary;
  }
  if (!isOpenInThisProcess(dir) && (await isCaseLocked(dir))) {
    summary.problem = 'Open in another Corroborate window or process.';
  }
  return summary;
}

/**
 * Puts a backup of case.json back in place. The file it replaces is kept beside it as
 * case.json.damaged-<time> (never deleted or overwritten). Needs the case closed everywhere.
 */
export async function restoreBackup(dir: string, backupName: string): Promise<void> {
  dir = path.resolve(dir);
  // Only names we make are accepted, which also keeps the path inside backups/.
  if (!parseBackupName(backupName, CASE_BACKUP_PREFIX)) throw new ApiError('NOT_FOUND', `No backup named “${backupName}”.`);
  const backup = path.join(backupsPath(dir), backupName);
  const lock = await acquireCaseLock(dir);
  try {
    let text: string;
    try {
      text = await fs.readFile(backup, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NOT_FOUND', `No backup named “${backupName}”.`);
      throw e;
    }
    try {
      decodeIndex(parseJsonText(text, backup), backup, VERSIONING);
    } catch (e) {
      if (!(e instanceof StoredFileError)) throw e;
      if (e.problem === 'too-new') throw await indexError(dir, e);
      throw new ApiError('CASE_CORRUPT', `The backup ${backupName} is itself damaged: ${e.message} Try an older one.`, { file: backup });
    }
    const file = indexPath(dir);
    await setAside(file);
    // The case becomes exactly the backup: saves journaled since are kept aside (not deleted), never replayed onto it.
    await moveJournalAside(journalPath(dir), 'before-restore');
    await copyFileDurable(backup, file);
  } finally {
    await lock.release();
  }
}

/** Keeps the current case.json under a new, unused name; link() refuses to overwrite, unlike rename(). */
async function setAside(file: string): Promise<void> {
  try {
    await fs.access(file);
  } catch {
    return;
  }
  const base = `${file}.damaged-${new Date().toISOString().replace(/:/g, '-')}`;
  for (let n = 0; ; n++) {
    const aside = n ? `${base}-${n}` : base;
    try {
      await fs.link(file, aside);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // File systems without hard links: copy instead (the name was free a moment ago, and we hold the lock).
      if (
        await fs.access(aside).then(
          () => true,
          () => false,
        )
      )
        continue;
      await copyFileDurable(file, aside);
      return;
    }
    await syncDir(path.dirname(file));
    return;
  }
}
