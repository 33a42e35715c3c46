// Running totals given for one as-of day by different reports. An as-of date says the day a figure
// held, not the hour: a toll is updated through the day, so two reports of one day that differ
// are, by themselves, an earlier and a later count (an update), not a contradiction. (A figure
// given for a month is said to hold for the month: two of one month must still agree.)
// They contradict each other only when something puts them in order and the later one is lower:
// - one report giving both figures for the same period sets them against each other (an official
//   count beside an intelligence estimate); a figure the report calls superseded ("earlier",
//   "previously") is coded with the day it was given, or not at all;
// - two reports that both give a count of the dead for that period, and differ, are in that order
//   (a floor counting as the count it stands for, running.ts):
//   the report with more dead is the later one, so if its count of the wounded is lower, the
//   wounded counts disagree (the governor's 39 dead and 87 wounded, after the railway's 30 dead and
//   more than 100 wounded). Only the dead order reports: that count only grows as bodies are found
//   and the wounded die, while the wounded are discharged, re-counted or become dead, so a lower
//   count of them says nothing about the hour.
// Pure; built once per event from every figure row.
// An open floor orders reports as the count it stands for (running.ts): "at least 24" beside 26
// dead is the earlier report, "more than 20" beside 32 too, while "more than 20" beside 25 is not
// put in order.
import { floorReach } from './running.ts';
import type { Cell } from './schema.ts';

const lo = (c: { low: number | null }) => c.low ?? 0;
const hi = (c: Cell) => (c.high === null ? (c.basis === 'implied' ? Infinity : floorReach(c) - 1) : c.high);

/** Each report's written figures (not implied ones) per row, by source and as-of date. */
export type ReportIndex = Map<string, Map<string, Cell>>;

const reportKey = (c: Cell) => `${c.sourceId}\u0000${c.asOf ?? ''}`;
/** The measures whose counts put two reports of one period in order (see above). */
const ORDERING = new Set(['killed']);

/**
 * A count of the dead that a later day's count falls below is contested (teleSUR's 100 "in the
 * absence of official figures", then 46 the next day): it puts no report in order.
 */
const contested = (c: Cell, cells: readonly Cell[]) =>
  cells.some(
    (d) => d.basis !== 'implied' && d.asOf !== null && d.asOf > c.asOf! && !d.asOf.startsWith(c.asOf!) && !c.asOf!.startsWith(d.asOf) && hi(d) < lo(c),
  );

export function indexReports(rows: ReadonlyArray<{ key: string; cells: readonly Cell[] }>): ReportIndex {
  const index: ReportIndex = new Map();
  for (const r of rows) {
    if (!ORDERING.has(r.key.slice(0, r.key.indexOf('|')))) continue;
    for (const c of r.cells) {
      if (c.basis === 'implied' || c.asOf === null || contested(c, r.cells)) continue;
      const k = reportKey(c);
      let m = index.get(k);
      if (!m) index.set(k, (m = new Map()));
      if (!m.has(r.key)) m.set(r.key, c);
    }
  }
  return index;
}

export interface Order {
  /** The later of the two cells. */
  later: Cell;
  earlier: Cell;
  /** The row that puts them in order, and the two figures there (later's first). */
  row: string;
  evidence: [Cell, Cell];
}

/**
 * What puts two cells of one period in order, from another row (a count of the dead) where both
 * reports give a figure and the figures do not overlap; null when nothing does, or when two such
 * rows disagree on the order.
 */
export function orderOf(index: ReportIndex, rowKey: string, x: Cell, y: Cell): Order | null {
  const a = index.get(reportKey(x));
  const b = index.get(reportKey(y));
  if (!a || !b) return null;
  let found: Order | null = null;
  for (const [key, ca] of a) {
    if (key === rowKey) continue;
    const cb = b.get(key);
    if (!cb) continue;
    const order: Order | null =
      lo(ca) > hi(cb)
        ? { later: x, earlier: y, row: key, evidence: [ca, cb] }
        : lo(cb) > hi(ca)
          ? { later: y, earlier: x, row: key, evidence: [cb, ca] }
          : null;
    if (!order) continue;
    if (found && found.later !== order.later) return null;
    found ??= order;
  }
  return found;
}
