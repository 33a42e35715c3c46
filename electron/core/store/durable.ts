// Durable file writes: the bytes are on disk (not just in the OS cache) before the promise resolves,
// and a reader never sees a half-written file. Used by every write the store makes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';

/** Temp files share a recognisable shape so an interrupted write can be swept up at the next open. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
const tempPathFor = (target: string): string => {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  LIVE_TEMPS.add(temp);
  return temp;
};
/** Temp files this process is writing right now: the sweep at open (which runs beside the first writes) leaves them alone. */
const LIVE_TEMPS = new Set<string>();
export const isLiveTemp = (file: string): boolean => LIVE_TEMPS.has(file);

/**
 * Write to a temp file in the same folder, fsync it, rename it over the target, fsync the folder.
 * A crash at any point leaves either the old file or the new one, never a mix; on failure the temp
 * file is removed and the target is untouched.
 */
export async function writeFileDurable(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw e;
  } finally {
    LIVE_TEMPS.delete(temp);
  }
  await syncDir(path.dirname(target));
}

/** Copy a file durably (same temp → fsync → rename dance), without reading it into memory. */
export async function copyFileDurable(from: string, to: string): Promise<void> {
  const temp = tempPathFor(to);
  try {
    await fs.copyFile(from, temp, fs.constants.COPYFILE_EXCL);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, to);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw e;
  } finally {
    LIVE_TEMPS.delete(temp);
  }
  await syncDir(path.dirname(to));
}

/** Make a rename or unlink in `dir` durable. Some platforms (Windows) cannot open or fsync a folder. */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF' && code !== 'EACCES') throw e;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Why a stored file could not be used; the store turns this into a message that names the file. */
export class StoredFileError extends Error {
  readonly file: string;
  readonly problem: 'empty' | 'json' | 'shape' | 'too-new';
  constructor(file: string, problem: StoredFileError['problem'], message: string) {
    super(message);
    this.name = 'StoredFileError';
    this.file = file;
    this.problem = problem;
  }
}

/** Parses a JSON document that has been read, throwing StoredFileError when it is unusable. */
export type Decode<T> = (doc: unknown, file: string) => T;

export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') throw new StoredFileError(file, 'empty', `${path.basename(file)} is empty.`);
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new StoredFileError(file, 'json', `${path.basename(file)} is not valid JSON (it may have been cut short): ${why}`);
  }
}

/**
 * lowdb adapter for one JSON file: reads validate through `decode`, writes are durable.
 * Not JSONFilePreset/steno: those neither fsync nor validate, and the preset uses memory under NODE_ENV=test.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly #decode: Decode<T>;
  readonly #indent: number | undefined;
  constructor(file: string, decode: Decode<T>, options: { indent?: number } = {}) {
    this.file = file;
    this.#decode = decode;
    this.#indent = options.indent;
  }
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return this.#decode(parseJsonText(text, this.file), this.file);
  }
  write(data: T): Promise<void> {
    // Serialised synchronously here, so the write holds exactly the state at the moment it began.
    return writeFileDurable(this.file, JSON.stringify(data, null, this.#indent) + '\n');
  }
}
