// A row's verdict in one plain sentence, as a reader of the published check would read it: who
// counts what, in the sources' own words ("The Washington Post counts one British and two U.S.
// service members (3); the Clarion Project's figures leave 2."). The engine's own explanation (why)
// stays as the detail, a click away. Pure.
import { range } from './context.ts';
import type { Cell, Row } from './schema.ts';

const LEAD: Record<Row['verdict'], string> = {
  conflict: 'The sources disagree',
  scope_mismatch: 'The totals agree but the breakdowns differ',
  update: 'A later running total, not a contradiction',
  unclear: 'Cannot be placed',
  consistent: 'The sources agree',
  single: 'One source',
};

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
export const NO_CLAIM = 'no claim';
const lo = (c: Cell) => c.low ?? 0;
const hi = (c: Cell) => (c.high === null ? Infinity : c.high);

/**
 * The lead of the sentence: the verdict's, except where the same verdict has another cause the
 * reader should hear: a scope mismatch whose written figures differ (they count different groups,
 * scope.ts), an update of the perpetrator row (a claim came after reports of none).
 */
function lead(row: Pick<Row, 'verdict' | 'cells'>): string {
  if (row.verdict === 'update' && row.cells.some((c) => c.basis === 'perpetrator')) return 'A later claim of responsibility, not a contradiction';
  if (row.verdict === 'scope_mismatch') {
    const written = row.cells.filter((c) => c.basis === 'figure');
    if (written.some((a) => written.some((b) => hi(a) < lo(b)))) return 'The figures differ because they count different groups';
  }
  return LEAD[row.verdict];
}

function says(name: string, c: Cell): string {
  if (c.basis === 'implied') return `${name}’s figures leave ${range(c.low, c.high)}`;
  if (c.basis === 'date')
    return `${name} says “${clean(c.raw)}” (${c.start && c.end && c.start !== c.end ? `${c.start} to ${c.end}` : (c.start ?? 'no date')})`;
  // A report that no one has claimed the attack (perpetrator.ts builds its cell with this raw).
  if (c.basis === 'perpetrator' && c.raw === NO_CLAIM) return `${name} reports that no one has claimed it${c.asOf ? ` (as of ${c.asOf})` : ''}`;
  if (c.basis === 'perpetrator') return `${name} names ${clean(c.raw)}`;
  const value = range(c.low, c.high);
  const raw = clean(c.raw);
  const asOf = c.asOf ? ` as of ${c.asOf}` : '';
  return `${name} counts ${raw && raw !== value ? `${raw} (${value})` : value}${asOf}`;
}

/** The row in one sentence; `name` gives a source's name. At most `max` sources are named. */
export function plainWhy(row: Pick<Row, 'verdict' | 'cells'>, name: (sourceId: string) => string, max = 4): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of row.cells) {
    if (seen.has(c.claimId)) continue;
    seen.add(c.claimId);
    parts.push(says(name(c.sourceId), c));
  }
  if (parts.length === 0) return `${lead(row)}.`;
  const shown = parts.slice(0, max);
  const more = parts.length > max ? `; and ${parts.length - max} more` : '';
  return `${lead(row)}: ${shown.join('; ')}${more}.`;
}
