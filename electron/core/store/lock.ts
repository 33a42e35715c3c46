// One writer per case across processes: a `.lock` folder in the case, kept fresh while we hold it.
// proper-lockfile judges a lock stale by its age, so a crashed process does not lock a case forever.
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ApiError } from '../../../shared/errors.ts';

export const LOCK_NAME = '.lock';
/** A lock not refreshed for this long belongs to a process that died; it is taken over. */
export const LOCK_STALE_MS = 10_000;

const lockOptions = (dir: string) => ({
  lockfilePath: path.join(dir, LOCK_NAME),
  realpath: false,
  stale: LOCK_STALE_MS,
});

export interface CaseLock {
  release(): Promise<void>;
  /** Set if the lock was lost while held (e.g. the machine slept past the stale limit and another process took it). */
  readonly lost: Error | null;
}

export const lockedError = (dir: string): ApiError =>
  new ApiError(
    'CASE_LOCKED',
    `This case is open in another Corroborate window or process (${dir}). Close it there and try again. If Corroborate crashed, wait ${LOCK_STALE_MS / 1000} seconds and try again.`,
    { dir },
  );

export async function acquireCaseLock(dir: string): Promise<CaseLock> {
  let lost: Error | null = null;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      ...lockOptions(dir),
      // The default throws from a timer, which would crash the app; the store refuses writes instead.
      onCompromised: (err) => {
        lost = err;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(dir);
    throw e;
  }
  return {
    get lost() {
      return lost;
    },
    async release() {
      if (lost) return;
      await release().catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ERELEASED') throw e;
      });
    },
  };
}

/** Whether some process (this one included) holds a fresh lock on the case. */
export async function isCaseLocked(dir: string): Promise<boolean> {
  try {
    return await lockfile.check(dir, lockOptions(dir));
  } catch {
    return false;
  }
}
