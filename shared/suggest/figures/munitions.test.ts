import { describe, expect, it } from 'vitest';
import { figureDrafts } from '../figures.ts';

const munitions = (s: string) =>
  figureDrafts(s)
    .filter((d) => d.kind === 'munitions')
    .map((d) => [d.measure, d.figure?.best]);

describe('weapons that missed', () => {
  it('reads weapons that landed in the sea, in open ground or short as missed, not impacted', () => {
    expect(munitions('Two missiles landed in the water, the ministry said.')).toEqual([['missiles_missed', 2]]);
    expect(munitions('Two rockets fell short of the base.')).toEqual([['rockets_missed', 2]]);
    expect(munitions('Four rockets landed harmlessly in an empty field.')).toEqual([['rockets_missed', 4]]);
  });

  it('still reads weapons that landed on their target as impacted', () => {
    expect(munitions('Three rockets landed inside the base.')).toEqual([['rockets_impacted', 3]]);
  });
});

describe('a partitive casualty figure across an aside', () => {
  it('reads "nine of its staff members, including doctors and drivers, were killed" as nine killed', () => {
    const d = figureDrafts('The charity said nine of its staff members, including doctors and drivers, were killed.').find((x) => x.kind === 'casualties');
    expect([d?.measure, d?.figure?.best]).toEqual(['killed', 9]);
  });
});
