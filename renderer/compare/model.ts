// What the Compare view shows, as pure functions over the core's matrices and the claims view:
// verdict and grade words, a cell's range, which rows are flagged and where each stands, and the
// timeline of events and dated claims. No React here, so all of it is unit-tested.
import { measureWords } from '../../shared/figures/measureWords.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import type { TimelineEntry } from '../../shared/compare/timeline.ts';
import type { TextTarget } from '../../shared/text/anchor.ts';
import { type Cell, type DecisionStatus, type Matrix, type Row, type Verdict, changedSinceDecision } from '../../shared/compare/conflicts.ts';
import { isFlagRow, standingOf, type Standing, type Tally } from '../../shared/compare/summary.ts';
import type { Grade } from '../../shared/compare/grade.ts';
import type { FigureInput, ReconcileMethod } from '../../shared/compare/reconcile.ts';
import type { TimingPrecision } from '../../shared/timing/timing.ts';

export const VERDICT_LABEL: Record<Verdict, string> = {
  consistent: 'Consistent',
  conflict: 'Conflict',
  scope_mismatch: 'Scope mismatch',
  update: 'Update',
  unclear: 'Unclear',
  single: 'Single source',
};

export const GRADE_LABEL: Record<Grade, string> = {
  weak: 'Weak',
  fair: 'Fair',
  confirmed: 'Confirmed',
  contested: 'Contested',
  discounted: 'Discounted',
};

/** What each grade means, in Airwars' words, for the override dialog. */
export const GRADE_MEANING: Record<Grade, string> = {
  weak: 'a single independent source',
  fair: 'two or more independent sources',
  confirmed: 'a belligerent has accepted responsibility',
  contested: 'competing claims of responsibility',
  discounted: 'did not happen as reported, or the harm lies elsewhere',
};

export const STATUS_LABEL: Record<DecisionStatus, string> = { confirmed: 'Confirmed', explained: 'Explained', dismissed: 'Dismissed' };

export const METHOD_SHORT: Record<ReconcileMethod, string> = { conservative: 'ACLED', ucdp: 'UCDP', minmax: 'IBC', manual: 'manual' };

// Which rows are flagged and where each stands are shared with the core, which lists them at scale (shared/compare/summary.ts).
export { isFlagged, isFlagRow, standingOf, type Standing, type Tally } from '../../shared/compare/summary.ts';

/** A row shown as another row's context: part of a disagreement whose flag is elsewhere. */
export const isContextRow = (r: Pick<Row, 'key' | 'group'>): boolean => typeof r.group === 'string' && r.group !== r.key;

/** Figure rows can be reconciled; the perpetrator and date rows cannot. */
export const isFigureRow = (r: Pick<Row, 'key' | 'measure'>): boolean => r.measure !== 'perpetrator' && r.measure !== 'date';

const humanMeasure = measureWords;

/** "killed · US military", "wounded", "perpetrator", "date · undated". */
export function rowLabel(r: Pick<Row, 'measure' | 'population'>): string {
  const m = humanMeasure(r.measure);
  return r.population && r.population !== 'all' ? `${m} · ${r.population}` : m;
}

const num = (n: number) => (Number.isInteger(n) && Math.abs(n) >= 1000 ? n.toLocaleString('en-US') : String(n));

