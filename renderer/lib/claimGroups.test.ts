import { describe, expect, it } from 'vitest';
import { blankClaim, type Annotation, type Claim, type Event } from '../../shared/model/claims.ts';
import {
  claimMatcher,
  claimRows,
  claimsOfAnnotation,
  eventClaimCount,
  filterEvents,
  indexAnnotations,
  indexClaims,
  NO_EVENT,
  NO_FILTER,
  type ClaimRowsInput,
} from './claimGroups.ts';

const T = '2024-01-01T00:00:00.000Z';
let n = 0;
function claim(sourceId: string, kind: 'casualties' | 'timing' | 'note', eventId: string | null = null, measure?: string): Claim {
  const c = blankClaim(kind, { id: `c_${++n}`, sourceId, annotationId: `a_${n}`, created: T, text: kind === 'timing' ? 'Wednesday' : '3 killed' });
  return { ...c, eventId, ...(measure ? { measure } : {}) } as Claim;
}
const event = (id: string, title: string, place: string | null = null): Event =>
  ({
    id,
    title,
    start: '2020-03-11',
    end: '2020-03-11',
    precision: 'day',
    place,
    placePrecision: null,
    type: null,
    actorIds: [],
    aggregate: false,
    note: '',
    created: T,
    modified: T,
  }) as Event;
const annotation = (id: string, sourceId: string, orphan = false): Annotation => ({
  id,
  sourceId,
  kind: 'casualties',
  targets: [{ start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }],
  created: T,
  modified: T,
  ...(orphan ? { orphan: { reason: 'text changed', since: T } } : {}),
});

const events = [event('e_1', 'Rocket attack on Camp Taji', 'Camp Taji, Iraq'), event('e_2', 'US strikes', 'Iraq')];
const claims = [
  claim('s_1', 'casualties', 'e_1', 'killed'),
  claim('s_1', 'casualties', null, 'wounded'),
  claim('s_2', 'timing', 'e_1'),
  claim('s_3', 'casualties', 'e_2', 'killed'),
  claim('s_3', 'note'),
];
const index = indexClaims(claims);
const annotations = indexAnnotations([annotation('a_1', 's_1'), annotation('a_5', 's_3', true)]);
const input = (over: Partial<ClaimRowsInput> = {}): ClaimRowsInput => ({
  by: 'source',
  filter: NO_FILTER,
  scope: 'open',
  openSourceIds: ['s_2', 's_1'],
  sourceOrder: ['s_1', 's_2', 's_3'],
  sourceTitle: (id) => `Source ${id}`,
  events,
  ...over,
});
const shape = (rows: ReturnType<typeof claimRows>['rows']) =>
  rows.map((r) => (r.type === 'claim' ? r.claim.id : r.type === 'group' ? `[${r.title} ${r.count}]` : '(empty)'));

describe('indexClaims', () => {
  it('groups claims by source, event and annotation in one pass', () => {
    expect(index.size).toBe(5);
    expect(index.claim(claims[2].id)).toBe(claims[2]);
    expect(index.claim('c_nope')).toBeUndefined();
    // Past the first few look-ups, a map answers the same.
    for (const c of claims) expect(index.claim(c.id)).toBe(c);
    for (const c of claims) expect(index.claim(c.id)).toBe(c);
    expect(index.bySource.get('s_1')?.map((c) => c.id)).toEqual([claims[0].id, claims[1].id]);
    expect(index.byEvent.get('e_1')?.length).toBe(2);
    expect(index.byEvent.get(NO_EVENT)?.length).toBe(2);
    expect(index.measures).toEqual(['killed', 'wounded']);
    expect(eventClaimCount(index, 'e_1')).toBe(2);
    expect(eventClaimCount(index, null)).toBe(2);
    expect(eventClaimCount(index, 'e_9')).toBe(0);
  });
});

describe('indexAnnotations', () => {
  it('finds annotations by source and id, and lists the orphans with their claims', () => {
    expect(annotations.get('s_1', 'a_1')?.id).toBe('a_1');
    expect(annotations.get('s_2', 'a_1')).toBeUndefined();
    expect(annotations.orphans.map((a) => a.id)).toEqual(['a_5']);
    expect(claimsOfAnnotation(index, annotations.orphans[0])).toEqual([claims[4]]);
  });
});

describe('claimMatcher', () => {
  it('filters by kind, measure and event (or no event)', () => {
    expect(claims.filter(claimMatcher({ kind: 'casualties', measure: '', event: '' })).length).toBe(3);
    expect(claims.filter(claimMatcher({ kind: '', measure: 'killed', event: '' })).length).toBe(2);
    expect(claims.filter(claimMatcher({ kind: '', measure: '', event: NO_EVENT })).length).toBe(2);
    expect(claims.filter(claimMatcher({ kind: 'casualties', measure: '', event: 'e_1' })).map((c) => c.id)).toEqual([claims[0].id]);
  });
});

