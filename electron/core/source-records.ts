// Each source's annotations and claims, kept in step with the case's state edit by edit, so saving
// an edit rewrites a source's file from its own few records instead of filtering every record of
// the case (at 100,000 claims that filter was most of an edit's cost).
//
// A source's list is always what filtering the case's list by source would give, in the same
// order: a record put by a change goes after the nearest record of its own source before it in
// the case's list.
import { applyList, type ListChanges, type RecordChanges } from '../../shared/model/changes.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import { positionOf } from '../../shared/model/lists.ts';
import type { ClaimState } from '../../shared/model/commands.ts';

type Kind = 'annotations' | 'claims';
type Rec = { id: string; sourceId: string };
export interface Lists {
  annotations: Annotation[];
  claims: Claim[];
}

const byId = (r: { id: string }) => r.id;

export class SourceRecords {
  readonly #lists = new Map<string, Lists>();
  readonly #where: Record<Kind, Map<string, string>> = { annotations: new Map(), claims: new Map() };

  static of(state: Pick<ClaimState, Kind>): SourceRecords {
    const r = new SourceRecords();
    for (const kind of ['annotations', 'claims'] as const) {
      for (const x of state[kind] as Rec[]) {
        (r.#listOf(x.sourceId)[kind] as Rec[]).push(x);
        r.#where[kind].set(x.id, x.sourceId);
      }
    }
    return r;
  }

  /** A source's records (empty lists for a source with none). */
  get(sourceId: string): Lists {
    return this.#lists.get(sourceId) ?? { annotations: [], claims: [] };
  }

  /** Follows a change to the case's state (`next` is the state after it); returns the sources whose records changed. */
  apply(changes: Pick<RecordChanges, Kind>, next: Pick<ClaimState, Kind>): Set<string> {
    const touched = new Set<string>();
    for (const kind of ['annotations', 'claims'] as const) this.#applyKind(kind, changes[kind] as ListChanges<Rec>, next[kind] as Rec[], touched);
    return touched;
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

  /** A source left the case. */
  drop(sourceId: string): void {
    const lists = this.#lists.get(sourceId);
    if (!lists) return;
    for (const a of lists.annotations) this.#where.annotations.delete(a.id);
    for (const c of lists.claims) this.#where.claims.delete(c.id);
    this.#lists.delete(sourceId);
  }

  #listOf(sourceId: string): Lists {
    let l = this.#lists.get(sourceId);
    if (!l) this.#lists.set(sourceId, (l = { annotations: [], claims: [] }));
    return l;
  }

  #applyKind(kind: Kind, changes: ListChanges<Rec>, next: Rec[], touched: Set<string>): void {
    if (!changes.put.length && !changes.deleted.length) return;
    const where = this.#where[kind];
    const local = new Map<string, ListChanges<Rec>>();
    const localOf = (sid: string) => {
      let c = local.get(sid);
      if (!c) local.set(sid, (c = { put: [], deleted: [] }));
      return c;
    };
    for (const id of changes.deleted) {
      const sid = where.get(id);
      if (sid === undefined) continue;
      where.delete(id);
      localOf(sid).deleted.push(id);
    }
    for (const { value } of changes.put) {
      const sid = value.sourceId;
      where.set(value.id, sid);
      // The record it follows is the nearest of its own source before it in the case's list: found
      // among that source's few records (and those put before it here, in list order) through the
      // list's position map, not by walking back through other sources' records.
      const at = positionOf(next, value.id);
      const mine = localOf(sid);
      let after: string | null = null;
      let best = -1;
      for (const x of [...(this.#lists.get(sid)?.[kind] ?? []), ...mine.put.map((p) => p.value)]) {
        if (x.id === value.id) continue;
        const q = positionOf(next, x.id);
        if (q >= 0 && q < at && q > best) [best, after] = [q, x.id];
      }
      mine.put.push({ value, after });
    }
    for (const [sid, c] of local) {
      touched.add(sid);
      const lists = this.#listOf(sid);
      (lists[kind] as Rec[]) = applyList(lists[kind] as Rec[], c, byId);
    }
  }
}
