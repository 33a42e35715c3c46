import { describe, expect, it } from 'vitest';
import { ATTACKER_ROWS, attackerDrafts } from './attackers.ts';

// Each row carries the examples it must and must not match: they are its tests.
describe.each(ATTACKER_ROWS.map((r) => [r.id, r] as const))('%s', (id, row) => {
  it.each(row.must.map((m) => [m.text, m] as const))('matches: %s', (text, want) => {
    const d = attackerDrafts(text).find((x) => x.rule === id);
    expect(d, `no ${id} draft`).toBeDefined();
    expect(d!.measure).toBe('attackers');
    expect([d!.figure!.low, d!.figure!.best, d!.figure!.high]).toEqual(want.figure);
  });
  it.each(row.mustNot)('does not match: %s', (text) => {
    expect(attackerDrafts(text).filter((x) => x.rule === id)).toEqual([]);
  });
});
