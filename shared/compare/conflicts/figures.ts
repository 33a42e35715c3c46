// The figure-row engine: one row per measure × population, with implied ranges, running totals and the scope rule.
import { type FigureClaim, partsCheck } from '../../model/claims.ts';
import { normalisePlace } from '../places.ts';
import { type Ctx, makeCell, quote, range, some, sourceName } from './context.ts';
import { type Pop, apart, mergePop, popKey, popLabel, specificity, toPop, within } from './populations.ts';
import { type ReportIndex, indexReports, orderOf } from './same-period.ts';
import { floorJustAbove, floorReach, revisionTold } from './running.ts';
import { explainGap, explainMeasureGap } from './scope.ts';
import { type Cell, type Verdict, worstVerdict } from './schema.ts';

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
/**
 * The lowest count a written figure allows, for telling whether two figures meet: an open floor
 * touches the count it is written from ("more than 5,000" beside "5,000", "more than a hundred"
 * beside "100": one count, written with and without caution), so its low gives way by one.
 */
const base = (c: Cell) => (c.high === null && c.basis !== 'implied' && c.low ? c.low - 1 : lo(c));
const overlap = (a: Cell, b: Cell) => hi(a) >= base(b) && hi(b) >= base(a);

/** The range a claim implies for a population it does not name (see the rules at the top of conflicts.ts). */
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

export interface FigureRowWork {
  measure: string;
  pop: Pop;
  key: string;
  cells: Cell[];
  verdict: Verdict;
  why: string;
  /** Pairs of claims in conflict on this row, for the scope rule of wider rows. */
  conflicts: Array<{ a: string; b: string; text: () => string }>;
  /** True when some contradiction here is between two figures as written (neither implied): where sources part ways. */
  direct: boolean;
}

function describe(ctx: Ctx, c: Cell): string {
  const who = sourceName(ctx, c.sourceId);
  if (c.basis === 'implied') return `${who} (${c.detail} ${quote(c.raw)}: ${range(c.low, c.high)})`;
  const value = range(c.low, c.high);
  return `${who} ${quote(c.raw || value)}${c.raw && c.raw !== value ? ` (${value})` : ''}`;
}

export function figureRows(ctx: Ctx, claims: FigureClaim[], display: Map<string, string>): FigureRowWork[] {
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
    work.push({ measure: r.measure, pop: r.pop, key, cells, verdict: 'single', why: '', conflicts: [], direct: false });
  }
  // Narrow rows first, so a wide row can see the conflicts under it (the scope rule).
  work.sort((a, b) => specificity(b.pop) - specificity(a.pop));
  const reports = indexReports(work);
  const broken = new Set<string>();
  for (const c of claims) if (c.parts.length) broken.add(c.id);
  for (const w of work) judgeFigureRow(ctx, w, work, display, reports, broken);
  return work;
}

/**
 * Counts of people in a state they leave: the missing are found (alive or among the dead), the
 * hospitalised discharged, the detained released. A later, lower count of them is the next count,
 * not a contradiction, as it would be for the dead or the wounded (who stay wounded).
 */
const SHRINKS = new Set(['missing', 'hospitalised', 'detained', 'trapped']);
const MEASURE_WORDS: Record<string, string> = { missing: 'missing', hospitalised: 'people in hospital', detained: 'detained', trapped: 'trapped' };

/** Same as-of period: one date is a prefix of the other ("2024-01" holds "2024-01-20"). */
const samePeriod = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
/**
 * One day, both given to the day: the hours between two reports are unknown (same-period.ts). A
 * figure given for a month or a year is said to hold for all of it, so two of one month still must
 * agree: the coder could have given the day, and did not.
 */
const sameDay = (a: string, b: string) => a.length === 10 && a === b;
/**
 * [floor, other] when `a` is an open lower bound ("at least 21") and `b`'s low is past what the
 * floor's rounding could hide, both as written: an early, partial count (running.ts). A floor near
 * the other figure ("more than 60" beside 66) is only a cautious way of writing the same count.
 */
const floorBelow = (a: Cell, b: Cell): [Cell, Cell] | null =>
  a.basis !== 'implied' && b.basis !== 'implied' && a.high === null && b.low !== null && b.low >= floorReach(a) && a.claimId !== b.claimId ? [a, b] : null;

