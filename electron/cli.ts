// The command-line host: the same core as the app, for scripts. Output shapes printed with --json
// are a stable interface; change them only additively.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../shared/errors.ts';
import { formatBytes, importLimitFor, isImportable, MAX_BUNDLE_BYTES, MAX_IMPORT_BYTES } from '../shared/limits.ts';
import type { ImportResult } from '../shared/api.ts';
import type { Source } from '../shared/model/source.ts';
import { FIGURE_RULES_VERSION, parseFigure } from '../shared/figures/figures.ts';
import { conflictsReport, type Matrix } from '../shared/compare/conflicts.ts';
import { createCore } from './core/index.ts';
import { extractFileIsolated } from './core/import/index.ts';
import { verifyBundle } from './core/bundle/index.ts';
import { writeFileDurable } from './core/store/index.ts';
import { defaultDataDir } from './core/store/index.ts';
import { startServer } from './serve.ts';
import { type CliIo, parse, requireCase, UsageError, withCore } from './cli-common.ts';

export type { CliIo };
import { claimsCommand, importClaimsCommand } from './cli-claims.ts';
import { suggestCommand } from './cli-suggest.ts';
import { syncCommand } from './cli-sync-command.ts';

const USAGE = `Usage:
  corroborate import FILE|FOLDER... --case DIR [--json]   import files into the case in DIR (created if needed)
  corroborate sources --case DIR [--json]                 list the case's sources
  corroborate export --case DIR --out FILE.zip [--source ID]... [--event ID]...
                                                          export the case (or some sources or events) as a bundle
  corroborate verify FILE.zip                             check a bundle's hashes and schemas; exit 0 only when sound
  corroborate import-bundle FILE.zip --case DIR           merge a bundle into the case in DIR (or make DIR that case)
  corroborate conflicts --case DIR [--json]               each event's rows with their verdicts and why
  corroborate claims --case DIR [--event ID] [--json]     list the case's claims (or one event's)
  corroborate import-claims FILE.csv --case DIR [--json]  import a claims sheet (claims.csv's columns) as one undoable step;
                                                          exit 1 when some rows are refused (each named by its line)
  corroborate suggest FILE|- [--published YYYY-MM-DD] [--json]
                                                          suggest the claims in a file (or standard input)
  corroborate suggest --case DIR --source ID [--accept] [--min-confidence X] [--json]
                                                          a source's open suggestions; --accept makes them claims in one undoable step
  corroborate figure "PHRASE" [--json]                    normalise a figure as written ("about a dozen") to low / best / high
  corroborate serve [--case DIR | --data-dir DIR] [--port N]
                                                          run browser mode and print its address
  corroborate sync --case DIR --server URL [--user U] [--once] [--json]
                                                          sync the case with its CouchDB database (password from
                                                          CORROBORATE_SYNC_PASSWORD, or asked; never a flag)

Exit status: 0 success, 1 when any file failed (the others are still imported), 2 usage error.`;

