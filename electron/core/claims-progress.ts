// How far the read of a case's claims has got (claims.ts): which sources' records are in memory,
// which files could not be read, and the strings shared across what is read. Told to the rule of
// which edits may run meanwhile (claims-ready.ts) as `loaded`.
import type { SourcePart } from './claims-load.ts';
import type { Loaded } from './claims-ready.ts';

export class ReadProgress {
  #complete = false;
  readonly #read = new Set<string>();
  /** Sources whose file could not be read (reported): edits of their claims wait for the whole read. */
  readonly #failed = new Set<string>();
  /** Strings shared across the records read (claims-records.ts). */
  pool = new Map<string, string>();
  readonly #hasSource: (id: string) => boolean;

  constructor(hasSource: (id: string) => boolean) {
    this.#hasSource = hasSource;
  }

  /** True once every source's records are read. */
  get complete(): boolean {
    return this.#complete;
  }

  status(id: string): ReturnType<Loaded['source']> {
    if (!this.#hasSource(id)) return 'absent';
    if (this.#complete || this.#read.has(id)) return 'read';
    return this.#failed.has(id) ? 'failed' : 'unread';
  }

  /** Of the parts just read, those to add (not read meanwhile by another request); marks them read, and the failed ones. */
  take(parts: SourcePart[], failed: string[]): SourcePart[] {
    if (this.#complete) return [];
    for (const id of failed) if (!this.#read.has(id)) this.#failed.add(id);
    const fresh = parts.filter((p) => !this.#read.has(p.id) && this.#hasSource(p.id));
    for (const p of fresh) this.#read.add(p.id);
    return fresh;
  }

  /** Every source is read: what was kept for the read is let go. */
  finish(): void {
    this.#complete = true;
    this.#read.clear();
    this.#failed.clear();
    this.pool = new Map();
  }
}
