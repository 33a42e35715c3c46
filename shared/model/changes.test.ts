import { describe, expect, it } from 'vitest';
import { applyChanges, applyList, diffList, diffState } from './changes.ts';
import { apply, type ClaimState } from './commands.ts';
import { blankClaim } from './claims.ts';

type R = { id: string; v: number };
const key = (r: R) => r.id;

/** A small seeded PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** One random edit of the kinds commands make: insert, delete, replace in place, move back in place. */
function edit(list: R[], rand: () => number, n: number): R[] {
  const out = list.slice();
  const i = Math.floor(rand() * (out.length + 1));
  switch (Math.floor(rand() * 4)) {
    case 0:
      out.splice(i, 0, { id: `new${n}`, v: n });
      break;
    case 1:
      if (out.length) out.splice(Math.min(i, out.length - 1), 1);
      break;
    case 2:
      if (out.length) out[Math.min(i, out.length - 1)] = { ...out[Math.min(i, out.length - 1)], v: n };
      break;
    default: {
      if (out.length < 2) break;
      const [x] = out.splice(Math.min(i, out.length - 1), 1);
      out.splice(Math.floor(rand() * out.length), 0, x);
    }
  }
  return out;
}

describe('change sets', () => {
  it('turn the old list into the new one, whatever the edits, keeping untouched records as they were', () => {
    const rand = rng(7);
    for (let round = 0; round < 300; round++) {
      const a: R[] = Array.from({ length: Math.floor(rand() * 30) }, (_, i) => ({ id: `r${i}`, v: i }));
      let b = a;
      const steps = 1 + Math.floor(rand() * 5);
      for (let s = 0; s < steps; s++) b = edit(b, rand, round * 10 + s);
      const changes = diffList(a, b, key);
      const applied = applyList(a, changes, key);
      expect(applied).toEqual(b);
      applied.forEach((x, i) => expect(x).toBe(b[i]));
    }
  });

  it('give the same lists through the shortcut for edits in place and additions at the end, on long lists', () => {
    const rand = rng(3);
    const long: R[] = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, v: i }));
    let s = { annotations: [], claims: long, events: [], actors: [] } as unknown as ClaimState;
    for (let step = 0; step < 200; step++) {
      const claims = edit(s.claims as unknown as R[], rand, 1000 + step);
      const next = { ...s, claims } as unknown as ClaimState;
      const applied = applyChanges(s, diffState(s, next));
      expect(applied.claims).toEqual(claims);
      s = applied;
    }
  });

  it('read an edit made in place from the places it replaced, with the same result as comparing the lists', () => {
    const T = '2024-05-01T00:00:00.000Z';
    const claims = Array.from({ length: 500 }, (_, i) =>
      blankClaim('note', { id: `c${i}`, sourceId: 's_abcdef', annotationId: `a${i}`, created: T, text: '' }),
    );
    let s = { annotations: [], claims, events: [], actors: [] } as ClaimState;
    const rand = rng(5);
    for (let step = 0; step < 50; step++) {
      // One edit or a batch of several, some touching the same claim twice.
      const ids = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => `c${Math.floor(rand() * 500)}`);
      const commands = ids.map((id, k) => ({ type: 'claim.update' as const, payload: { id, set: { note: `n${step}-${k}` }, unset: [] } }));
      const next = apply(s, { type: 'batch', payload: { commands } }).state;
      const byId = (r: { id: string }) => r.id;
      const fast = diffList(s.claims, next.claims, byId);
      expect(fast).toEqual(diffList(s.claims.slice(), next.claims.slice(), byId));
      expect(fast.put.length).toBeGreaterThan(0);
      s = next;
    }
  });

  it('name only what changed: one updated record in a long list is one put', () => {
    const a: R[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `r${i}`, v: i }));
    const b = a.slice();
    b[50_000] = { id: 'r50000', v: -1 };
    const changes = diffList(a, b, key);
    expect(changes).toEqual({ put: [{ value: { id: 'r50000', v: -1 }, after: 'r49999' }], deleted: [] });
    expect(diffList(a, a.slice(0, -1), key)).toEqual({ put: [], deleted: ['r99999'] });
  });

  it('put a record back in its place when its follower is known, at the end when it is not', () => {
    const list: R[] = [
      { id: 'x', v: 1 },
      { id: 'z', v: 3 },
    ];
    expect(applyList(list, { put: [{ value: { id: 'y', v: 2 }, after: 'x' }], deleted: [] }, key).map(key)).toEqual(['x', 'y', 'z']);
    expect(applyList(list, { put: [{ value: { id: 'y', v: 2 }, after: 'elsewhere' }], deleted: [] }, key).map(key)).toEqual(['x', 'z', 'y']);
    expect(applyList(list, { put: [{ value: { id: 'w', v: 0 }, after: null }], deleted: ['z'] }, key).map(key)).toEqual(['w', 'x']);
  });
});
