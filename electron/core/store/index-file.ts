// Reading case.json and its journal into the index, and the errors and backups listing that go with it.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Backup, CaseIndex } from '../../../shared/model/case.ts';
import { ApiError } from '../../../shared/errors.ts';
import { listBackupFiles } from './backups.ts';
import { digestOf, isChecked } from './checked-index.ts';
import { decodeIndex, splitSnapshot } from './codec.ts';
import { StoredFileError, parseJsonText } from './durable.ts';
import { checkOp, readJournal, replayJournal } from './journal.ts';
import { CASE_BACKUP_PREFIX, backupsPath, indexPath, journalPath } from './layout.ts';
import type { Versioning } from './migrations.ts';

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
  /** The digest of case.json's bytes when they were validated in full just now (to be recorded), else null. */
  validated: string | null;
}

/**
 * Reads case.json (or takes it already parsed) and replays the journal lines of its snapshot. Throws
 * StoredFileError exactly as for case.json alone when case.json is unusable; a journal that does not
 * apply cleanly never makes the case unopenable (the snapshot is used, and the journal kept aside).
 */
export async function loadIndex(dir: string, versioning: Versioning, parsed?: { doc: unknown }): Promise<LoadedIndex | null> {
  const file = indexPath(dir);
  let digest: string | null = null;
  if (!parsed) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    digest = digestOf(bytes);
    parsed = { doc: parseJsonText(bytes.toString('utf8'), file) };
  }
  const { doc, base } = splitSnapshot(parsed.doc);
  const journal = await readJournal(journalPath(dir));
  const isDoc = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  if (journal === null || !isDoc) {
    const trusted = digest !== null && (await isChecked(dir, digest));
    const decoded = decodeIndex(doc, file, versioning, trusted);
    return { ...decoded, base, journal: null, warnings: [], validated: trusted ? null : digest };
  }

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
  return { ...decoded, base, journal: { doc: replayedDoc, problems }, warnings, validated: null };
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
