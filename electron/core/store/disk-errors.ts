// A full (or read-only) disk, said in words where the user looks: Node's ENOSPC text means nothing
// to a fact-checker, and "Something went wrong inside Corroborate" blames the app for the disk.
import { ApiError } from '../../../shared/errors.ts';
import type { CaseIndex } from '../../../shared/model/case.ts';

export const DISK_FULL_MESSAGE = 'The disk holding this case is full: free some space; nothing was saved.';
export const READ_ONLY_DISK_MESSAGE = 'The disk holding this case cannot be written to (it is read-only or not yours to write): nothing was saved.';

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** No room left on the disk, or the user's quota on it used up. */
export const isDiskFull = (e: unknown): boolean => codeOf(e) === 'ENOSPC' || codeOf(e) === 'EDQUOT';

/** A failure to write that says nothing about the case's own files: they can still be read. */
export const isUnwritable = (e: unknown): boolean => isDiskFull(e) || ['EROFS', 'EACCES', 'EPERM'].includes(codeOf(e) ?? '');

/** The error as the user should read it: DISK_FULL for a full or read-only disk, else `e` unchanged. */
export function diskError(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  if (isDiskFull(e)) return new ApiError('DISK_FULL', DISK_FULL_MESSAGE, { cause: codeOf(e) });
  if (codeOf(e) === 'EROFS') return new ApiError('DISK_FULL', READ_ONLY_DISK_MESSAGE, { cause: 'EROFS' });
  return e;
}

/** Why a case opened read-only: its index could not be rewritten at open. Rethrows any other failure. */
export function readOnlyError(e: unknown, dir: string): ApiError {
  if (!isUnwritable(e)) throw e;
  const disk = diskError(e);
  const why = disk instanceof ApiError ? disk.message.replace(/: nothing was saved\.$/, '') : 'The disk holding this case cannot be written to';
  return new ApiError(
    'DISK_FULL',
    `This case is open read-only: ${why}, so its index could not be brought up to date. You can read and export it; free some space and open it again to edit. Nothing was saved.`,
    { dir },
  );
}

/** After a failed save: the index in memory made the one read back from disk, in place (others hold the object). */
export function replaceIndex(target: CaseIndex, from: CaseIndex): void {
  for (const key of Object.keys(target)) if (!(key in from)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, from);
}
