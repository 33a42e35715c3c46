// Compare's reads at monitor scale (issue 15), made from the verdicts kept per event (verdicts.ts):
// a line per event, with the lines that changed after a version a client holds; a page of the
// case's disagreements; a page of the timeline. One tracker per verdict cache (so per open case,
// dropped with it).
//
// How `since` stays exact: the tracker keeps the matrix and grade each event's line was made from,
// stamped with the claims version at which it first saw them. The verdict cache hands back the same
// objects until an input of the event changes, so a line whose objects changed is stamped with a
// version at or after the change; a client that holds version S gets every line stamped after S.
// Lines first seen at S were in the reply it got at S. When the list of events itself changed after
// S (an event added, deleted or moved), or S is older than the tracker, the whole list is sent.
import type { GradeInfo } from '../../shared/api.ts';
import type { Annotation, Claim, Event } from '../../shared/model/claims.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import type { Matrix } from '../../shared/compare/conflicts.ts';
import { staleDecisions } from '../../shared/compare/conflicts.ts';
import type { GradeResult } from '../../shared/compare/grade.ts';
import { disagreementsPage, summarise, type DisagreementsPage, type EventSummary, type Standing } from '../../shared/compare/summary.ts';
import { timelineEntry, timelineOrder, type TimelineItem, type TimelinePage } from '../../shared/compare/timeline.ts';
import type { Verdicts, VerdictCache } from './verdicts.ts';

interface Line {
  matrix: Matrix;
  grade: GradeResult;
  event: Event | undefined;
  line: EventSummary;
  stamp: number;
}

/** What the reads need of an open case's claims: its state and version, and a source's annotations. */
export interface CompareSource {
  state(): ClaimState;
  readonly version: number;
  annotationsOf(sourceId: string): readonly Annotation[];
}

export const gradeInfo = (g: GradeResult): GradeInfo => ({ ...g, override: g.override ?? null });

class Tracker {
  readonly #lines = new Map<string, Line>();
  #ids: string[] = [];
  /** The version of the first call, and the last at which the list of events changed. */
  #base = -1;
  #listChanged = -1;
  #timeline: { events: readonly Event[]; claims: readonly Claim[]; order: { items: TimelineItem[]; dated: number } } | null = null;

  events(state: ClaimState, version: number, v: Verdicts, since: number | undefined): { full: boolean; events: EventSummary[] } {
    if (this.#base < 0) this.#base = this.#listChanged = version;
    const byId = new Map<string, Event>();
    for (const e of state.events) byId.set(e.id, e);
    const ids = v.matrices.map((m) => m.eventId);
    if (ids.length !== this.#ids.length || ids.some((id, i) => id !== this.#ids[i])) {
      this.#listChanged = version;
      const live = new Set(ids);
      for (const id of this.#lines.keys()) if (!live.has(id)) this.#lines.delete(id);
      this.#ids = ids;
    }
    const lines = v.matrices.map((m, i) => {
      const grade = v.grades[i];
      const event = byId.get(m.eventId);
      const old = this.#lines.get(m.eventId);
      if (old && old.matrix === m && old.grade === grade && old.event === event) return old;
      const made: Line = { matrix: m, grade, event, line: summarise(m, grade, event), stamp: version };
      this.#lines.set(m.eventId, made);
      return made;
    });
    const full = since === undefined || since < this.#base || since > version || this.#listChanged > since;
    return { full, events: full ? lines.map((l) => l.line) : lines.filter((l) => l.stamp > since).map((l) => l.line) };
  }

  timeline(state: ClaimState): { items: TimelineItem[]; dated: number } {
    const t = this.#timeline;
    if (t && t.events === state.events && t.claims === state.claims) return t.order;
    this.#timeline = { events: state.events, claims: state.claims, order: timelineOrder(state.events, state.claims) };
    return this.#timeline.order;
  }
}

const trackers = new WeakMap<VerdictCache, Tracker>();
const trackerOf = (cache: VerdictCache) => {
  let t = trackers.get(cache);
  if (!t) trackers.set(cache, (t = new Tracker()));
  return t;
};

/** The event list's lines: all of them, or those changed after `since`. */
export function compareEvents(cache: VerdictCache, verdicts: Verdicts, state: ClaimState, version: number, since?: number) {
  return { version, ...trackerOf(cache).events(state, version, verdicts, since) };
}

/** One event's claims (case order) and the annotations they stand on, found through their sources' own lists. */
export function eventRecords(claims: CompareSource, state: ClaimState, eventId: string) {
  const mine = state.claims.filter((c) => c.eventId === eventId);
  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  for (const c of mine) {
    if (seen.has(c.annotationId)) continue;
    seen.add(c.annotationId);
    const a = claims.annotationsOf(c.sourceId).find((x) => x.id === c.annotationId);
    if (a) annotations.push(a);
  }
  return { claims: mine, annotations, reconciliations: (state.reconciliations ?? []).filter((r) => r.eventId === eventId) };
}

export function comparePageOfDisagreements(
  verdicts: Verdicts,
  state: ClaimState,
  version: number,
  standing: Standing,
  offset: number,
  limit: number,
): DisagreementsPage {
  const { total, items } = disagreementsPage(verdicts.matrices, standing, offset, limit);
  const titles = new Map(verdicts.matrices.map((m) => [m.eventId, m.title]));
  const stale =
    standing === 'open' && offset === 0
      ? staleDecisions(verdicts.matrices, state.decisions ?? []).map((d) => ({ ...d, eventTitle: titles.get(d.eventId) ?? d.eventId }))
      : [];
  return { version, standing, total, offset, items, stale };
}

export function comparePageOfTimeline(
  cache: VerdictCache,
  claims: CompareSource,
  state: ClaimState,
  version: number,
  offset: number,
  limit: number,
): TimelinePage {
  const { items, dated } = trackerOf(cache).timeline(state);
  const targetOf = (c: Claim) => claims.annotationsOf(c.sourceId).find((a) => a.id === c.annotationId)?.targets[0] ?? null;
  return { version, total: items.length, dated, offset, entries: items.slice(offset, offset + limit).map((it) => timelineEntry(it, targetOf)) };
}
