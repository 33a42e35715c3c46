// Which edits can run while a case's claims are still being read (a monitor-sized case reads them
// in the background for seconds after it opens). An edit runs at once when everything it reads or
// writes is in memory already: the index's records (events, actors, judgements, a source's
// metadata) always are, and a source's annotations and claims are once that source is read (a
// window reads the sources it shows first). An edit that reaches into a source not yet read is told
// which to read first; one that needs every claim of the case (deleting an event unassigns all its
// claims, deleting an actor counts them, a source to or from the trash) waits for the whole read.
//
// Why not apply it to what is read so far: a claim not yet read looks absent, and an undo that
// finds its claim absent drops its history entry as stale. Nothing here is ever wrong, only early.
import type { Command, SimpleCommand } from '../../shared/model/commands.ts';

/** Run now; or read these sources first, then ask again; or wait until every claim is read. */
export type Readiness = { now: true } | { read: string[] } | { later: true };

/** What is in memory so far. */
export interface Loaded {
  claim(id: string): boolean;
  annotation(id: string): boolean;
  /** 'unread' is a source of the case not read yet; 'failed' one whose file could not be read; 'absent' none of the case. */
  source(id: string): 'read' | 'unread' | 'failed' | 'absent';
}

/** More sources than this to read first, and the edit waits for the whole read instead (a sheet of claims for many sources). */
export const MAX_SOURCES_FIRST = 50;

const NOW: Readiness = { now: true };
const LATER: Readiness = { later: true };

export function readiness(cmd: Command, loaded: Loaded): Readiness {
  const steps: SimpleCommand[] = cmd.type === 'batch' ? cmd.payload.commands : [cmd];
  const sources = new Set<string>();
  for (const s of steps) {
    switch (s.type) {
      case 'claim.create':
        // Its annotation (given or already there) is of the same source, which apply checks.
        sources.add(s.payload.claim.sourceId);
        break;
      case 'claim.update':
      case 'claim.delete':
        // A claim in memory came with every record of its source; one that is not may be in a source not read yet.
        if (!loaded.claim(s.payload.id)) return LATER;
        break;
      case 'annotation.retarget':
        if (!loaded.annotation(s.payload.id)) return LATER;
        break;
      case 'claim.assign':
        if (!s.payload.assignments.every((a) => loaded.claim(a.claimId))) return LATER;
        break;
      case 'event.create':
        if (!s.payload.assign.every((a) => loaded.claim(a.claimId))) return LATER;
        break;
      case 'event.update':
      case 'actor.put':
      case 'record.put':
      case 'source.update':
      case 'suggestions.reject':
        break;
      default:
        // event.delete, actor.delete, source.delete, source.restore: they read every claim of the case.
        return LATER;
    }
  }
  const toRead: string[] = [];
  for (const id of sources) {
    const state = loaded.source(id);
    if (state === 'failed') return LATER;
    if (state === 'unread') toRead.push(id);
  }
  if (toRead.length > MAX_SOURCES_FIRST) return LATER;
  return toRead.length ? { read: toRead } : NOW;
}
