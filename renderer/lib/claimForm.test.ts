import { describe, expect, it } from 'vitest';
import { blankClaim, type Claim } from '../../shared/model/claims.ts';
import { claimErrors, partsLine, updateCommand } from './claimForm.ts';

const base = { id: 'c-1', sourceId: 's_abcdef', annotationId: 'a-1', created: '2024-01-01T00:00:00.000Z' };
const casualties = (text: string) => blankClaim('casualties', { ...base, text }) as Extract<Claim, { kind: 'casualties' }>;

describe('claimErrors', () => {
  it('names the field of each problem', () => {
    const c = casualties('12 killed');
    expect(claimErrors(c)).toEqual({});
    const bad = { ...c, figure: { ...c.figure, low: 20 }, asOf: 'yesterday' };
    const errs = claimErrors(bad);
    expect(Object.keys(errs)).toEqual(expect.arrayContaining(['asOf', 'figure.best']));
  });
});

describe('updateCommand', () => {
  it('sets only what changed, with the new modified stamp; null when nothing did', () => {
    const c = casualties('12 killed');
    expect(updateCommand(c, { ...c }, '2024-02-02T00:00:00.000Z')).toBeNull();
    const cmd = updateCommand(c, { ...c, speaker: 'a ministry', modified: 'x' }, '2024-02-02T00:00:00.000Z');
    expect(cmd).toEqual({ type: 'claim.update', payload: { id: 'c-1', set: { speaker: 'a ministry', modified: '2024-02-02T00:00:00.000Z' }, unset: [] } });
  });
});

describe('partsLine', () => {
  it('confirms a breakdown that adds up and reports one that does not; subsets are not added', () => {
    const c = casualties('three killed');
    const part = (n: number, subset = false) => ({
      population: { nationality: null, affiliation: 'unknown' as const, side: null },
      figure: { raw: String(n), low: n, best: n, high: n, qualifier: 'exact' as const, rules: 'manual' },
      subset,
    });
    expect(partsLine({ ...c, parts: [part(1), part(2), part(2, true)] })).toEqual({ ok: true, text: 'Parts add up to 3 ✓' });
    expect(partsLine({ ...c, parts: [part(1), part(1)] })?.ok).toBe(false);
    expect(partsLine(c)).toBeNull();
  });
});
