import { describe, expect, it } from 'vitest';
import type { Cell } from './schema.ts';
import { plainWhy } from './plain.ts';
import { rangeChart, rangeChartSvg } from './range-chart.ts';

const cell = (
  claimId: string,
  sourceId: string,
  low: number | null,
  best: number | null,
  high: number | null,
  basis: Cell['basis'] = 'figure',
  raw = '',
): Cell => ({
  claimId,
  sourceId,
  independenceGroup: sourceId,
  raw,
  low,
  best,
  high,
  start: null,
  end: null,
  asOf: null,
  basis,
  detail: basis === 'implied' ? 'implied by its total and breakdown' : 'as written',
  problem: null,
});
const NAMES: Record<string, string> = { a: 'Daily A', b: 'Herald B', c: 'Monitor <C>' };
const name = (id: string) => NAMES[id] ?? id;

describe('the range chart of a row', () => {
  it('draws one bar per claim on a shared axis, open bounds to the edge, the reconciled range shaded, with every bar in words', () => {
    const chart = rangeChart(
      [cell('1', 'a', 10, 12, 14), cell('2', 'b', 62, 62, null), cell('3', 'c', 2, null, 2, 'implied'), cell('1', 'a', 10, 12, 14)],
      name,
      { low: 10, high: 14 },
    )!;
    expect(chart.bars).toHaveLength(3);
    expect(chart.bars[1]).toMatchObject({ openHigh: true, x2: 1 });
    expect(chart.bars[0].x1).toBeLessThan(chart.bars[0].x2);
    expect(chart.bars[2].implied).toBe(true);
    expect(chart.shade).not.toBeNull();
    expect(chart.alt).toBe('Daily A: 10–14, best 12; Herald B: 62 or more; Monitor <C> (implied): 2; reconciled 10–14.');
    const svg = rangeChartSvg(chart);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('Monitor &#60;C&#62;');
    expect(svg).not.toContain('<C>');
  });

  it('draws nothing for a row without numbers', () => {
    expect(rangeChart([cell('1', 'a', null, null, null)], name)).toBeNull();
  });
});

describe('the plain sentence of a row', () => {
  it('says who counts what, in the words as written, and what the others’ figures leave', () => {
    const row = { verdict: 'conflict' as const, cells: [cell('1', 'a', 3, 3, 3, 'figure', 'three service members'), cell('2', 'b', 2, null, 2, 'implied')] };
    expect(plainWhy(row, name)).toBe('The sources disagree: Daily A counts three service members (3); Herald B’s figures leave 2.');
    expect(plainWhy({ verdict: 'single', cells: [] }, name)).toBe('One source.');
  });

  it('says why when a scope mismatch has figures that differ, and when a claim of responsibility came after reports of none', () => {
    const scope = { verdict: 'scope_mismatch' as const, cells: [cell('1', 'a', 6, 6, 6, 'figure', 'six'), cell('2', 'b', 5, 5, 5, 'figure', 'five')] };
    expect(plainWhy(scope, name)).toMatch(/^The figures differ because they count different groups: Daily A counts six \(6\); Herald B counts five \(5\)\.$/);
    const same = { verdict: 'scope_mismatch' as const, cells: [cell('1', 'a', 3, 3, 3), cell('2', 'b', 3, 3, 3)] };
    expect(plainWhy(same, name)).toMatch(/^The totals agree but the breakdowns differ/);
    const claimed = {
      verdict: 'update' as const,
      cells: [cell('1', 'a', null, null, null, 'perpetrator', 'no claim'), cell('2', 'b', null, null, null, 'perpetrator', 'Saraya Awliya al-Dam')],
    };
    expect(plainWhy(claimed, name)).toBe(
      'A later claim of responsibility, not a contradiction: Daily A reports that no one has claimed it; Herald B names Saraya Awliya al-Dam.',
    );
  });
});
