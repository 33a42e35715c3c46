// Per document, the revision the case's own record last matched. This is what tells "the server moved
// on" (the case still matches that revision: apply the newer one) from "the user edited here" (the
// case differs from it: write the edit as that revision's child, a branch CouchDB keeps if someone
// else edited too). Kept in an append-only file beside the local database (one line per change, the
// last line for an id wins; rewritten whole when it has grown three times over), so it survives a
// restart or a kill -9; a torn last line is skipped, and a stale entry can only make a merge flag a
// clash it need not, never lose an edit.
import { open, readFile } from 'node:fs/promises';
import { writeFileDurable } from '../store/index.ts';

export class KnownRevs {
  readonly #path: string;
  readonly #revs = new Map<string, string>();
  readonly #dirty = new Set<string>();
  #lines = 0;

  private constructor(path: string) {
    this.#path = path;
  }

  static async open(path: string): Promise<KnownRevs> {
    const k = new KnownRevs(path);
    const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const [id, rev] = JSON.parse(line) as [string, string];
        if (typeof id === 'string' && typeof rev === 'string') k.#revs.set(id, rev);
        k.#lines++;
      } catch {
        // a line torn by a kill -9 mid-write: the next pass finds the revision again
      }
    }
    return k;
  }

  get(id: string): string | undefined {
    return this.#revs.get(id);
  }

  set(id: string, rev: string): void {
    if (this.#revs.get(id) === rev) return;
    this.#revs.set(id, rev);
    this.#dirty.add(id);
  }

  /** Writes the entries changed since the last save (one append and fsync). */
  async save(): Promise<void> {
    if (!this.#dirty.size) return;
    const ids = [...this.#dirty];
    this.#dirty.clear();
    if (this.#lines + ids.length > 3 * this.#revs.size + 1000) {
      const all = [...this.#revs].map((e) => JSON.stringify(e)).join('\n');
      await writeFileDurable(this.#path, all ? `${all}\n` : '');
      this.#lines = this.#revs.size;
      return;
    }
    const handle = await open(this.#path, 'a');
    try {
      await handle.write(ids.map((id) => `${JSON.stringify([id, this.#revs.get(id)])}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.#lines += ids.length;
  }

  async close(): Promise<void> {
    await this.save();
  }
}
