import { describe, expect, it } from 'vitest';
import { actorRecord, annotationFor, casualtyClaim, eventRecord, sourceRecord } from '../../tests/support/bundle-fixtures.ts';
import { canonicalJson, mergeCases, type MergeSide } from './merge.ts';

const TEXT = 'Officials said 14 soldiers were wounded and two were killed.';
const { source } = sourceRecord('s_merge001', TEXT);
const a1 = annotationFor('a1', source.id, TEXT, '14 soldiers were wounded');
const a2 = annotationFor('a2', source.id, TEXT, 'two were killed');
const base: MergeSide = {
  sources: [source],
  annotations: [a1, a2],
  claims: [casualtyClaim('c1', a1, '14'), casualtyClaim('c2', a2, 'two', { measure: 'killed' })],
  events: [eventRecord('e1', 'Attack')],
  actors: [actorRecord('k1', 'Some Group', ['The Group'])],
  decisions: [],
  reconciliations: [],
};
const opts = { found: '2024-08-01T00:00:00.000Z', from: 'test' };
const sorted = (s: MergeSide) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [...(v as Array<{ id: string }>)].sort((x, y) => x.id.localeCompare(y.id)).map(canonicalJson)]));

describe('mergeCases', () => {
  it('identical sides: everything unchanged, no clash', () => {
    const r = mergeCases(base, structuredClone(base), opts);
    expect(r.total).toEqual({ added: 0, updated: 0, unchanged: 7, clashes: 0 });
    expect(r.clashes).toEqual([]);
  });

  it('key order does not make a difference', () => {
    const reordered = { ...base, claims: base.claims.map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c) };
    expect(mergeCases(base, reordered, opts).total.clashes).toBe(0);
  });

  it('records on one side only are added, from either side', () => {
    const extra = casualtyClaim('c3', a1, 'about a dozen');
    const theirs = {
      ...base,
      claims: [...base.claims, extra],
      decisions: [{ eventId: 'e1', rowKey: 'wounded|all', status: 'confirmed' as const, note: '', at: '2024-08-01T00:00:00.000Z' }],
    };
    const r = mergeCases(base, theirs, opts);
    expect(r.total.added).toBe(2);
    expect(r.merged.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(r.changed.claim).toEqual(new Set(['c3']));
  });

  it('an edit on both sides: the later is used, the other kept as a clash, the same both ways', () => {
    const mine = { ...base, claims: [{ ...base.claims[0], note: 'mine', modified: '2024-08-01T10:00:00.000Z' }, base.claims[1]] };
    const theirs = { ...base, claims: [{ ...base.claims[0], note: 'theirs', modified: '2024-08-02T10:00:00.000Z' }, base.claims[1]] };
    const ab = mergeCases(mine, theirs, opts);
    const ba = mergeCases(theirs, mine, opts);
    expect(sorted(ab.merged)).toEqual(sorted(ba.merged));
    expect(ab.merged.claims[0].note).toBe('theirs');
    expect(ab.clashes).toHaveLength(1);
    expect(ab.clashes[0]).toEqual(ba.clashes[0]);
    expect((ab.clashes[0].other as { note: string }).note).toBe('mine');
    expect(ab.total.updated).toBe(1);
    expect(ba.total.updated).toBe(0);
  });

  it('decisions and reconciliations are matched by event and row, not by position', () => {
    const d = { eventId: 'e1', rowKey: 'killed|all', status: 'confirmed' as const, note: 'mine', at: '2024-08-01T00:00:00.000Z' };
    const later = { ...d, note: 'theirs', at: '2024-08-02T00:00:00.000Z' };
    const other = { ...d, rowKey: 'wounded|all' };
    const r = mergeCases({ ...base, decisions: [d] }, { ...base, decisions: [other, later] }, opts);
    expect(r.merged.decisions.map((x) => [x.rowKey, x.note])).toEqual([
      ['killed|all', 'theirs'],
      ['wounded|all', 'mine'],
    ]);
    expect(r.clashes.map((c) => c.recordId)).toEqual(['e1|killed|all']);
  });

  it('records without a time (actors) still settle the same way both ways', () => {
    const mine = { ...base, actors: [actorRecord('k1', 'Some Group', ['The Group', 'SG'])] };
    const theirs = { ...base, actors: [actorRecord('k1', 'Some Group', ['The Group', 'S.G.'])] };
    expect(sorted(mergeCases(mine, theirs, opts).merged)).toEqual(sorted(mergeCases(theirs, mine, opts).merged));
  });

  it('a later version of a source file wins over the one it replaced', () => {
    const newer = {
      ...source,
      sha256: 'f'.repeat(64),
      previousVersions: [{ sha256: source.sha256, originalExt: 'txt', bytes: source.bytes, replacedAt: opts.found }],
    };
    expect(mergeCases(base, { ...base, sources: [newer] }, opts).merged.sources[0].sha256).toBe('f'.repeat(64));
    expect(mergeCases({ ...base, sources: [newer] }, base, opts).merged.sources[0].sha256).toBe('f'.repeat(64));
  });

  it('a clash already recorded is not recorded again', () => {
    const theirs = { ...base, claims: [{ ...base.claims[0], note: 'theirs', modified: '2024-08-02T10:00:00.000Z' }, base.claims[1]] };
    const first = mergeCases(base, theirs, opts);
    const again = mergeCases(first.merged, theirs, { ...opts, existingClashes: first.clashes });
    expect(again.clashes).toEqual([]);
    expect(again.total.unchanged).toBe(7);
  });
});
