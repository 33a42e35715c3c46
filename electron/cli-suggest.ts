// `corroborate suggest`: the claim suggester from the command line. On a file it prints the
// suggestions with their offsets; on a case's source (--case DIR --source ID) it lists the open ones
// (not rejected, not already tagged), and --accept makes them claims in one undoable step, exactly as
// "Accept all" does in the app (shared/suggest/accept.ts), printing the claims made.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { acceptSuggestion } from '../shared/suggest/accept.ts';
import { STARTER_ACTORS, normaliseActorName } from '../shared/model/actors.ts';
import type { Client } from '../shared/api.ts';
import type { Actor, Claim } from '../shared/model/claims.ts';
import type { SimpleCommand } from '../shared/model/commands.ts';
import { ApiError } from '../shared/errors.ts';
import { formatBytes, MAX_IMPORT_BYTES } from '../shared/limits.ts';
import type { Suggestion } from '../shared/suggest/suggest.ts';
import type { Core } from './core/index.ts';
import { extractFileIsolated } from './core/import/index.ts';
import { suggestIsolated } from './core/suggestions.ts';
import { newId, UsageError } from './cli-common.ts';

export interface SuggestCliDeps {
  out: (s: string) => void;
  err: (s: string) => void;
  requireCase: (values: Record<string, unknown>) => string;
  withCore: <T>(caseDir: string, fn: (core: Core, caseId: string) => Promise<T>) => Promise<T>;
  readStdin: () => Promise<Uint8Array>;
}

const figureOut = (f: Suggestion['figure']) => f && { low: f.low, best: f.best, high: f.high, qualifier: f.qualifier };

/** One suggestion as `suggest --json` prints it (an additive, stable shape). */
export const suggestionOut = (s: Suggestion) => ({
  kind: s.kind,
  start: s.start,
  end: s.end,
  quote: s.quote,
  measure: s.measure,
  population: s.population,
  figure: figureOut(s.figure),
  parts: s.parts.map((p) => ({
    figure: figureOut(p.figure),
    population: p.population,
    subset: p.subset,
    ...(p.measure ? { measure: p.measure } : {}),
    ...(p.place ? { place: p.place } : {}),
  })),
  date: s.date?.start ?? null,
  perpetrator: s.perpetrator,
  stance: s.stance,
  speaker: s.speaker,
  confidence: s.confidence,
  rule: s.rule,
});

const line = (s: ReturnType<typeof suggestionOut>) =>
  `  ${s.kind.padEnd(11)} ${s.start}-${s.end}  “${s.quote}”${s.figure ? `  → ${s.figure.low ?? 'open'}/${s.figure.best ?? '–'}/${s.figure.high ?? 'open'}` : ''}${
    s.parts.length
      ? ` (${s.parts.map((p) => `${p.figure?.best ?? '?'} ${p.population.nationality ?? ''} ${p.population.affiliation}${p.subset ? ' of them' : ''}`.replace(/\s+/g, ' ')).join(', ')})`
      : ''
  }${s.perpetrator ? `  → ${s.perpetrator} (${s.stance})` : ''}${s.date ? `  → ${s.date}` : ''}`;

export async function suggestCommand(args: string[], io: SuggestCliDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      published: { type: 'string' },
      json: { type: 'boolean' },
      case: { type: 'string' },
      source: { type: 'string' },
      accept: { type: 'boolean' },
      'min-confidence': { type: 'string' },
    },
  });
  if (values.case !== undefined || values.source !== undefined) return caseSuggest(values, positionals, io);
  if (values.accept) throw new UsageError('--accept needs a case and a source: corroborate suggest --case DIR --source ID --accept');
  if (positionals.length !== 1) throw new UsageError('Name one file, or - for standard input (or a case source: --case DIR --source ID).');
  const published = typeof values.published === 'string' ? values.published : undefined;
  if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new UsageError('--published takes a date as YYYY-MM-DD.');
  const [file] = positionals;
  const name = file === '-' ? 'stdin.txt' : basename(file);
  const data = file === '-' ? await io.readStdin() : new Uint8Array(await readFile(file));
  if (data.byteLength > MAX_IMPORT_BYTES)
    throw new ApiError('TOO_LARGE', `The input is ${formatBytes(data.byteLength)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`);
  const x = await extractFileIsolated(name, data);
  const date = published ?? x.published.value.date;
  const suggestions = (await suggestIsolated(x.text, date)).map(suggestionOut);
  if (values.json) io.out(JSON.stringify({ suggestions }));
  else {
    io.out(`${suggestions.length} suggestions (publication date ${date ?? 'unknown: relative dates unresolved'})`);
    for (const s of suggestions) io.out(line(s));
  }
  return 0;
}

