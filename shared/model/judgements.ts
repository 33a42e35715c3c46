// A fact-checker's judgements over what the engines compute, kept with the case: a decision on a
// disagreement row, a reconciled low / best / high for a row, and an override of an event's grade.
// The rules that fill them live in compare/; these are the stored records only, so the case state
// (state.ts) can hold them without importing the engines.
import { z } from 'zod';
import { RecordId, Timestamp } from './claims.ts';

// ---------------------------------------------------------------- decisions (compare/conflicts.ts)

export const Verdict = z.enum(['consistent', 'conflict', 'scope_mismatch', 'update', 'unclear', 'single']);
export type Verdict = z.infer<typeof Verdict>;

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

// ---------------------------------------------------------------- grade overrides (compare/grade.ts)

export const Grade = z.enum(['weak', 'fair', 'confirmed', 'contested', 'discounted']);
export type Grade = z.infer<typeof Grade>;

export const GradeOverride = z.object({
  eventId: RecordId,
  grade: Grade,
  note: z.string().trim().min(1, 'Say why the grade is overridden.').max(20_000),
  by: z.string().trim().max(300).nullable(),
  at: Timestamp,
});
export type GradeOverride = z.infer<typeof GradeOverride>;

// ---------------------------------------------------------------- reconciliations (compare/reconcile.ts)

export const ReconcileMethod = z.enum(['conservative', 'ucdp', 'minmax', 'manual']);
export type ReconcileMethod = z.infer<typeof ReconcileMethod>;

export const SetAside = z.object({
  claimId: RecordId,
  reason: z.string().trim().min(1, 'Say why the claim is set aside.').max(2000),
});
export type SetAside = z.infer<typeof SetAside>;

const Count = z.number().nonnegative().nullable();
const ordered = (f: { low: number | null; best: number | null; high: number | null }) =>
  (f.low === null || f.best === null || f.low <= f.best) &&
  (f.best === null || f.high === null || f.best <= f.high) &&
  (f.low === null || f.high === null || f.low <= f.high);

export const ManualFigure = z
  .object({ low: Count, best: Count, high: Count })
  .refine(ordered, { message: 'low, best and high must be in order (low ≤ best ≤ high)', path: ['best'] });
export type ManualFigure = z.infer<typeof ManualFigure>;

export const Reconciliation = z
  .object({
    eventId: RecordId,
    /** The matrix row's stable key (conflicts.ts Row.key). */
    rowKey: z.string().min(1).max(500),
    method: ReconcileMethod,
    low: Count,
    best: Count,
    high: Count,
    used: z.array(RecordId).max(100_000),
    /** The used claims whose figure for this row is implied (by their total and breakdown), not written. */
    implied: z.array(RecordId).max(100_000).optional(),
    setAside: z.array(SetAside).max(100_000),
    rationale: z.string().max(20_000),
    by: z.string().trim().max(300).nullable(),
    at: Timestamp,
  })
  .refine(ordered, { message: 'low, best and high must be in order (low ≤ best ≤ high)', path: ['best'] });
export type Reconciliation = z.infer<typeof Reconciliation>;
