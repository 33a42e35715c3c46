// The records kept per source (source-records.ts, claims-lists.ts): after any edit of some sources'
// records, each source holds its records in order, every id is found in its source, and the
// case-wide lists are the sources' lists in the index's order.
import { describe, expect, it } from 'vitest';
import { applyChanges, diffState } from '../../shared/model/changes.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import { CaseLists } from './claims-lists.ts';

type R = { id: string; sourceId: string; v: number };
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const SOURCES = ['s0', 's1', 's2', 's3'];
const state = (annotations: R[], claims: R[]) => ({ annotations, claims, events: [], actors: [] }) as unknown as ClaimState;
const inOrder = (list: readonly R[]) => SOURCES.flatMap((sid) => list.filter((r) => r.sourceId === sid));

/** An edit of the kinds commands make, within the given sources: insert anywhere (an undone delete), delete, replace, move. */
function edit(list: R[], rand: () => number, n: number, sources: string[]): R[] {
  const out = list.slice();
  const i = Math.floor(rand() * (out.length + 1));
  const k = Math.min(i, out.length - 1);
  switch (Math.floor(rand() * 4)) {
    case 0:
      out.splice(i, 0, { id: `n${n}`, sourceId: sources[Math.floor(rand() * sources.length)], v: n });
      break;
    case 1:
      if (out.length) out.splice(k, 1);
      break;
    case 2:
      if (out.length) out[k] = { ...out[k], v: n };
      break;
    default:
      if (out.length > 1) out.splice(Math.floor(rand() * (out.length - 1)), 0, ...out.splice(k, 1));
  }
  return out;
}

describe('each source’s records, kept edit by edit', () => {
  it('are what the edit made of that source, found by id, and the case’s lists follow the sources’ order', () => {
    const rand = rng(11);
    const order = { sources: () => SOURCES.map((id) => ({ id })), position: (id: string) => SOURCES.indexOf(id) };
    for (let round = 0; round < 200; round++) {
      const mk = (p: string) =>
        Array.from({ length: Math.floor(rand() * 20) }, (_, i) => ({ id: `${p}${i}`, sourceId: SOURCES[Math.floor(rand() * 4)], v: i }));
      const lists = new CaseLists(state([], []), order);
      const first = state(mk('a'), mk('c'));
      for (const sid of SOURCES) lists.add(sid, { annotations: [], claims: [] });
      lists.take(new Set(SOURCES), first);
      for (let step = 0; step < 6; step++) {
        const scope = new Set(SOURCES.filter(() => rand() < 0.5));
        const before = lists.scoped(scope) as unknown as { annotations: R[]; claims: R[] };
        expect(before.claims).toEqual(inOrder(lists.full().claims as unknown as R[]).filter((r) => scope.has(r.sourceId)));
        if (!scope.size) continue;
        const prevFull = lists.full();
        const n = round * 100 + step;
        const next = state(edit(before.annotations, rand, n, [...scope]), edit(before.claims, rand, n + 50, [...scope]));
        lists.take(scope, next);
        for (const sid of scope) {
          expect(lists.records.get(sid).annotations).toEqual(next.annotations.filter((a) => a.sourceId === sid));
          expect(lists.records.get(sid).claims).toEqual(next.claims.filter((c) => c.sourceId === sid));
        }
        const full = lists.full() as unknown as { annotations: R[]; claims: R[] };
        expect(full.claims).toEqual(inOrder(full.claims));
        for (const c of full.claims) expect(lists.records.sourceOf('claims', c.id)).toBe(c.sourceId);
        expect(lists.records.count('claims')).toBe(full.claims.length);
        // The change set a client gets: applied to the whole case it held, it gives the whole case now.
        const changes = lists.inCase(diffState(before as unknown as ClaimState, next));
        const seen = applyChanges(prevFull, changes);
        expect(seen.claims).toEqual(full.claims);
        expect(seen.annotations).toEqual(full.annotations);
      }
    }
  });

  it('refuses an edit that put a record in a source it was not given', () => {
    const lists = new CaseLists(state([], []), { sources: () => [{ id: 's0' }, { id: 's1' }], position: (id) => (id === 's0' ? 0 : 1) });
    expect(() => lists.take(new Set(['s0']), state([], [{ id: 'c1', sourceId: 's1', v: 0 }]))).toThrow(/not given/);
  });
});