async function caseSuggest(values: Record<string, string | boolean | undefined>, positionals: string[], io: SuggestCliDeps): Promise<number> {
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”: a case source is named with --case DIR --source ID.`);
  const caseDir = io.requireCase(values);
  const sourceId = typeof values.source === 'string' ? values.source : null;
  if (!sourceId) throw new UsageError('Name the source: --source ID (corroborate sources --case DIR lists them).');
  const min = values['min-confidence'] === undefined ? 0 : Number(values['min-confidence']);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new UsageError('--min-confidence takes a number from 0 to 1, such as 0.7.');
  if (!(await stat(join(caseDir, 'case.json')).catch(() => null))) {
    io.err(`There is no Corroborate case in ${caseDir}. Create one by importing into it: corroborate import FILE --case ${caseDir}`);
    return 1;
  }
  const result = await io.withCore(caseDir, async (core, caseId) => {
    const client = core as unknown as Client;
    await core.call('cases.open', { caseId });
    const listed = await client.call('suggestions.list', { caseId, sourceId });
    const open = listed.suggestions.filter((s) => s.confidence >= min);
    if (!values.accept) return { suggestions: open, claims: [] as Claim[] };
    if (open.length === 0) return { suggestions: open, claims: [] as Claim[] };
    const doc = await client.call('sources.get', { caseId, sourceId });
    const view = await client.call('claims.view', { caseId, sourceIds: [sourceId] });
    const caseActors: Actor[] = view.actors;
    const used = new Set(caseActors.flatMap((a) => [a.name, ...a.aliases].map(normaliseActorName)));
    const book = [
      ...caseActors,
      ...STARTER_ACTORS.filter((a) => !caseActors.some((c) => c.id === a.id) && ![a.name, ...a.aliases].some((n) => used.has(normaliseActorName(n)))),
    ];
    const now = new Date().toISOString();
    const made = open.map((s) =>
      acceptSuggestion(s, {
        sourceId,
        text: doc.text,
        ids: { annotationId: newId('a'), claimId: newId('c') },
        now,
        actors: book,
        published: doc.source.published.value.date,
        pages: doc.pages,
      }),
    );
    // a starter actor a claim names joins the case with it, as in the app
    const joining = new Map<string, Actor>();
    for (const { claim } of made) {
      const id = claim.kind === 'attribution' ? claim.perpetrator?.actorId : null;
      const actor = id && !caseActors.some((a) => a.id === id) ? book.find((a) => a.id === id) : undefined;
      if (actor) joining.set(actor.id, actor);
    }
    const commands: SimpleCommand[] = [
      ...[...joining.values()].map((actor): SimpleCommand => ({ type: 'actor.put', payload: { actor, at: null } })),
      ...made.map(({ annotation, claim }): SimpleCommand => ({ type: 'claim.create', payload: { annotation, claim, at: null } })),
    ];
    const command = commands.length === 1 ? commands[0] : { type: 'batch' as const, payload: { commands } };
    await client.call('claims.execute', { caseId, command, label: `Accept ${made.length} suggestion${made.length === 1 ? '' : 's'}` });
    return { suggestions: open, claims: made.map((m) => m.claim) };
  });
  if (values.json)
    io.out(JSON.stringify(values.accept ? { accepted: result.claims.length, claims: result.claims } : { suggestions: result.suggestions.map(suggestionOut) }));
  else if (values.accept)
    io.out(
      result.claims.length
        ? `Accepted ${result.claims.length} suggestion${result.claims.length === 1 ? '' : 's'} as claims, in one step (undo it in the app).`
        : 'No open suggestions to accept.',
    );
  else {
    io.out(`${result.suggestions.length} open suggestions`);
    for (const s of result.suggestions) io.out(line(suggestionOut(s)));
  }
  return 0;
}
