// A case's sync status pushed on the core's change feed, so every host's windows (the Electron
// window, browser tabs over the loopback server) follow it without asking: told when the sync
// changes state, when records arrive, when the clashes waiting change. The view is read once per
// burst (PouchDB tells every batch of a first pull) and told only when it differs from the last told.
import type { SyncChanged } from '../../../shared/api.ts';
import type { SyncStatusView } from '../../../shared/exchange/sync-status.ts';

export class StatusFeed {
  readonly #view: (caseId: string) => Promise<SyncStatusView>;
  readonly #emit: (e: SyncChanged) => void;
  /** Cases whose view is being read: another announce meanwhile reads it once more after. */
  readonly #reading = new Map<string, { again: boolean; done: Promise<void> }>();
  readonly #told = new Map<string, string>();

  constructor(view: (caseId: string) => Promise<SyncStatusView>, emit: (e: SyncChanged) => void) {
    this.#view = view;
    this.#emit = emit;
  }

  /** Reads the case's status and tells it if it changed; resolves once told (or found the same). */
  announce(caseId: string): Promise<void> {
    const running = this.#reading.get(caseId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          const status = await this.#view(caseId).catch(() => null); // a case deleted meanwhile: nothing to tell
          if (!status) continue;
          const json = JSON.stringify(status);
          if (this.#told.get(caseId) === json) continue;
          this.#told.set(caseId, json);
          this.#emit({ kind: 'sync', caseId, status });
        } while (entry.again);
      } finally {
        this.#reading.delete(caseId);
      }
    })();
    this.#reading.set(caseId, entry);
    return entry.done;
  }
}
