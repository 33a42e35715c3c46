import { describe, expect, it } from 'vitest';
import type { ChangeSet, ClaimsView } from '../../shared/api.ts';
import { blankClaim, type Claim } from '../../shared/model/claims.ts';
import { follow, followAll, join, missingSources } from './claimsCache.ts';

const T = '2024-05-01T00:00:00.000Z';
const claim = (id: string, note = ''): Claim => ({ ...blankClaim('note', { id, sourceId: 's_abcdef', annotationId: `a_${id}`, created: T, text: '' }), note });
const none = { put: [], deleted: [] };
const view = (claims: Claim[], version = 10): ClaimsView => ({
  version,
  scope: null,
  annotations: [],
  claims,
  events: [],
  actors: [],
  decisions: [],
  reconciliations: [],
  gradeOverrides: [],
  canUndo: false,
  canRedo: false,
  undoLabel: null,
  redoLabel: null,
  problems: [],
  totalClaims: claims.length,
});
const change = (version: number, claims: ChangeSet['claims'], extra: Partial<ChangeSet> = {}): ChangeSet => ({
  version,
  annotations: none,
  claims,
  events: none,
  actors: none,
  decisions: none,
  reconciliations: none,
  gradeOverrides: none,
  undo: { canUndo: true, canRedo: false, undoLabel: 'Edit claim', redoLabel: null },
  problems: [],
  reset: false,
  totalClaims: 2,
  ...extra,
});

describe('the UI’s copy of the claims', () => {
  it('follows an edit: the changed claim replaced in place, undo state and count taken from the change', () => {
    const r = follow(
      view([claim('c1'), claim('c2')]),
      change(11, {
        put: [
          { value: claim('c2', 'checked'), after: 'c1' },
          { value: claim('c3'), after: 'c2' },
        ],
        deleted: ['c1'],
      }),
    );
    expect('view' in r && r.view.claims.map((c) => [c.id, c.note])).toEqual([
      ['c2', 'checked'],
      ['c3', ''],
    ]);
    expect('view' in r && r.view).toMatchObject({ version: 11, canUndo: true, undoLabel: 'Edit claim', totalClaims: 2 });
  });

  it('asks for what it missed, and for the whole view when the core says so', () => {
    const v = view([claim('c1')]);
    expect(follow(v, change(13, none))).toEqual({ missing: 10 });
    expect(follow(v, change(11, none, { reset: true }))).toEqual({ reread: true });
    expect(follow(v, change(9, none))).toEqual({ view: v });
    const caught = followAll(v, [change(11, { put: [{ value: claim('c2'), after: 'c1' }], deleted: [] }), change(12, { put: [], deleted: ['c1'] })]);
    expect('view' in caught && caught.view.claims.map((c) => c.id)).toEqual(['c2']);
  });
});

describe('reading more of a case', () => {
  const scoped = (claims: Claim[], sourceIds: string[], version = 10): ClaimsView => ({
    ...view(claims, version),
    scope: { sourceIds, eventIds: [] },
    totalClaims: 9,
  });
  it('joins the claims of a source opened later to what is held, at one version', () => {
    const held = scoped([claim('c1')], ['s1']);
    const part = scoped([{ ...claim('c2'), sourceId: 's_other1' }], ['s2']);
    expect(join(held, part)).toMatchObject({ claims: [{ id: 'c1' }, { id: 'c2' }], scope: { sourceIds: ['s1', 's2'] }, totalClaims: 9 });
    expect(join(held, { ...part, version: 11 })).toBeNull();
    expect(join(held, { ...part, scope: null })?.scope).toBeNull();
  });
  it('knows which wanted sources it does not hold, and that a whole-case view holds them all', () => {
    expect(missingSources(scoped([], ['s1']), ['s1', 's2'])).toEqual(['s2']);
    expect(missingSources(view([]), ['s1', 's2'])).toEqual([]);
  });
});
