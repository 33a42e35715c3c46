// One claims import through the contract, for every host: the CLI and the renderer's Import claims…
// dialog call the same function with their client. It reads the case (its claims view and the
// texts of the sources the sheet names), plans the rows (plan.ts) and, unless asked only for a
// preview, runs the planned commands as ONE batch: one undoable step, as "accept all suggestions" is.
import type { Client } from '../../api.ts';
import type { SimpleCommand } from '../../model/commands-schema.ts';
import type { Source } from '../../model/source.ts';
import { type ImportPlan, planImport } from './plan.ts';
import { readSheet, SheetError } from './read.ts';

export { SheetError };

export interface ImportOutcome extends ImportPlan {
  /** True when the commands were run (false for a preview, or when no row could be imported). */
  executed: boolean;
}

export async function importClaimsSheet(
  client: Pick<Client, 'call'>,
  caseId: string,
  csv: string,
  opts: { newId: (prefix: 'c' | 'a' | 'e') => string; now: string; preview?: boolean; label?: string; sources?: Source[] },
): Promise<ImportOutcome> {
  const sheet = readSheet(csv);
  // A window that has the case open already holds its sources; the CLI opens the case.
  const opened = opts.sources ? { sources: opts.sources } : await client.call('cases.open', { caseId });
  const view = await client.call('claims.view', { caseId });
  // The texts of the sources the sheet can name, read once each.
  const names = new Set(sheet.rows.flatMap((r) => [r.cells.source_id, r.cells.source].filter(Boolean).map((s) => (s as string).trim().toLowerCase())));
  const wanted = opened.sources.filter(
    (s) => names.has(s.id.toLowerCase()) || (s.title.value && names.has(s.title.value.trim().toLowerCase())) || (s.file && names.has(s.file.toLowerCase())),
  );
  const texts = new Map<string, string>();
  for (const s of wanted) texts.set(s.id, (await client.call('sources.get', { caseId, sourceId: s.id })).text);
  const plan = planImport(sheet, {
    sources: opened.sources,
    textOf: (id) => texts.get(id) ?? null,
    events: view.events,
    actors: view.actors,
    claimIds: new Set(view.claims.map((c) => c.id)),
    newId: opts.newId,
    now: opts.now,
  });
  if (opts.preview || plan.commands.length === 0) return { ...plan, executed: false };
  const command: SimpleCommand | { type: 'batch'; payload: { commands: SimpleCommand[] } } =
    plan.commands.length === 1 ? plan.commands[0] : { type: 'batch', payload: { commands: plan.commands } };
  const n = plan.claims.length;
  await client.call('claims.execute', { caseId, command, label: opts.label ?? `Import ${n} claim${n === 1 ? '' : 's'}` });
  return { ...plan, executed: true };
}
