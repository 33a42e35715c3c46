// Disagreement detection: per event, a matrix whose rows are measure × population (plus the
// perpetrator and the date), whose columns are sources grouped by independence group, and whose
// rows each carry a verdict explained in words. Pure; recomputed from the claims every time.
//
// Rules, and why (each row is judged on its own cells; every rule is general, no outlet is special):
//
// Rows and keys
// - A figure row is one measure for one population. A population is the claim's {nationality,
//   affiliation, side, role} plus its place (the claim's scope, or a part's). 'unknown' affiliation and null fields mean
//   "anyone": the row "killed|all" is everyone killed. Keys are built from the normalised fields
//   (`killed|nationality=US;affiliation=military`), never from ids or positions, so a decision keyed
//   by row survives recomputation, new claims and reordering.
// - A claim's total gives a row for its own population; each part of its breakdown gives a row for
//   the part's population (the claim's fields filled in where the part says nothing), under the
//   part's own measure when it narrows it ("five seriously" → wounded_serious).
// - Every claim of the measure also speaks to the rows it does not name directly, as a range
//   IMPLIED by its figure and breakdown (shown as "implied"):
//     · a narrower population Q inside the claim's population P: at least the parts that lie inside
//       Q, at most the total minus the parts that certainly lie outside Q (three killed, "a soldier,
//       a contractor and a Briton", leaves exactly one U.S. soldier: room for no second one);
//     · a wider population Q around P: at least the claim's low ("three coalition service members
//       killed" → at least 3 killed);
//     · otherwise: at least the parts that lie inside Q.
//   An implied lower bound is always shown; an implied "up to N" only when another figure of the
//   row is above N (it is then part of a finding), so the matrix is not filled with loose bounds.
//   Populations are certainly apart only when nationality (ISO codes) or affiliation (a closed
//   list) differ, or their places end in two different countries; side and role are free text
//   whose nesting we cannot know, so they never prove two populations apart. Places nest by the
//   narrowest-first convention (places.ts): "Al Asad Air Base, Iraq" is inside "Iraq", so a claim
//   of 140 attacks at the base meets a breakdown of 57 in Iraq and 83 in Syria as "at most 57".
// Verdicts of a figure row
// - conflict: two claims' ranges (null = open bound, a missing low counts as 0) do not overlap,
//   directly or as implied; or a breakdown inside one claim does not add up to its total
//   (partsCheck), flagged even when no other source speaks.
// - scope_mismatch: the figures of the row agree, but a narrower row holds a conflict between two
//   claims that both speak here ("same total, different breakdown"). So "three killed" from three
//   outlets, of which one says soldier + contractor and the others two service members, is a scope
//   mismatch on "killed" and a conflict on "killed · US military" and "killed · US contractor": the
//   total is shared, the breakdown is contradictory. The event-level summary of a disagreement takes
//   the most severe row (worstVerdict), so that case reads as a conflict, as a fact-checker says.
// - update: running totals. When a row's claims carry as-of dates, a later as-of with a higher
//   figure is an update, not a contradiction; a later figure entirely below an earlier one is a
//   conflict (a running total does not fall), except for counts of people in a state they leave
//   (the missing, the hospitalised, the detained), which fall as they are found or released. Claims of the same as-of period (one date a prefix
//   of the other: "2024-01" holds "2024-01-20") must overlap, except two reports of one DAY: they
//   are counts of different hours, so an update, unless their counts of the dead put them in order
//   and the later is lower, or one report gives both (conflicts/same-period.ts). An open floor well
//   below another figure of the period ("at least 7" beside "about 100") is an early, partial
//   count: update. A claim without an as-of date must overlap some dated claim to be
//   placed; otherwise the row is unclear.
// - scope_mismatch, also: two figures that do not overlap, where the lower is the count another
//   claim gives for a narrower group and the rest is the count of a group apart from it: they count
//   different groups (five contractors against five contractors and a U.S. soldier;
//   conflicts/scope.ts).
// - single: only one claim speaks to the row. consistent: everything overlaps.
// Perpetrator row
// - Names compare through the case's actor book (actorId, or the name and aliases in any of their
//   spellings: actors.ts). A name is a DESCRIPTION rather than a named actor when no actor in the
//   book matches it and it uses a generic group noun in lower case ("Iranian-backed militia
//   groups", "unknown gunmen"); a description names no one, so it cannot contradict a named actor:
//   "consistent at different levels". A name that extends a book actor's name or alias ("ISIS-K",
//   "Islamic State in Khorasan") names a branch of it: beside its parent it is the parent at a
//   finer level. An acronym outside the book ("JNIM") is the actor of the row whose name's initials
//   it is. Two different named actors, two competing claims of responsibility, or a denial by
//   the accused actor → conflict.
// - A report that no one has claimed the attack (no perpetrator, stance claimed), dated no later
//   than a claim of responsibility, is what was known then: update. Dated after every claim:
//   unclear (it may have missed the claim, or doubt it).
// Date row
// - Timing claims compare their resolved ranges (which already carry their precision: "late
//   December" is 21–31 December). Overlap → consistent. Ranges one day apart are still one moment
//   when the earlier is an evening or night expression and the later an early-morning one: a
//   statement on "Thursday night" in Washington and strikes "early Friday" in Iraq can be the same
//   hour across time zones. An approximate expression ("about 24 hours earlier") is allowed a day.
// - A timing claim without a resolved date cannot be placed: it gets its own row "date · undated"
//   whose verdict is unclear (it may point at another event, or at none).
// Not compared: claims without a measure (a weapon described without a count), notes, 'other'.
import { type Claim, type Event, type FigureClaim, isFigureClaim } from '../model/claims.ts';
import type { ClaimState } from '../model/state.ts';
import type { Source } from '../model/source.ts';
import { type Ctx, groupOf, makeCtx, sourceName } from './conflicts/context.ts';
import { dateRows, type Timing } from './conflicts/dates.ts';
import { figureRows } from './conflicts/figures.ts';
import { type Attribution, perpetratorRow } from './conflicts/perpetrator.ts';
import { groupRows, type GroupInput } from './conflicts/disagreements.ts';
import { type Pop, popLabel, specificity } from './conflicts/populations.ts';
import type { Column, ConflictsReport, Decision, Matrix, Row, SourceInfo } from './conflicts/schema.ts';

