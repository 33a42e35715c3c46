import { describe, expect, it } from 'vitest';
import { suggest } from '../suggest.ts';

const attributions = (text: string) => suggest(text, { published: '2024-05-09' }).filter((s) => s.kind === 'attribution');

describe('an attribution said again is one suggestion, its later passages its mentions', () => {
  it('folds the outlet repeating the perpetrator of one incident', () => {
    const text = 'Israeli airstrikes killed 12 people in Rafah on Tuesday. The Israeli airstrikes also hit two homes in Rafah on Tuesday.';
    const list = attributions(text);
    expect(list.map((s) => s.perpetrator)).toEqual(['Israel']);
    expect(list[0].mentions!.map((m) => text.slice(m.start, m.end))).toEqual([expect.stringContaining('Israeli airstrikes')]);
  });

  it('keeps a different stance apart: who said what is another claim', () => {
    const text = 'Israeli airstrikes killed 12 people in Rafah on Tuesday. Hamas accused Israel of the attack in Rafah on Tuesday.';
    const list = attributions(text);
    expect(list.map((s) => s.stance)).toEqual(['asserted', 'accused']);
    expect(list.every((s) => (s.mentions ?? []).length === 0)).toBe(true);
  });

  it('keeps another incident apart', () => {
    const text = 'Israeli airstrikes killed 12 people in Rafah on Tuesday. Israeli airstrikes killed four people in Jenin in March 2023.';
    expect(attributions(text)).toHaveLength(2);
  });
});