const stdio: CliIo = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/** Runs one command; resolves to the exit status. `serve` resolves only when the server stops. */
export async function runCli(argv: string[], io: CliIo = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(rest, io);
      case 'sources':
        return await sourcesCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'figure':
        return figureCommand(rest, io);
      case 'suggest':
        return await suggestCommand(rest, { ...io, requireCase, withCore, readStdin });
      case 'conflicts':
        return await conflictsCommand(rest, io);
      case 'claims':
        return await claimsCommand(rest, { ...io, requireCase, withCore });
      case 'import-claims':
        return await importClaimsCommand(rest, { ...io, requireCase, withCore });
      case 'export':
        return await exportCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'import-bundle':
        return await importBundleCommand(rest, io);
      case 'sync':
        return await syncCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command “${command}”.`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

export interface CliSource {
  id: string;
  file: string | null;
  kind: Source['kind'];
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: { date: string | null; confidence: Source['published']['confidence'] };
  characters: number;
}

export const cliSource = (s: Source, file: string | null = s.file): CliSource => ({
  id: s.id,
  file,
  kind: s.kind,
  title: s.title.value,
  outlet: s.outlet.value,
  authors: s.authors.value,
  published: { date: s.published.value.date, confidence: s.published.confidence },
  characters: s.characters,
});

/** Files imported at once by `corroborate import`. */
const IMPORT_CONCURRENCY = 8;

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' }, json: { type: 'boolean' } });
  const caseDir = requireCase(values);
  if (positionals.length === 0) throw new UsageError('Name at least one file or folder to import.');

  const files: string[] = [];
  const errors: { file: string; message: string }[] = [];
  for (const p of positionals) {
    const info = await stat(p).catch(() => null);
    if (!info) errors.push({ file: p, message: 'No such file or folder.' });
    else if (info.isDirectory()) files.push(...(await importableFilesIn(p)));
    else files.push(p);
  }

  // Files go through the core a few at a time: extraction runs in the worker pool and the store's
  // saves are shared (one fsync for several files), which a one-at-a-time loop leaves idle.
  const results: Array<{ source?: CliSource; error?: { file: string; message: string } }> = new Array(files.length);
  try {
    await withCore(caseDir, async (core, caseId) => {
      await core.call('cases.open', { caseId });
      let next = 0;
      const importOne = async (file: string): Promise<(typeof results)[number]> => {
        try {
          const size = (await stat(file)).size;
          const limit = importLimitFor(file);
          if (size > limit) {
            throw new ApiError(
              'TOO_LARGE',
              `The file is ${formatBytes(size)}; Corroborate imports ${limit < MAX_IMPORT_BYTES ? 'web pages' : 'files'} up to ${formatBytes(limit)}. It was not read.`,
            );
          }
          const data = new Uint8Array(await readFile(file));
          const result = (await core.call('sources.import', { caseId, name: basename(file), data })) as ImportResult;
          if (!values.json) io.out(result.status === 'duplicate' ? `= ${file}: ${result.message}` : `+ ${file}: ${describe(result.source)}`);
          return { source: cliSource(result.source, file) };
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (!values.json) io.err(`! ${file}: ${message}`);
          return { error: { file, message } };
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(IMPORT_CONCURRENCY, files.length) }, async () => {
          while (next < files.length) {
            const i = next++;
            results[i] = await importOne(files[i]);
          }
        }),
      );
    });
  } catch (e) {
    // The case could not be opened (locked, damaged…): with --json that is still one JSON object.
    if (!values.json) throw e;
    io.out(JSON.stringify({ sources: [], errors: [...errors, { file: caseDir, message: e instanceof Error ? e.message : String(e) }] }));
    return 1;
  }
  const sources: CliSource[] = [];
  for (const r of results) {
    if (r?.source) sources.push(r.source);
    if (r?.error) errors.push(r.error);
  }

  if (values.json) io.out(JSON.stringify({ sources, errors }));
  else {
    for (const e of errors.filter((x) => !files.includes(x.file))) io.err(`! ${e.file}: ${e.message}`);
    io.out(`${sources.length} imported or already in the case, ${errors.length} failed.`);
  }
  return errors.length ? 1 : 0;
}

async function sourcesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”.`);
  const caseDir = requireCase(values);
  const exists = await stat(join(caseDir, 'case.json')).catch(() => null);
  if (!exists) {
    io.err(`There is no Corroborate case in ${caseDir}. Create one by importing into it: corroborate import FILE --case ${caseDir}`);
    return 1;
  }
  const list = await withCore(caseDir, async (core, caseId) => {
    const open = (await core.call('cases.open', { caseId })) as { sources: Source[] };
    return open.sources;
  });
  if (values.json) io.out(JSON.stringify({ sources: list.map((s) => cliSource(s)) }));
  else for (const s of list) io.out(`${s.id}  ${describe(s)}`);
  return 0;
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' }, 'data-dir': { type: 'string' }, port: { type: 'string' } });
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”.`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535.');
  const caseDir = typeof values.case === 'string' ? resolve(values.case) : undefined;
  const dataDirArg = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  if (caseDir && dataDirArg) throw new UsageError('Give either --case or --data-dir, not both.');

  const dataDir = dataDirArg ? resolve(dataDirArg) : defaultDataDir();
  const core = await createCore({ dataDir, fixedCaseDir: caseDir, host: 'browser' });
  const staticDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
  const server = await startServer({ core, staticDir, port });
  io.out(`Corroborate is running at ${server.url}`);
  io.out(caseDir ? `Case: ${caseDir}` : `Data: ${dataDir}`);
  return new Promise<number>((done) => {
    const stop = () => {
      void server
        .close()
        .then(() => core.close())
        .then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { case: { type: 'string' }, out: { type: 'string' }, source: { type: 'string', multiple: true }, event: { type: 'string', multiple: true } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”.`);
  const caseDir = requireCase(values);
  if (!values.out) throw new UsageError('Say where to write the bundle with --out FILE.zip.');
  if (!(await stat(join(caseDir, 'case.json')).catch(() => null))) {
    io.err(`There is no Corroborate case in ${caseDir}.`);
    return 1;
  }
  const { data } = await withCore(caseDir, async (core, caseId) => {
    await core.call('cases.open', { caseId });
    return (await core.call('bundles.export', { caseId, sourceIds: values.source, eventIds: values.event })) as { data: Uint8Array };
  });
  await writeFileDurable(resolve(values.out), data);
  io.out(`Wrote ${values.out} (${formatBytes(data.byteLength)}).`);
  return 0;
}

