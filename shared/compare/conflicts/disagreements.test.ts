import { describe, expect, it } from 'vitest';
import { changedSinceDecision, computeMatrix, conflictsReport, type Decision, type Row, staleDecisions } from '../conflicts.ts';
import { count, EVENT, fig, part, SOURCES, stateOf, T } from '../../../tests/support/claim-makers.ts';
import { groupRows } from './disagreements.ts';

const rowsOf = (claims: ReturnType<typeof count>[], decisions: Decision[] = []) => computeMatrix(stateOf(claims), SOURCES, EVENT, decisions).rows;
const flags = (rows: Row[]) => rows.filter((r) => r.group === r.key);

// Two outlets agree on three dead and split them differently: the invented twin of "two U.S.
// service members and a Briton" against "a soldier, a contractor and a British soldier".
const soldierContractor = () =>
  count('s_aaaaaa', 'killed', fig(3, 3, 3, 'three'), {
    parts: [
      part(1, { nationality: 'US', affiliation: 'military' }),
      part(1, { nationality: 'US', affiliation: 'contractor' }),
      part(1, { nationality: 'GB', affiliation: 'military' }),
    ],
  });
const twoSoldiers = () =>
  count('s_cccccc', 'killed', fig(3, 3, 3, 'three'), {
    parts: [part(2, { nationality: 'US', affiliation: 'military' }), part(1, { nationality: 'GB', affiliation: 'military' })],
  });

describe('one flag per disagreement', () => {
  it('puts nested rows that weigh the same claims into one disagreement, flagged where the written figures part ways', () => {
    const rows = rowsOf([soldierContractor(), twoSoldiers()]);
    const flagged = rows.filter((r) => r.verdict !== 'consistent' && r.verdict !== 'single');
    expect(flagged.length).toBeGreaterThan(2); // total, US, US military, US contractor…
    const f = flags(rows);
    expect(f.map((r) => r.key)).toEqual(['killed|nationality=US;affiliation=military']);
    expect(f[0].verdict).toBe('conflict');
    // Every other killed row is its context, flagged or not; the decision lives on the flag.
    for (const r of rows.filter((x) => x.measure === 'killed' && x !== f[0])) expect(r.group, r.key).toBe(f[0].key);
    expect(f[0].context).toEqual(expect.arrayContaining(['killed|all', 'killed|nationality=US;affiliation=contractor']));
    expect(new Set(f[0].groupClaims)).toEqual(new Set(rows.flatMap((r) => r.claims)));
  });

  it('keeps disagreements apart when their claims never meet, even in one event and measure', () => {
    const usA = count('s_aaaaaa', 'killed', fig(2, 2, 2), { population: { nationality: 'US' } });
    const usC = count('s_cccccc', 'killed', fig(5, 5, 5), { population: { nationality: 'US' } });
    const iqB = count('s_bbbbbb', 'killed', fig(10, 10, 10), { population: { nationality: 'IQ' } });
    const iqD = count('s_dddddd', 'killed', fig(40, 40, 40), { population: { nationality: 'IQ' } });
    const rows = rowsOf([usA, usC, iqB, iqD]);
    expect(flags(rows).map((r) => r.key)).toEqual(['killed|nationality=IQ', 'killed|nationality=US']);
  });

  it('keeps measures apart: a conflict on the dead and one on the wounded are two disagreements', () => {
    const rows = rowsOf([
      count('s_aaaaaa', 'killed', fig(4, 4, 4)),
      count('s_cccccc', 'killed', fig(7, 7, 7)),
      count('s_aaaaaa', 'wounded', fig(10, 10, 10)),
      count('s_cccccc', 'wounded', fig(30, 30, 30)),
    ]);
    expect(flags(rows).map((r) => r.measure)).toEqual(['killed', 'wounded']);
  });

  it('prefers the most severe row, then a contradiction between written figures, then the widest population', () => {
    const g = groupRows([
      {
        key: 'k|all',
        measure: 'k',
        pop: { nationality: null, affiliation: null, side: null, role: null, place: null },
        verdict: 'scope_mismatch',
        claims: ['a', 'b'],
        direct: false,
      },
      {
        key: 'k|mil',
        measure: 'k',
        pop: { nationality: null, affiliation: 'military', side: null, role: null, place: null },
        verdict: 'conflict',
        claims: ['a', 'b'],
        direct: false,
      },
      {
        key: 'k|US mil',
        measure: 'k',
        pop: { nationality: 'US', affiliation: 'military', side: null, role: null, place: null },
        verdict: 'conflict',
        claims: ['a', 'b'],
        direct: true,
      },
      {
        key: 'k|US',
        measure: 'k',
        pop: { nationality: 'US', affiliation: null, side: null, role: null, place: null },
        verdict: 'consistent',
        claims: ['a'],
        direct: false,
      },
      { key: 'date', measure: 'date', pop: null, verdict: 'unclear', claims: ['c'], direct: true },
    ]);
    expect(g).toEqual([
      { flag: 'k|US mil', rows: ['k|US mil', 'k|all', 'k|mil', 'k|US'] },
      { flag: 'date', rows: ['date'] },
    ]);
  });

  it('lets one decision cover the disagreement, and keeps it when the flag moves to another of its rows', () => {
    const a = soldierContractor();
    const c = twoSoldiers();
    const before = flags(rowsOf([a, c]))[0];
    // A decision stored under a context row's key (as an earlier version, deciding row by row, did) still covers it.
    const onTotal: Decision = {
      eventId: 'e1',
      rowKey: 'killed|all',
      status: 'explained',
      note: 'Checked with the ministry.',
      at: T,
      verdict: 'conflict',
      claims: before.groupClaims,
    };
    const rows = rowsOf([a, c], [onTotal]);
    const f = flags(rows)[0];
    expect(f.decision?.note).toBe('Checked with the ministry.');
    expect(changedSinceDecision(f)).toBe(false);
    expect(rows.find((r) => r.key === 'killed|all')?.decision).toBeNull();
    expect(staleDecisions([computeMatrix(stateOf([a, c]), SOURCES, EVENT)], [onTotal])).toEqual([]);
    // A third outlet joins; the decision still covers the disagreement, now marked as changed.
    const b = count('s_bbbbbb', 'killed', fig(3, 3, 3, 'three'), { parts: [part(3, { nationality: 'US', affiliation: 'military' })] });
    const after = flags(rowsOf([a, c, b], [onTotal]));
    expect(after).toHaveLength(1);
    expect(after[0].decision?.status).toBe('explained');
    expect(changedSinceDecision(after[0])).toBe(true);
  });

  it('reports disagreements in the CLI report, one per flag', () => {
    const report = conflictsReport([computeMatrix(stateOf([soldierContractor(), twoSoldiers()]), SOURCES, EVENT)]);
    expect(report.events[0].disagreements).toHaveLength(1);
    expect(report.events[0].disagreements[0]).toMatchObject({ flag: 'killed|nationality=US;affiliation=military', verdict: 'conflict', decision: null });
    expect(report.events[0].rows.filter((r) => r.flag)).toHaveLength(1);
  });
});
