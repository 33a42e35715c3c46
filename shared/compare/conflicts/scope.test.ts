// A gap between two figures that the breakdowns explain (scope.ts), on made-up claims.
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../conflicts.ts';
import { EVENT, SOURCES, count, fig, part, stateOf } from '../../../tests/support/claim-makers.ts';
import type { Claim } from '../../model/claims.ts';

const rowOf = (claims: Claim[], key: string) => computeMatrix(stateOf(claims), SOURCES, EVENT).rows.find((r) => r.key === key);
const [A, B, C] = SOURCES.map((s) => s.id);

describe('figures that count different groups', () => {
  const groups = [
    count(C, 'wounded', fig(5, 5, 5), { population: { affiliation: 'contractor' } }),
    count(C, 'wounded', fig(1, 1, 1), { population: { nationality: 'US', affiliation: 'military' } }),
  ];

  it('a lower total that is one group, with the rest another group, is a scope mismatch', () => {
    const r = rowOf([count(A, 'wounded', fig(6, 6, 6)), count(B, 'wounded', fig(5, 5, 5)), ...groups], 'wounded|all');
    expect(r?.verdict, r?.why).toBe('scope_mismatch');
    expect(r?.why).toMatch(/Herald B '5' matches the count of wounded · contractor .* the rest of Daily A '6' matches wounded · US military/);
  });

  it('also when the lower total comes a day later (a running total that seems to fall)', () => {
    const r = rowOf(
      [count(A, 'wounded', fig(6, 6, 6), { asOf: '2021-02-15' }), count(B, 'wounded', fig(5, 5, 5), { asOf: '2021-02-16' }), ...groups],
      'wounded|all',
    );
    expect(r?.verdict).toBe('scope_mismatch');
  });

  it('is a conflict when only one side of the gap is explained, or nothing is', () => {
    expect(rowOf([count(A, 'wounded', fig(6, 6, 6)), count(B, 'wounded', fig(5, 5, 5)), groups[0]], 'wounded|all')?.verdict).toBe('conflict');
    expect(rowOf([count(A, 'wounded', fig(9, 9, 9)), count(B, 'wounded', fig(5, 5, 5)), ...groups], 'wounded|all')?.verdict).toBe('conflict');
    expect(rowOf([count(A, 'wounded', fig(6, 6, 6)), count(B, 'wounded', fig(5, 5, 5))], 'wounded|all')?.verdict).toBe('conflict');
  });

  it('a total given with its breakdown says what it counts: no scope is guessed for it', () => {
    // "a soldier, a contractor and a Briton" leaves two military; another outlet counts three military
    const broken = count(B, 'killed', fig(3, 3, 3), {
      parts: [
        part(1, { nationality: 'US', affiliation: 'military' }),
        part(1, { nationality: 'US', affiliation: 'contractor' }),
        part(1, { nationality: 'GB', affiliation: 'military' }),
      ],
    });
    const other = count(A, 'killed', fig(3, 3, 3), {
      population: { affiliation: 'military' },
      parts: [part(2, { nationality: 'US' }), part(1, { nationality: 'GB' })],
    });
    const r = rowOf([broken, other], 'killed|affiliation=military');
    expect(r?.verdict, r?.why).toBe('conflict');
  });

  it('a count of the hospitalised that is another report’s count of the wounded, which counts fewer in hospital, is a scope mismatch', () => {
    // Kremenchuk: "59 wounded went to the hospital … 25 of them were hospitalized" beside "59 people have been hospitalized"
    const day = '2022-06-28';
    const minister = [count(A, 'wounded', fig(59, 59, 59), { asOf: day }), count(A, 'hospitalised', fig(25, 25, 25), { asOf: day })];
    const r = rowOf([...minister, count(B, 'hospitalised', fig(59, 59, 59), { asOf: day })], 'hospitalised|all');
    expect(r?.verdict, r?.why).toBe('scope_mismatch');
    expect(r?.why).toMatch(/Herald B '59' is the count of wounded in Daily A \(Daily A '59'\), of whom it counts Daily A '25' as hospitalised/);
    // a count of the hospitalised that is no one's count of the wounded stays two counts of the day
    expect(rowOf([...minister, count(B, 'hospitalised', fig(40, 40, 40), { asOf: day })], 'hospitalised|all')?.verdict).toBe('update');
  });
});
