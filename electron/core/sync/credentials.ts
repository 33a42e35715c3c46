// Where the app keeps a sync password between runs. Never in the case folder (a case is copied,
// zipped and shared; a password must not travel with it), never on a command line, never readable
// by other users: one file, 0600, in a folder of its own, 0700, under the data directory (beside
// `cases/`, not in any case). In the Electron host the password in that file is sealed by the OS
// keychain through Electron's safeStorage (the host passes a SecretBox; the core never imports
// Electron); in browser mode, where there is no keychain to reach, the file's permissions are the
// protection, which is what ssh, git and the CouchDB tools themselves do with a credentials file.
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Credentials } from './remote.ts';

/** Seals and opens a secret (Electron's safeStorage in the Electron host). */
export interface SecretBox {
  /** Named in the UI: "kept in the system keychain" or "kept in a file only you can read". */
  readonly kind: 'keychain' | 'file';
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

/** No keychain: the secret is kept as it is, protected by the file's and folder's permissions. */
export const FILE_BOX: SecretBox = {
  kind: 'file',
  seal: (plain) => Buffer.from(plain, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
};

/** What the Electron host hands over: its safeStorage (the core never imports Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux only: 'basic_text' means no keyring was found and the "encryption" is a fixed key. */
  getSelectedStorageBackend?(): string;
}

/**
 * The OS keychain through Electron's safeStorage, where it really is one; otherwise the private
 * file. Decided on each use: safeStorage answers only once the app is ready.
 */
export function keychainBox(safe: SafeStorageLike): SecretBox {
  const real = () => {
    try {
      return safe.isEncryptionAvailable() && safe.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      return false;
    }
  };
  return {
    get kind() {
      return real() ? 'keychain' : 'file';
    },
    seal: (plain) => (real() ? safe.encryptString(plain) : FILE_BOX.seal(plain)),
    open: (sealed) => (real() ? safe.decryptString(sealed) : FILE_BOX.open(sealed)),
  };
}

const Entry = z.object({ user: z.string().min(1).max(200), box: z.enum(['keychain', 'file']), secret: z.string().max(10_000) });
const File = z.object({ format: z.literal('corroborate-credentials'), entries: z.record(z.string(), Entry) });
type File = z.infer<typeof File>;

export class CredentialStore {
  readonly dir: string;
  readonly box: SecretBox;

  constructor(dir: string, box: SecretBox = FILE_BOX) {
    this.dir = dir;
    this.box = box;
  }

  /** The folder for a data directory's credentials: `<data dir>/credentials`, beside `cases/`. */
  static forDataDir(dataDir: string, box?: SecretBox): CredentialStore {
    return new CredentialStore(join(dataDir, 'credentials'), box);
  }

  get #file(): string {
    return join(this.dir, 'sync.json');
  }

  /** The credentials kept for a database (its address without credentials), or null. */
  async get(database: string): Promise<Credentials | null> {
    const e = (await this.#read()).entries[database];
    if (!e) return null;
    // A password sealed by the keychain cannot be opened by a box that is not it (browser mode on the same data).
    if (e.box !== this.box.kind) return null;
    try {
      return { username: e.user, password: this.box.open(Buffer.from(e.secret, 'base64')) };
    } catch {
      return null; // the keychain changed (a new OS account, a reset): asked again
    }
  }

  async set(database: string, c: Credentials): Promise<void> {
    const f = await this.#read();
    f.entries[database] = { user: c.username, box: this.box.kind, secret: this.box.seal(c.password).toString('base64') };
    await this.#write(f);
  }

  async forget(database: string): Promise<void> {
    const f = await this.#read();
    if (!(database in f.entries)) return;
    delete f.entries[database];
    await this.#write(f);
  }

  async #read(): Promise<File> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { format: 'corroborate-credentials', entries: {} };
      throw e;
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // torn or hand-edited: read as empty below
    }
    const parsed = File.safeParse(json);
    // A damaged file loses only remembered passwords: the user is asked again.
    return parsed.success ? parsed.data : { format: 'corroborate-credentials', entries: {} };
  }

  async #write(f: File): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // A folder made earlier with a looser mode (or by hand) is closed before anything secret goes in.
    if (((await stat(this.dir)).mode & 0o077) !== 0) await chmod(this.dir, 0o700);
    await writePrivate(this.#file, `${JSON.stringify(f, null, 2)}\n`);
  }
}

/** Written whole and durably (temp file, fsync, rename), created 0600 so it is never readable by others, even for a moment. */
async function writePrivate(target: string, text: string): Promise<void> {
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  await chmod(temp, 0o600); // a umask cannot widen it, but a file system may ignore the mode at creation
  await rename(temp, target);
}