// The parts live in conflicts/ (schema, populations, context, and one module per row engine); this
// module puts a matrix together and stays the one to import.
export {
  Cell,
  CellBasis,
  Column,
  ConflictsReport,
  Decision,
  DecisionStatus,
  Matrix,
  Row,
  SEVERITY,
  type SourceInfo,
  Verdict,
  toSourceInfo,
  worstVerdict,
} from './conflicts/schema.ts';
export { rowKeyOf } from './conflicts/populations.ts';
export type { ActorRef } from './conflicts/context.ts';
export { isDescription, resolveActor } from './conflicts/perpetrator.ts';

// ---------------------------------------------------------------- the matrix

function columnsOf(ctx: Ctx, claims: Claim[], colIndex: Map<string, number>): Column[] {
  const columns: Column[] = [];
  const byGroup = new Map<string, number>();
  for (const c of claims) {
    if (colIndex.has(c.sourceId)) continue;
    const group = groupOf(ctx, c.sourceId);
    let i = byGroup.get(group);
    if (i === undefined) {
      byGroup.set(group, (i = columns.length));
      columns.push({ group, sources: [] });
    }
    columns[i].sources.push({ sourceId: c.sourceId, name: sourceName(ctx, c.sourceId) });
    colIndex.set(c.sourceId, i);
  }
  return columns;
}

function matrixOf(ctx: Ctx, event: Event, claims: Claim[]): Matrix {
  const figures: FigureClaim[] = [];
  const attributions: Attribution[] = [];
  const timings: Timing[] = [];
  for (const c of claims) {
    if (isFigureClaim(c)) figures.push(c);
    else if (c.kind === 'attribution') attributions.push(c);
    else if (c.kind === 'timing') timings.push(c);
  }
  const display = new Map<string, string>();
  const rows: Array<Omit<Row, 'decision'>> = [];
  const grouping: GroupInput[] = [];
  // Rows in reading order: measures as they first appear, each from the widest population down.
  const order = new Map<string, number>();
  for (const c of figures) if (c.measure !== null && !order.has(c.measure)) order.set(c.measure, order.size);
  const work = figureRows(ctx, figures, display);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  work.sort(
    (a, b) =>
      (order.get(a.measure) ?? order.size) - (order.get(b.measure) ?? order.size) ||
      cmp(a.measure, b.measure) ||
      specificity(a.pop) - specificity(b.pop) ||
      cmp(a.key, b.key),
  );
  for (const w of work) {
    const ids: string[] = [];
    for (const c of w.cells) if (!ids.includes(c.claimId)) ids.push(c.claimId);
    rows.push({ key: w.key, measure: w.measure, population: popLabel(w.pop, display), verdict: w.verdict, why: w.why, claims: ids, cells: w.cells });
    grouping.push({ key: w.key, measure: w.measure, pop: w.pop, verdict: w.verdict, claims: ids, direct: w.direct });
  }
  const perp = perpetratorRow(ctx, attributions);
  if (perp) rows.push(perp);
  rows.push(...dateRows(ctx, timings));
  for (const r of rows.slice(grouping.length))
    grouping.push({ key: r.key, measure: r.measure, pop: null as Pop | null, verdict: r.verdict, claims: r.claims, direct: true });
  const groupOfRow = new Map<string, { flag: string; rows: string[] }>();
  for (const g of groupRows(grouping)) for (const k of g.rows) groupOfRow.set(k, g);

  const colIndex = new Map<string, number>();
  const columns = columnsOf(ctx, claims, colIndex);
  const rowsByKey = new Map(rows.map((r) => [r.key, r]));
  const out: Row[] = [];
  for (const r of rows) {
    if (r.cells.length > 1) r.cells.sort((a, b) => (colIndex.get(a.sourceId) ?? 0) - (colIndex.get(b.sourceId) ?? 0));
    const g = groupOfRow.get(r.key);
    // slice(): arrays grown by push keep spare room (17 slots for one item); a case's matrices are
    // hundreds of thousands of small arrays, and the spare room was most of their memory.
    const row: Row = {
      key: r.key,
      measure: r.measure,
      population: r.population,
      verdict: r.verdict,
      why: r.why,
      claims: r.claims.slice(),
      cells: r.cells.slice(),
      decision: g && g.flag !== r.key ? null : decisionFor(ctx, event.id, g ? g.rows : [r.key]),
      group: g ? g.flag : null,
    };
    if (g && g.flag === r.key) {
      row.context = g.rows.slice(1);
      const all = new Set<string>();
      for (const k of g.rows) for (const id of rowsByKey.get(k)?.claims ?? []) all.add(id);
      row.groupClaims = [...all];
    }
    out.push(row);
  }
  return { eventId: event.id, title: event.title, columns: columns.map((c) => ({ group: c.group, sources: c.sources.slice() })), rows: out.slice() };
}

