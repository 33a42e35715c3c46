// The case index: one small file per case listing its sources (metadata only) and case-wide records.
import { z } from 'zod';
import { Source } from './source.ts';

/** Bumped whenever a stored shape changes; the store migrates older files up to it and refuses newer ones. */
export const CASE_FORMAT_VERSION = 1;

export const CaseId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a case id');

export const CaseIndex = z.object({
  format: z.literal('corroborate-case'),
  schemaVersion: z.number().int().positive(),
  id: CaseId,
  name: z.string().min(1).max(200),
  created: z.string(),
  modified: z.string(),
  sources: z.array(Source),
  events: z.array(z.unknown()),
  /** The case's actor book (perpetrators and their aliases). Absent in files written before it existed. */
  actors: z.array(z.unknown()).default([]),
  decisions: z.array(z.unknown()),
  reconciliations: z.array(z.unknown()),
  /** Grades a user set over the computed ones. Absent in files written before it existed. */
  gradeOverrides: z.array(z.unknown()).default([]),
});
export type CaseIndex = z.infer<typeof CaseIndex>;

export const CaseSummary = z.object({
  id: CaseId,
  name: z.string(),
  dir: z.string(),
  sources: z.number().int().nonnegative(),
  modified: z.string().nullable(),
  /** Set when the case cannot be opened as it is (damaged index, newer format, locked). */
  problem: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseName = z.string().trim().min(1, 'A case needs a name.').max(200, 'Keep the name under 200 characters.');

export const Backup = z.object({
  name: z.string(),
  created: z.string(),
  bytes: z.number().int().nonnegative(),
  sources: z.number().int().nonnegative().nullable(),
});
export type Backup = z.infer<typeof Backup>;
