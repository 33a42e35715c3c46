// Floors of one day and revisions a report tells of (running.ts), on made-up claims.
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../conflicts.ts';
import { EVENT, SOURCES, count, fig, stateOf } from '../../../tests/support/claim-makers.ts';
import type { Claim } from '../../model/claims.ts';
import { roundingUnit } from './running.ts';

const rowOf = (claims: Claim[], key: string) => computeMatrix(stateOf(claims), SOURCES, EVENT).rows.find((r) => r.key === key);
const [A, B, C] = SOURCES.map((s) => s.id);
const day = '2025-04-13';

describe('an open floor beside a higher figure of the same day', () => {
  it('is an earlier count once the higher figure is past the floor’s rounding step', () => {
    expect([21, 20, 60, 100, 300, 1000, 7].map(roundingUnit)).toEqual([1, 10, 10, 10, 100, 100, 1]);
    // Sumy: "more than 20" and "at least 21" in the first hours, 32 by the afternoon
    for (const [floor, other] of [
      [fig(21, 21, null, 'more than 20'), fig(32, 32, 32)],
      [fig(21, 21, null, 'at least 21'), fig(32, 32, 32)],
      [fig(21, 21, null, 'at least 21'), fig(22, 22, 22)],
      [fig(40, 40, null, 'at least 40'), fig(66, 66, 66)],
    ]) {
      const r = rowOf([count(A, 'killed', floor, { asOf: day }), count(B, 'killed', other, { asOf: day })], 'killed|all');
      expect(r?.verdict, `${floor.raw}: ${r?.why}`).toBe('update');
      expect(r?.why).toMatch(/a floor well below .* an early, partial count/);
    }
  });

  it('is the same count written cautiously within its step: "more than 20" beside 28, "about 300" beside "at least 300"', () => {
    expect(
      rowOf([count(A, 'killed', fig(21, 21, null, 'more than 20'), { asOf: day }), count(B, 'killed', fig(28, 28, 28), { asOf: day })], 'killed|all')?.verdict,
    ).toBe('consistent');
    expect(
      rowOf(
        [count(A, 'killed', fig(300, 300, null, 'at least 300'), { asOf: day }), count(B, 'killed', fig(240, 300, 360, 'about 300'), { asOf: day })],
        'killed|all',
      )?.verdict,
    ).toBe('consistent');
  });
});

describe('a running total that falls', () => {
  const first = count(A, 'killed', fig(103, 103, 103), { asOf: '2024-01-03' });
  it('is a revision when the later report itself gives its higher figure of the earlier day, then the lower one', () => {
    // Kerman: 103 on the first evening; the next day's report: "corrected it to 95 in the evening", now 84
    const told = [count(B, 'killed', fig(95, 95, 95), { asOf: '2024-01-03' }), count(B, 'killed', fig(84, 84, 84), { asOf: '2024-01-04' })];
    const r = rowOf(told, 'killed|all');
    expect(r?.verdict, r?.why).toBe('update');
    expect(r?.why).toMatch(/a revision, which the later report tells of \(it gives Herald B '95' as of 2024-01-03, then '84'\)/);
    // and another report's 103 of that first day is the same day's count at another hour
    expect(rowOf([first, ...told], 'killed|all')?.verdict).toBe('update');
  });

  it('is a conflict when no report tells of the fall: two reports that merely differ', () => {
    expect(rowOf([first, count(B, 'killed', fig(84, 84, 84), { asOf: '2024-01-04' })], 'killed|all')?.verdict).toBe('conflict');
    // nor does a third report's earlier figure explain another's fall
    const r = rowOf(
      [first, count(C, 'killed', fig(95, 95, 95), { asOf: '2024-01-03' }), count(B, 'killed', fig(84, 84, 84), { asOf: '2024-01-04' })],
      'killed|all',
    );
    expect(r?.verdict).toBe('conflict');
  });
});

describe('one report giving a count and a floor of the same day', () => {
  it('reads a floor just above the count, within its rounding step, as the same toll an hour later', () => {
    // Kremenchuk: "Monastyrsky confirmed 18 deaths" and "at least 20 people were killed", in one report
    const r = rowOf([count(A, 'killed', fig(18, 18, 18), { asOf: day }), count(A, 'killed', fig(20, 20, null, 'at least 20'), { asOf: day })], 'killed|all');
    expect(r?.verdict, r?.why).toBe('update');
    expect(r?.why).toMatch(/the count so far and a floor just above it/);
  });

  it('sets a floor well above the count against it, and two counts too', () => {
    // Bajaur: the officials' 45 and a party's "more than 70", in one report
    expect(
      rowOf([count(A, 'killed', fig(45, 45, 45), { asOf: day }), count(A, 'killed', fig(71, 71, null, 'more than 70'), { asOf: day })], 'killed|all')?.verdict,
    ).toBe('conflict');
    expect(rowOf([count(A, 'killed', fig(85, 85, 85), { asOf: day }), count(A, 'killed', fig(50, 50, 50), { asOf: day })], 'killed|all')?.verdict).toBe(
      'conflict',
    );
  });
});

describe('an open floor and the count it is written from', () => {
  it('are one count: "more than 5,000" then "5,000" two days later does not fall', () => {
    const r = rowOf(
      [
        count(A, 'wounded', fig(5001, 5001, null, 'more than 5,000'), { asOf: '2020-08-06' }),
        count(B, 'wounded', fig(5000, 5000, 5000), { asOf: '2020-08-08' }),
      ],
      'wounded|all',
    );
    expect(r?.verdict, r?.why).toBe('consistent');
    // one below the count it is written from is a fall
    expect(
      rowOf(
        [
          count(A, 'wounded', fig(5001, 5001, null, 'more than 5,000'), { asOf: '2020-08-06' }),
          count(B, 'wounded', fig(4999, 4999, 4999), { asOf: '2020-08-08' }),
        ],
        'wounded|all',
      )?.verdict,
    ).toBe('conflict');
  });
});
