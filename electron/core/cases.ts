// Where cases live. In the app, every case is a folder under <dataDir>/cases/; a host started on one
// case folder (`serve --case DIR`, the CLI) sees exactly that case and no others.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/errors.ts';
import { CaseId } from '../../shared/model/case.ts';
import { CASE_FILE } from './store/layout.ts';

export interface CaseLocator {
  /** The one case this host serves, or null when it manages a data directory of cases. */
  readonly fixedId: string | null;
  /** The folder of a case; throws NOT_FOUND for an id this host does not serve. Ids naming one folder give the same path. */
  dirOf(caseId: string): string;
  listIds(): Promise<string[]>;
  newCaseDir(caseId: string): string;
  /** Moves a case folder to the data directory's trash (recoverable by hand), never deletes it outright. */
  trash(caseId: string): Promise<void>;
}

export function dataDirLocator(dataDir: string): CaseLocator {
  const root = join(dataDir, 'cases');
  return {
    fixedId: null,
    dirOf: (caseId) => join(root, CaseId.parse(caseId)),
    newCaseDir: (caseId) => join(root, CaseId.parse(caseId)),
    async listIds() {
      await mkdir(root, { recursive: true });
      const entries = await readdir(root, { withFileTypes: true });
      return entries
        .filter((e) => e.isDirectory() && CaseId.safeParse(e.name).success)
        .map((e) => e.name)
        .sort();
    },
    async trash(caseId) {
      const trashDir = join(dataDir, 'trash');
      await mkdir(trashDir, { recursive: true });
      await rename(join(root, CaseId.parse(caseId)), join(trashDir, `${caseId}-${Date.now()}`));
    },
  };
}

/** The id a folder is known by when a host is started on it and it holds no case yet (or its case.json gives none). */
export function fixedCaseId(dir: string): string {
  const raw = basename(resolve(dir))
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return CaseId.safeParse(raw).success ? raw : 'case';
}

/**
 * The id the case in a folder has (its case.json's "id"), or null if the folder holds no readable
 * case. A case is known by its own id wherever its folder is: a folder renamed, copied, or made by
 * import-bundle keeps the id of the case it holds. (The journal never changes the id, so case.json is enough.)
 */
export function storedCaseId(dir: string): string | null {
  const file = join(resolve(dir), CASE_FILE);
  // case.json as Corroborate writes it starts with its format, version and id: read only that much
  // (a 10,000-source index is 10 MB), and the whole file only when it starts any other way.
  const head = readHead(file, 4096);
  if (head === null) return null;
  const id = ID_AT_START.exec(head)?.[1] ?? idFromWholeFile(file);
  return CaseId.safeParse(id).success ? (id as string) : null;
}

const ID_AT_START = /^\{"format":"corroborate-case","schemaVersion":\d+,"id":"([A-Za-z0-9._:-]{1,128})"/;

function readHead(file: string, bytes: number): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8');
  } catch {
    return null; // missing or unreadable: opening it says which, and how to restore a backup
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function idFromWholeFile(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown } | null)?.id;
  } catch {
    return null; // damaged: opening it says so, and how to restore a backup
  }
}

/**
 * A host on one case folder. It serves the case by the id that case has (so every operation the UI
 * makes with the id it was given succeeds), and also answers to the folder-derived id, the name the
 * folder was known by before it held a case; both name the same folder (OpenCases keys by folder).
 */
export function fixedCaseLocator(dir: string): CaseLocator {
  const abs = resolve(dir);
  const folderId = fixedCaseId(abs);
  const id = storedCaseId(abs) ?? folderId;
  const only = (caseId: string): string => {
    if (caseId !== id && caseId !== folderId) throw new ApiError('NOT_FOUND', `This window serves only the case in ${abs}.`);
    return abs;
  };
  return {
    fixedId: id,
    dirOf: only,
    newCaseDir: only,
    listIds: async () => [id],
    async trash() {
      throw new ApiError('FORBIDDEN', `This window was opened on one case folder (${abs}); delete that folder yourself if you mean to.`);
    },
  };
}
