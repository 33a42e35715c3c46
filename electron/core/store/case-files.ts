// Files of a case beside its index and bodies: the originals, written once and read back, and temp files swept at open.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/errors.ts';
import type { Source } from '../../../shared/model/source.ts';
import { titleOf } from './bodies.ts';
import { backupFile } from './backups.ts';
import { TEMP_FILE, isLiveTemp, syncDir, writeFileDurable } from './durable.ts';
import { ORIGINALS_DIR, SOURCES_DIR, backupsPath, bodyBackupsPath, bodyPath, originalPath } from './layout.ts';

export const exists = (p: string): Promise<boolean> =>
  fs.access(p).then(
    () => true,
    () => false,
  );

/** Originals are written once, checked against their sha256, and never rewritten. */
export async function writeOriginal(dir: string, source: Source, original: Uint8Array): Promise<void> {
  const sha = createHash('sha256').update(original).digest('hex');
  if (sha !== source.sha256) throw new ApiError('INVALID_INPUT', `The original file's bytes do not match the source's sha256.`);
  const orig = originalPath(dir, source);
  if (await exists(orig)) return;
  await fs.mkdir(path.dirname(orig), { recursive: true });
  await writeFileDurable(orig, original);
}

/** A source's original file, as stored. */
/** A source's file, after a backup of it, and its original unless another source has the same one. */
export async function removeSourceFiles(dir: string, source: Source, opts: { keepOriginal: boolean; maxBackups: number }): Promise<void> {
  await backupFile(bodyPath(dir, source.id), bodyBackupsPath(dir, source.id), '', { keep: opts.maxBackups });
  await fs.rm(bodyPath(dir, source.id), { force: true });
  await syncDir(path.join(dir, SOURCES_DIR)).catch(() => {});
  if (opts.keepOriginal) return;
  await fs.rm(originalPath(dir, source), { force: true });
  await syncDir(path.join(dir, ORIGINALS_DIR)).catch(() => {});
}

export async function readOriginal(dir: string, source: Source): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const b = await fs.readFile(originalPath(dir, source));
    // readFile gives each file its own ArrayBuffer (never a shared one), so a view is enough; no copy.
    return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new ApiError('NOT_FOUND', `The original file of “${titleOf(source)}” is missing from ${ORIGINALS_DIR}/.`, {
      sourceId: source.id,
    });
  }
}

/**
 * Temp files left by a write that a crash interrupted; safe to delete because we hold the lock. It
 * runs beside the case's first writes (listing 10,000 files each in sources/ and originals/ would
 * hold up opening), so the temp files this process is writing are left alone.
 */
export async function sweepTempFiles(dir: string): Promise<void> {
  const folders = [dir, path.join(dir, SOURCES_DIR), path.join(dir, ORIGINALS_DIR), backupsPath(dir)];
  await Promise.all(
    folders.map(async (folder) => {
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      const stale = names
        .filter((n) => TEMP_FILE.test(n))
        .map((n) => path.join(folder, n))
        .filter((f) => !isLiveTemp(f));
      await Promise.all(stale.map((f) => fs.rm(f, { force: true })));
    }),
  );
}