function judgeFigureRow(ctx: Ctx, w: FigureRowWork, all: FigureRowWork[], display: Map<string, string>, reports: ReportIndex, broken: ReadonlySet<string>) {
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

  /** Two figures that do not overlap but count different groups, as the breakdowns show (scope.ts). */
  const scopes: string[] = [];
  const scoped = (a: Cell, b: Cell): boolean => {
    const [low, high] = lo(a) < lo(b) ? [a, b] : [b, a];
    const why = explainGap(w, low, high, all, broken);
    if (!why) {
      const wider = explainMeasureGap(w, low, high, all);
      if (!wider) return false;
      involved.add(a).add(b);
      scopes.push(
        `${describe(ctx, high)} is the count of ${wider.row.measure} in ${sourceName(ctx, low.sourceId)} (${describe(ctx, wider.cell)}), of whom it counts ${describe(ctx, low)} as ${w.measure}: they count different groups`,
      );
      return true;
    }
    involved.add(a).add(b);
    scopes.push(
      `${describe(ctx, low)} matches the count of ${w.measure} · ${popLabel(why.inner.pop, display)} (${describe(ctx, why.inner.cell)}), and the rest of ${describe(ctx, high)} matches ${w.measure} · ${popLabel(why.rest.pop, display)} (${describe(ctx, why.rest.cell)}): they count different groups`,
    );
    return true;
  };
  if (!running) {
    pairs((a, b) => {
      if (overlap(a, b) || scoped(a, b)) return;
      involved.add(a).add(b);
      if (a.basis !== 'implied' && b.basis !== 'implied') w.direct = true;
      w.conflicts.push({ a: a.claimId, b: b.claimId, text: () => `${describe(ctx, a)} against ${describe(ctx, b)}` });
    });
    if (w.conflicts.length) findings.push({ v: 'conflict', why: `The figures do not overlap: ${w.conflicts[0].text()}.` });
  } else {
    const updates: Array<() => string> = [];
    pairs((x, y) => {
      if (x.asOf === null || y.asOf === null) return;
      if (samePeriod(x.asOf, y.asOf)) {
        if (overlap(x, y)) {
          // "At least 7" beside "about 100" of one period: the floor was an early, partial count.
          const floor = floorBelow(x, y) ?? floorBelow(y, x);
          if (floor) {
            involved.add(x).add(y);
            updates.push(() => `${describe(ctx, floor[0])} is a floor well below ${describe(ctx, floor[1])}, both as of ${x.asOf}: an early, partial count`);
          }
          return;
        }
        const period = x.asOf.length <= y.asOf.length ? x.asOf : y.asOf;
        // One period, two reports: an earlier and a later count, unless one report gives both or
        // another running total puts them in order and the later is lower (same-period.ts).
        const order = x.sourceId === y.sourceId ? null : orderOf(reports, w.key, x, y);
        // A later report's lower count of the missing is the next count, as across days.
        const fell = order !== null && hi(order.later) < base(order.earlier) && !SHRINKS.has(w.measure);
        if (sameDay(x.asOf, y.asOf) && x.sourceId !== y.sourceId && !fell) {
          if (scoped(x, y)) return;
          involved.add(x).add(y);
          const [first, then] = order ? [order.earlier, order.later] : lo(x) <= lo(y) ? [x, y] : [y, x];
          updates.push(
            () =>
              `${describe(ctx, first)} and ${describe(ctx, then)} are both as of ${period}: two reports of one ${period.length > 7 ? 'day' : 'period'} give a toll as it stood at different hours`,
          );
          return;
        }
        const near = x.sourceId === y.sourceId && sameDay(x.asOf, y.asOf) ? floorJustAbove(x, y) : null;
        if (near) {
          involved.add(x).add(y);
          updates.push(
            () =>
              `${describe(ctx, near[0])} and ${describe(ctx, near[1])}, both as of ${period} in one report: the count so far and a floor just above it, of a later hour`,
          );
          return;
        }
        involved.add(x).add(y);
        if (x.basis !== 'implied' && y.basis !== 'implied') w.direct = true;
        w.conflicts.push({
          a: x.claimId,
          b: y.claimId,
          text: () =>
            order
              ? `${describe(ctx, order.later)} against ${describe(ctx, order.earlier)}, both as of ${period}: the first is the later report (it gives ${describe(ctx, order.evidence[0])} for ${order.row.replace('|', ' · ')}, against ${describe(ctx, order.evidence[1])}), yet its count is lower`
              : `${describe(ctx, x)} against ${describe(ctx, y)}, both as of ${period}${x.sourceId === y.sourceId ? ' in the same report' : ''}`,
        });
        return;
      }
      const [early, late] = x.asOf < y.asOf ? [x, y] : [y, x];
      if (hi(late) < base(early) && SHRINKS.has(w.measure)) {
        involved.add(early).add(late);
        updates.push(
          () =>
            `${describe(ctx, early)} as of ${early.asOf}, then ${describe(ctx, late)} as of ${late.asOf}: a count of the ${MEASURE_WORDS[w.measure] ?? w.measure} falls as people are found, leave or are released`,
        );
      } else if (hi(late) < base(early) && revisionTold(cells, early, late, samePeriod)) {
        const told = revisionTold(cells, early, late, samePeriod) as Cell;
        involved.add(early).add(late).add(told);
        updates.push(
          () =>
            `${describe(ctx, early)} as of ${early.asOf}, then ${describe(ctx, late)} as of ${late.asOf}: a revision, which the later report tells of (it gives ${describe(ctx, told)} as of ${told.asOf}, then ${quote(late.raw)})`,
        );
      } else if (hi(late) < base(early) && !scoped(early, late)) {
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
  if (scopes.length) findings.push({ v: 'scope_mismatch', why: `The figures differ, but the breakdowns explain it: ${scopes[0]}.` });

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
