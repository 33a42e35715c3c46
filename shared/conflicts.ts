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
// - update: running totals. When a row's claims carry as-of dates, claims of the same as-of period
//   (one date a prefix of the other: "2024-01" holds "2024-01-20") must overlap; a later as-of with
//   a higher figure is an update, not a contradiction; a later figure entirely below an earlier one
//   is a conflict (a running total does not fall). A claim without an as-of date must overlap some
//   dated claim to be placed; otherwise the row is unclear.
// - single: only one claim speaks to the row. consistent: everything overlaps.
// Perpetrator row
// - Names compare through the case's actor book (actorId, or the name and aliases in any of their
//   spellings: actors.ts). A name is a DESCRIPTION rather than a named actor when no actor in the
//   book matches it and it uses a generic group noun in lower case ("Iranian-backed militia
//   groups", "unknown gunmen"); a description names no one, so it cannot contradict a named actor:
//   "consistent at different levels". Two different named actors, two competing claims of
//   responsibility, or a denial by the accused actor → conflict.
// Date row
// - Timing claims compare their resolved ranges (which already carry their precision: "late
//   December" is 21–31 December). Overlap → consistent. Ranges one day apart are still one moment
//   when the earlier is an evening or night expression and the later an early-morning one: a
//   statement on "Thursday night" in Washington and strikes "early Friday" in Iraq can be the same
//   hour across time zones. An approximate expression ("about 24 hours earlier") is allowed a day.
// - A timing claim without a resolved date cannot be placed: it gets its own row "date · undated"
//   whose verdict is unclear (it may point at another event, or at none).
// Not compared: claims without a measure (a weapon described without a count), notes, 'other'.
import { z } from 'zod';
import { findActor, normaliseActorName } from './actors.ts';
import { type Actor, type Claim, type Event, type FigureClaim, type Population, RecordId, Timestamp, isFigureClaim, partsCheck } from './claims.ts';
import type { ClaimState } from './commands.ts';
import type { Source } from './source.ts';
import { normalisePlace, placesApart, placeWithin } from './places.ts';

// ---------------------------------------------------------------- schemas

export const Verdict = z.enum(['consistent', 'conflict', 'scope_mismatch', 'update', 'unclear', 'single']);
export type Verdict = z.infer<typeof Verdict>;

/** How bad a verdict is, for summarising several rows into one: conflict is the worst. */
export const SEVERITY: Record<Verdict, number> = { single: 0, consistent: 1, update: 2, unclear: 3, scope_mismatch: 4, conflict: 5 };

export const worstVerdict = (verdicts: Verdict[]): Verdict => verdicts.reduce<Verdict>((w, v) => (SEVERITY[v] > SEVERITY[w] ? v : w), 'single');

export const CellBasis = z.enum(['figure', 'part', 'implied', 'perpetrator', 'date']);
export type CellBasis = z.infer<typeof CellBasis>;

export const Cell = z.object({
  claimId: RecordId,
  sourceId: z.string(),
  independenceGroup: z.string(),
  /** The words as written: the figure, the perpetrator's name, the date expression. */
  raw: z.string(),
  low: z.number().nullable(),
  best: z.number().nullable(),
  high: z.number().nullable(),
  /** For date rows: the resolved range. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  asOf: z.string().nullable(),
  /** figure = the claim's total; part = one part of its breakdown; implied = derived (see rules). */
  basis: CellBasis,
  /** A few words on where the value comes from ("implied by the breakdown of '…'", "a description"). */
  detail: z.string(),
  /** A problem inside the claim itself (a breakdown that does not add up). */
  problem: z.string().nullable(),
});
export type Cell = z.infer<typeof Cell>;

