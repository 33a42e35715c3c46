// A gap between two figures that the breakdown explains. When a lower figure for a population is
// the count another claim gives for a narrower group inside it, and the difference to the higher
// figure is the count of a group apart from that one, the two figures most likely count different
// groups: "five wounded" (a regional health ministry, counting its hospitals' patients) against
// "six wounded" (the coalition), when five contractors and one U.S. service member are reported.
// A fact-checker calls that a scope mismatch, not a contradiction. Both counts must be found: a
// lower figure that merely equals some group's count is a coincidence as often as a cause. Both
// figures must be written, and the lower one a bare total: a total given with its breakdown (or a
// figure implied by one) says what it counts, so there is no scope to guess.
//
// A measure can be narrower than another, too: the hospitalised are some of the wounded. When one
// report's count of the hospitalised is another report's count of the wounded, and that report
// counts fewer hospitalised, the first took everyone brought to hospital for the hospitalised: the
// Kyiv Independent's "59 people have been hospitalized" beside the minister's "59 wounded went to
// the hospital … 25 of them were hospitalized". Again a scope mismatch, from both counts found.
import { type Pop, apart, popKey, within } from './populations.ts';
import type { Cell } from './schema.ts';

const lo = (c: { low: number | null }) => c.low ?? 0;
const hi = (c: { high: number | null }) => (c.high === null ? Infinity : c.high);
const holds = (c: Cell, n: number) => lo(c) <= n && n <= hi(c);
const value = (c: Cell): number | null => c.best ?? c.low ?? c.high;

export interface ScopeRow {
  measure: string;
  pop: Pop;
  cells: readonly Cell[];
}

export interface ScopeExplanation {
  /** The group the lower figure matches, and the cell that counts it. */
  inner: { pop: Pop; cell: Cell };
  /** The group the difference matches, and the cell that counts it. */
  rest: { pop: Pop; cell: Cell };
}

/**
 * Why `low` and `high` (two figures of the row `row`, low below high) may count different groups;
 * null when nothing explains it. `broken`: the claims that give a breakdown of their total.
 */
export function explainGap(row: ScopeRow, low: Cell, high: Cell, rows: readonly ScopeRow[], broken: ReadonlySet<string>): ScopeExplanation | null {
  if (low.basis !== 'figure' || broken.has(low.claimId) || high.basis === 'implied') return null;
  const l = value(low);
  const h = value(high);
  if (l === null || h === null || h <= l) return null;
  const narrower = rows.filter((r) => r !== row && r.measure === row.measure && within(r.pop, row.pop) && popKey(r.pop) !== popKey(row.pop));
  for (const inner of narrower) {
    // Written figures only: an implied range is too loose to explain anything.
    const ic = inner.cells.find((c) => c.basis !== 'implied' && c.claimId !== low.claimId && holds(c, l));
    if (!ic) continue;
    for (const rest of narrower) {
      if (!apart(rest.pop, inner.pop)) continue;
      const rc = rest.cells.find((c) => c.basis !== 'implied' && holds(c, h - l));
      if (rc) return { inner: { pop: inner.pop, cell: ic }, rest: { pop: rest.pop, cell: rc } };
    }
  }
  return null;
}

/** Measures inside a wider one, with the wider one ("hospitalised" are some of the "wounded"). */
export const WIDER_MEASURE: Readonly<Record<string, string>> = { hospitalised: 'wounded' };

/**
 * When `high` (of the narrower measure) is the count of the wider measure in `low`'s own report,
 * for the same population: that cell and its row. Null when nothing explains the gap so.
 */
export function explainMeasureGap(row: ScopeRow, low: Cell, high: Cell, rows: readonly ScopeRow[]): { row: ScopeRow; cell: Cell } | null {
  const measure = WIDER_MEASURE[row.measure];
  if (!measure || low.basis !== 'figure' || high.basis !== 'figure' || low.sourceId === high.sourceId) return null;
  const h = value(high);
  if (h === null) return null;
  for (const r of rows) {
    if (r.measure !== measure || popKey(r.pop) !== popKey(row.pop)) continue;
    const cell = r.cells.find(
      (c) => c.basis === 'figure' && c.sourceId === low.sourceId && (c.asOf ?? '') === (low.asOf ?? '') && holds(c, h) && lo(c) > hi(low),
    );
    if (cell) return { row: r, cell };
  }
  return null;
}
