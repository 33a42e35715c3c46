// A case's claim state as the core holds it: the index's records (events, actors, judgements) as
// lists, and the annotations and claims per source (source-records.ts). The case-wide lists of
// annotations and claims, which the commands of shared/model work on, are made only when asked: for
// a read of the whole case (Compare, an export, sync), kept until the next change; and for an edit,
// of the sources it may touch only (claims-scope.ts). Copying the case's 100,000-claim list on every
// edit was most of an edit's cost at 10,000 sources.
//
// The case-wide order is the index's order of sources, each source's records in its file's order
// (sources no longer in the index, for the moment an edit takes one out, last). So it is the same
// whichever sources were read first (a window's are read ahead of the rest), and what follows it
// (an export, a bundle) does not depend on what was opened.
import type { ListChanges, RecordChanges } from '../../shared/model/changes.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import { ApiError } from '../../shared/errors.ts';
import { SourceRecords, type Lists } from './source-records.ts';

type Kind = 'annotations' | 'claims';
const KINDS = ['annotations', 'claims'] as const;

/** The index's sources in order, and where one stands (store/case-store.ts). */
export interface SourceOrder {
  sources(): ReadonlyArray<{ id: string }>;
  position(id: string): number | undefined;
}

export class CaseLists {
  /** The index's records; its annotations and claims are always empty (they are in `records`). */
  #base: ClaimState;
  readonly records = new SourceRecords();
  #full: ClaimState | null = null;
  readonly #order: SourceOrder;

  constructor(base: ClaimState, order: SourceOrder) {
    this.#base = { ...base, annotations: [], claims: [] };
    this.#order = order;
  }

  /** The index's records (events, actors, judgements), with no annotations or claims. */
  get base(): ClaimState {
    return this.#base;
  }

  /** The whole state, in case order: made when asked after a change, then kept. */
  full(): ClaimState {
    if (this.#full) return this.#full;
    const annotations = [];
    const claims = [];
    for (const sid of this.#caseOrder()) {
      const l = this.records.get(sid);
      for (const a of l.annotations) annotations.push(a);
      for (const c of l.claims) claims.push(c);
    }
    return (this.#full = { ...this.#base, annotations, claims });
  }

  /** The state an edit of these sources works on: the index's records and those sources' records, in case order. */
  scoped(sources: ReadonlySet<string>): ClaimState {
    const ordered = [...sources].sort((a, b) => (this.#order.position(a) ?? Infinity) - (this.#order.position(b) ?? Infinity));
    return { ...this.#base, annotations: ordered.flatMap((s) => this.records.get(s).annotations), claims: ordered.flatMap((s) => this.records.get(s).claims) };
  }

  /** Takes an edit's result: `next` as scoped(sources) became, each source's records split from it. */
  take(sources: ReadonlySet<string>, next: ClaimState): void {
    const split = new Map<string, Lists>([...sources].map((s) => [s, { annotations: [], claims: [] }]));
    for (const kind of KINDS) {
      for (const r of next[kind]) {
        const mine = split.get(r.sourceId);
        // A command's scope names every source it may touch; a record elsewhere is a bug here, not the user's.
        if (!mine) throw new ApiError('INTERNAL', `An edit reached a source it was not given (${r.sourceId}); nothing was saved.`);
        (mine[kind] as unknown[]).push(r);
      }
    }
    for (const [sid, lists] of split) {
      const was = this.records.get(sid);
      if (!same(was.annotations, lists.annotations) || !same(was.claims, lists.claims)) {
        this.records.set(sid, lists);
        this.#full = null;
      }
    }
    this.setBase(next);
  }

  /** Takes the index's records of `next` (its annotations and claims are not looked at). */
  setBase(next: ClaimState): void {
    const b = this.#base;
    if (
      next.events === b.events &&
      next.actors === b.actors &&
      next.decisions === b.decisions &&
      next.reconciliations === b.reconciliations &&
      next.gradeOverrides === b.gradeOverrides
    )
      return;
    this.#base = { ...next, annotations: [], claims: [] };
    this.#full = null;
  }

  /** A source's records as read from its file (the case being read), after those it holds. */
  add(sourceId: string, lists: Lists): void {
    this.records.add(sourceId, lists);
    this.#full = null;
  }

  /** Forgets the whole state made last (a source's records changed outside take()). */
  changed(): void {
    this.#full = null;
  }

  /**
   * A change found between two scoped states, with each annotation and claim put saying the record
   * it follows in the case-wide lists (in a scoped state, the first record of a source follows
   * nothing, or another source's record that is not next to it in the case).
   */
  inCase(changes: RecordChanges): RecordChanges {
    const out = { ...changes };
    for (const kind of KINDS) {
      const c = changes[kind] as ListChanges<{ id: string; sourceId: string }>;
      if (c.put.length) (out[kind] as typeof c) = { put: c.put.map((p) => ({ value: p.value, after: this.#follows(kind, p.value) })), deleted: c.deleted };
    }
    return out;
  }

  /** The id of the record before this one in the case-wide list of its kind, or null. */
  #follows(kind: Kind, r: { id: string; sourceId: string }): string | null {
    const mine = this.records.get(r.sourceId)[kind];
    const i = mine.findIndex((x) => x.id === r.id);
    if (i > 0) return mine[i - 1].id;
    const sources = this.#order.sources();
    const at = this.#order.position(r.sourceId) ?? sources.length;
    for (let j = at - 1; j >= 0; j--) {
      const l = this.records.get(sources[j].id)[kind];
      if (l.length) return l[l.length - 1].id;
    }
    return null;
  }

  #caseOrder(): string[] {
    const ids = this.#order.sources().map((s) => s.id);
    const listed = new Set(ids);
    for (const sid of this.records.sources()) if (!listed.has(sid)) ids.push(sid);
    return ids;
  }
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