export const DecisionStatus = z.enum(['confirmed', 'explained', 'dismissed']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

export const Decision = z.object({
  eventId: RecordId,
  /** The row's stable key (Row.key): it survives recomputation. */
  rowKey: z.string().min(1).max(500),
  status: DecisionStatus,
  note: z.string().max(20_000),
  at: Timestamp,
  by: z.string().max(300).nullable().optional(),
  /** What the row said when the decision was taken, so the UI can say "this row changed since". */
  verdict: Verdict.optional(),
  claims: z.array(RecordId).max(10_000).optional(),
});
export type Decision = z.infer<typeof Decision>;

export const Row = z.object({
  key: z.string(),
  measure: z.string(),
  /** The population in words ("US military", "all"); '' for the perpetrator and date rows. */
  population: z.string(),
  verdict: Verdict,
  why: z.string(),
  claims: z.array(RecordId),
  cells: z.array(Cell),
  decision: Decision.nullable(),
});
export type Row = z.infer<typeof Row>;

export const Column = z.object({
  /** The independence group (a wire story and its rewrites count once). */
  group: z.string(),
  sources: z.array(z.object({ sourceId: z.string(), name: z.string() })),
});
export type Column = z.infer<typeof Column>;

export const Matrix = z.object({
  eventId: RecordId,
  title: z.string(),
  columns: z.array(Column),
  rows: z.array(Row),
});
export type Matrix = z.infer<typeof Matrix>;

/** What the matrix needs of a source. Pass Source records, or these. */
export interface SourceInfo {
  id: string;
  name: string;
  independenceGroup: string | null;
}

export function toSourceInfo(s: Source | SourceInfo): SourceInfo {
  if ('name' in s) return s;
  return { id: s.id, name: s.outlet.value ?? s.title.value ?? s.id, independenceGroup: s.independenceGroup };
}

// ---------------------------------------------------------------- populations

interface Pop {
  nationality: string | null;
  affiliation: string | null;
  side: string | null;
  role: string | null;
  place: string | null;
}

// The population helpers below are spelled out field by field: they run for every row × claim of
// a 100,000-claim case, and loops over a field list with closures cost more than the rest.
const clean = (s: string | null | undefined): string | null => {
  if (!s) return null;
  const t = /\s\s|[\t\n\r]/.test(s) ? s.trim().replace(/\s+/g, ' ') : s.trim();
  return t ? t : null;
};
const enc = (s: string) => (/^[A-Za-z0-9 _.-]*$/.test(s) ? s : encodeURIComponent(s));

function toPop(p: Population, place: string | null = null): Pop {
  return {
    nationality: clean(p.nationality)?.toUpperCase() ?? null,
    affiliation: p.affiliation === 'unknown' ? null : p.affiliation,
    side: clean(p.side)?.toLowerCase() ?? null,
    role: clean(p.role)?.toLowerCase() ?? null,
    place: place && place.trim() ? normalisePlace(place) : null,
  };
}
/** A part's population: what it says, and the claim's population where it says nothing. */
function mergePop(outer: Pop, inner: Pop): Pop {
  return {
    nationality: inner.nationality ?? outer.nationality,
    affiliation: inner.affiliation ?? outer.affiliation,
    side: inner.side ?? outer.side,
    role: inner.role ?? outer.role,
    place: inner.place ?? outer.place,
  };
}
/** The population part of a row key: the set fields in a fixed order, values escaped; 'all' when none. */
function popKey(p: Pop): string {
  let k = '';
  if (p.nationality !== null) k += `;nationality=${enc(p.nationality)}`;
  if (p.affiliation !== null) k += `;affiliation=${enc(p.affiliation)}`;
  if (p.side !== null) k += `;side=${enc(p.side)}`;
  if (p.role !== null) k += `;role=${enc(p.role)}`;
  if (p.place !== null) k += `;place=${enc(p.place)}`;
  return k ? k.slice(1) : 'all';
}
const specificity = (p: Pop) =>
  (p.nationality === null ? 0 : 1) + (p.affiliation === null ? 0 : 1) + (p.side === null ? 0 : 1) + (p.role === null ? 0 : 1) + (p.place === null ? 0 : 1);
/** True when everyone in `a` is in `b` (a is b or narrower). */
const within = (a: Pop, b: Pop) =>
  (b.nationality === null || a.nationality === b.nationality) &&
  (b.affiliation === null || a.affiliation === b.affiliation) &&
  (b.side === null || a.side === b.side) &&
  (b.role === null || a.role === b.role) &&
  (b.place === null || (a.place !== null && placeWithin(a.place, b.place)));
/** True when no one can be in both: nationality (ISO codes), affiliation (a closed list) or country differ. */
const apart = (a: Pop, b: Pop) =>
  (a.nationality !== null && b.nationality !== null && a.nationality !== b.nationality) ||
  (a.affiliation !== null && b.affiliation !== null && a.affiliation !== b.affiliation) ||
  (a.place !== null && b.place !== null && placesApart(a.place, b.place));

function popLabel(p: Pop, display: Map<string, string>): string {
  const words: string[] = [];
  if (p.nationality) words.push(p.nationality);
  if (p.affiliation) words.push(p.affiliation);
  if (p.side) words.push(p.side);
  if (p.role) words.push(p.role);
  if (p.place) words.push(`in ${display.get(p.place) ?? p.place}`);
  return words.join(' ') || 'all';
}

export const rowKeyOf = (measure: string, population: Population, place: string | null = null) => `${measure}|${popKey(toPop(population, place))}`;

// ---------------------------------------------------------------- words

// Intl formatting is slow enough to show in the 100,000-claim benchmark; this is the same for counts.
const show = (n: number): string => {
  if (!Number.isInteger(n) || Math.abs(n) < 1000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};
function range(low: number | null, high: number | null): string {
  const lo = low ?? 0;
  if (high === null) return lo === 0 ? 'any number' : `${show(lo)} or more`;
  if (lo === high) return show(lo);
  if (lo === 0) return `up to ${show(high)}`;
  return `${show(lo)}–${show(high)}`;
}
const quote = (s: string, max = 80) => {
  const t = /\s\s|[\t\n\r]/.test(s) ? s.trim().replace(/\s+/g, ' ') : s.trim();
  return `'${t.length > max ? `${t.slice(0, max - 1)}…` : t}'`;
};
function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** The first few of many, described; the rest counted ("… and 12 more"). */
function some<T>(items: T[], describe: (x: T) => string, max = 4): string {
  if (items.length <= max) return list(items.map(describe));
  return `${items.slice(0, max).map(describe).join(', ')} and ${items.length - max} more`;
}

// ---------------------------------------------------------------- context

interface Ctx {
  sources: Map<string, SourceInfo>;
  book: Actor[];
  actorCache: Map<string, ActorRef>;
  decisions: Map<string, Decision>;
}

function makeCtx(state: ClaimState, sources: Array<Source | SourceInfo>, decisions: Decision[]): Ctx {
  const map = new Map<string, SourceInfo>();
  for (const s of sources) {
    const info = toSourceInfo(s);
    map.set(info.id, info);
  }
  const dec = new Map<string, Decision>();
  for (const d of decisions) dec.set(`${d.eventId}\u0000${d.rowKey}`, d);
  return { sources: map, book: state.actors, actorCache: new Map(), decisions: dec };
}

const sourceName = (ctx: Ctx, id: string) => ctx.sources.get(id)?.name ?? id;
const groupOf = (ctx: Ctx, id: string) => ctx.sources.get(id)?.independenceGroup ?? `(source ${sourceName(ctx, id)})`;

/** A cell, always built with the same fields in the same order (one object shape: it is allocated a lot). */
function makeCell(
  ctx: Ctx,
  c: Claim,
  basis: CellBasis,
  raw: string,
  detail: string,
  v: { low?: number | null; best?: number | null; high?: number | null; start?: string | null; end?: string | null; problem?: string | null } = {},
): Cell {
  return {
    claimId: c.id,
    sourceId: c.sourceId,
    independenceGroup: groupOf(ctx, c.sourceId),
    raw,
    low: v.low ?? null,
    best: v.best ?? null,
    high: v.high ?? null,
    start: v.start ?? null,
    end: v.end ?? null,
    asOf: c.asOf,
    basis,
    detail,
    problem: v.problem ?? null,
  };
}

// ---------------------------------------------------------------- figure rows

interface Entry {
  claim: FigureClaim;
  measure: string;
  pop: Pop;
  low: number | null;
  best: number | null;
  high: number | null;
  raw: string;
  basis: 'figure' | 'part';
}
interface NormClaim {
  claim: FigureClaim;
  pop: Pop;
  /** The parts that add up (not subsets), under the claim's own measure. */
  parts: Array<{ pop: Pop; low: number | null; high: number | null }>;
  subsets: Array<{ pop: Pop; low: number | null }>;
  problem: string | null;
}

const lo = (c: { low: number | null }) => c.low ?? 0;
const hi = (c: { high: number | null }) => (c.high === null ? Infinity : c.high);
const overlap = (a: { low: number | null; high: number | null }, b: { low: number | null; high: number | null }) => hi(a) >= lo(b) && hi(b) >= lo(a);

/** The range a claim implies for a population it does not name (see the rules at the top). */
function implied(n: NormClaim, q: Pop): { low: number; high: number | null; how: string } | null {
  const f = n.claim.figure;
  if (within(q, n.pop)) {
    let low = 0;
    let outside = 0;
    for (const p of n.parts) {
      if (within(p.pop, q)) low += p.low ?? 0;
      else if (apart(p.pop, q)) outside += p.low ?? 0;
    }
    for (const s of n.subsets) if (within(s.pop, q)) low = Math.max(low, s.low ?? 0);
    const high = f.high === null ? null : Math.max(0, f.high - outside);
    if (low === 0 && high === null) return null;
    return { low, high, how: n.parts.length ? 'implied by its total and breakdown' : 'implied by its total' };
  }
  if (within(n.pop, q)) {
    const low = f.low ?? 0;
    return low > 0 ? { low, high: null, how: 'a narrower group: at least its count' } : null;
  }
  if (apart(n.pop, q)) return null;
  let low = 0;
  for (const p of n.parts) if (within(p.pop, q)) low += p.low ?? 0;
  return low > 0 ? { low, high: null, how: 'at least the parts of its breakdown in this group' } : null;
}

interface FigureRowWork {
  measure: string;
  pop: Pop;
  key: string;
  cells: Cell[];
  verdict: Verdict;
  why: string;
  /** Pairs of claims in conflict on this row, for the scope rule of wider rows. */
  conflicts: Array<{ a: string; b: string; text: () => string }>;
}

function describe(ctx: Ctx, c: Cell): string {
  const who = sourceName(ctx, c.sourceId);
  if (c.basis === 'implied') return `${who} (${c.detail} ${quote(c.raw)}: ${range(c.low, c.high)})`;
  const value = range(c.low, c.high);
  return `${who} ${quote(c.raw || value)}${c.raw && c.raw !== value ? ` (${value})` : ''}`;
}

function figureRows(ctx: Ctx, claims: FigureClaim[], display: Map<string, string>): FigureRowWork[] {
  const norms = new Map<string, NormClaim>();
  const byMeasure = new Map<string, NormClaim[]>();
  const rows = new Map<string, { measure: string; pop: Pop; entries: Entry[] }>();
  const addEntry = (e: Entry) => {
    const key = `${e.measure}|${popKey(e.pop)}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { measure: e.measure, pop: e.pop, entries: [] }));
    if (!r.entries.some((x) => x.claim === e.claim)) r.entries.push(e);
  };
  for (const c of claims) {
    if (c.measure === null) continue;
    if (c.place) display.set(normalisePlace(c.place), c.place.trim());
    const pop = toPop(c.population, c.place ?? null);
    const n: NormClaim = { claim: c, pop, parts: [], subsets: [], problem: partsCheck(c) };
    norms.set(c.id, n);
    let same = byMeasure.get(c.measure);
    if (!same) byMeasure.set(c.measure, (same = []));
    same.push(n);
    addEntry({ claim: c, measure: c.measure, pop, low: c.figure.low, best: c.figure.best, high: c.figure.high, raw: c.figure.raw, basis: 'figure' });
    for (const p of c.parts) {
      if (p.place) display.set(normalisePlace(p.place), p.place.trim());
      const ppop = mergePop(pop, toPop(p.population, p.place ?? null));
      const measure: string = p.measure ?? c.measure;
      if (measure === c.measure) {
        if (p.subset) n.subsets.push({ pop: ppop, low: p.figure.low });
        else n.parts.push({ pop: ppop, low: p.figure.low, high: p.figure.high });
      }
      addEntry({ claim: c, measure, pop: ppop, low: p.figure.low, best: p.figure.best, high: p.figure.high, raw: p.figure.raw, basis: 'part' });
    }
  }

  const work: FigureRowWork[] = [];
  for (const [key, r] of rows) {
    const cells: Cell[] = [];
    for (const e of r.entries) {
      const n = norms.get(e.claim.id) as NormClaim;
      cells.push(
        makeCell(ctx, e.claim, e.basis, e.raw, e.basis === 'part' ? 'part of its breakdown' : 'as written', {
          low: e.low,
          best: e.best,
          high: e.high,
          problem: e.basis === 'figure' ? n.problem : null,
        }),
      );
    }
    // Implied ranges: a lower bound always says something; an "up to" only when some other figure
    // of the row is above it (a conflict, or a running total that grew), so most are never built.
    const candidates: Array<{ n: NormClaim; low: number; high: number | null; how: string }> = [];
    let maxLow = 0;
    for (const c of cells) if ((c.low ?? 0) > maxLow) maxLow = c.low ?? 0;
    for (const n of byMeasure.get(r.measure) ?? []) {
      if (r.entries.some((e) => e.claim === n.claim)) continue;
      const imp = implied(n, r.pop);
      if (!imp) continue;
      candidates.push({ n, ...imp });
      if (imp.low > maxLow) maxLow = imp.low;
    }
    for (const k of candidates) {
      if (k.low === 0 && (k.high === null || k.high >= maxLow)) continue;
      cells.push(makeCell(ctx, k.n.claim, 'implied', k.n.claim.figure.raw, k.how, { low: k.low, high: k.high }));
    }
    work.push({ measure: r.measure, pop: r.pop, key, cells, verdict: 'single', why: '', conflicts: [] });
  }
  // Narrow rows first, so a wide row can see the conflicts under it (the scope rule).
  work.sort((a, b) => specificity(b.pop) - specificity(a.pop));
  for (const w of work) judgeFigureRow(ctx, w, work, display);
  return work;
}

/** Same as-of period: one date is a prefix of the other ("2024-01" holds "2024-01-20"). */
const samePeriod = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

function judgeFigureRow(ctx: Ctx, w: FigureRowWork, all: FigureRowWork[], display: Map<string, string>) {
  const cells = w.cells;
  /** Implied cells that take part in a finding: they stay in the row, to show why. */
  const involved = new Set<Cell>();
  const problems = cells.filter((c) => c.problem);
  const findings: Array<{ v: Verdict; why: string }> = [];
  for (const p of problems) findings.push({ v: 'conflict', why: `Inside one source: ${sourceName(ctx, p.sourceId)} ${quote(p.raw)}: ${p.problem}` });

  const running = cells.some((c) => c.asOf !== null);
  // Pairs of cells of different claims; direct figures first: a contradiction between two written
  // figures is the one to name. (Cells are few per row; texts are built only for what is shown.)
  const pairs = (visit: (a: Cell, b: Cell) => void) => {
    for (let rank = 0; rank <= 2; rank++)
      for (let i = 0; i < cells.length; i++)
        for (let j = i + 1; j < cells.length; j++) {
          const a = cells[i];
          const b = cells[j];
          if (a.claimId !== b.claimId && (a.basis === 'implied' ? 1 : 0) + (b.basis === 'implied' ? 1 : 0) === rank) visit(a, b);
        }
  };

  if (!running) {
    pairs((a, b) => {
      if (overlap(a, b)) return;
      involved.add(a).add(b);
      w.conflicts.push({ a: a.claimId, b: b.claimId, text: () => `${describe(ctx, a)} against ${describe(ctx, b)}` });
    });
    if (w.conflicts.length) findings.push({ v: 'conflict', why: `The figures do not overlap: ${w.conflicts[0].text()}.` });
  } else {
    const updates: Array<() => string> = [];
    pairs((x, y) => {
      if (x.asOf === null || y.asOf === null) return;
      if (samePeriod(x.asOf, y.asOf)) {
        if (overlap(x, y)) return;
        const period = x.asOf.length <= y.asOf.length ? x.asOf : y.asOf;
        involved.add(x).add(y);
        w.conflicts.push({ a: x.claimId, b: y.claimId, text: () => `${describe(ctx, x)} against ${describe(ctx, y)}, both as of ${period}` });
        return;
      }
      const [early, late] = x.asOf < y.asOf ? [x, y] : [y, x];
      if (hi(late) < lo(early)) {
        involved.add(early).add(late);
        w.conflicts.push({
          a: early.claimId,
          b: late.claimId,
          text: () => `a running total fell: ${describe(ctx, early)} as of ${early.asOf}, then ${describe(ctx, late)} as of ${late.asOf}`,
        });
      } else if ((early.best !== null && late.best !== null && late.best > early.best) || lo(late) > hi(early)) {
        involved.add(early).add(late);
        updates.push(() => `${describe(ctx, early)} as of ${early.asOf}, then ${describe(ctx, late)} as of ${late.asOf}`);
      }
    });
    if (w.conflicts.length) findings.push({ v: 'conflict', why: `The running totals contradict each other: ${w.conflicts[0].text()}.` });
    const dated = cells.filter((c) => c.asOf !== null);
    const unplaced = cells.filter((c) => c.asOf === null && !dated.some((d) => d.claimId !== c.claimId && overlap(c, d)));
    for (const u of unplaced) involved.add(u);
    if (unplaced.length)
      findings.push({
        v: 'unclear',
        why: `${some(unplaced, (c) => describe(ctx, c))} ${unplaced.length > 1 ? 'give' : 'gives'} no as-of date and ${unplaced.length > 1 ? 'match' : 'matches'} none of the dated totals, so it cannot be told whether ${unplaced.length > 1 ? 'they are' : 'it is'} older, newer or contradictory.`,
      });
    if (updates.length) findings.push({ v: 'update', why: `A later running total, not a contradiction: ${updates[0]()}.` });
  }

  // An implied "up to the total" says little: it stays only when it is a lower bound or part of a finding.
  w.cells = cells.filter((c) => c.basis !== 'implied' || (c.low ?? 0) > 0 || involved.has(c));
  const claimIds = new Set(w.cells.map((c) => c.claimId));
  if (!findings.some((f) => f.v === 'conflict')) {
    // The scope rule: the figures here agree, but a narrower row splits the same claims apart.
    for (const narrow of all) {
      if (narrow === w || narrow.measure !== w.measure || !within(narrow.pop, w.pop) || popKey(narrow.pop) === popKey(w.pop)) continue;
      const hit = narrow.conflicts.find((c) => claimIds.has(c.a) && claimIds.has(c.b));
      if (hit) {
        findings.push({
          v: 'scope_mismatch',
          why: `The ${running ? 'running totals' : 'figures'} for ${w.measure} · ${popLabel(w.pop, display)} agree, but the breakdowns differ: for ${w.measure} · ${popLabel(narrow.pop, display)}, ${hit.text()}.`,
        });
        break;
      }
    }
  }
  if (findings.length === 0) {
    if (claimIds.size <= 1) {
      w.verdict = 'single';
      w.why = w.cells.length ? `Only one claim gives this figure: ${describe(ctx, w.cells[0])}.` : 'No figure.';
    } else {
      w.verdict = 'consistent';
      w.why = `The ranges overlap: ${some(w.cells, (c) => describe(ctx, c))}.`;
    }
    return;
  }
  const worst = worstVerdict(findings.map((f) => f.v));
  w.verdict = worst;
  w.why = findings
    .filter((f) => f.v === worst)
    .concat(findings.filter((f) => f.v !== worst))
    .map((f) => f.why)
    .join(' ');
}

// ---------------------------------------------------------------- perpetrator row

export interface ActorRef {
  /** One identity per actor: the book's actor, else the spelling-insensitive name key. */
  identity: string;
  label: string;
  named: boolean;
}

// Lower-case generic group nouns mark a description ("Iranian-backed militia groups"); in a proper
// name they are capitalised ("Popular Mobilization Forces").
const GENERIC =
  /\b(?:militias?|groups?|forces|fighters|gunmen|insurgents|militants|factions?|prox(?:y|ies)|elements|cells|men|attackers|assailants|organi[sz]ations?|networks?|rebels)\b|\b(?:unknown|unidentified)\b/;

/** True when a name describes a kind of group rather than naming one (see the rules at the top). */
export function isDescription(name: string, book: Actor[] = []): boolean {
  if (findActor(book, name)) return false;
  return GENERIC.test(name) || /^(?:unknown|unidentified)\b/i.test(name.trim());
}

/**
 * Who a perpetrator's name refers to: the book's actor (by id, else by name or alias in any
 * spelling), else a named actor outside the book, else a description (see the rules at the top).
 */
export function resolveActor(book: Actor[], name: string, actorId: string | null): ActorRef {
  const byId = actorId ? book.find((a) => a.id === actorId) : undefined;
  const actor = byId ?? findActor(book, name);
  return actor
    ? { identity: `actor:${actor.id}`, label: actor.name, named: true }
    : isDescription(name, book)
      ? { identity: `description:${normaliseActorName(name)}`, label: name, named: false }
      : { identity: `name:${normaliseActorName(name)}`, label: name, named: true };
}

function actorRef(ctx: Ctx, name: string, actorId: string | null): ActorRef {
  const cacheKey = `${actorId ?? ''}\u0000${name}`;
  let ref = ctx.actorCache.get(cacheKey);
  if (!ref) ctx.actorCache.set(cacheKey, (ref = resolveActor(ctx.book, name, actorId)));
  return ref;
}

type Attribution = Extract<Claim, { kind: 'attribution' }>;

function perpetratorRow(ctx: Ctx, claims: Attribution[]): Omit<Row, 'decision'> | null {
  const withName = claims.filter((c) => c.perpetrator !== null);
  if (withName.length === 0) return null;
  const refs = withName.map((c) => ({ c, ref: actorRef(ctx, c.perpetrator!.name, c.perpetrator!.actorId) }));
  const cells: Cell[] = refs.map(({ c, ref }) =>
    makeCell(ctx, c, 'perpetrator', c.perpetrator!.name, `${c.stance}; ${ref.named ? `named actor ${ref.label}` : 'a description, not a name'}`),
  );
  const who = (c: Claim, name: string) => `${sourceName(ctx, c.sourceId)} ${quote(name)}`;
  const positive = refs.filter((r) => r.c.stance !== 'denied');
  const denials = refs.filter((r) => r.c.stance === 'denied');
  const named = positive.filter((r) => r.ref.named);
  const byIdentity = new Map<string, typeof named>();
  for (const r of named) byIdentity.set(r.ref.identity, [...(byIdentity.get(r.ref.identity) ?? []), r]);
  const base = { key: 'perpetrator', measure: 'perpetrator', population: '', claims: withName.map((c) => c.id), cells };

  const claimedBy = new Map<string, (typeof named)[number]>();
  for (const r of named) if (r.c.stance === 'claimed' && !claimedBy.has(r.ref.identity)) claimedBy.set(r.ref.identity, r);
  if (claimedBy.size > 1) {
    const [a, b] = [...claimedBy.values()];
    return {
      ...base,
      verdict: 'conflict',
      why: `Competing claims of responsibility: ${who(a.c, a.c.perpetrator!.name)} and ${who(b.c, b.c.perpetrator!.name)} name different actors.`,
    };
  }
  if (byIdentity.size > 1) {
    const [a, b] = [...byIdentity.values()].map((g) => g[0]);
    return {
      ...base,
      verdict: 'conflict',
      why: `Different actors are named: ${who(a.c, a.c.perpetrator!.name)} (${a.ref.label}) against ${who(b.c, b.c.perpetrator!.name)} (${b.ref.label}).`,
    };
  }
  for (const d of denials) {
    const accused = positive.find((p) => p.ref.identity === d.ref.identity);
    if (accused)
      return {
        ...base,
        verdict: 'conflict',
        why: `${who(accused.c, accused.c.perpetrator!.name)} attributes it (${accused.c.stance}); ${who(d.c, d.c.perpetrator!.name)} reports a denial.`,
      };
  }
  if (withName.length === 1 || new Set(withName.map((c) => c.id)).size === 1) {
    return { ...base, verdict: 'single', why: `Only ${who(withName[0], withName[0].perpetrator!.name)} names a perpetrator (${withName[0].stance}).` };
  }
  const parts: string[] = [];
  const spellings = new Set(named.map((r) => r.c.perpetrator!.name.trim()));
  if (named.length)
    parts.push(
      `${list([...spellings].map((s) => quote(s)))} ${spellings.size > 1 ? 'are spellings or aliases of one actor' : 'names one actor'}${named[0].ref.label !== named[0].c.perpetrator!.name ? ` (${named[0].ref.label})` : ''}`,
    );
  const descs = [...new Set(positive.filter((r) => !r.ref.named).map((r) => r.c.perpetrator!.name.trim()))];
  if (descs.length)
    parts.push(
      `${list(descs.map((s) => quote(s)))} ${descs.length > 1 ? 'are descriptions' : 'is a description'} of a kind of group${named.length ? ', which can include it: the same attribution at a different level of detail' : ', naming no one, so they do not contradict each other'}`,
    );
  return { ...base, verdict: 'consistent', why: `${parts.join('; ')}.` };
}

// ---------------------------------------------------------------- date rows

type Timing = Extract<Claim, { kind: 'timing' }>;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const EVENING = /\b(?:evening|night|tonight|overnight|late)\b/i;
const EARLY = /\b(?:early|morning|dawn|pre-?dawn|daybreak|overnight)\b/i;

function dateRows(ctx: Ctx, claims: Timing[]): Array<Omit<Row, 'decision'>> {
  const out: Array<Omit<Row, 'decision'>> = [];
  const dated = claims.filter((c) => c.start !== null && c.end !== null);
  const undated = claims.filter((c) => c.start === null || c.end === null);
  const cell = (c: Timing): Cell =>
    makeCell(ctx, c, 'date', c.expression, c.start === null ? 'no date resolved' : c.approximate ? 'approximate' : 'as resolved', {
      start: c.start,
      end: c.end,
    });
  const who = (c: Timing) => `${sourceName(ctx, c.sourceId)} ${quote(c.expression)} (${c.start === c.end ? c.start : `${c.start} to ${c.end}`})`;
  if (dated.length) {
    const conflicts: string[] = [];
    const zones: string[] = [];
    const days = new Map<string, number>();
    const day = (iso: string) => {
      let d = days.get(iso);
      if (d === undefined) days.set(iso, (d = dayNumber(iso)));
      return d;
    };
    for (let i = 0; i < dated.length; i++)
      for (let j = i + 1; j < dated.length; j++) {
        if (dated[i].start! <= dated[j].end! && dated[j].start! <= dated[i].end!) continue; // ISO dates compare as text
        const [a, b] = dated[i].start! <= dated[j].start! ? [dated[i], dated[j]] : [dated[j], dated[i]];
        const gap = day(b.start!) - day(a.end!);
        if (gap <= 0) continue;
        const dayWide = a.start === a.end && b.start === b.end;
        if (gap === 1 && dayWide && EVENING.test(a.expression) && EARLY.test(b.expression)) {
          zones.push(`${who(a)} and ${who(b)} are an evening and the early morning after it, which can be one moment across time zones`);
        } else if (gap === 1 && (a.approximate || b.approximate)) {
          zones.push(`${who(a)} and ${who(b)} are a day apart, within the margin of an approximate expression`);
        } else conflicts.push(`${who(a)} against ${who(b)}`);
      }
    const ids = dated.map((c) => c.id);
    let verdict: Verdict;
    let why: string;
    if (conflicts.length) [verdict, why] = ['conflict', `The dates do not meet: ${conflicts[0]}.`];
    else if (new Set(ids).size === 1) [verdict, why] = ['single', `Only ${who(dated[0])} dates it.`];
    else
      [verdict, why] = [
        'consistent',
        zones.length ? `The dates agree within their precision: ${zones.join('; ')}.` : `The dates overlap: ${some(dated, who)}.`,
      ];
    out.push({ key: 'date', measure: 'date', population: '', verdict, why, claims: ids, cells: dated.map(cell) });
  }
  if (undated.length) {
    const names = some(undated, (c) => `${sourceName(ctx, c.sourceId)} ${quote(c.expression)}`);
    out.push({
      key: 'date|undated',
      measure: 'date',
      population: 'undated',
      verdict: 'unclear',
      why: dated.length
        ? `${names} ${undated.length > 1 ? 'give' : 'gives'} no date that can be resolved, so it cannot be checked against ${some(dated, who)}: it may refer to another event.`
        : `${names} ${undated.length > 1 ? 'give' : 'gives'} no date that can be resolved, so it cannot be placed in time.`,
      claims: undated.map((c) => c.id),
      cells: undated.map(cell),
    });
  }
  return out;
}

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
  }
  const perp = perpetratorRow(ctx, attributions);
  if (perp) rows.push(perp);
  rows.push(...dateRows(ctx, timings));

  const colIndex = new Map<string, number>();
  const columns = columnsOf(ctx, claims, colIndex);
  const out: Row[] = [];
  for (const r of rows) {
    if (r.cells.length > 1) r.cells.sort((a, b) => (colIndex.get(a.sourceId) ?? 0) - (colIndex.get(b.sourceId) ?? 0));
    const decision = ctx.decisions.size ? (ctx.decisions.get(`${event.id}\u0000${r.key}`) ?? null) : null;
    // slice(): arrays grown by push keep spare room (17 slots for one item); a case's matrices are
    // hundreds of thousands of small arrays, and the spare room was most of their memory.
    out.push({
      key: r.key,
      measure: r.measure,
      population: r.population,
      verdict: r.verdict,
      why: r.why,
      claims: r.claims.slice(),
      cells: r.cells.slice(),
      decision,
    });
  }
  return { eventId: event.id, title: event.title, columns: columns.map((c) => ({ group: c.group, sources: c.sources.slice() })), rows: out.slice() };
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
    const now = new Set(row.claims);
    return d.claims.length !== now.size || d.claims.some((id) => !now.has(id));
  }
  return false;
}

// ---------------------------------------------------------------- the CLI's report

export const ConflictsReport = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      rows: z.array(
        z.object({
          key: z.string(),
          measure: z.string(),
          population: z.string(),
          verdict: Verdict,
          claims: z.array(z.string()),
          why: z.string(),
          decision: DecisionStatus.nullable(),
        }),
      ),
    }),
  ),
});
export type ConflictsReport = z.infer<typeof ConflictsReport>;

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
      })),
    })),
  };
}
