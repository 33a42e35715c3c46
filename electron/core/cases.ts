// Where cases live. In the app, every case is a folder under <dataDir>/cases/; a host started on one
// case folder (`serve --case DIR`, the CLI) sees exactly that case and no others.
import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/errors.ts';
import { CaseId } from '../../shared/case.ts';

export interface CaseLocator {
  /** The one case this host serves, or null when it manages a data directory of cases. */
  readonly fixedId: string | null;
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
      return entries.filter((e) => e.isDirectory() && CaseId.safeParse(e.name).success).map((e) => e.name).sort();
    },
    async trash(caseId) {
      const trashDir = join(dataDir, 'trash');
      await mkdir(trashDir, { recursive: true });
      await rename(join(root, CaseId.parse(caseId)), join(trashDir, `${caseId}-${Date.now()}`));
    },
  };
}

/** The id a folder is known by when a host is started on it directly. */
export function fixedCaseId(dir: string): string {
  const raw = basename(resolve(dir)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return CaseId.safeParse(raw).success ? raw : 'case';
}

export function fixedCaseLocator(dir: string): CaseLocator {
  const abs = resolve(dir);
  const id = fixedCaseId(abs);
  const only = (caseId: string): string => {
    if (caseId !== id) throw new ApiError('NOT_FOUND', `This window serves only the case in ${abs}.`);
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
