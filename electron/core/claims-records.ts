// Helpers for reading a case's records: judgements validated by position, and repeated strings shared.
import type { z } from 'zod';
import type { CaseIndex } from '../../shared/model/case.ts';
import { validateActors, validateEvents, type RecordProblem } from '../../shared/model/claims-validate.ts';
import { Decision } from '../../shared/compare/conflicts.ts';
import { GradeOverride } from '../../shared/compare/grade.ts';
import { Reconciliation } from '../../shared/compare/reconcile.ts';

/**
 * Fields whose values are one record's own (ids, quoted passages): pooling them saves nothing and
 * grew the pool to every id of the case, which made reading 100,000 claims three times slower.
 */
const UNIQUE_FIELDS = new Set(['id', 'annotationId', 'exact', 'prefix', 'suffix']);

/**
 * Record fields that repeat across a case (ids of sources and events, kinds, measures, stamps, rule
 * versions) as one string each: JSON.parse makes a copy per record, and at 100,000 claims the
 * copies are tens of megabytes. Short values of the record's own fields and of the objects in them
 * (figure, population, origin), not deeper and not in lists: that keeps nine tenths of the saving
 * at a sixth of the time a walk of every value took. The record is unchanged.
 */
export function shareStrings<T>(record: T, pool: Map<string, string>): T {
  const r = record as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (typeof v === 'string') shareField(r, k, v, pool);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const j in o) {
        const w = o[j];
        if (typeof w === 'string') shareField(o, j, w, pool);
      }
    }
  }
  return record;
}

function shareField(o: Record<string, unknown>, k: string, v: string, pool: Map<string, string>): void {
  if (v.length > 40 || UNIQUE_FIELDS.has(k)) return;
  const s = pool.get(v);
  if (s === undefined) pool.set(v, v);
  else o[k] = s;
}

/** Like validateClaims, for records without an id: reported by position, kept in the file. */
export function validateKeyed<T>(schema: z.ZodType<T>, raw: unknown[], noun: string): { records: T[]; problems: RecordProblem[] } {
  const records: T[] = [];
  const problems: RecordProblem[] = [];
  raw.forEach((r, index) => {
    const p = schema.safeParse(r);
    if (p.success) records.push(p.data);
    else problems.push({ index, message: `${noun} ${index + 1} was left out: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.` });
  });
  return { records, problems };
}

type IndexRecords = ReturnType<typeof validateIndexRecords>;
/** The last answer per index's events list: a preview per reader pane reads the same lists again. */
const lastRead = new WeakMap<readonly unknown[], { lists: readonly unknown[][]; records: IndexRecords }>();

/** The index's own records (events, actors, judgements), each list validated, with its problems by position. */
export function readIndexRecords(ix: Readonly<CaseIndex>): IndexRecords {
  const lists = [ix.events, ix.actors ?? [], ix.decisions, ix.reconciliations, ix.gradeOverrides ?? []];
  const last = lastRead.get(ix.events);
  // The store replaces a list when it changes (never edits one in place), so the same lists mean the same records.
  if (last && last.lists.every((l, i) => l === lists[i])) return last.records;
  const records = validateIndexRecords(ix);
  lastRead.set(ix.events, { lists, records });
  return records;
}

function validateIndexRecords(ix: Readonly<CaseIndex>) {
  const ev = validateEvents(ix.events);
  const ac = validateActors(ix.actors ?? []);
  return {
    events: { records: ev.events, problems: ev.problems },
    actors: { records: ac.actors, problems: ac.problems },
    decisions: validateKeyed(Decision, ix.decisions, 'decision'),
    reconciliations: validateKeyed(Reconciliation, ix.reconciliations, 'reconciliation'),
    gradeOverrides: validateKeyed(GradeOverride, ix.gradeOverrides ?? [], 'grade override'),
  };
}