/** A disagreement's decision: the one under its flag row's key (keys[0]), else the latest under any of its rows' keys. */
function decisionFor(ctx: Ctx, eventId: string, keys: string[]): Decision | null {
  if (!ctx.decisions.size) return null;
  const own = ctx.decisions.get(`${eventId}\u0000${keys[0]}`);
  if (own) return own;
  let latest: Decision | null = null;
  for (const k of keys.slice(1)) {
    const d = ctx.decisions.get(`${eventId}\u0000${k}`);
    if (d && (!latest || d.at > latest.at)) latest = d;
  }
  return latest;
}

/** The matrix of one event. `decisions` are attached to their rows by (eventId, row key). */
export function computeMatrix(state: ClaimState, sources: Array<Source | SourceInfo>, event: Event, decisions: Decision[] = []): Matrix {
  const ctx = makeCtx(state, sources, decisions);
  return matrixOf(
    ctx,
    event,
    state.claims.filter((c) => c.eventId === event.id),
  );
}

/** Every event's matrix, in the order of state.events: one pass groups the claims by event. */
export function computeAll(state: ClaimState, sources: Array<Source | SourceInfo>, decisions: Decision[] = []): Matrix[] {
  const ctx = makeCtx(state, sources, decisions);
  const byEvent = new Map<string, Claim[]>();
  for (const c of state.claims) {
    if (c.eventId === null) continue;
    let group = byEvent.get(c.eventId);
    if (!group) byEvent.set(c.eventId, (group = []));
    group.push(c);
  }
  return state.events.map((e) => matrixOf(ctx, e, byEvent.get(e.id) ?? []));
}

/** Decisions whose row no longer exists (its claims were deleted or re-coded): kept, listed apart. */
export function staleDecisions(matrices: Matrix[], decisions: Decision[]): Decision[] {
  const live = new Set<string>();
  for (const m of matrices) for (const r of m.rows) live.add(`${m.eventId}\u0000${r.key}`);
  const events = new Set(matrices.map((m) => m.eventId));
  return decisions.filter((d) => events.has(d.eventId) && !live.has(`${d.eventId}\u0000${d.rowKey}`));
}

/** True when a row's verdict or claims differ from what they were when the decision was taken. */
export function changedSinceDecision(row: Row): boolean {
  const d = row.decision;
  if (!d) return false;
  if (d.verdict !== undefined && d.verdict !== row.verdict) return true;
  if (d.claims !== undefined) {
    // A decision on a disagreement weighed all of its rows' claims.
    const now = new Set(row.groupClaims ?? row.claims);
    return d.claims.length !== now.size || d.claims.some((id) => !now.has(id));
  }
  return false;
}

// ---------------------------------------------------------------- the CLI's report

/** What `corroborate conflicts --json` prints. */
export function conflictsReport(matrices: Matrix[]): ConflictsReport {
  return {
    events: matrices.map((m) => ({
      id: m.eventId,
      title: m.title,
      rows: m.rows.map((r) => ({
        key: r.key,
        measure: r.measure,
        population: r.population,
        verdict: r.verdict,
        claims: r.claims,
        why: r.why,
        decision: r.decision?.status ?? null,
        disagreement: r.group ?? null,
        flag: r.group === r.key,
      })),
      disagreements: m.rows
        .filter((r) => r.group === r.key)
        .map((r) => ({ flag: r.key, verdict: r.verdict, rows: [r.key, ...(r.context ?? [])], decision: r.decision?.status ?? null })),
    })),
  };
}
