// The claims of a few sources while the case's claims are still being read: what the reader needs
// to show the first source of a large case at once. Read from those sources' files and the index,
// at the version the full read will start from; edits wait for the full read, so nothing changes
// in between, and the full read announces itself with one change (undo state, count, problems).
import type { ClaimsView } from '../../shared/api.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import { validateAnnotations, validateClaims } from '../../shared/model/claims-validate.ts';
import { readIndexRecords } from './claims-records.ts';
import type { CaseStore } from './store/index.ts';

export async function previewView(store: CaseStore, sourceIds: string[], version: number): Promise<ClaimsView> {
  const annotations: Annotation[] = [];
  const claims: Claim[] = [];
  for (const id of new Set(sourceIds)) {
    if (!store.hasSource(id)) continue;
    const body = await store.readBody(id).catch(() => null);
    if (!body) continue;
    annotations.push(...validateAnnotations(body.annotations).annotations);
    claims.push(...validateClaims(body.claims).claims);
  }
  const ix = readIndexRecords(store.index);
  return {
    version,
    scope: { sourceIds, eventIds: [] },
    annotations,
    claims,
    events: ix.events.records,
    actors: ix.actors.records,
    decisions: ix.decisions.records,
    reconciliations: ix.reconciliations.records,
    gradeOverrides: ix.gradeOverrides.records,
    // Known once the case is read: the announcing change brings them.
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
    problems: [],
    totalClaims: null,
  };
}
