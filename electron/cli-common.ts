// What the command line's commands share: the usage error (exit status 2), argument parsing, the
// case folder a command names, a core opened on it for the command's run, and ids for new records.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixedCaseId } from './core/cases.ts';
import { createCore, type Core } from './core/index.ts';
import { defaultDataDir } from './core/store/index.ts';

/** Where a command writes: stdout and stderr, or a test's buffers. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export class UsageError extends Error {}

export function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

export function requireCase(values: Record<string, unknown>): string {
  const dir = values.case;
  if (typeof dir !== 'string' || !dir) throw new UsageError('Say which case with --case DIR.');
  return resolve(dir);
}

export async function withCore<T>(caseDir: string, fn: (core: Core, caseId: string) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir: defaultDataDir(), fixedCaseDir: caseDir, host: 'cli' });
  try {
    // The id the case in the folder has (the folder's name only while it holds no case yet).
    return await fn(core, core.info.fixedCase ?? fixedCaseId(caseDir));
  } finally {
    await core.close();
  }
}

/** An id for a record the command line makes (as the window's renderer/lib/ids.ts does: RecordId's letters, digits and "-"). */
export const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}${[...randomBytes(9)].map((b) => (b % 36).toString(36)).join('')}`;
