// Reading a case's claims from its files (sources, index, undo history), apart from keeping them in step.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import { validateAnnotations, validateClaims, type RecordProblem } from '../../shared/model/claims-validate.ts';
import { type ClaimState } from '../../shared/model/commands.ts';
import { emptyStack, loadUndoStack, type UndoStack } from '../../shared/model/undo.ts';
import { ApiError } from '../../shared/errors.ts';
import { readIndexRecords, shareStrings } from './claims-records.ts';
import { HistoryFile } from './history-file.ts';
import type { CaseStore } from './store/index.ts';

export { HISTORY_FILE } from './history-file.ts';
/**
 * Sources read at a time when loading; the host answers other calls between batches. Small, so a
 * call that arrives meanwhile (the reader opening the first source) waits a few milliseconds, not a
 * whole batch: at 250 a batch held the core for about 60 ms on a 2-core laptop.
 */
const LOAD_BATCH = 40;

export interface Unreadable {
  annotations: unknown[];
  claims: unknown[];
}

export type IndexRecordKind = 'events' | 'actors' | 'decisions' | 'reconciliations' | 'gradeOverrides';

export interface LoadedClaims {
  state: ClaimState;
  stack: UndoStack;
  history: HistoryFile;
  problems: string[];
  /** Per source, the raw records that failed validation. */
  unreadable: Map<string, Unreadable>;
  /** The index's raw records that failed validation, by field. */
  unreadableIndex: Record<IndexRecordKind, unknown[]>;
}

/** Reads every claim of the case, yielding between batches of sources so the host keeps answering. */
export async function readCaseClaims(store: CaseStore): Promise<LoadedClaims> {
  const problems: string[] = [];
  const say = (where: string, list: RecordProblem[]) => {
    for (const p of list) problems.push(`${where}: ${p.message} It is kept in the file, left out of the case until fixed.`);
  };
  const annotations: Annotation[] = [];
  const claims: Claim[] = [];
  const unreadable = new Map<string, Unreadable>();
  // Bodies the store holds are handed over; the rest are read now.
  const titleOf = (id: string) => {
    const s = store.source(id);
    return s?.title.value ?? s?.file ?? id;
  };
  const say404 = (id: string, message: string) => problems.push(`Source “${titleOf(id)}” (${id}): ${message} Its claims are left out until it is fixed.`);
  const sources = store.index.sources.map((s) => s.id);
  const pool = new Map<string, string>();
  for (let i = 0; i < sources.length; i += LOAD_BATCH) {
    // A case closed meanwhile (a command-line run that is done, a window that moved on) is not read further.
    if (store.closed) throw new ApiError('NOT_FOUND', 'The case was closed while its claims were being read.');
    // A batch of bodies at a time: their texts and records are let go before the next is read.
    const batch = sources.slice(i, i + LOAD_BATCH);
    const bodies = await store.readAllBodies(say404, batch);
    for (const id of batch) {
      const body = bodies.get(id);
      if (!body) continue;
      const a = validateAnnotations(body.annotations);
      const c = validateClaims(body.claims);
      say(`In “${titleOf(id)}”`, a.problems);
      say(`In “${titleOf(id)}”`, c.problems);
      for (const x of a.annotations) annotations.push(shareStrings(x, pool));
      for (const x of c.claims) claims.push(shareStrings(x, pool));
      const bad = { annotations: a.problems.map((p) => body.annotations[p.index]), claims: c.problems.map((p) => body.claims[p.index]) };
      if (bad.annotations.length || bad.claims.length) unreadable.set(id, bad);
    }
    await new Promise((r) => setImmediate(r));
  }
  const { events: ev, actors: ac, decisions: de, reconciliations: re, gradeOverrides: go } = readIndexRecords(store.index);
  for (const list of [ev.problems, ac.problems, de.problems, re.problems, go.problems]) say('In the case index', list);

  const history = await HistoryFile.read(store.dir);
  problems.push(...history.problems);
  return {
    state: { annotations, claims, events: ev.records, actors: ac.records, decisions: de.records, reconciliations: re.records, gradeOverrides: go.records },
    stack: history.stack,
    history: history.file,
    problems,
    unreadable,
    unreadableIndex: {
      events: ev.problems.map((p) => store.index.events[p.index]),
      actors: ac.problems.map((p) => (store.index.actors ?? [])[p.index]),
      decisions: de.problems.map((p) => store.index.decisions[p.index]),
      reconciliations: re.problems.map((p) => store.index.reconciliations[p.index]),
      gradeOverrides: go.problems.map((p) => (store.index.gradeOverrides ?? [])[p.index]),
    },
  };
}
