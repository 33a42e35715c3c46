// How far the read of a case's claims has got (claims.ts): which sources' records are read, which
// files could not be read, and the strings shared across what is read. Told to the rule of which
// edits may run meanwhile (claims-ready.ts) as `loaded`.
//
// Parts read wait here until the state needs them (an edit, a window's read): joining them to the
// case's lists copies those lists, and joining each batch of the background read as it came copied
// them 250 times at 10,000 sources (2.3 s of a 4 s read).
import type { SourcePart } from './claims-load.ts';
import type { Loaded } from './claims-ready.ts';

export class ReadProgress {
  #complete = false;
  readonly #read = new Set<string>();
  /** Sources whose file could not be read (reported): edits of their claims wait for the whole read. */
  readonly #failed = new Set<string>();
  /** Strings shared across the records read (claims-records.ts). */
  pool = new Map<string, string>();
  #pending: SourcePart[] = [];
  readonly #pendingIds = { annotations: new Set<string>(), claims: new Set<string>() };
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

  /** Keeps the parts just read that are new (not read meanwhile by another request) until they are joined; marks the failed. */
  take(parts: SourcePart[], failed: string[]): void {
    if (this.#complete) return;
    for (const id of failed) if (!this.#read.has(id)) this.#failed.add(id);
    for (const p of parts) {
      if (this.#read.has(p.id) || !this.#hasSource(p.id)) continue;
      this.#read.add(p.id);
      this.#pending.push(p);
      for (const a of p.annotations) this.#pendingIds.annotations.add(a.id);
      for (const c of p.claims) this.#pendingIds.claims.add(c.id);
    }
  }

  /** Whether parts wait to be joined. */
  get pending(): boolean {
    return this.#pending.length > 0;
  }

  /** Whether a record is in a part that waits to be joined. */
  holds(kind: 'annotations' | 'claims', id: string): boolean {
    return this.#pendingIds[kind].has(id);
  }

  /** The parts to join now, in the order they were read; they no longer wait. */
  drain(): SourcePart[] {
    const parts = this.#pending;
    this.#pending = [];
    this.#pendingIds.annotations.clear();
    this.#pendingIds.claims.clear();
    return parts;
  }

  /** Every source is read: what was kept for the read is let go. */
  finish(): void {
    this.#complete = true;
    this.#read.clear();
    this.#failed.clear();
    this.pool = new Map();
  }
}
