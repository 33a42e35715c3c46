// Sharing a case through a CouchDB server (sync/sessions.ts runs the syncs): its status for the top
// bar, starting it from the Share dialog, stopping it, and the server's databases to pick or create
// the case's in that dialog (sync/databases.ts).
import { ApiError } from '../../../shared/errors.ts';
import { createDatabase, DatabaseError, listDatabases } from '../sync/databases.ts';
import type { SyncSessions } from '../sync/sessions.ts';
import type { HandlerGroup } from './types.ts';

/** A refusal (wrong password, not an admin) is FORBIDDEN, anything else bad input; both with the words to show. */
const told = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DatabaseError) throw new ApiError(e.refused ? 'FORBIDDEN' : 'INVALID_INPUT', e.message);
    throw e;
  }
};

export function syncHandlers(syncs: SyncSessions): HandlerGroup<'sync.status' | 'sync.start' | 'sync.stop' | 'sync.databases' | 'sync.createDatabase'> {
  return {
    'sync.databases': async ({ caseId, ...login }) => told(async () => listDatabases(login.server, await syncs.login(caseId, login))),
    'sync.createDatabase': async ({ caseId, name, ...login }) => told(async () => createDatabase(login.server, await syncs.login(caseId, login), name)),
    'sync.status': async ({ caseId }) => syncs.status(caseId),
    'sync.start': async ({ caseId, ...input }) => syncs.start(caseId, input),
    'sync.stop': async ({ caseId, forget }) => syncs.stop(caseId, forget ?? false),
  };
}
