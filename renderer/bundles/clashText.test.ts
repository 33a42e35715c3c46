import { describe, expect, it } from 'vitest';
import { blankClaim } from '../../shared/model/claims.ts';
import { clashDiff, clashLabel, clashOrigin, valueText } from './clashText.ts';

const T = '2025-03-01T10:00:00.000Z';
const claim = (over: Record<string, unknown> = {}) => ({
  ...blankClaim('casualties', { id: 'c1', sourceId: 's1', annotationId: 'a1', created: T }),
  ...over,
});

describe('clashLabel', () => {
  const annotations = [{ id: 'a1', targets: [{ exact: 'About a dozen   other people were wounded in the attack on the base that night' }] }];
  it('names a claim by its kind and the quote of its passage, shortened', () => {
    const label = clashLabel({ type: 'claim', recordId: 'c1', current: claim() }, { annotations } as never);
    expect(label).toMatch(/^Casualties “About a dozen other people were wounded/);
    expect(label).toContain('…”');
    expect(label).not.toContain('that night');
  });
  it('names an event by its title and a source by its title, and falls back to the id', () => {
    expect(clashLabel({ type: 'source', recordId: 's1', current: { title: { value: 'Rocket report' } } }, { annotations: [] })).toBe('Rocket report');
    expect(clashLabel({ type: 'decision', recordId: 'd-7', current: { x: 1 } }, { annotations: [] })).toBe('d-7');
    expect(clashLabel({ type: 'claim', recordId: 'c9', current: { broken: true } }, { annotations: [] })).toBe('c9');
  });
});

describe('clashDiff', () => {
  it('lists only the fields that differ, opening nested objects, with the modified stamp last', () => {
    const a = claim({ note: 'first reading', modified: '2025-03-02T10:00:00.000Z' });
    const b = claim({ note: 'second reading', modified: '2025-03-01T11:00:00.000Z' });
    (b as unknown as { figure: object }).figure = { ...(a as unknown as { figure: object }).figure, best: 12 };
    const d = clashDiff(a, b);
    expect(d.map((f) => f.field)).toEqual(['note', 'figure.best', 'modified']);
    expect(d[0]).toEqual({ field: 'note', current: 'first reading', other: 'second reading' });
    expect(d[1]).toMatchObject({ current: '—', other: '12' });
  });
  it('treats key order as no difference and compares arrays whole', () => {
    expect(clashDiff({ a: 1, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, a: 1 })).toEqual([]);
    expect(clashDiff({ list: [1, 2] }, { list: [2, 1] })).toEqual([{ field: 'list', current: '[1,2]', other: '[2,1]' }]);
  });
  it('shows a field present on one side only', () => {
    expect(clashDiff({ a: 1 }, { a: 1, place: 'Erbil' })).toEqual([{ field: 'place', current: '—', other: 'Erbil' }]);
  });
});

describe('valueText and clashOrigin', () => {
  it('cuts long values and writes objects as JSON', () => {
    expect(valueText('x'.repeat(500), 20)).toHaveLength(20);
    expect(valueText('x'.repeat(500), 20).endsWith('…')).toBe(true);
    expect(valueText({ a: [1] })).toBe('{"a":[1]}');
    expect(valueText('')).toBe('(empty)');
  });
  it('says when the clash was found and which bundle it came from, dates in words', () => {
    const s = clashOrigin({ found: T, from: `bundle “Case B” exported ${T}` });
    expect(s).toMatch(/^Found 1 Mar 2025, \d\d:\d\d while merging bundle “Case B” exported 1 Mar 2025, \d\d:\d\d\.$/);
  });
});
