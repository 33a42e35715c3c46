import { describe, expect, it } from 'vitest';
import { computeAll, type Matrix } from './conflicts.ts';
import { type FigureInput, ReconcileError, Reconciliation, makeReconciliation, recheck, reconcile } from './reconcile.ts';
import { buildSeedCase } from '../../tests/unit/seed-case.ts';

const T = '2024-05-01T10:00:00.000Z';
const f = (claimId: string, low: number | null, best: number | null, high: number | null): FigureInput => ({ claimId, low, best, high });
// "about a dozen" (10–14), "14", "at least 9", "up to 18"
const ROW = [f('a', 10, 12, 14), f('b', 14, 14, 14), f('c', 9, 9, null), f('d', null, 18, 18)];

describe('reconcile', () => {
  it('conservative (ACLED): the lowest credible figure, open bounds ignored', () => {
    expect(reconcile(ROW, 'conservative')).toMatchObject({ low: 9, best: 9, high: 9, used: ['a', 'b', 'c', 'd'] });
    expect(reconcile([f('d', null, 18, 18), f('b', 14, 14, 14)], 'conservative')).toMatchObject({ low: 14, best: 14, high: 14 });
  });

  it('ucdp: lowest and highest reported, best the lower median of the best figures', () => {
    // bests 12, 14, 9, 18 → sorted 9, 12, 14, 18 → lower middle 12; highs 14, 14, (9), 18 → 18
    expect(reconcile(ROW, 'ucdp')).toMatchObject({ low: 9, best: 12, high: 18 });
    expect(reconcile([f('x', 3, 3, 3)], 'ucdp')).toMatchObject({ low: 3, best: 3, high: 3 });
  });

  it('minmax (Iraq Body Count): the reported minimum and maximum, no best', () => {
    expect(reconcile(ROW, 'minmax')).toMatchObject({ low: 9, best: null, high: 18 });
  });

  it('sets claims aside, with a reason, and says so', () => {
    const r = reconcile(ROW, 'conservative', [{ claimId: 'c', reason: 'counts a different day' }]);
    expect(r).toMatchObject({ low: 10, used: ['a', 'b', 'd'], setAside: [{ claimId: 'c', reason: 'counts a different day' }] });
    expect(r.explanation).toMatch(/10, from a/);
    expect(() => reconcile(ROW, 'conservative', [{ claimId: 'c', reason: '  ' }])).toThrow(ReconcileError);
    expect(() => reconcile(ROW, 'conservative', [{ claimId: 'zz', reason: 'x' }])).toThrow(/not in this row/);
    const none = reconcile([f('a', 1, 1, 1)], 'ucdp', [{ claimId: 'a', reason: 'retracted' }]);
    expect(none).toMatchObject({ low: null, best: null, high: null, used: [] });
  });

  it("manual: the user's numbers, in order", () => {
    expect(reconcile(ROW, 'manual', [], { low: 12, best: 14, high: null })).toMatchObject({ low: 12, best: 14, high: null });
    expect(() => reconcile(ROW, 'manual', [], { low: 15, best: 14, high: 16 })).toThrow(/in order/);
    expect(() => reconcile(ROW, 'manual', [], { low: -1, best: 14, high: 16 })).toThrow(ReconcileError);
  });

  it('never changes a claim or a cell, and skips cells that are not figures', () => {
    const cells = Object.freeze([Object.freeze({ ...f('a', 3, 3, 3), basis: 'figure' }), Object.freeze({ ...f('b', null, null, null), basis: 'date' })]);
    const snapshot = JSON.stringify(cells);
    expect(reconcile(cells, 'conservative')).toMatchObject({ low: 3, used: ['a'] });
    expect(JSON.stringify(cells)).toBe(snapshot);
  });

  it('uses every side: an implied figure counts (marked implied) unless set aside with a reason', () => {
    // Three service members as written against a breakdown that leaves exactly two.
    const cells = [
      { ...f('post', 3, 3, 3), basis: 'figure' },
      { ...f('clarion', 2, null, 2), basis: 'implied' },
    ];
    expect(reconcile(cells, 'minmax')).toMatchObject({ low: 2, high: 3, used: ['post', 'clarion'], implied: ['clarion'] });
    const aside = reconcile(cells, 'ucdp', [{ claimId: 'clarion', reason: 'counts the contractor as a civilian' }]);
    expect(aside).toMatchObject({ low: 3, best: 3, high: 3, used: ['post'], implied: [], setAside: [{ claimId: 'clarion' }] });
    // "up to 2" is what the source allows, not a report of zero; "4 or more" counts as 4.
    expect(
      reconcile(
        [
          { ...f('x', 0, null, 2), basis: 'implied' },
          { ...f('y', 4, null, null), basis: 'implied' },
        ],
        'minmax',
      ),
    ).toMatchObject({ low: 2, high: 4 });
  });

  it('rechecks a stored reconciliation against the row as it is now', () => {
    const rec = makeReconciliation({
      eventId: 'e1',
      rowKey: 'wounded|all',
      figures: ROW,
      method: 'minmax',
      rationale: 'both counts are credible',
      by: 'me',
      at: T,
    });
    expect(Reconciliation.safeParse(rec).success).toBe(true);
    expect(recheck(rec, ROW).changed).toBe(false);
    expect(recheck(rec, [...ROW, f('e', 30, 30, 30)])).toMatchObject({ changed: true });
  });
});

describe('reconciling a row of the seed case', () => {
  it('the Camp Taji wounded: "about a dozen" and "14" give 10–14', () => {
    const seed = buildSeedCase();
    const before = JSON.stringify(seed.state.claims);
    const taji = computeAll(seed.state, seed.sources).find((m) => m.eventId === 'taji-2020-03-11') as Matrix;
    const row = taji.rows.find((r) => r.key === 'wounded|all');
    expect(row).toBeDefined();
    expect(reconcile(row!.cells, 'minmax')).toMatchObject({ low: 10, high: 14 });
    expect(reconcile(row!.cells, 'conservative')).toMatchObject({ low: 10, best: 10, high: 10 });
    expect(reconcile(row!.cells, 'ucdp')).toMatchObject({ low: 10, best: 12, high: 14 });
    expect(JSON.stringify(seed.state.claims)).toBe(before);
  });
});
