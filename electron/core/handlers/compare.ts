// Compare's reads (compare-reads.ts): the event list, one event when it is opened, and pages of the
// disagreements and of the timeline. Each reads the verdicts kept per event (verdicts.ts), so an
// edit costs the next read the events it touched, and answers with the claims version it is at.
import { ApiError } from '../../../shared/errors.ts';
import type { OpenCases } from '../session.ts';
import { compareEvents, comparePageOfDisagreements, comparePageOfTimeline, eventRecords, gradeInfo } from '../compare-reads.ts';
import type { HandlerGroup } from './types.ts';

const DISAGREEMENTS_PAGE = 100;
const TIMELINE_PAGE = 500;

export function compareHandlers(open: OpenCases): HandlerGroup<'compare.events' | 'compare.event' | 'compare.disagreements' | 'compare.timeline'> {
  /** The case's claims, their state and version read together, and the verdicts kept for it. */
  const read = async (caseId: string) => {
    const sources = (await open.store(caseId)).index.sources;
    const claims = await open.claims(caseId);
    const state = claims.state();
    return { claims, state, version: claims.version, sources, cache: open.verdicts(caseId) };
  };
  return {
    'compare.events': async ({ caseId, since }) => {
      const { state, version, sources, cache } = await read(caseId);
      return compareEvents(cache, cache.compute(state, sources), state, version, since);
    },
    'compare.event': async ({ caseId, eventId }) => {
      const { claims, state, version, sources, cache } = await read(caseId);
      const event = state.events.find((e) => e.id === eventId);
      if (!event) throw new ApiError('NOT_FOUND', 'That event is no longer in this case.');
      const { matrices, grades } = cache.compute(state, sources, eventId);
      return { version, event, matrix: matrices[0], grade: gradeInfo(grades[0]), ...eventRecords(claims, state, eventId) };
    },
    'compare.disagreements': async ({ caseId, standing, offset, limit }) => {
      const { state, version, sources, cache } = await read(caseId);
      return comparePageOfDisagreements(cache.compute(state, sources), state, version, standing, offset ?? 0, limit ?? DISAGREEMENTS_PAGE);
    },
    'compare.timeline': async ({ caseId, offset, limit }) => {
      const { claims, state, version, cache } = await read(caseId);
      return comparePageOfTimeline(cache, claims, state, version, offset ?? 0, limit ?? TIMELINE_PAGE);
    },
  };
}
