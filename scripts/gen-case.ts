// A generator of monitor-sized cases (issue 15): a real case folder, in the store's on-disk format,
// of N sources with seeded, deterministic news-like text, 10 annotations and 10 claims per source,
// N/2 events (each with claims from several sources, figures that mostly agree and sometimes do not)
// and a few actors with aliases.
//
//   node scripts/gen-case.ts --sources N --out DIR [--claims-per-source 10] [--seed 1] [--force] [--check]
//
// The files are written directly (plain writes, no fsync: this is a fixture, not a save), exactly as
// CaseStore writes them: case.json (with a snapshot id, so index saves are journaled from the first
// one), sources/<id>.json, originals/<sha256>.txt, and empty backups/. No history.json (undo starts
// empty). `--check` then opens the folder with CaseStore.open and CaseClaims.load and reports any
// warning or problem (exit 1 if there is one).
//
// How the claims hang together: sources come in clusters of four that report on the same two
// incidents (events 2c and 2c+1 for cluster c), so every event has claims from four sources; an
// event's facts (place, date, toll, rockets, perpetrator) are drawn from the seed and the event's
// number, and each source reports them with its own wording and, sometimes, its own figure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASE_FORMAT_VERSION, type CaseIndex } from '../shared/model/case.ts';
import type { Source } from '../shared/model/source.ts';
import { encodeIndex } from '../electron/core/store/codec.ts';
import { BACKUPS_DIR, ORIGINALS_DIR, SOURCES_DIR, bodyPath, indexPath } from '../electron/core/store/layout.ts';
import { fixedCaseId } from '../electron/core/cases.ts';
import { ACTORS } from './gen-case/text.ts';
import { STAMP, eventFacts, makeSourceFiles } from './gen-case/records.ts';

export interface GenOptions {
  sources: number;
  out: string;
  claimsPerSource?: number;
  seed?: number;
  /** Remove `out` first if it already holds a case. */
  force?: boolean;
}

export interface GenResult {
  dir: string;
  caseId: string;
  sources: number;
  annotations: number;
  claims: number;
  events: number;
  actors: number;
  textChars: number;
  bytes: number;
  ms: number;
  /** A phrase planted in about one source in 50 (for search benchmarks), and how many sources have it. */
  rarePhrase: string;
  rareSources: number;
}

// ---------------------------------------------------------------- the case

export function generateCase(opts: GenOptions): GenResult {
  const t0 = performance.now();
  const n = opts.sources;
  const seed = opts.seed ?? 1;
  const perSource = opts.claimsPerSource ?? 10;
  if (!Number.isInteger(n) || n < 1) throw new Error('--sources must be a positive whole number');
  if (!Number.isInteger(perSource) || perSource < 1 || perSource > 200) throw new Error('--claims-per-source must be between 1 and 200');
  const dir = path.resolve(opts.out);
  if (fs.existsSync(indexPath(dir))) {
    if (!opts.force) throw new Error(`There is already a case in ${dir} (use --force to replace it).`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const sub of [SOURCES_DIR, ORIGINALS_DIR, BACKUPS_DIR]) fs.mkdirSync(path.join(dir, sub), { recursive: true });

  const eventCount = Math.max(1, Math.floor(n / 2));
  const sources: Source[] = [];
  let annotations = 0;
  let claims = 0;
  let textChars = 0;
  let bytes = 0;
  let rareSources = 0;
  for (let i = 0; i < n; i++) {
    const s = makeSourceFiles(seed, i, eventCount, perSource);
    fs.writeFileSync(bodyPath(dir, s.source.id), s.bodyJson);
    fs.writeFileSync(path.join(dir, ORIGINALS_DIR, `${s.source.sha256}.txt`), s.original);
    sources.push(s.source);
    annotations += s.annotations;
    claims += s.claims;
    textChars += s.text.length;
    bytes += s.bodyJson.length + s.original.byteLength;
    if (s.rare) rareSources++;
  }
  // Only events that some source reports on (with fewer than 4 sources, cluster 0 covers events 0 and 1).
  const used = new Set<number>();
  for (let c = 0; c * 4 < n; c++) used.add((2 * c) % eventCount).add((2 * c + 1) % eventCount);
  const events = [...used].sort((a, b) => a - b).map((e) => eventFacts(seed, e).event);

  const caseId = fixedCaseId(dir);
  const now = new Date(STAMP).toISOString();
  const index: CaseIndex = {
    format: 'corroborate-case',
    schemaVersion: CASE_FORMAT_VERSION,
    id: caseId,
    name: `Generated case: ${n.toLocaleString('en-US')} sources (seed ${seed})`,
    created: now,
    modified: now,
    sources,
    events,
    actors: ACTORS,
    decisions: [],
    reconciliations: [],
    gradeOverrides: [],
  };
  const indexText = encodeIndex(index, `generated-${seed}-${n}-${perSource}`);
  fs.writeFileSync(indexPath(dir), indexText);
  bytes += indexText.length;
  return {
    dir,
    caseId,
    sources: n,
    annotations,
    claims,
    events: events.length,
    actors: ACTORS.length,
    textChars,
    bytes,
    ms: performance.now() - t0,
    rarePhrase: 'old spice market',
    rareSources,
  };
}

/** Opens the folder as the app would and lists every warning and problem (an empty list: it is sound). */
export async function checkCase(dir: string): Promise<{ warnings: string[]; problems: string[]; claims: number; annotations: number; ms: number }> {
  const t0 = performance.now();
  const { CaseStore } = await import('../electron/core/store/index.ts');
  const { CaseClaims } = await import('../electron/core/claims.ts');
  const store = await CaseStore.open(dir);
  try {
    const claims = await CaseClaims.load(store);
    const view = claims.view();
    return {
      warnings: [...store.warnings],
      problems: view.problems,
      claims: view.claims.length,
      annotations: view.annotations.length,
      ms: performance.now() - t0,
    };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------- command line

function parseArgs(argv: string[]): GenOptions & { check: boolean } {
  const out: Partial<GenOptions> & { check: boolean } = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sources') out.sources = Number(value().replace(/[_,]/g, ''));
    else if (a === '--out') out.out = value();
    else if (a === '--claims-per-source') out.claimsPerSource = Number(value());
    else if (a === '--seed') out.seed = Number(value());
    else if (a === '--force') out.force = true;
    else if (a === '--check') out.check = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out.sources || !out.out)
    throw new Error('usage: node scripts/gen-case.ts --sources N --out DIR [--claims-per-source 10] [--seed 1] [--force] [--check]');
  return out as GenOptions & { check: boolean };
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const r = generateCase(opts);
  const f = (x: number) => x.toLocaleString('en-US');
  console.log(
    `${r.dir}: ${f(r.sources)} sources, ${f(r.annotations)} annotations, ${f(r.claims)} claims, ${f(r.events)} events, ${r.actors} actors; ` +
      `${(r.textChars / 1e6).toFixed(1)} M characters of text, ${(r.bytes / 1e6).toFixed(1)} MB written in ${(r.ms / 1000).toFixed(1)} s`,
  );
  if (opts.check) {
    const c = await checkCase(r.dir);
    console.log(
      `check: opened with CaseStore.open + CaseClaims.load in ${(c.ms / 1000).toFixed(1)} s: ${f(c.claims)} claims, ${f(c.annotations)} annotations, ${c.warnings.length} warnings, ${c.problems.length} problems`,
    );
    for (const w of [...c.warnings, ...c.problems].slice(0, 20)) console.log(`  ${w}`);
    if (c.warnings.length || c.problems.length || c.claims !== r.claims || c.annotations !== r.annotations) process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
