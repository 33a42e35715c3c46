import { describe, expect, it } from 'vitest';
import type { Claim, Event } from '../../shared/model/claims.ts';
import type { Matrix, Row } from '../../shared/compare/conflicts.ts';
import { timelineEntry, timelineOrder } from '../../shared/compare/timeline.ts';
import { buildTimeline, cellValue, flaggedRows, formatRange, formatWithPrecision, rowLabel, standingOf, tallyByEvent } from './model.ts';

const T = '2024-01-01T00:00:00.000Z';

function row(key: string, verdict: Row['verdict'], status: 'confirmed' | 'explained' | 'dismissed' | null = null, claims = ['c1', 'c2']): Row {
  return {
    key,
    measure: key.split('|')[0],
    population: 'all',
    verdict,
    why: 'because',
    claims,
    cells: [],
    decision: status ? { eventId: 'e1', rowKey: key, status, note: 'n', at: T, verdict, claims } : null,
  };
}

describe('formatRange', () => {
  it('writes a range as a reader says it', () => {
    expect(formatRange(3, 3)).toBe('3');
    expect(formatRange(10, 14)).toBe('10–14');
    expect(formatRange(24, null)).toBe('24 or more');
    expect(formatRange(0, 5)).toBe('up to 5');
    expect(formatRange(null, null)).toBe('');
    expect(formatRange(1000, 1200)).toBe('1,000–1,200');
  });
});

describe('cellValue', () => {
  const base = { claimId: 'c1', sourceId: 's1', independenceGroup: 'g', start: null, end: null, asOf: null, detail: '', problem: null };
  it('shows the words as written beside the range, and marks derived figures as implied', () => {
    expect(cellValue({ ...base, raw: 'about a dozen', low: 10, best: 12, high: 14, basis: 'figure' })).toEqual({ raw: 'about a dozen', range: '10–14' });
    expect(cellValue({ ...base, raw: 'three', low: 3, best: null, high: null, basis: 'implied' })).toEqual({ raw: '', range: 'implied 3 or more' });
    expect(cellValue({ ...base, raw: 'Wednesday', low: null, best: null, high: null, start: '2020-03-11', end: '2020-03-11', basis: 'date' }).range).toBe(
      '11 Mar 2020',
    );
  });
});

describe('dates with their precision', () => {
  it('says a day, a part of a month, a whole month, a week', () => {
    expect(formatWithPrecision('2020-03-11', '2020-03-11', 'day')).toBe('11 Mar 2020');
    expect(formatWithPrecision('2019-12-21', '2019-12-31', 'month')).toBe('21–31 Dec 2019 (month)');
    expect(formatWithPrecision('2019-12-01', '2019-12-31', 'month')).toBe('Dec 2019 (month)');
    expect(formatWithPrecision('2020-02-28', '2020-03-02', 'days')).toBe('28 Feb 2020 – 2 Mar 2020 (days)');
    expect(formatWithPrecision('2020-01-01', '2020-12-31', 'year')).toBe('2020 (year)');
  });
});

describe('flagged rows', () => {
  const m: Matrix = {
    eventId: 'e1',
    title: 'Attack',
    columns: [],
    rows: [
      row('killed|all', 'scope_mismatch', 'dismissed'),
      row('wounded|all', 'consistent'),
      row('killed|nationality=US', 'conflict'),
      row('date', 'single'),
      row('perpetrator', 'conflict', 'confirmed'),
    ],
  };
  it('lists only rows that disagree, with where each stands (confirmed counts as decided)', () => {
    const f = flaggedRows([m]);
    expect(f.map((x) => [x.row.key, x.standing])).toEqual([
      ['killed|all', 'dismissed'],
      ['killed|nationality=US', 'open'],
      ['perpetrator', 'explained'],
    ]);
    expect(tallyByEvent([m]).get('e1')).toEqual({ open: 1, explained: 1, dismissed: 1 });
  });
  it('marks a decision whose row changed since', () => {
    const r = row('killed|all', 'conflict', 'explained');
    r.decision!.verdict = 'scope_mismatch';
    const f = flaggedRows([{ ...m, rows: [r] }]);
    expect(f[0].changed).toBe(true);
    expect(standingOf(r)).toBe('explained');
  });
  it('labels rows as measure · population', () => {
    expect(rowLabel({ measure: 'wounded_serious', population: 'all' })).toBe('seriously wounded');
    expect(rowLabel({ measure: 'killed', population: 'US military' })).toBe('killed · US military');
  });
});

describe('buildTimeline', () => {
  const ev = (id: string, start: string | null, title: string): Event => ({
    id,
    title,
    start,
    end: start,
    precision: start ? 'day' : null,
    place: 'Somewhere',
    placePrecision: null,
    type: null,
    actorIds: [],
    aggregate: false,
    note: '',
    created: T,
    modified: T,
  });
  const timing = (id: string, start: string | null, end: string | null, expression: string, eventId: string | null): Claim => ({
    kind: 'timing',
    id,
    sourceId: 's1',
    annotationId: `a-${id}`,
    eventId,
    speaker: null,
    asOf: null,
    note: '',
    origin: { type: 'manual' },
    created: T,
    modified: T,
    expression,
    reference: null,
    anchorClaimId: null,
    start,
    end,
    precision: start ? (start === end ? 'day' : 'month') : null,
    method: 'x',
    relative: false,
    approximate: false,
  });
  it('orders events and dated claims by date, grouped by month, an event before the claims of its day', () => {
    // In the order the core sends (compare.timeline), with no passages.
    const { items } = timelineOrder(
      [ev('e2', '2020-03-11', 'Second'), ev('e1', '2019-12-27', 'First'), ev('e3', null, 'Undated')],
      [
        timing('t1', '2020-03-11', '2020-03-11', 'Wednesday', 'e2'),
        timing('t2', '2019-12-21', '2019-12-31', 'late December', null),
        timing('t3', null, null, 'recently', null),
      ],
    );
    const t = buildTimeline(
      items.map((it) => timelineEntry(it, () => null)),
      () => 'Outlet',
    );
    expect(t.months.map((m) => m.label)).toEqual(['December 2019', 'March 2020']);
    expect(t.months[0].items.map((i) => i.id)).toEqual(['t2', 'e1']);
    expect(t.months[1].items.map((i) => i.id)).toEqual(['e2', 't1']);
    expect(t.months[0].items[0].when).toBe('21–31 Dec 2019 (month)');
    expect(t.months[1].items[1].detail).toBe('Outlet · Second');
    expect(t.undated.map((i) => i.id)).toEqual(['e3', 't3']);
  });
});
