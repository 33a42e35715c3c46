// One writer per case across processes: a `.lock` folder in the case, kept fresh while we hold it.
// proper-lockfile judges a lock stale by its age, so a crashed process does not lock a case forever.
// The holder also writes its pid and host beside the lock folder (proper-lockfile removes the folder
// with rmdir, so it must stay empty): a lock whose process is gone (same host, no such pid) is taken
// over at once, not after the stale age, so reopening after a crash just works. The taker first
// renames the dead owner's file away: only one process can, so two cannot both take the lock.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ApiError } from '../../../shared/errors.ts';

export const LOCK_NAME = '.lock';
/** Beside the lock folder: {"pid","host"} of the process holding it. */
export const LOCK_OWNER = '.lock-owner.json';
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
  new ApiError('CASE_LOCKED', `This case is open in another Corroborate window or process (${dir}). Close it there and try again.`, { dir });

/** Whether process `pid` is alive on this machine (EPERM: alive, another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's owner when it is a process of this host that no longer exists; else null. */
function deadOwner(dir: string): { pid: number; host: string } | null {
  try {
    const o = JSON.parse(readFileSync(path.join(dir, LOCK_OWNER), 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0 || o.host !== hostname()) return null;
    return processAlive(o.pid) ? null : { pid: o.pid, host: o.host };
  } catch {
    return null; // no owner file (an older lock, or one being made): its age decides, as before
  }
}

/** Moves a dead process's lock out of the way (a rename, so two takers cannot both remove a fresh lock). */
function takeOverDeadLock(dir: string): boolean {
  const dead = deadOwner(dir);
  if (!dead) return false;
  const aside = path.join(dir, `${LOCK_NAME}-dead-${dead.pid}-${process.pid}-${Date.now()}`);
  try {
    renameSync(path.join(dir, LOCK_OWNER), `${aside}.json`); // the claim: fails if another process made it first
  } catch {
    return false;
  }
  try {
    renameSync(path.join(dir, LOCK_NAME), aside);
  } catch {
    // already gone
  }
  rmSync(aside, { recursive: true, force: true });
  rmSync(`${aside}.json`, { force: true });
  return true;
}

export async function acquireCaseLock(dir: string): Promise<CaseLock> {
  let lost: Error | null = null;
  let release: () => Promise<void>;
  const options = {
    ...lockOptions(dir),
    // The default throws from a timer, which would crash the app; the store refuses writes instead.
    onCompromised: (err: Error) => {
      lost = err;
    },
  };
  try {
    release = await lockfile.lock(dir, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    if (!takeOverDeadLock(dir)) throw lockedError(dir);
    try {
      release = await lockfile.lock(dir, options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(dir);
      throw again;
    }
  }
  try {
    writeFileSync(path.join(dir, LOCK_OWNER), JSON.stringify({ pid: process.pid, host: hostname() }));
  } catch {
    // Without it the lock still works; a crash then waits out the stale age.
  }
  return {
    get lost() {
      return lost;
    },
    async release() {
      if (lost) return;
      rmSync(path.join(dir, LOCK_OWNER), { force: true });
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
