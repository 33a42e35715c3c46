// Which OpenCases a core made by createCore holds: what sync (sync/) reaches a case's claims and store
// through. Apart from index.ts so that sync, which index.ts builds the handlers of, need not import it.
import type { Core } from './core.ts';
import type { OpenCases } from './session.ts';

const openCases = new WeakMap<Core, OpenCases>();

export function registerOpenCases(core: Core, open: OpenCases): void {
  openCases.set(core, open);
}

/** The cases a core holds open. */
export function openCasesOf(core: Core): OpenCases {
  const open = openCases.get(core);
  if (!open) throw new Error('That core was not made by createCore.');
  return open;
}
