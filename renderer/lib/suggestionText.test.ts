import { describe, expect, it } from 'vitest';
import { Event } from '../../shared/model/claims.ts';
import type { Annotation } from '../../shared/model/claims.ts';
import {
  eventFromIncident,
  incidentGroups,
  incidentTitle,
  matchingEvent,
  notYetTagged,
  ruleName,
  suggestionLabel,
  suggestionSummary,
  type Suggested,
} from './suggestionText.ts';

const base = (over: Partial<Suggested>): Suggested => ({
  kind: 'casualties',
  start: 0,
  end: 10,
  quote: 'x',
  sentence: { start: 0, end: 10 },
  measure: 'wounded',
  population: { nationality: null, affiliation: 'unknown', side: null },
  parts: [],
  figure: { raw: '14', low: 14, best: 14, high: 14, qualifier: 'exact', rules: 'figures/1' },
  weapon: null,
  date: null,
  perpetrator: null,
  stance: null,
  speaker: null,
  rule: 'suggest/1:casualties/verb-before',
  confidence: 0.9,
  eventHint: { key: 'undated@unplaced', date: null, place: null },
  key: 'k1',
  ...over,
});

const annotation = (over: Partial<Annotation>): Annotation => ({
  id: 'a-1',
  sourceId: 's_abcdef12',
  targets: [{ start: 0, end: 10, exact: 'xxxxxxxxxx', prefix: '', suffix: '' }],
  kind: 'casualties',
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
  ...over,
});

describe('suggestion text', () => {
  it('names a highlight by kind and figure, as a claim summary reads', () => {
    expect(suggestionLabel(base({}))).toBe('Suggested casualties: wounded 14 (exact)');
    expect(
      suggestionSummary(
        base({
          figure: { raw: 'about 30', low: 24, best: 30, high: 36, qualifier: 'approx', rules: 'figures/1' },
          measure: 'rockets_fired',
          kind: 'munitions',
        }),
      ),
    ).toBe('rockets fired 30 (24–36, approximately)');
  });
  it('says who and how for an attribution, and what date for a timing', () => {
    expect(suggestionSummary(base({ kind: 'attribution', figure: null, measure: null, perpetrator: 'Kataib Hezbollah', stance: 'accused' }))).toBe(
      'Kataib Hezbollah · accused',
    );
    expect(suggestionSummary(base({ kind: 'attribution', figure: null, measure: null, perpetrator: null, stance: 'claimed' }))).toBe(
      'unclaimed: no one has claimed responsibility',
    );
    expect(suggestionSummary(base({ kind: 'attribution', figure: null, measure: null, perpetrator: null, stance: 'suspected' }))).toBe(
      'perpetrator not named · suspected',
    );
    const date = {
      expression: 'Wednesday',
      at: { start: 0, end: 9 },
      start: '2020-03-11',
      end: '2020-03-11',
      precision: 'day' as const,
      method: 'm',
      relative: true,
      approximate: false,
      anchored: false,
    };
    expect(suggestionSummary(base({ kind: 'timing', figure: null, measure: null, date }))).toBe('“Wednesday” → 11 Mar 2020');
    const reported = base({
      kind: 'timing',
      figure: null,
      measure: null,
      date: { ...date, expression: 'on Thursday night', start: '2020-03-12', end: '2020-03-12' },
      rule: 'suggest/2:timing/reported-on',
    });
    expect(suggestionSummary(reported)).toBe('“on Thursday night” → 12 Mar 2020, when it was reported (the incident is on or before)');
  });
  it('names a weapon passage without a count by its weapon, never as zero', () => {
    expect(suggestionSummary(base({ kind: 'munitions', measure: null, figure: null, weapon: 'Katyusha rockets' }))).toBe('Katyusha rockets');
  });
  it('strips the rule-set version from a rule name', () => {
    expect(ruleName('suggest/1:casualties/verb-before')).toBe('casualties/verb-before');
  });
});

