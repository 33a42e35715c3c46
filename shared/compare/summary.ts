// Compare at monitor scale (issue 15): what the event list and the disagreements list draw, made
// from the matrices the core keeps per event, so the window is sent a line per event (or a page of
// disagreements) instead of every matrix and every claim of the case. One event's matrix and claims
// are read when it is opened (`compare.event` in shared/api.ts).
import { z } from 'zod';
import { RecordId, TimingPrecision } from '../model/claims.ts';
import type { Event } from '../model/claims.ts';
import { Grade } from '../model/judgements.ts';
import { Decision, DecisionStatus, Verdict, changedSinceDecision, type Matrix, type Row } from './conflicts.ts';
import type { GradeResult } from './grade.ts';
import { plainWhy } from './conflicts/plain.ts';

/** Rows that need a fact-checker's attention: everything but agreement and lone figures. */
export const isFlagged = (v: Verdict): boolean => v !== 'consistent' && v !== 'single';

/**
 * The row that carries a disagreement's flag (conflicts/disagreements.ts): one per disagreement,
 * however many nested rows it spans. A row computed without grouping (no `group` field) is its own
 * disagreement when flagged.
 */
export const isFlagRow = (r: Pick<Row, 'key' | 'verdict' | 'group'>): boolean => (r.group === undefined ? isFlagged(r.verdict) : r.group === r.key);

export const Standing = z.enum(['open', 'explained', 'dismissed']);
export type Standing = z.infer<typeof Standing>;

/** Where a flagged row stands: undecided, decided (explained or confirmed), or dismissed. */
export function standingOf(r: Pick<Row, 'decision'>): Standing {
  const s = r.decision?.status;
  if (!s) return 'open';
  return s === 'dismissed' ? 'dismissed' : 'explained';
}

export const Tally = z.object({ open: z.number().int(), explained: z.number().int(), dismissed: z.number().int() });
export type Tally = z.infer<typeof Tally>;

/** One line of the event list: the event's dates and place, its counts, its flags and its grade. */
export const EventSummary = z.object({
  eventId: RecordId,
  title: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  precision: TimingPrecision.nullable(),
  place: z.string().nullable(),
  claims: z.number().int(),
  sources: z.number().int(),
  rows: z.number().int(),
  /** The disagreements (flag rows) by where they stand… */
  tally: Tally,
  /** …and by verdict (conflict, scope mismatch, update, unclear); verdicts with none are left out. */
  verdicts: z.partialRecord(Verdict, z.number().int()),
  grade: z.object({ grade: Grade, computed: Grade, why: z.string(), override: z.boolean() }),
});
export type EventSummary = z.infer<typeof EventSummary>;

/** One event's line, from its matrix and grade (as the verdict cache keeps them) and its record. */
export function summarise(matrix: Matrix, grade: GradeResult, event: Event | undefined): EventSummary {
  const tally: Tally = { open: 0, explained: 0, dismissed: 0 };
  const verdicts: Partial<Record<Verdict, number>> = {};
  const claims = new Set<string>();
  for (const r of matrix.rows) {
    for (const id of r.claims) claims.add(id);
    if (!isFlagRow(r)) continue;
    tally[standingOf(r)]++;
    verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  }
  return {
    eventId: matrix.eventId,
    title: matrix.title,
    start: event?.start ?? null,
    end: event?.end ?? null,
    precision: event?.precision ?? null,
    place: event?.place ?? null,
    claims: claims.size,
    sources: matrix.columns.reduce((n, c) => n + c.sources.length, 0),
    rows: matrix.rows.length,
    tally,
    verdicts,
    grade: { grade: grade.grade, computed: grade.computed, why: grade.why, override: grade.override !== null },
  };
}

export function addTally(into: Tally, t: Tally): Tally {
  into.open += t.open;
  into.explained += t.explained;
  into.dismissed += t.dismissed;
  return into;
}

/** One disagreement of the case-wide list: its row's label parts, verdict, decision and why, in words. */
export const DisagreementItem = z.object({
  eventId: RecordId,
  eventTitle: z.string(),
  rowKey: z.string(),
  measure: z.string(),
  population: z.string(),
  verdict: Verdict,
  decision: z.object({ status: DecisionStatus, note: z.string() }).nullable(),
  /** The verdict or the claims changed since the decision was taken. */
  changed: z.boolean(),
  /** What the sources say, in a sentence (conflicts/plain.ts), and the engine's detail. */
  plain: z.string(),
  why: z.string(),
});
export type DisagreementItem = z.infer<typeof DisagreementItem>;

export const DisagreementsPage = z.object({
  version: z.number().int().nonnegative(),
  standing: Standing,
  /** How many disagreements stand so; `items` are those from `offset` on. */
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(DisagreementItem),
  /** Decisions on rows that no longer exist (their claims were deleted or re-coded), with the first page only. */
  stale: z.array(Decision.extend({ eventTitle: z.string() })),
});
export type DisagreementsPage = z.infer<typeof DisagreementsPage>;

const itemOf = (m: Matrix, r: Row, name: (id: string) => string): DisagreementItem => ({
  eventId: m.eventId,
  eventTitle: m.title,
  rowKey: r.key,
  measure: r.measure,
  population: r.population,
  verdict: r.verdict,
  decision: r.decision ? { status: r.decision.status, note: r.decision.note } : null,
  changed: changedSinceDecision(r),
  plain: plainWhy(r, name),
  why: r.why,
});

/**
 * The disagreements that stand so, in event then row order, from `offset`, at most `limit`; the
 * sentence of each is made only for the page (it names the sources, from the matrix's columns).
 */
export function disagreementsPage(
  matrices: readonly Matrix[],
  standing: Standing,
  offset: number,
  limit: number,
): { total: number; items: DisagreementItem[] } {
  const items: DisagreementItem[] = [];
  let total = 0;
  for (const m of matrices) {
    let names: Map<string, string> | null = null;
    for (const r of m.rows) {
      if (!isFlagRow(r) || standingOf(r) !== standing) continue;
      if (total >= offset && items.length < limit) {
        names ??= new Map(m.columns.flatMap((c) => c.sources.map((s) => [s.sourceId, s.name] as const)));
        const n = names;
        items.push(itemOf(m, r, (id) => n.get(id) ?? id));
      }
      total++;
    }
  }
  return { total, items };
}
