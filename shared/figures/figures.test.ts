import { describe, expect, it } from 'vitest';
import { FIGURE_RULES_VERSION, findNumberPhrases, parseFigure, partsAddUp } from './figures.ts';
import { seedsKey } from '../../tests/unit/corpus.ts';

const fig = (text: string) => {
  const f = parseFigure(text);
  return f && { low: f.low, best: f.best, high: f.high, qualifier: f.qualifier };
};

describe('the figure rule set', () => {
  it.each([
    ['14', 14, 14, 14, 'exact'],
    ['2,500 troops', 2500, 2500, 2500, 'exact'],
    ['twenty-one people', 21, 21, 21, 'exact'],
    ['one hundred and five rockets', 105, 105, 105, 'exact'],
    ['a dozen', 12, 12, 12, 'exact'],
    ['about a dozen', 10, 12, 14, 'approx'],
    ['roughly 30 rockets', 24, 30, 36, 'approx'],
    ['some 50 people', 40, 50, 60, 'approx'],
    ['nearly 70', 63, 69, 69, 'nearly'],
    ['almost 20 wounded', 18, 19, 19, 'nearly'],
    ['at least 62', 62, 62, null, 'at_least'],
    ['No fewer than 512 people', 512, 512, null, 'at_least'],
    ['no less than 30', 30, 30, null, 'at_least'],
    ['no more than 20 rockets', null, 20, 20, 'up_to'],
    ['at most 5', null, 5, 5, 'up_to'],
    ['more than a dozen missiles', 13, 13, null, 'more_than'],
    ['over 100 service members', 101, 101, null, 'more_than'],
    ['up to 18 rockets', null, 18, 18, 'up_to'],
    ['as many as 40', null, 40, 40, 'up_to'],
    ['fewer than 10 people', null, 9, 9, 'up_to'],
    ['Twelve to 18 rockets', 12, 12, 18, 'range'],
    ['between 12 and 18 of them', 12, 12, 18, 'range'],
    ['12-18 rockets', 12, 12, 18, 'range'],
    ['dozens of people', 24, 24, null, 'vague'],
    ['several militants', 3, 3, null, 'vague'],
    ['a number of casualties', 2, 2, null, 'vague'],
    ['No troops were killed', 0, 0, 0, 'exact'],
  ])('%s → %s / %s / %s (%s)', (text, low, best, high, qualifier) => {
    expect(fig(text)).toEqual({ low, best, high, qualifier });
  });

  it('records its version', () => {
    expect(parseFigure('three')?.rules).toBe(FIGURE_RULES_VERSION);
  });

  it('does not take dates, times, years or distances for counts', () => {
    expect(fig('on March 17 two rockets hit')).toEqual({ low: 2, best: 2, high: 2, qualifier: 'exact' });
    expect(fig('since 2019, 14 attacks')).toEqual({ low: 14, best: 14, high: 14, qualifier: 'exact' });
    expect(fig('at 09:40, nine miles north, 4 people')).toEqual({ low: 4, best: 4, high: 4, qualifier: 'exact' });
  });

  it('does not count names, ISO timestamps, spans of time, ages or vague distances', () => {
    const counts = (t: string) => findNumberPhrases(t).map((p) => p.raw);
    expect(counts('the AC-130 aircraft responded')).toEqual([]);
    expect(counts('posted 2023-11-22 01:03:00')).toEqual([]);
    expect(counts('Two days later, strikes followed')).toEqual([]);
    expect(counts('a few miles from the base')).toEqual([]);
    expect(counts('identified as Lance Cpl. Jane Roe, 26, of Leeds')).toEqual([]);
    expect(counts('Rockets hit the base, killing 26.')).toEqual(['26']);
  });

  it('sums joined groups and keeps them as parts', () => {
    const f = parseFigure('Two Americans and a Briton were killed');
    expect(f).toMatchObject({ low: 3, best: 3, high: 3, qualifier: 'exact' });
    expect(f?.parts.map((p) => [p.best, p.subset])).toEqual([
      [2, false],
      [1, false],
    ]);
  });

  it('keeps a subset out of the total', () => {
    const f = parseFigure('wounding 14 people, including five seriously');
    expect(f).toMatchObject({ best: 14 });
    expect(f?.parts).toMatchObject([{ best: 5, subset: true }]);
  });

  it('keeps a breakdown of a stated total as parts that add up', () => {
    const f = parseFigure('there were 140 attacks, with 57 in Iraq and 83 in Syria')!;
    expect(f.best).toBe(140);
    expect(f.parts.map((p) => p.best)).toEqual([57, 83]);
    expect(partsAddUp(f, f.parts)).toBe(true);
    expect(partsAddUp({ ...f, best: 150 }, f.parts)).toBe(false);
  });

  it('finds nothing where there is no number', () => {
    expect(parseFigure('Officials said the base was hit.')).toBeNull();
  });
});

describe('the figures of the seed claims', () => {
  it('normalises the quote of every key claim with a figure to the key’s figure', () => {
    const claims = seedsKey().claims.filter((c) => c.figure);
    const misses: string[] = [];
    for (const c of claims) {
      const want = c.figure as { low: number | null; best: number | null; high: number | null; qualifier: string };
      const got = fig(c.quote);
      if (JSON.stringify(got) !== JSON.stringify({ low: want.low, best: want.best, high: want.high, qualifier: want.qualifier })) {
        misses.push(`${c.id} “${c.quote}”: got ${JSON.stringify(got)}, key ${JSON.stringify(want)}`);
      }
    }
    console.log(`figure parser: ${claims.length - misses.length} of ${claims.length} key figures agree`);
    expect(misses).toEqual([]);
  });
});