describe('incidents', () => {
  const taji = { key: '2020-03-11@tj', date: '2020-03-11', place: 'Taji' };
  it('groups by event hint in text order, the unknown incident last', () => {
    const list = [
      base({ key: 'a', eventHint: { key: 'undated@unplaced', date: null, place: null } }),
      base({ key: 'b', eventHint: taji }),
      base({ key: 'c', eventHint: { key: '2019-12-27@krk', date: '2019-12-27', place: 'Kirkuk' } }),
      base({ key: 'd', eventHint: taji }),
    ];
    const groups = incidentGroups(list);
    expect(groups.map((g) => [g.title, g.items.map((s) => s.key)])).toEqual([
      ['Taji, 11 Mar 2020', ['b', 'd']],
      ['Kirkuk, 27 Dec 2019', ['c']],
      ['Date and place unknown', ['a']],
    ]);
  });
  it('titles say what is unknown', () => {
    expect(incidentTitle({ date: '2020-03-11', place: null })).toBe('11 Mar 2020, place unknown');
    expect(incidentTitle({ date: null, place: 'Taji' })).toBe('Taji, date unknown');
  });
  it('makes a valid event of a group, dated to its day and placed', () => {
    const e = eventFromIncident(taji, { id: 'e-1', now: '2024-01-01T00:00:00.000Z' });
    expect(Event.safeParse(e).success).toBe(true);
    expect([e.title, e.start, e.end, e.precision, e.place]).toEqual(['Taji, 11 Mar 2020', '2020-03-11', '2020-03-11', 'day', 'Taji']);
    const undated = eventFromIncident({ date: null, place: 'Taji' }, { id: 'e-2', now: '2024-01-01T00:00:00.000Z' });
    expect(Event.safeParse(undated).success).toBe(true);
    expect(undated.precision).toBeNull();
  });
});

describe('notYetTagged', () => {
  const s = base({ start: 5, end: 15 });
  it('drops a suggestion an annotation of its kind overlaps, as the core does', () => {
    expect(notYetTagged([s], [annotation({})])).toEqual([]);
  });
  it('keeps it when the annotation is of another kind, elsewhere, or orphaned', () => {
    expect(notYetTagged([s], [annotation({ kind: 'timing' })])).toEqual([s]);
    expect(notYetTagged([s], [annotation({ targets: [{ start: 20, end: 25, exact: 'xxxxx', prefix: '', suffix: '' }] })])).toEqual([s]);
    expect(notYetTagged([s], [annotation({ orphan: { reason: 'gone', since: '2024-01-01T00:00:00.000Z' } })])).toEqual([s]);
  });
  it('a count annotation covers a munitions suggestion', () => {
    const m = base({ kind: 'munitions', start: 5, end: 15 });
    expect(notYetTagged([m], [annotation({ kind: 'count' })])).toEqual([]);
  });
});

describe('matchingEvent', () => {
  const now = '2024-01-01T00:00:00.000Z';
  const ev = (id: string, start: string, end: string, place: string | null) => ({ ...eventFromIncident({ date: start, place }, { id, now }), end });
  it('finds the event of the same place (spelled loosely) whose dates hold the day', () => {
    const events = [ev('e-1', '2020-03-11', '2020-03-11', 'Camp Taji'), ev('e-2', '2020-03-13', '2020-03-13', 'Karbala')];
    expect(matchingEvent({ date: '2020-03-11', place: 'Taji' }, events)?.id).toBe('e-1');
    expect(matchingEvent({ date: '2020-03-12', place: 'Taji' }, events)).toBeNull();
  });
  it('guesses nothing without a date or a place, or between two events', () => {
    const events = [ev('e-1', '2020-03-10', '2020-03-12', 'Taji'), ev('e-2', '2020-03-11', '2020-03-11', 'Taji')];
    expect(matchingEvent({ date: null, place: 'Taji' }, events)).toBeNull();
    expect(matchingEvent({ date: '2020-03-11', place: null }, events)).toBeNull();
    expect(matchingEvent({ date: '2020-03-11', place: 'Taji' }, events)).toBeNull();
    expect(matchingEvent({ date: '2020-03-10', place: 'Taji' }, events)?.id).toBe('e-1');
  });
});

describe('notYetTagged on many', () => {
  it('agrees with checking every annotation against every suggestion', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const kinds = ['casualties', 'munitions', 'count', 'timing'] as const;
    const list = Array.from({ length: 300 }, (_, i) => {
      const start = rnd(5000);
      return base({ key: `k${i}`, kind: kinds[rnd(4)] as Suggested['kind'], start, end: start + 1 + rnd(60) });
    });
    const anns = Array.from({ length: 200 }, (_, i) => {
      const start = rnd(5000);
      const len = 1 + rnd(i % 10 === 0 ? 400 : 40);
      return annotation({ id: `a-${i}`, kind: kinds[rnd(4)], targets: [{ start, end: start + len, exact: 'x'.repeat(len), prefix: '', suffix: '' }] });
    });
    const naive = list.filter(
      (s) =>
        !anns.some((a) => (a.kind === s.kind || (a.kind === 'count' && s.kind === 'munitions')) && a.targets.some((t) => t.start < s.end && s.start < t.end)),
    );
    const fast = notYetTagged(list, anns);
    expect(fast.map((s) => s.key)).toEqual(naive.map((s) => s.key));
    expect(fast.length).toBeLessThan(list.length);
    expect(fast.length).toBeGreaterThan(0);
  });
});
