// Each source's annotations and claims, and which source holds each id: what the core keeps of a
// case's records (claims-lists.ts makes the case-wide lists from them when asked), so an edit works
// on and rewrites a source's own few records instead of the case's 100,000.
import type { RecordChanges } from '../../shared/model/changes.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';

type Kind = 'annotations' | 'claims';
type Rec = { id: string; sourceId: string };
export interface Lists {
  annotations: Annotation[];
  claims: Claim[];
}

export class SourceRecords {
  readonly #lists = new Map<string, Lists>();
  readonly #where: Record<Kind, Map<string, string>> = { annotations: new Map(), claims: new Map() };

  /** A source's records (empty lists for a source with none). */
  get(sourceId: string): Lists {
    return this.#lists.get(sourceId) ?? { annotations: [], claims: [] };
  }

  /** Sources that `changes` would touch (for deletes, the source the record was in), without applying it. */
  touched(changes: Pick<RecordChanges, Kind>): Set<string> {
    const out = new Set<string>();
    for (const kind of ['annotations', 'claims'] as const) {
      for (const p of changes[kind].put) out.add(p.value.sourceId);
      for (const id of changes[kind].deleted) {
        const sid = this.#where[kind].get(id);
        if (sid) out.add(sid);
      }
    }
    return out;
  }

  /** A source's records as read from its file (the case being read), after every record held: its lists as they are. */
  add(sourceId: string, lists: Lists): void {
    const mine = this.#listOf(sourceId);
    mine.annotations = [...mine.annotations, ...lists.annotations];
    mine.claims = [...mine.claims, ...lists.claims];
    for (const x of lists.annotations) this.#where.annotations.set(x.id, sourceId);
    for (const x of lists.claims) this.#where.claims.set(x.id, sourceId);
  }

  /** Which source holds the record with this id, if any. */
  sourceOf(kind: Kind, id: string): string | undefined {
    return this.#where[kind].get(id);
  }

  /** How many records of that kind all sources hold. */
  count(kind: Kind): number {
    return this.#where[kind].size;
  }

  /** The sources holding records, in the order they were first added. */
  sources(): IterableIterator<string> {
    return this.#lists.keys();
  }

  /** The sources with a claim that matches: a walk over every claim, for the rare edit that reaches claims by their event or actor. */
  sourcesWithClaim(match: (c: Claim) => boolean): string[] {
    const out: string[] = [];
    for (const [sid, l] of this.#lists) if (l.claims.some(match)) out.push(sid);
    return out;
  }

  /** Replaces a source's lists (an edit's result for that source); empty lists leave it out. */
  set(sourceId: string, lists: Lists): void {
    this.drop(sourceId);
    if (!lists.annotations.length && !lists.claims.length) return;
    this.add(sourceId, lists);
  }

  /** A source left the case. */
  drop(sourceId: string): void {
    const lists = this.#lists.get(sourceId);
    if (!lists) return;
    // Only ids still said to be here: a record that moved to another source (set first) stays found there.
    for (const a of lists.annotations) if (this.#where.annotations.get(a.id) === sourceId) this.#where.annotations.delete(a.id);
    for (const c of lists.claims) if (this.#where.claims.get(c.id) === sourceId) this.#where.claims.delete(c.id);
    this.#lists.delete(sourceId);
  }

  #listOf(sourceId: string): Lists {
    let l = this.#lists.get(sourceId);
    if (!l) this.#lists.set(sourceId, (l = { annotations: [], claims: [] }));
    return l;
  }
}