describe('claimRows', () => {
  it('lists the open sources only, in pane order, and counts the claims elsewhere', () => {
    const r = claimRows(index, input());
    expect(shape(r.rows)).toEqual(['[Source s_2 1]', claims[2].id, '[Source s_1 2]', claims[0].id, claims[1].id]);
    expect(r).toMatchObject({ shown: 3, inOpen: 3, elsewhere: 2 });
  });
  it('lists the whole case in scope all: open sources first, then library order', () => {
    const r = claimRows(index, input({ scope: 'all' }));
    expect(shape(r.rows)).toEqual(['[Source s_2 1]', claims[2].id, '[Source s_1 2]', claims[0].id, claims[1].id, '[Source s_3 2]', claims[3].id, claims[4].id]);
    expect(r).toMatchObject({ shown: 5, inOpen: 3, elsewhere: 2 });
  });
  it('keeps claims of a source the list does not know', () => {
    const r = claimRows(index, input({ scope: 'all', sourceOrder: ['s_1'] }));
    expect(r.shown).toBe(5);
  });
  it('applies the filters to what is shown, not to the counts of the open sources and the rest', () => {
    const r = claimRows(index, input({ filter: { kind: 'casualties', measure: '', event: '' } }));
    expect(shape(r.rows)).toEqual(['[Source s_1 2]', claims[0].id, claims[1].id]);
    expect(r).toMatchObject({ shown: 2, inOpen: 3, elsewhere: 2 });
  });
  it('counts the rest from the case total when the view holds part of the case', () => {
    expect(claimRows(index, input({ total: 40 })).elsewhere).toBe(37);
  });
  it('groups by event: every event is a group (an empty one is a place to drop), then No event', () => {
    const r = claimRows(index, input({ by: 'event' }));
    expect(shape(r.rows)).toEqual(['[Rocket attack on Camp Taji 2]', claims[0].id, claims[2].id, '[US strikes 0]', '(empty)', '[No event 1]', claims[1].id]);
    const header = r.rows.find((x) => x.type === 'group' && x.title === 'US strikes');
    expect(header).toMatchObject({ eventId: 'e_2' });
    expect(r.rows.find((x) => x.type === 'claim' && x.claim.id === claims[1].id)).toMatchObject({ eventId: null });
    expect(r.elsewhere).toBe(2);
  });
  it('an event filter keeps that event’s group only', () => {
    expect(shape(claimRows(index, input({ by: 'event', scope: 'all', filter: { kind: '', measure: '', event: 'e_2' } })).rows)).toEqual([
      '[US strikes 1]',
      claims[3].id,
    ]);
    expect(shape(claimRows(index, input({ by: 'event', scope: 'all', filter: { kind: '', measure: '', event: NO_EVENT } })).rows)).toEqual([
      '[No event 2]',
      claims[1].id,
      claims[4].id,
    ]);
  });
  it('stays one pass at scale: 100,000 claims over 10,000 sources and 1,000 events', () => {
    const many: Claim[] = [];
    const evs = Array.from({ length: 1000 }, (_, i) => event(`e_${i}`, `Event ${i}`));
    const base = claim('s_0', 'casualties', null, 'killed');
    for (let i = 0; i < 100_000; i++)
      many.push({ ...base, id: `c_m${i}`, annotationId: `a_m${i}`, sourceId: `s_${i % 10_000}`, eventId: i % 3 ? `e_${i % 1000}` : null });
    const t0 = performance.now();
    const big = indexClaims(many);
    const open = claimRows(big, input({ openSourceIds: ['s_1', 's_2'], sourceOrder: Array.from({ length: 10_000 }, (_, i) => `s_${i}`), events: evs }));
    const all = claimRows(big, input({ by: 'event', scope: 'all', events: evs }));
    const ms = performance.now() - t0;
    expect(open.shown).toBe(20);
    expect(open.elsewhere).toBe(99_980);
    expect(all.shown).toBe(100_000);
    // Generous for a loaded CI machine; on a laptop this is ~50 ms.
    expect(ms).toBeLessThan(2000);
  });
});

describe('filterEvents', () => {
  it('matches every word against title, place and dates', () => {
    expect(filterEvents(events, 'taji').map((e) => e.id)).toEqual(['e_1']);
    expect(filterEvents(events, 'iraq strikes').map((e) => e.id)).toEqual(['e_2']);
    expect(filterEvents(events, '2020-03').length).toBe(2);
    expect(filterEvents(events, '  ').length).toBe(2);
  });
});
