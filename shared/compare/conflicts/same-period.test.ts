// Running totals of one as-of period from different reports (same-period.ts), on made-up claims.
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../conflicts.ts';
import { EVENT, SOURCES, count, fig, pop, stateOf } from '../../../tests/support/claim-makers.ts';
import type { Claim } from '../../model/claims.ts';

const rowOf = (claims: Claim[], key: string) => computeMatrix(stateOf(claims), SOURCES, EVENT).rows.find((r) => r.key === key);
const [A, B, C] = SOURCES.map((s) => s.id);
const day = '2021-06-04';

describe('running totals of one day', () => {
  it('two reports of one day that differ are an earlier and a later count: an update', () => {
    const r = rowOf([count(A, 'killed', fig(30, 30, 30), { asOf: day }), count(B, 'killed', fig(39, 39, null), { asOf: day })], 'killed|all');
    expect(r?.verdict, r?.why).toBe('update');
    expect(r?.why).toMatch(/both as of 2021-06-04: two reports of one day/);
  });

  it('one report giving both figures for one day sets them against each other: a conflict', () => {
    const r = rowOf([count(A, 'killed', fig(471, 471, 471), { asOf: day }), count(A, 'killed', fig(100, 100, 300), { asOf: day })], 'killed|all');
    expect(r?.verdict).toBe('conflict');
    expect(r?.why).toMatch(/in the same report/);
  });

  it('the count of the dead orders two reports of a day: the later one with fewer wounded is a conflict', () => {
    const claims = [
      count(A, 'killed', fig(30, 30, 30), { asOf: day }),
      count(A, 'wounded', fig(101, 101, null), { asOf: day }),
      count(B, 'killed', fig(39, 39, null), { asOf: day }),
      count(B, 'wounded', fig(87, 87, 87), { asOf: day }),
    ];
    const wounded = rowOf(claims, 'wounded|all');
    expect(wounded?.verdict, wounded?.why).toBe('conflict');
    expect(wounded?.why).toMatch(/Herald B '87' against Daily A '101'.*the first is the later report/);
    // the dead themselves are not put in order by the wounded (who are discharged, re-counted or die)
    expect(rowOf(claims, 'killed|all')?.verdict).toBe('update');
  });

  it('a floor of the dead orders reports as the count it stands for: "at least 24" is before 26, "more than 20" is not before 26', () => {
    const quetta = (floor: ReturnType<typeof fig>) => [
      count(A, 'killed', floor, { asOf: day }),
      count(A, 'wounded', fig(53, 53, 53), { asOf: day }),
      count(B, 'killed', fig(26, 26, 26), { asOf: day }),
      count(B, 'wounded', fig(46, 46, 46), { asOf: day }),
    ];
    const r = rowOf(quetta(fig(24, 24, null, 'at least 24')), 'wounded|all');
    expect(r?.verdict, r?.why).toBe('conflict');
    expect(r?.why).toMatch(/Herald B '46' against Daily A '53'.*the first is the later report/);
    expect(rowOf(quetta(fig(21, 21, null, 'more than 20')), 'wounded|all')?.verdict).toBe('update');
  });

  it('a count of the dead that a later day falls below is contested and orders nothing', () => {
    // Kunduz: teleSUR's 100 dead and 100 wounded beside 46 dead and more than 140 wounded; 46 again the next day
    const claims = [
      count(A, 'killed', fig(100, 100, 100), { asOf: day }),
      count(A, 'wounded', fig(100, 100, 100), { asOf: day }),
      count(B, 'killed', fig(46, 46, 46), { asOf: day }),
      count(B, 'wounded', fig(141, 141, null), { asOf: day }),
    ];
    const next = count(C, 'killed', fig(46, 46, 46), { asOf: '2021-06-05' });
    expect(rowOf([...claims, next], 'wounded|all')?.verdict).toBe('update');
    expect(rowOf(claims, 'wounded|all')?.verdict).toBe('conflict');
  });

  it('a later report (by its dead) with more wounded is an update; reports that the dead do not order stay an update', () => {
    const later = [
      count(A, 'killed', fig(30, 30, 30), { asOf: day }),
      count(A, 'wounded', fig(87, 87, 87), { asOf: day }),
      count(B, 'killed', fig(50, 50, null), { asOf: day }),
      count(B, 'wounded', fig(101, 101, null), { asOf: day }),
    ];
    expect(rowOf(later, 'wounded|all')?.verdict).toBe('update');
    const equalDead = [
      count(A, 'killed', fig(13, 13, 13), { asOf: day }),
      count(A, 'wounded', fig(18, 18, 18), { asOf: day }),
      count(C, 'killed', fig(13, 13, 13), { asOf: day }),
      count(C, 'wounded', fig(15, 15, 15), { asOf: day }),
    ];
    expect(rowOf(equalDead, 'wounded|all')?.verdict).toBe('update');
  });

  it('two days still order themselves: a toll that falls the next day is a conflict', () => {
    const r = rowOf([count(A, 'killed', fig(95, 95, 95), { asOf: day }), count(B, 'killed', fig(84, 84, 84), { asOf: '2021-06-05' })], 'killed|all');
    expect(r?.verdict).toBe('conflict');
    // and a population keeps its own row: the wounded of one group do not order the dead of another
    const r2 = rowOf(
      [
        count(A, 'killed', fig(2, 2, 2), { asOf: day, population: pop({ nationality: 'US' }) }),
        count(B, 'killed', fig(9, 9, 9), { asOf: day, population: pop({ nationality: 'US' }) }),
      ],
      'killed|nationality=US',
    );
    expect(r2?.verdict).toBe('update');
  });

  it('a figure given for a month holds for the month: two reports of one month must still agree', () => {
    const r = rowOf(
      [count(A, 'killed', fig(200, 200, 200), { asOf: '2024-08' }), count(B, 'killed', fig(270, 299, 299), { asOf: '2024-08-26' })],
      'killed|all',
    );
    expect(r?.verdict).toBe('conflict');
  });

  it('an open floor well below another figure of the day is an early, partial count: an update, not consistent', () => {
    const r = rowOf([count(A, 'killed', fig(7, 7, null), { asOf: day }), count(B, 'killed', fig(80, 100, 120), { asOf: day })], 'killed|all');
    expect(r?.verdict, r?.why).toBe('update');
    expect(r?.why).toMatch(/a floor well below/);
    // a floor near the other figure ("more than 60" beside 66) is a cautious way of writing the same count (running.ts)
    for (const floor of [fig(61, 61, null, 'more than 60'), fig(60, 60, null, 'at least 60')])
      expect(rowOf([count(A, 'killed', floor, { asOf: day }), count(B, 'killed', fig(66, 66, 66), { asOf: day })], 'killed|all')?.verdict).toBe('consistent');
  });

  it('a count of the missing (or of people in hospital) that falls the next day is an update: they are found, or discharged', () => {
    const r = rowOf([count(A, 'missing', fig(43, 43, 43), { asOf: day }), count(B, 'missing', fig(30, 30, 30), { asOf: '2021-06-06' })], 'missing|all');
    expect(r?.verdict, r?.why).toBe('update');
    expect(r?.why).toMatch(/falls as people are found/);
    expect(
      rowOf(
        [count(A, 'hospitalised', fig(107, 107, 107), { asOf: day }), count(B, 'hospitalised', fig(57, 57, 57), { asOf: '2021-06-05' })],
        'hospitalised|all',
      )?.verdict,
    ).toBe('update');
    // also within a day, when the later report (by its dead) counts fewer missing
    const ordered = [
      count(A, 'killed', fig(18, 18, 18), { asOf: day }),
      count(A, 'missing', fig(36, 36, 36), { asOf: day }),
      count(B, 'killed', fig(20, 20, null), { asOf: day }),
      count(B, 'missing', fig(21, 21, 21), { asOf: day }),
    ];
    expect(rowOf(ordered, 'missing|all')?.verdict).toBe('update');
    // the wounded stay wounded: their count does not fall
    expect(
      rowOf([count(A, 'wounded', fig(43, 43, 43), { asOf: day }), count(B, 'wounded', fig(30, 30, 30), { asOf: '2021-06-06' })], 'wounded|all')?.verdict,
    ).toBe('conflict');
  });
});
