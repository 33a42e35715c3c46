import { describe, expect, it } from 'vitest';
import { figureDrafts } from '../figures.ts';

describe('a subset after a casualty figure', () => {
  it('takes people as parts and stops at the subject of the next clause', () => {
    const d = figureDrafts('Russia renewed missile attacks on cities, killing 23 people including a baby boy, and a massive fire broke out.').find(
      (x) => x.kind === 'casualties',
    );
    expect(d?.figure?.best).toBe(23);
    expect(d?.parts.map((p) => p.figure.best)).toEqual([1]);
  });

  it('still takes people named by a number as a part', () => {
    const d = figureDrafts('The strike killed 12 people, including three children.').find((x) => x.kind === 'casualties');
    expect(d?.parts.map((p) => p.figure.best)).toEqual([3]);
  });
});
