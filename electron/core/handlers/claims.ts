// Tagged claims and their edits (undoable), suggestions, and the comparison of outlets.
import { ApiError } from '../../../shared/errors.ts';
import { SUGGEST_RULES_VERSION } from '../../../shared/suggest.ts';
import { sourceOf, type OpenCases } from '../session.ts';
import { openSuggestions } from '../suggestions.ts';
import type { HandlerGroup } from './types.ts';

export function claimHandlers(
  open: OpenCases,
): HandlerGroup<
  'claims.view' | 'claims.execute' | 'claims.undo' | 'claims.redo' | 'claims.changes' | 'suggestions.list' | 'suggestions.reject' | 'conflicts.compute'
> {
  return {
    'claims.view': async ({ caseId, sourceIds, eventIds }) => {
      // While a large case is still being read, the sources asked for are read from their files.
      const preview = sourceIds && !eventIds ? await open.preview(caseId, sourceIds) : null;
      return preview ?? (await open.claims(caseId)).view({ sourceIds, eventIds });
    },
    'claims.changes': async ({ caseId, since }) => (await open.claims(caseId)).changesSince(since),
    'claims.execute': async ({ caseId, command, label }) => (await open.claims(caseId)).execute(command, label),
    'claims.undo': async ({ caseId }) => (await open.claims(caseId)).undo(),
    'claims.redo': async ({ caseId }) => (await open.claims(caseId)).redo(),

    'suggestions.list': async ({ caseId, sourceId, refresh }) => {
      const st = await open.store(caseId);
      const source = sourceOf(st, sourceId);
      const body = await st.readBody(sourceId);
      const all = await open.suggestions.get(sourceId, body.text, source.published.value.date, refresh);
      const annotations = (await open.claims(caseId)).state().annotations.filter((a) => a.sourceId === sourceId);
      return { ...openSuggestions(all, annotations, new Set(body.rejectedSuggestions ?? [])), rules: SUGGEST_RULES_VERSION };
    },

    'suggestions.reject': async ({ caseId, sourceId, keys, restore }) => {
      sourceOf(await open.store(caseId), sourceId);
      const body = await (
        await open.claims(caseId)
      ).updateBody(sourceId, (b) => {
        const set = new Set(b.rejectedSuggestions ?? []);
        for (const k of keys) {
          if (restore) set.delete(k);
          else set.add(k);
        }
        return { ...b, rejectedSuggestions: [...set] };
      });
      return { rejected: body.rejectedSuggestions?.length ?? 0 };
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
