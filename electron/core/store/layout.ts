// Where things live inside a case folder.
import path from 'node:path';
import type { Source } from '../../../shared/model/source.ts';
import { caseFilePath } from './case-path.ts';

export const CASE_FILE = 'case.json';
/** Index saves since the last snapshot of case.json (see journal.ts). */
export const JOURNAL_FILE = 'case.journal';
export const SOURCES_DIR = 'sources';
export const ORIGINALS_DIR = 'originals';
export const BACKUPS_DIR = 'backups';
/** Backups of case.json sit directly in backups/ with this prefix; a source's in backups/sources/<id>/. */
export const CASE_BACKUP_PREFIX = 'case-';

export const indexPath = (dir: string): string => path.join(dir, CASE_FILE);
export const journalPath = (dir: string): string => path.join(dir, JOURNAL_FILE);
// Paths named by record data go through caseFilePath, which checks every part (the data may come from a bundle).
export const bodyPath = (dir: string, sourceId: string): string => caseFilePath(dir, { kind: 'body', sourceId });
export const originalPath = (dir: string, source: Pick<Source, 'sha256' | 'originalExt'>): string =>
  caseFilePath(dir, { kind: 'original', sha256: source.sha256, ext: source.originalExt });
export const backupsPath = (dir: string): string => path.join(dir, BACKUPS_DIR);
export const bodyBackupsPath = (dir: string, sourceId: string): string => caseFilePath(dir, { kind: 'body-backups', sourceId });