async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('Name one bundle file to verify.');
  const data = await readBundleFile(positionals[0]);
  const r = verifyBundle(data);
  if (r.ok) io.out(`${positionals[0]}: sound (${r.manifest?.files.length ?? 0} files, hashes and schemas check out).`);
  else {
    io.err(`${positionals[0]}: not sound.`);
    for (const p of r.problems) io.err(`  - ${p}`);
  }
  return r.ok ? 0 : 1;
}

async function importBundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' } });
  const caseDir = requireCase(values);
  if (positionals.length !== 1) throw new UsageError('Name one bundle file to import.');
  const data = await readBundleFile(positionals[0]);
  const exists = !!(await stat(join(caseDir, 'case.json')).catch(() => null));
  const r = await withCore(caseDir, async (core, caseId) => {
    if (exists) await core.call('cases.open', { caseId });
    return (await core.call('bundles.import', { data, ...(exists ? { caseId } : {}) })) as {
      case: { name: string; sources: number };
      merge: { added: number; updated: number; unchanged: number; clashes: number; nothingChanged: boolean } | null;
    };
  });
  if (!r.merge) io.out(`Imported “${r.case.name}” into ${caseDir} (${r.case.sources} sources).`);
  else if (r.merge.nothingChanged) io.out('Nothing new: the case already holds everything in this bundle.');
  else io.out(`Merged: ${r.merge.added} added, ${r.merge.updated} updated, ${r.merge.unchanged} unchanged, ${r.merge.clashes} clashes kept for review.`);
  return 0;
}

async function readBundleFile(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ApiError('NOT_FOUND', `No such bundle: ${file}.`);
  if (info.size > MAX_BUNDLE_BYTES)
    throw new ApiError('TOO_LARGE', `${file} is ${formatBytes(info.size)}; bundles up to ${formatBytes(MAX_BUNDLE_BYTES)} can be read.`);
  return new Uint8Array(await readFile(file));
}

async function conflictsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { case: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”.`);
  const caseDir = requireCase(values);
  if (!(await stat(join(caseDir, 'case.json')).catch(() => null))) {
    io.err(`There is no Corroborate case in ${caseDir}.`);
    return 1;
  }
  const matrices = await withCore(caseDir, async (core, caseId) => {
    await core.call('cases.open', { caseId });
    return ((await core.call('conflicts.compute', { caseId })) as { matrices: Matrix[] }).matrices;
  });
  const report = conflictsReport(matrices);
  if (values.json) io.out(JSON.stringify(report));
  else
    for (const e of report.events) {
      io.out(`${e.title} (${e.disagreements.length} disagreement${e.disagreements.length === 1 ? '' : 's'} flagged)`);
      // A disagreement's context rows are indented under nothing of their own: the flag row speaks for them.
      for (const r of e.rows)
        io.out(`  ${r.flag ? '⚑' : r.disagreement ? '·' : ' '} ${r.verdict.padEnd(15)} ${r.measure}${r.population ? ` · ${r.population}` : ''}: ${r.why}`);
    }
  return 0;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > MAX_IMPORT_BYTES) throw new ApiError('TOO_LARGE', `Standard input is over ${formatBytes(MAX_IMPORT_BYTES)}.`);
    chunks.push(c as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function figureCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('Give one phrase in quotes, e.g. corroborate figure "about a dozen".');
  const f = parseFigure(positionals[0]);
  const out = f
    ? { low: f.low, best: f.best, high: f.high, qualifier: f.qualifier, rules: f.rules }
    : { low: null, best: null, high: null, qualifier: 'unspecified' as const, rules: FIGURE_RULES_VERSION };
  if (values.json) io.out(JSON.stringify(out));
  else if (!f) io.out(`No figure found in “${positionals[0]}”.`);
  else io.out(`${f.raw}: low ${f.low ?? 'open'}, best ${f.best ?? '–'}, high ${f.high ?? 'open'} (${f.qualifier}; rules ${f.rules})`);
  return 0;
}

function describe(s: Source): string {
  const date = s.published.value.date ? `${s.published.value.date} (${s.published.confidence})` : 'no date found';
  return `${s.title.value ?? '(untitled)'} — ${s.outlet.value ?? 'outlet unknown'}, ${date}, ${s.characters.toLocaleString('en')} characters`;
}

async function importableFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && isImportable(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}
