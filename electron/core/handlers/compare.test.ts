// Compare's reads (issue 15): the event list, one event, pages of disagreements and of the timeline,
// on a generated case, each checked against conflicts.compute (the whole matrices) and the claims.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimsView, CompareEvent, CompareEvents, Output } from '../../../shared/api.ts';
import { generateCase } from '../../../scripts/gen-case.ts';
import { flaggedRows, tallyByEvent } from '../../../renderer/compare/model.ts';
import { createCore, type Core } from '../index.ts';

let core: Core;
let caseId: string;
const call = <T>(op: string, input: object) => core.call(op, { caseId, ...input }) as Promise<T>;
const T = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-compare-'));
  generateCase({ sources: 40, out: join(dir, 'case') });
  core = await createCore({ dataDir: join(dir, 'data'), fixedCaseDir: join(dir, 'case'), host: 'cli', checkReplies: true });
  caseId = core.info.fixedCase!;
});
afterAll(() => core.close());

describe('compare reads', () => {
  it('the event list has a line per event with the counts and grade of its matrix; since a version, only the lines that changed', async () => {
    const all = await call<Output<'conflicts.compute'>>('conflicts.compute', {});
    const list = await call<CompareEvents>('compare.events', {});
    expect(list.full).toBe(true);
    expect(list.events.map((e) => e.eventId)).toEqual(all.matrices.map((m) => m.eventId));
    const tallies = tallyByEvent(all.matrices);
    for (const [i, line] of list.events.entries()) {
      expect(line.tally).toEqual(tallies.get(line.eventId));
      expect(line.grade.grade).toBe(all.grades[i].grade);
      expect(line.rows).toBe(all.matrices[i].rows.length);
    }
    expect(list.events.some((e) => e.tally.open > 0)).toBe(true);
    expect((await call<CompareEvents>('compare.events', { since: list.version })).events).toEqual([]);

    // A decision on one event's flag: that event's line alone, open one fewer.
    const flagged = flaggedRows(all.matrices).find((f) => f.standing === 'open')!;
    const decision = { eventId: flagged.eventId, rowKey: flagged.row.key, status: 'dismissed', note: 'checked', at: T };
    await call('claims.execute', {
      command: { type: 'record.put', payload: { collection: 'decisions', key: `${flagged.eventId}|${flagged.row.key}`, value: decision } },
    });
    const since = await call<CompareEvents>('compare.events', { since: list.version });
    expect(since.full).toBe(false);
    expect(since.version).toBe(list.version + 1);
    const before = list.events.find((e) => e.eventId === flagged.eventId)!;
    expect(since.events).toEqual([{ ...before, tally: { ...before.tally, open: before.tally.open - 1, dismissed: before.tally.dismissed + 1 } }]);

    // A new event changes the list itself: the whole list again, with it at the end.
    const event = { id: 'e_new', title: 'A new event', start: null, end: null, precision: null, place: null, placePrecision: null, type: null };
    const record = { ...event, actorIds: [], aggregate: false, note: '', created: T, modified: T };
    await call('claims.execute', { command: { type: 'event.create', payload: { event: record, at: null, assign: [] } } });
    const grown = await call<CompareEvents>('compare.events', { since: since.version });
    expect(grown.full).toBe(true);
    expect(grown.events.at(-1)).toMatchObject({ eventId: 'e_new', claims: 0, tally: { open: 0, explained: 0, dismissed: 0 } });
    expect(grown.events).toHaveLength(list.events.length + 1);
    // A version the tracker cannot vouch for (a future one) also gets the whole list.
    expect((await call<CompareEvents>('compare.events', { since: grown.version + 5 })).full).toBe(true);
  });

  it('one event: its matrix and grade as conflicts.compute gives them, its claims, their annotations and its reconciliations', async () => {
    const view = await call<ClaimsView>('claims.view', {});
    const eventId = view.events[3].id;
    const one = await call<Output<'conflicts.compute'>>('conflicts.compute', { eventId });
    const got = await call<CompareEvent>('compare.event', { eventId });
    expect(got.matrix).toEqual(one.matrices[0]);
    expect(got.grade).toEqual(one.grades[0]);
    expect(got.event).toEqual(view.events[3]);
    expect(got.claims).toEqual(view.claims.filter((c) => c.eventId === eventId));
    expect(got.claims.length).toBeGreaterThan(0);
    const ids = new Set(got.claims.map((c) => c.annotationId));
    expect(got.annotations).toEqual(view.annotations.filter((a) => ids.has(a.id)));
    expect(got.reconciliations).toEqual(view.reconciliations.filter((r) => r.eventId === eventId));
    await expect(call('compare.event', { eventId: 'e_gone' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('disagreements come a page at a time, in event then row order, with the decisions on rows that no longer exist', async () => {
    const all = await call<Output<'conflicts.compute'>>('conflicts.compute', {});
    const expected = flaggedRows(all.matrices).filter((f) => f.standing === 'open');
    const pages: Output<'compare.disagreements'>[] = [];
    for (let offset = 0; offset < expected.length; offset += 7) pages.push(await call('compare.disagreements', { standing: 'open', offset, limit: 7 }));
    expect(pages.every((p) => p.total === expected.length)).toBe(true);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((i) => [i.eventId, i.rowKey])).toEqual(expected.map((f) => [f.eventId, f.row.key]));
    expect(items[0].plain).toMatch(/\.$/);
    const dismissed = await call<Output<'compare.disagreements'>>('compare.disagreements', { standing: 'dismissed' });
    expect(dismissed.items.map((i) => i.decision?.status)).toEqual(dismissed.items.map(() => 'dismissed'));

    const gone = { eventId: all.matrices[0].eventId, rowKey: 'killed|nobody', status: 'explained', note: 'old', at: T };
    await call('claims.execute', { command: { type: 'record.put', payload: { collection: 'decisions', key: `${gone.eventId}|${gone.rowKey}`, value: gone } } });
    const first = await call<Output<'compare.disagreements'>>('compare.disagreements', { standing: 'open' });
    expect(first.stale).toEqual([{ ...gone, eventTitle: all.matrices[0].title }]);
    expect((await call<Output<'compare.disagreements'>>('compare.disagreements', { standing: 'open', offset: 1 })).stale).toEqual([]);
  });

  it('the timeline: every event and timing claim, dated ones in date order then the undated, each claim with its passage', async () => {
    const view = await call<ClaimsView>('claims.view', {});
    const timing = view.claims.filter((c) => c.kind === 'timing');
    const pages: Output<'compare.timeline'>[] = [];
    for (let offset = 0; offset === 0 || offset < pages[0].total; offset += 50) pages.push(await call('compare.timeline', { offset, limit: 50 }));
    const entries = pages.flatMap((p) => p.entries);
    expect(entries).toHaveLength(view.events.length + timing.length);
    const dated = entries.slice(0, pages[0].dated);
    expect(dated.every((e) => e.start !== null)).toBe(true);
    expect(entries.slice(pages[0].dated).every((e) => e.start === null)).toBe(true);
    expect(dated.map((e) => e.start)).toEqual(dated.map((e) => e.start).sort());
    const annotations = new Map(view.annotations.map((a) => [a.id, a]));
    for (const e of entries) if (e.kind === 'claim') expect(e.target).toEqual(annotations.get(timing.find((c) => c.id === e.id)!.annotationId)!.targets[0]);
  });
});
