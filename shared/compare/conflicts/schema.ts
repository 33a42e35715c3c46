// The records of the disagreement matrix (verdicts, cells, rows, decisions, the CLI report), apart from the engines that fill them.
import { z } from 'zod';
import { RecordId, Timestamp } from '../../model/claims.ts';
import type { Source } from '../../model/source.ts';

import { Decision, DecisionStatus, Verdict } from '../../model/judgements.ts';

export { Decision, DecisionStatus, Verdict };

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
  /**
   * The disagreement the row belongs to (disagreements.ts), by its flag row's key: the row's own key
   * on the flag row, another row's key on a context row, null (or absent) when in none. A context
   * row's decision is its disagreement's, on the flag row.
   */
  group: z.string().nullable().optional(),
  /** On a flag row: the keys of its context rows, in matrix order. */
  context: z.array(z.string()).optional(),
  /** On a flag row: every claim of its disagreement (its rows' claims), what a decision on it weighed. */
  groupClaims: z.array(RecordId).optional(),
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
          /** The flag row's key of the disagreement the row is part of; null when in none. */
          disagreement: z.string().nullable(),
          /** True on the one row of a disagreement that carries its flag. */
          flag: z.boolean(),
        }),
      ),
      /** One per disagreement: its flag row, its verdict (the flag row's), every row it covers, its decision. */
      disagreements: z.array(z.object({ flag: z.string(), verdict: Verdict, rows: z.array(z.string()), decision: DecisionStatus.nullable() })),
    }),
  ),
});
export type ConflictsReport = z.infer<typeof ConflictsReport>;
