// `corroborate claims` and `corroborate import-claims`: a case's claims listed, and a claims sheet
// (claims.csv's columns) imported as one undoable step. Thin: the work is shared/claims-sheet.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listClaims } from '../shared/exchange/claims-sheet/list.ts';
import { importClaimsSheet, SheetError } from '../shared/exchange/claims-sheet/run.ts';
import { formatBytes, MAX_IMPORT_BYTES } from '../shared/limits.ts';
import type { Client } from '../shared/api.ts';
import type { Core } from './core/index.ts';
import { newId, parse, UsageError } from './cli-common.ts';

export interface ClaimsCliDeps {
  out: (s: string) => void;
  err: (s: string) => void;
  requireCase: (values: Record<string, unknown>) => string;
  withCore: <T>(caseDir: string, fn: (core: Core, caseId: string) => Promise<T>) => Promise<T>;
}

/** A record id as the app makes them (renderer/lib/ids.ts): prefix, time, random. */

async function hasCase(dir: string, io: ClaimsCliDeps): Promise<boolean> {
  if (await stat(join(dir, 'case.json')).catch(() => null)) return true;
  io.err(`There is no Corroborate case in ${dir}. Create one by importing into it: corroborate import FILE --case ${dir}`);
  return false;
}

export async function claimsCommand(args: string[], io: ClaimsCliDeps): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' }, event: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”.`);
  const caseDir = io.requireCase(values);
  if (!(await hasCase(caseDir, io))) return 1;
  const event = typeof values.event === 'string' ? values.event : undefined;
  const result = await io.withCore(caseDir, async (core, caseId) => {
    await core.call('cases.open', { caseId });
    const view = await (core as unknown as Client).call('claims.view', { caseId, ...(event ? { eventIds: [event] } : {}) });
    if (event && !view.events.some((e) => e.id === event)) return null;
    return listClaims(view.claims, view.annotations, event);
  });
  if (result === null) {
    io.err(`The case has no event with the id “${event}”. List them with: corroborate conflicts --case ${caseDir}`);
    return 1;
  }
  if (values.json) io.out(JSON.stringify({ claims: result }));
  else
    for (const c of result) {
      const what = c.figure ? `${c.measure ?? c.kind} ${c.figure.raw}` : c.perpetrator ? `${c.perpetrator} · ${c.stance}` : (c.date ?? c.kind);
      io.out(`${c.id}  ${c.kind.padEnd(11)} ${what}  “${c.quote.length > 70 ? `${c.quote.slice(0, 69)}…` : c.quote}”`);
    }
  return 0;
}

export async function importClaimsCommand(args: string[], io: ClaimsCliDeps): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('Name one claims sheet (a .csv file in claims.csv’s columns).');
  const caseDir = io.requireCase(values);
  const [file] = positionals;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`No such file: ${file}.`);
  if (info.size > MAX_IMPORT_BYTES) throw new UsageError(`${file} is ${formatBytes(info.size)}; sheets up to ${formatBytes(MAX_IMPORT_BYTES)} can be read.`);
  if (!(await hasCase(caseDir, io))) return 2;
  const bytes = await readFile(file);
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text. Save the sheet as CSV UTF-8 and try again.`);
  }
  let outcome;
  try {
    outcome = await io.withCore(caseDir, (core, caseId) =>
      importClaimsSheet(core as unknown as Client, caseId, csv, { newId, now: new Date().toISOString(), label: `Import claims from ${file}` }),
    );
  } catch (e) {
    if (e instanceof SheetError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
  const claims = outcome.claims.map((c) => ({ line: c.line, id: c.id, ...(c.anchor === 'fuzzy' ? { anchor: 'fuzzy', score: c.score } : {}) }));
  if (values.json) io.out(JSON.stringify({ claims, errors: outcome.errors, events: outcome.events }));
  else {
    io.out(
      `Imported ${outcome.claims.length} claim${outcome.claims.length === 1 ? '' : 's'}${outcome.events.length ? ` and created ${outcome.events.length} event${outcome.events.length === 1 ? '' : 's'}` : ''}; ${outcome.errors.length} row${outcome.errors.length === 1 ? '' : 's'} refused.`,
    );
    for (const c of outcome.claims)
      if (c.anchor === 'fuzzy') io.out(`  line ${c.line}: quote matched approximately (score ${c.score}); check it in the Reader.`);
  }
  for (const e of outcome.errors) io.err(`${file}:${e.line}: ${e.message}`);
  return outcome.errors.length ? 1 : 0;
}
