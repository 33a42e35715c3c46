// A case's change feed: every change to its claims gets the next version, is kept for a while for
// clients catching up (claims.changes) and is told to listeners (the hosts' feed). Apart from the
// claims themselves (claims.ts), which decide what changed.
import type { ChangeSet, RecordChanges } from '../../shared/model/changes.ts';

/** How many change sets are kept for a client catching up (a window that was asleep reads the view again). */
const RECENT_CHANGES = 200;

const none = { put: [], deleted: [] };
/** A change with no records (the case read: the count, the undo state and the problems come with it). */
export const NO_RECORDS: RecordChanges = {
  annotations: none,
  claims: none,
  events: none,
  actors: none,
  decisions: none,
  reconciliations: none,
  gradeOverrides: none,
};

export class ChangeFeed {
  // Starts from the clock, so a case read again (after a merge) never reuses a version a client holds.
  #version = Date.now();
  readonly #recent: ChangeSet[] = [];
  readonly #listeners = new Set<(c: ChangeSet) => void>();

  get version(): number {
    return this.#version;
  }

  /** Gives the changes the next version, keeps them and tells every listener. */
  publish(changes: RecordChanges, extra: Pick<ChangeSet, 'undo' | 'problems' | 'totalClaims' | 'sources' | 'suggestions'>): ChangeSet {
    this.#version++;
    const change: ChangeSet = { ...changes, ...extra, version: this.#version, reset: false };
    this.#recent.push(change);
    if (this.#recent.length > RECENT_CHANGES) this.#recent.splice(0, this.#recent.length - RECENT_CHANGES);
    for (const fn of this.#listeners) fn(change);
    return change;
  }

  /** The change sets after version `since`, or reset when they are older than those kept. */
  since(since: number): { version: number; changes: ChangeSet[]; reset: boolean } {
    if (since > this.#version) return { version: this.#version, changes: [], reset: true };
    const changes = this.#recent.filter((c) => c.version > since);
    const complete = since === this.#version || changes[0]?.version === since + 1;
    return { version: this.#version, changes: complete ? changes : [], reset: !complete };
  }

  /** Called with every change set, in order. Returns the unsubscribe. */
  subscribe(fn: (c: ChangeSet) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
