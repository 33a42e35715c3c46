// Reading a case's claims from its files (sources, index, undo history), apart from keeping them in step.
// In two parts, so a case opens before its claims are read: what the index and the undo history hold
// (readCaseStart: small, read at once), then the sources' records, a few sources at a time
// (readSourceParts), by the background read in index order or by a request for the sources a window reads.
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import { validateAnnotations, validateClaims, type RecordProblem } from '../../shared/model/claims-validate.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import type { UndoStack } from '../../shared/model/undo.ts';
import { readIndexRecords, shareStrings } from './claims-records.ts';
import { HistoryFile } from './history-file.ts';
import type { CaseStore } from './store/index.ts';

export { HISTORY_FILE } from './history-file.ts';
/**
 * Sources read at a time when loading; the host answers other calls between batches. Small, so a
 * call that arrives meanwhile (the reader opening the first source) waits a few milliseconds, not a
 * whole batch: at 250 a batch held the core for about 60 ms on a 2-core laptop.
 */
export const LOAD_BATCH = 40;

export interface Unreadable {
  annotations: unknown[];
  claims: unknown[];
}

export type IndexRecordKind = 'events' | 'actors' | 'decisions' | 'reconciliations' | 'gradeOverrides';

/** What a case's claims start from before any source is read: the index's records and the undo history. */
export interface CaseStart {
  /** The index's records, with no annotations or claims yet. */
  state: ClaimState;
  stack: UndoStack;
  history: HistoryFile;
  problems: string[];
  /** The index's raw records that failed validation, by field. */
  unreadableIndex: Record<IndexRecordKind, unknown[]>;
}

/** One source's records as read from its file. */
export interface SourcePart {
  id: string;
  annotations: Annotation[];
  claims: Claim[];
  /** The raw records that failed validation (written back as they were), or null. */
  bad: Unreadable | null;
}

const say = (problems: string[], where: string, list: RecordProblem[]) => {
  for (const p of list) problems.push(`${where}: ${p.message} It is kept in the file, left out of the case until fixed.`);
};

const titleOf = (store: CaseStore, id: string) => {
  const s = store.source(id);
  return s?.title.value ?? s?.file ?? id;
};

/** The index's records and the undo history: what a case's claims start from. */
export async function readCaseStart(store: CaseStore): Promise<CaseStart> {
  const problems: string[] = [];
  const { events: ev, actors: ac, decisions: de, reconciliations: re, gradeOverrides: go } = readIndexRecords(store.index);
  for (const list of [ev.problems, ac.problems, de.problems, re.problems, go.problems]) say(problems, 'In the case index', list);
  const history = await HistoryFile.read(store.dir);
  problems.push(...history.problems);
  return {
    state: {
      annotations: [],
      claims: [],
      events: ev.records,
      actors: ac.records,
      decisions: de.records,
      reconciliations: re.records,
      gradeOverrides: go.records,
    },
    stack: history.stack,
    history: history.file,
    problems,
    unreadableIndex: {
      events: ev.problems.map((p) => store.index.events[p.index]),
      actors: ac.problems.map((p) => (store.index.actors ?? [])[p.index]),
      decisions: de.problems.map((p) => store.index.decisions[p.index]),
      reconciliations: re.problems.map((p) => store.index.reconciliations[p.index]),
      gradeOverrides: go.problems.map((p) => (store.index.gradeOverrides ?? [])[p.index]),
    },
  };
}

/**
 * The records of some sources, validated, with the problems found put in `problems`. A source whose
 * file cannot be read is in `failed` (with its problem), not in the parts. `pool` shares repeated
 * strings across calls (claims-records.ts).
 */
export async function readSourceParts(
  store: CaseStore,
  ids: readonly string[],
  pool: Map<string, string>,
  problems: string[],
): Promise<{ parts: SourcePart[]; failed: string[] }> {
  const bodies = await store.readAllBodies(
    (id, message) => problems.push(`Source “${titleOf(store, id)}” (${id}): ${message} Its claims are left out until it is fixed.`),
    ids,
  );
  // A file missing or damaged (said above, or at open when it checked every file) gives no body.
  const failed = ids.filter((id) => !bodies.has(id) && store.hasSource(id));
  const parts: SourcePart[] = [];
  for (const id of ids) {
    const body = bodies.get(id);
    if (!body) continue;
    const a = validateAnnotations(body.annotations);
    const c = validateClaims(body.claims);
    say(problems, `In “${titleOf(store, id)}”`, a.problems);
    say(problems, `In “${titleOf(store, id)}”`, c.problems);
    const bad = { annotations: a.problems.map((p) => body.annotations[p.index]), claims: c.problems.map((p) => body.claims[p.index]) };
    parts.push({
      id,
      annotations: a.annotations.map((x) => shareStrings(x, pool)),
      claims: c.claims.map((x) => shareStrings(x, pool)),
      bad: bad.annotations.length || bad.claims.length ? bad : null,
    });
  }
  return { parts, failed };
}
