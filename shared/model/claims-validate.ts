// Stored records validated one by one on load: a hand-edited case file with one bad record loses
// that record (reported in words, by position and id) and not the case.
import type { z } from 'zod';
import { Actor, Annotation, Claim, Event } from './claims.ts';

export interface RecordProblem {
  index: number;
  id?: string;
  message: string;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
    .concat(error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '');
}

/**
 * Validates stored records one by one: keeps the valid ones, reports each invalid one in words
 * (with its position and id when it has one). Duplicate ids keep the first and report the rest.
 */
export function validateRecords<T extends { id: string }>(schema: z.ZodType<T>, raw: unknown[], noun: string): { records: T[]; problems: RecordProblem[] } {
  const records: T[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
    const where = `${noun} ${index + 1}${id ? ` (${id})` : ''}`;
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      problems.push({ index, ...(id ? { id } : {}), message: `${where} was left out: ${describeIssues(parsed.error)}` });
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ index, id: parsed.data.id, message: `${where} was left out: another ${noun} has the same id` });
      return;
    }
    seen.add(parsed.data.id);
    records.push(parsed.data);
  });
  return { records, problems };
}

export function validateClaims(raw: unknown[]): { claims: Claim[]; problems: RecordProblem[] } {
  const { records, problems } = validateRecords(Claim, raw, 'claim');
  return { claims: records, problems };
}
export function validateAnnotations(raw: unknown[]): { annotations: Annotation[]; problems: RecordProblem[] } {
  const { records, problems } = validateRecords(Annotation, raw, 'annotation');
  return { annotations: records, problems };
}
export function validateEvents(raw: unknown[]): { events: Event[]; problems: RecordProblem[] } {
  const { records, problems } = validateRecords(Event, raw, 'event');
  return { events: records, problems };
}
export function validateActors(raw: unknown[]): { actors: Actor[]; problems: RecordProblem[] } {
  const { records, problems } = validateRecords(Actor, raw, 'actor');
  return { actors: records, problems };
}
