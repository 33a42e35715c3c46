// Where each source id is first listed in the index's sources, so sources are found by id without a scan.
import type { Source } from '../../../shared/model/source.ts';
import type { IndexChanges } from './journal.ts';

export class SourceIds {
  readonly #list: () => Source[];
  /**
   * Where each source id is first listed in the index's sources, kept in step with every change to the
   * index (see sync): sources are found by id through it, never by a scan.
   */
  readonly #ids = new Map<string, number>();
  /** The sources array #ids describes, and its length then (a replaced or shortened array means a rebuild). */
  #idsOf: Source[] = [];
  #idsLength = 0;

  constructor(list: () => Source[]) {
    this.#list = list;
    this.index();
  }

  /** Indexes the sources from position `from` on (0: afresh); the first listing of an id wins, as a scan would find it. */
  index(from = 0): void {
    const list = this.#list();
    if (from === 0) this.#ids.clear();
    for (let i = from; i < list.length; i++) if (!this.#ids.has(list[i].id)) this.#ids.set(list[i].id, i);
    this.#idsOf = list;
    this.#idsLength = list.length;
  }

  /**
   * After `mutate`: the id map in step with the sources as `changes` says they changed. Appending to
   * the list indexes the new tail; a record replaced in place needs nothing; anything else (a new or
   * shortened array, an id that moved, a change not described) rebuilds the map, which costs what
   * such a change (a filter, a map, a rewrite of case.json) costs anyway.
   */
  sync(changes: IndexChanges | undefined): void {
    const list = this.#list();
    if (!changes || list !== this.#idsOf || list.length < this.#idsLength) return this.index();
    if (changes.removedSources?.length && list.length === this.#idsLength) return this.index();
    if (list.length > this.#idsLength) this.index(this.#idsLength);
    for (const id of changes.sources ?? []) {
      const i = this.#ids.get(id);
      if (i === undefined || list[i]?.id !== id) return this.index();
    }
  }

  /** Where a source id is first listed, checked against the list (a stale map is rebuilt, never trusted). */
  positionOf(sourceId: string): number | undefined {
    const list = this.#list();
    if (list !== this.#idsOf || list.length !== this.#idsLength) this.index();
    const i = this.#ids.get(sourceId);
    if (i === undefined) return undefined;
    if (list[i]?.id === sourceId) return i;
    this.index(); // changed in place behind the map's back
    const j = this.#ids.get(sourceId);
    return j !== undefined && list[j]?.id === sourceId ? j : undefined;
  }
}
