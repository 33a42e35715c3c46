// Tagged claims and their edits (undoable), suggestions, and the comparison of outlets.
import { ApiError } from '../../../shared/errors.ts';
import { SUGGEST_RULES_VERSION } from '../../../shared/suggest/suggest.ts';
import { sourceOf, type OpenCases } from '../session.ts';
import { openSuggestions } from '../suggestions.ts';
import { rejectionCommand } from '../source-edits.ts';
import type { HandlerGroup } from './types.ts';
import { MERGE_STEPS } from '../merge-steps.ts';

export function claimHandlers(
  open: OpenCases,
): HandlerGroup<
  'claims.view' | 'claims.execute' | 'claims.undo' | 'claims.redo' | 'claims.changes' | 'suggestions.list' | 'suggestions.reject' | 'conflicts.compute'
> {
  return {
    'claims.view': async ({ caseId, sourceIds, eventIds }) => {
      // While a large case is still being read, the sources asked for are read ahead of the rest.
      if (sourceIds && !eventIds) {
        const claims = await open.early(caseId);
        await claims.readSources(sourceIds);
        return claims.view({ sourceIds });
      }
      return (await open.claims(caseId)).view({ sourceIds, eventIds });
    },
    // While the case is read, a window catching up gets what it lacks at once (its edits and undo
    // queue behind this call); one that holds the latest version waits for the read to be announced.
    'claims.changes': async ({ caseId, since }) => {
      const early = await open.early(caseId);
      const now = early.changesSince(since);
      if (early.complete || now.reset || now.changes.length) return now;
      return (await open.claims(caseId)).changesSince(since);
    },
    'claims.execute': async ({ caseId, command, label }) => {
      // A restore carries the records to put back: only the undo history may hold one.
      const steps = command.type === 'batch' ? command.payload.commands : [command];
      if (steps.some((s) => s.type === 'source.restore')) throw new ApiError('INVALID_INPUT', 'A deleted source comes back through Undo, not as a new edit.');
      // A merge's parts (merge-steps.ts) are made by a bundle merge from a checked bundle, never sent as an edit.
      if (steps.some((s) => s.type === 'records.merge' || MERGE_STEPS.has(s.type)))
        throw new ApiError('INVALID_INPUT', 'A merge comes from a bundle (Merge bundle…), not as an edit.');
      // At once when it touches only what is read, else once it is (claims-ready.ts).
      return (await open.early(caseId)).execute(command, label);
    },
    'claims.undo': async ({ caseId }) => (await open.early(caseId)).undo(),
    'claims.redo': async ({ caseId }) => (await open.early(caseId)).redo(),

    'suggestions.list': async ({ caseId, sourceId, refresh }) => {
      const st = await open.store(caseId);
      const source = sourceOf(st, sourceId);
      const body = await st.readBody(sourceId);
      const all = await open.suggestions.get(sourceId, body.text, source.published.value.date, refresh);
      const claims = await open.early(caseId);
      await claims.readSources([sourceId]);
      const annotations = [...claims.annotationsOf(sourceId)];
      return { ...openSuggestions(all, annotations, new Set(body.rejectedSuggestions ?? [])), rules: SUGGEST_RULES_VERSION };
    },

    // One undo step (Ctrl+Z takes a rejection back); only the keys whose state changes are recorded.
    'suggestions.reject': async ({ caseId, sourceId, keys, restore }) => {
      const st = await open.store(caseId);
      sourceOf(st, sourceId);
      const claims = await open.early(caseId);
      const edit = rejectionCommand(sourceId, (await st.readBody(sourceId)).rejectedSuggestions ?? [], keys, !!restore);
      if (edit) await claims.execute(edit.command, edit.label);
      return { rejected: (await st.readBody(sourceId)).rejectedSuggestions?.length ?? 0 };
    },

    // Kept per event (verdicts.ts): only the events an edit touched are recomputed.
    'conflicts.compute': async ({ caseId, eventId }) => {
      const sources = (await open.store(caseId)).index.sources;
      const state = (await open.claims(caseId)).state();
      if (eventId && !state.events.some((e) => e.id === eventId)) throw new ApiError('NOT_FOUND', 'That event is no longer in this case.');
      const { matrices, grades } = open.verdicts(caseId).compute(state, sources, eventId || undefined);
      return { matrices, grades: grades.map((g) => ({ ...g, override: g.override ?? null })) };
    },
  };
}
