// The timeline's entries (issue 15): the events and the timing claims of a case, with only the
// fields the timeline draws, in its order, read a page at a time. At 10,000 sources a case has some
// 25,000 of them: the window is sent the first page and asks for the next as the user goes on,
// instead of every claim of the case to pick the timing ones out of.
import { z } from 'zod';
import { RecordId, TimingPrecision, type Claim, type Event } from '../model/claims.ts';
import { TextTargetShape, type TextTarget } from '../text/anchor.ts';

export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    id: RecordId,
    title: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    precision: TimingPrecision.nullable(),
    place: z.string().nullable(),
    type: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('claim'),
    id: RecordId,
    expression: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    precision: TimingPrecision.nullable(),
    sourceId: z.string(),
    eventId: z.string().nullable(),
    eventTitle: z.string().nullable(),
    /** The claim's first passage, so the quote opens in the Reader without reading the source's claims. */
    target: TextTargetShape.nullable(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = z.object({
  version: z.number().int().nonnegative(),
  /** Entries in all, and how many of them are dated (the undated come after the dated). */
  total: z.number().int(),
  dated: z.number().int(),
  offset: z.number().int(),
  entries: z.array(TimelineEntry),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

type TimingClaim = Extract<Claim, { kind: 'timing' }>;
/** An entry without its passage: looked up for the page only. */
export type TimelineItem = Extract<TimelineEntry, { kind: 'event' }> | { kind: 'claim'; claim: TimingClaim; eventTitle: string | null };

const startOf = (it: TimelineItem) => (it.kind === 'event' ? it.start : it.claim.start);

/**
 * Every event and timing claim, dated ones first in date order (an event before the claims of its
 * start date, so each event heads what dates it; otherwise case order), then the undated in case
 * order: events, then claims.
 */
export function timelineOrder(events: readonly Event[], claims: readonly Claim[]): { items: TimelineItem[]; dated: number } {
  const titles = new Map(events.map((e) => [e.id, e.title]));
  const dated: TimelineItem[] = [];
  const undated: TimelineItem[] = [];
  for (const e of events) {
    const it: TimelineItem = { kind: 'event', id: e.id, title: e.title, start: e.start, end: e.end, precision: e.precision, place: e.place, type: e.type };
    (e.start ? dated : undated).push(it);
  }
  for (const c of claims) {
    if (c.kind !== 'timing') continue;
    const it: TimelineItem = { kind: 'claim', claim: c, eventTitle: c.eventId ? (titles.get(c.eventId) ?? null) : null };
    (c.start ? dated : undated).push(it);
  }
  // Array.prototype.sort is stable: equal dates keep case order.
  dated.sort((a, b) => {
    const x = startOf(a)!;
    const y = startOf(b)!;
    return x < y ? -1 : x > y ? 1 : a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1;
  });
  return { items: [...dated, ...undated], dated: dated.length };
}

/** An entry as sent, with the claim's first passage (`targetOf` finds its annotation). */
export function timelineEntry(it: TimelineItem, targetOf: (c: TimingClaim) => TextTarget | null): TimelineEntry {
  if (it.kind === 'event') return it;
  const c = it.claim;
  return {
    kind: 'claim',
    id: c.id,
    expression: c.expression,
    start: c.start,
    end: c.end,
    precision: c.precision,
    sourceId: c.sourceId,
    eventId: c.eventId,
    eventTitle: it.eventTitle,
    target: targetOf(c),
  };
}