/** A normalised range in a few characters: "3", "10–14", "24 or more", "up to 5"; '' when none. */
export function formatRange(low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  if (high === null) return low ? `${num(low)} or more` : 'any number';
  const lo = low ?? 0;
  if (lo === high) return num(lo);
  return lo === 0 ? `up to ${num(high)}` : `${num(lo)}–${num(high)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): { y: number; m: number; d: number | null } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m: m || 1, d: Number.isFinite(d) ? d : null };
}

/** "11 Mar 2020"; "Mar 2020" when the date is only a month. */
export function formatDay(iso: string): string {
  const p = parts(iso);
  if (iso.length <= 4) return String(p.y);
  return p.d === null ? `${MONTHS[p.m - 1]} ${p.y}` : `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/** A date range in words: "11 Mar 2020", "11–13 Mar 2020", "30 Dec 2019 – 2 Jan 2020". */
export function formatDateRange(start: string, end: string | null): string {
  if (!end || end === start) return formatDay(start);
  const a = parts(start);
  const b = parts(end);
  if (a.d !== null && b.d !== null && a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** A date as precise as it is known: "11 Mar 2020", "Dec 2019 (month)", "9–15 Mar 2020 (week)". */
export function formatWithPrecision(start: string, end: string | null, precision: TimingPrecision | null): string {
  const p = parts(start);
  switch (precision) {
    case 'year':
      return `${p.y} (year)`;
    case 'month': {
      const e = end ? parts(end) : p;
      // A part of a month ("late December" = 21–31) keeps its days; a whole month reads as the month.
      const whole = p.d === 1 && e.y === p.y && e.m === p.m && e.d === new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
      return whole || p.d === null ? `${MONTHS[p.m - 1]} ${p.y} (month)` : `${formatDateRange(start, end)} (month)`;
    }
    case 'week':
      return `${formatDateRange(start, end)} (week)`;
    case 'days':
      return `${formatDateRange(start, end)} (days)`;
    default:
      return formatDateRange(start, end);
  }
}

/** What a cell shows: the words as written, and its normalised range or dates. */
export function cellValue(c: Cell): { raw: string; range: string } {
  if (c.basis === 'date') return { raw: c.raw, range: c.start ? formatDateRange(c.start, c.end) : 'no date' };
  if (c.basis === 'perpetrator') return { raw: c.raw, range: '' };
  const range = formatRange(c.low, c.high);
  if (c.basis === 'implied') return { raw: '', range: range ? `implied ${range}` : 'implied' };
  return { raw: c.raw, range };
}

/** The quote of a claim (its passages joined), for a link's name and a tooltip. */
export function quoteOf(claim: Claim | undefined, annotations: Map<string, Annotation>): string {
  if (!claim) return '';
  const a = annotations.get(claim.annotationId);
  if (!a) return '';
  return a.targets.map((t) => t.exact.replace(/\s+/g, ' ').trim()).join(' … ');
}

/** A row's figures for reconciliation: one per claim, as written (implied cells are left out by reconcile()). */
export const figuresOf = (r: Row): FigureInput[] => r.cells.map((c) => ({ claimId: c.claimId, low: c.low, best: c.best, high: c.high, basis: c.basis }));

// ---------------------------------------------------------------- disagreements

export interface Flagged {
  eventId: string;
  eventTitle: string;
  row: Row;
  standing: Standing;
  changed: boolean;
}

/** Every disagreement of the case (its flag row), in event then row order. */
export function flaggedRows(matrices: Matrix[]): Flagged[] {
  const out: Flagged[] = [];
  for (const m of matrices)
    for (const r of m.rows)
      if (isFlagRow(r)) out.push({ eventId: m.eventId, eventTitle: m.title, row: r, standing: standingOf(r), changed: changedSinceDecision(r) });
  return out;
}

export function tally(items: Flagged[]): Tally {
  const t: Tally = { open: 0, explained: 0, dismissed: 0 };
  for (const f of items) t[f.standing]++;
  return t;
}

/** Counts per event, for the event list. */
export function tallyByEvent(matrices: Matrix[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const m of matrices) out.set(m.eventId, tally(flaggedRows([m])));
  return out;
}

// ---------------------------------------------------------------- timeline

export type TimelineItem =
  | { kind: 'event'; id: string; start: string; end: string | null; when: string; title: string; detail: string }
  | {
      kind: 'claim';
      id: string;
      start: string;
      end: string | null;
      when: string;
      title: string;
      detail: string;
      sourceId: string;
      eventId: string | null;
      target: TextTarget | null;
    };

export interface TimelineMonth {
  /** YYYY-MM */
  key: string;
  label: string;
  items: TimelineItem[];
}

/**
 * The timeline's entries (in the core's order: dated ones by date, then the undated; see
 * shared/compare/timeline.ts) in words, grouped by the month they start in; the undated apart.
 */
export function buildTimeline(entries: readonly TimelineEntry[], sourceName: (id: string) => string): { months: TimelineMonth[]; undated: TimelineItem[] } {
  const months: TimelineMonth[] = [];
  const undated: TimelineItem[] = [];
  for (const e of entries) {
    const when = e.start ? formatWithPrecision(e.start, e.end, e.precision) : e.kind === 'event' ? 'undated' : 'no date resolved';
    const it: TimelineItem =
      e.kind === 'event'
        ? { kind: 'event', id: e.id, start: e.start ?? '', end: e.end, when, title: e.title, detail: [e.place, e.type].filter(Boolean).join(' · ') }
        : {
            kind: 'claim',
            id: e.id,
            start: e.start ?? '',
            end: e.end,
            when,
            title: `“${e.expression}”`,
            detail: `${sourceName(e.sourceId)}${e.eventTitle ? ` · ${e.eventTitle}` : ' · no event'}`,
            sourceId: e.sourceId,
            eventId: e.eventId,
            target: e.target,
          };
    if (!e.start) {
      undated.push(it);
      continue;
    }
    const key = e.start.slice(0, 7);
    let m = months.at(-1);
    if (!m || m.key !== key) {
      const p = parts(e.start);
      months.push((m = { key, label: key.length === 7 ? `${MONTHS_LONG[p.m - 1]} ${p.y}` : String(p.y), items: [] }));
    }
    m.items.push(it);
  }
  return { months, undated };
}
