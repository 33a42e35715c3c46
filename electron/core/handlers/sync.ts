// Sharing a case through a CouchDB server (sync/sessions.ts runs the syncs): its status for the top
// bar, starting it from the Share dialog, stopping it.
import type { SyncSessions } from '../sync/sessions.ts';
import type { HandlerGroup } from './types.ts';

export function syncHandlers(syncs: SyncSessions): HandlerGroup<'sync.status' | 'sync.start' | 'sync.stop'> {
  return {
    'sync.status': async ({ caseId }) => syncs.status(caseId),
    'sync.start': async ({ caseId, ...input }) => syncs.start(caseId, input),
    'sync.stop': async ({ caseId, forget }) => syncs.stop(caseId, forget ?? false),
  };
}
