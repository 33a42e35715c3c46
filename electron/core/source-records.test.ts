import { describe, expect, it } from 'vitest';
import { diffState } from '../../shared/model/changes.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import { SourceRecords } from './source-records.ts';

type R = { id: string; sourceId: string; v: number };
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const state = (annotations: R[], claims: R[]) => ({ annotations, claims, events: [], actors: [] }) as unknown as ClaimState;

/** An edit of the kinds commands make: insert anywhere (an undone delete), delete, replace, move. */
function edit(list: R[], rand: () => number, n: number): R[] {
  const out = list.slice();
  const i = Math.floor(rand() * (out.length + 1));
  const k = Math.min(i, out.length - 1);
  switch (Math.floor(rand() * 4)) {
    case 0:
      out.splice(i, 0, { id: `n${n}`, sourceId: `s${Math.floor(rand() * 4)}`, v: n });
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
  it('are always the case’s records of that source, in the case’s order', () => {
    const rand = rng(11);
    for (let round = 0; round < 200; round++) {
      const mk = (p: string) => Array.from({ length: Math.floor(rand() * 20) }, (_, i) => ({ id: `${p}${i}`, sourceId: `s${Math.floor(rand() * 4)}`, v: i }));
      let s = state(mk('a'), mk('c'));
      const records = SourceRecords.of(s);
      for (let step = 0; step < 6; step++) {
        const next = state(edit(s.annotations as unknown as R[], rand, round * 100 + step), edit(s.claims as unknown as R[], rand, round * 100 + step + 50));
        const changes = diffState(s, next);
        const expected = new Set([...records.touched(changes)]);
        const touched = records.apply(changes, next);
        expect([...touched].sort()).toEqual([...expected].sort());
        s = next;
        for (const sid of ['s0', 's1', 's2', 's3']) {
          expect(records.get(sid).annotations).toEqual(s.annotations.filter((a) => a.sourceId === sid));
          expect(records.get(sid).claims).toEqual(s.claims.filter((c) => c.sourceId === sid));
        }
      }
    }
  });
});
