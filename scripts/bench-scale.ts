// Scale benchmark (issue 15): the real core, through its API, on generated monitor-sized cases
// (scripts/gen-case.ts), each figure printed beside a reference measured in the same run.
//
//   node scripts/bench-scale.ts [--sizes 1000,10000] [--big] [--runs 15] [--fresh] [--cache DIR] [--seed 1]
//
// --big (or CORROBORATE_BENCH_BIG=1) adds the 50,000-source case. Cases are generated once and
// reused from the cache folder (default <tmp>/corroborate-bench-scale; --fresh regenerates them).
// Each case is measured in a fresh child process (`--child`), so memory figures are that case's.
// Figures, not assertions: a row that cannot be measured (an operation failing) says why, and the
// others are still measured.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, fmt, mb, message } from './bench/table.ts';
import { paired, time } from './bench/time.ts';
import { printCase, printScaling, type ChildResult, type RowKey, type Series } from './bench-scale/report.ts';

const here = fileURLToPath(import.meta.url);
/** Bumped when gen-case.ts output changes, so a cached case of the old shape is regenerated. */
const GEN_VERSION = 1;

// ---------------------------------------------------------------- the child: one case, measured

async function child(args: Map<string, string>): Promise<void> {
  const dir = args.get('--dir')!;
  const out = args.get('--result')!;
  const phrase = args.get('--phrase') ?? 'old spice market';
  const runs = Number(args.get('--runs') ?? 15);
  const textsDir = args.get('--texts')!;
  const { createCore } = await import('../electron/core/index.ts');
  const { writeFileDurable } = await import('../electron/core/store/durable.ts');
  const appendDurable = async (file: string, bytes: Buffer) => {
    const h = await fsp.open(file, 'a');
    await h.writeFile(bytes);
    await h.datasync();
    await h.close();
  };
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

  const index = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as { sources: Array<{ id: string }>; events: Array<{ id: string }> };
  const n = index.sources.length;
  const big = n >= 20_000;
  // Fewer runs where one run is expensive (each is a whole-case operation).
  const openRuns = big ? 2 : n >= 5_000 ? 3 : 5;
  const computeRuns = big ? 2 : n >= 5_000 ? 3 : 5;
  const eventRuns = Math.min(runs, big ? 5 : n >= 5_000 ? 7 : runs);
  const searchRuns = big ? 5 : 9;
  const rows = {} as Record<RowKey, Series>;
  const notes: string[] = [];
  const context: string[] = [];
  const result: ChildResult = { sources: n, claims: 0, events: index.events.length, caseMB: 0, rows, memory: { error: 'not measured' }, notes, context };
  const save = () => fs.writeFileSync(out, JSON.stringify(result));

  const work = await fsp.mkdtemp(path.join(path.dirname(dir), 'bench-work-'));
  const dataDir = path.join(work, 'data');
  const refDir = path.join(work, 'ref');
  fs.mkdirSync(refDir, { recursive: true });
  // Undo history from an earlier run would make this run's history writes bigger: start without it.
  for (const f of ['history.json', 'history.log']) fs.rmSync(path.join(dir, f), { force: true });

  const measure = async (key: RowKey, fn: () => Promise<{ ours: number[]; ref: number[]; note?: string }>) => {
    try {
      rows[key] = await fn();
    } catch (e) {
      rows[key] = { error: message(e) };
    }
    save();
  };

  gc();
  const baseRss = process.memoryUsage().rss;
  let core: Awaited<ReturnType<typeof createCore>> | null = null;
  let caseId = '';
  const call = (op: string, input: unknown) => core!.call(op, input);
  try {
    // ---- open to usable: a fresh core each time (files in the OS cache after the first)
    await measure('open', async () => {
      const ours: number[] = [];
      const refOpen: number[] = [];
      for (let i = 0; i < openRuns; i++) {
        if (core) await core.close();
        gc();
        core = await createCore({ dataDir, fixedCaseDir: dir, host: 'cli' });
        caseId = core.info.fixedCase ?? '';
        let opened: { warnings?: unknown } = {};
        let view: { problems?: unknown } = {};
        // Usable as the window is: the library (the index) and the first source open with its claims;
        // the rest of the case's claims are read in the background after cases.open.
        const t0 = performance.now();
        ours.push(
          await time(async () => {
            opened = (await call('cases.open', { caseId })) as typeof opened;
            const first = (opened as { sources?: Array<{ id: string }> }).sources?.[0]?.id;
            view = (await call('claims.view', { caseId, sourceIds: first ? [first] : [] })) as typeof view;
            if (first) await call('sources.get', { caseId, sourceId: first });
          }),
        );
        const whole = (await call('claims.view', { caseId })) as { claims?: unknown[]; problems?: unknown };
        const everyClaim = performance.now() - t0;
        refOpen.push(await time(() => JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'))));
        if (i > 0) continue;
        view = whole;
        context.push(
          `every claim of the case read (in the background from cases.open; what Compare waits for): ${fmt(everyClaim)} after open, ${count(whole.claims?.length ?? 0)} claims`,
        );
        // Memory of the core with the case open, after the first open (the app opens a case once),
        // before this process loads anything for the references.
        gc();
        gc();
        const m = process.memoryUsage();
        result.memory = { rss: m.rss, heapUsed: m.heapUsed, baseRss };
        if (Array.isArray(opened.warnings) && opened.warnings.length)
          notes.push(`cases.open reported ${opened.warnings.length} warning(s), e.g. ${String(opened.warnings[0])}`);
        if (Array.isArray(view.problems) && view.problems.length)
          notes.push(`claims.view reported ${view.problems.length} problem(s), e.g. ${String(view.problems[0])}`);
      }
      return { ours, ref: refOpen };
    });
    if (!core) throw new Error('the core could not be created');

    // ---- the same data, read directly, for the references (not timed as Corroborate's)
    const files = fs.readdirSync(path.join(dir, 'sources')).filter((f) => f.endsWith('.json'));
    const tRead = performance.now();
    const bodies = files.map(
      (f) =>
        JSON.parse(fs.readFileSync(path.join(dir, 'sources', f), 'utf8')) as {
          id: string;
          text: string;
          claims: Array<{ id: string; eventId: string | null; kind: string; measure?: string | null; figure?: { best: number | null } }>;
        },
    );
    const readAll = performance.now() - tRead;
    const caseBytes = files.reduce((s, f) => s + fs.statSync(path.join(dir, 'sources', f)).size, 0) + fs.statSync(path.join(dir, 'case.json')).size;
    result.caseMB = caseBytes / 1024 / 1024;
    const claims = bodies.flatMap((b) => b.claims);
    result.claims = claims.length;
    const texts = bodies.map((b) => b.text);
    context.push(`read + JSON.parse of every file of the case (case.json and ${count(files.length)} source files, ${mb(caseBytes)}), once: ${fmt(readAll)}`);

    const mid = bodies.find((b) => b.id === index.sources[n >> 1].id) ?? bodies[n >> 1];
    const claim = mid.claims[0];
    const otherSource = index.sources[(n >> 1) + (n > 1 ? 1 : 0)].id;
    let edits = 0;
    const edit = (c: { id: string } = claim) =>
      call('claims.execute', {
        caseId,
        command: { type: 'claim.update', payload: { id: c.id, set: { note: `bench edit ${++edits}`, modified: new Date().toISOString() }, unset: [] } },
        label: 'Edit claim',
      });

    // ---- one claim edit vs a durable write of the same body + history bytes
    await measure('edit', async () => {
      const first = await edit(); // warm-up (and the body's first backup)
      context.push(`claims.execute reply: ${(JSON.stringify(first).length / 1024).toFixed(1)} KB as JSON`);
      // The reference writes the bytes the last edit wrote (read before its timer starts): the
      // source's file, and the undo history's step (a line appended to history.log).
      let body = Buffer.alloc(0);
      let history = Buffer.alloc(0);
      const files = () => {
        body = fs.readFileSync(path.join(dir, 'sources', `${mid.id}.json`));
        const log = fs.readFileSync(path.join(dir, 'history.log'), 'utf8').split('\n').filter(Boolean);
        history = Buffer.from(`${log.at(-1) ?? ''}\n`);
      };
      const ours: number[] = [];
      const ref: number[] = [];
      for (let i = 0; i < runs; i++) {
        const a = () => time(() => edit());
        const b = async () => {
          files();
          return time(async () => {
            await writeFileDurable(path.join(refDir, 'body.json'), body);
            await appendDurable(path.join(refDir, 'history.log'), history);
          });
        };
        if (i % 2 === 0) {
          ours.push(await a());
          ref.push(await b());
        } else {
          ref.push(await b());
          ours.push(await a());
        }
      }
      return { ours, ref, note: `body ${(body.length / 1024).toFixed(1)} KB + a history line of ${(history.length / 1024).toFixed(1)} KB at the last run` };
    });

    // ---- every verdict, then after one edit, vs a bare group-by of the same claims
    const groupBy = () => {
      const byEvent = new Map<string, Map<string, number>>();
      let groups = 0;
      for (const c of claims) {
        if (c.eventId === null) continue;
        let g = byEvent.get(c.eventId);
        if (!g) byEvent.set(c.eventId, (g = new Map()));
        const m = c.measure ?? c.kind;
        const sum = g.get(m);
        if (sum === undefined) groups++;
        g.set(m, (sum ?? 0) + (c.figure?.best ?? 0));
      }
      return groups;
    };
    let firstCompute = 0;
    await measure('compute', async () => {
      firstCompute = await time(() => call('conflicts.compute', { caseId }));
      const r = await paired(computeRuns, () => call('conflicts.compute', { caseId }), groupBy);
      return { ...r, note: `first call ${fmt(firstCompute)}; ${count(groupBy())} groups` };
    });
    await measure('computeAfterEdit', async () => {
      const ours: number[] = [];
      const ref: number[] = [];
      for (let i = 0; i < computeRuns; i++) {
        await edit();
        ours.push(await time(() => call('conflicts.compute', { caseId })));
        ref.push(await time(groupBy));
      }
      return { ours, ref };
    });
    await measure('computeEvent', async () => {
      const eventId = claim.eventId ?? index.events[0].id;
      const mine = claims.filter((c) => c.eventId === eventId);
      const eventGroupBy = () => {
        const g = new Map<string, number>();
        for (const c of mine) g.set(c.measure ?? c.kind, (g.get(c.measure ?? c.kind) ?? 0) + (c.figure?.best ?? 0));
        return g.size;
      };
      const ours: number[] = [];
      const ref: number[] = [];
      for (let i = 0; i < eventRuns; i++) {
        await edit();
        ours.push(await time(() => call('conflicts.compute', { caseId, eventId })));
        ref.push(await time(eventGroupBy));
      }
      return { ours, ref, note: `${mine.length} claims in the event; the edit before each run is not timed` };
    });

    // ---- phrase search, warm, vs indexOf over the same texts (and ripgrep over the texts as files)
    let hitsOurs = -1;
    await measure('search', async () => {
      const first = (await call('search', { caseId, query: phrase })) as { total?: unknown };
      if (typeof first.total === 'number') hitsOurs = first.total;
      let hits = 0;
      const { ours, ref } = await paired(
        searchRuns,
        () => call('search', { caseId, query: phrase }),
        () => {
          hits = 0;
          for (const t of texts) for (let at = t.indexOf(phrase); at >= 0; at = t.indexOf(phrase, at + phrase.length)) hits++;
        },
      );
      const chars = texts.reduce((s, t) => s + t.length, 0);
      return {
        ours,
        ref,
        note: `"${phrase}": ${hitsOurs >= 0 ? count(hitsOurs) : '?'} hits (indexOf: ${count(hits)}) in ${(chars / 1e6).toFixed(1)} M characters`,
      };
    });
    await measure('searchRg', async () => {
      const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
      if (rg.error || rg.status !== 0) throw new Error('ripgrep (rg) is not installed; apt-get install ripgrep to add this reference');
      if (!fs.existsSync(path.join(textsDir, '.complete'))) {
        fs.rmSync(textsDir, { recursive: true, force: true });
        fs.mkdirSync(textsDir, { recursive: true });
        bodies.forEach((b) => fs.writeFileSync(path.join(textsDir, `${b.id}.txt`), b.text));
        fs.writeFileSync(path.join(textsDir, '.complete'), '');
      }
      let files = 0;
      const { ours, ref } = await paired(
        searchRuns,
        () => call('search', { caseId, query: phrase }),
        () => {
          const r = spawnSync('rg', ['-F', '-c', phrase, textsDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
          if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
          files = r.stdout.split('\n').filter(Boolean).length;
        },
      );
      return { ours, ref, note: `rg -F -c over ${count(bodies.length)} text files (process start included): ${count(files)} files match` };
    });

    // ---- a metadata edit (journaled) vs a durable append of one line of the same size
    await measure('metadata', async () => {
      let k = 0;
      const update = () => call('sources.update', { caseId, sourceId: otherSource, patch: { notes: `checked ${++k}` } });
      await update(); // warm-up
      const record = index.sources.find((s) => s.id === otherSource);
      const line = JSON.stringify({ op: 'put', source: record }) + '\n';
      const file = path.join(refDir, 'journal');
      const { ours, ref } = await paired(runs, update, async () => {
        const h = await fsp.open(file, 'a');
        try {
          await h.writeFile(line);
          await h.datasync();
        } finally {
          await h.close();
        }
      });
      return { ours, ref, note: `line of ${(line.length / 1024).toFixed(1)} KB` };
    });
  } catch (e) {
    notes.push(`stopped early: ${message(e)}`);
  } finally {
    save();
    await (core as { close(): Promise<void> } | null)?.close().catch((e: unknown) => notes.push(`core.close failed: ${message(e)}`));
    save();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the parent: cases, children, tables

interface Marker {
  gen: number;
  seed: number;
  sources: number;
  ms: number;
  rarePhrase: string;
  claims: number;
  events: number;
}

async function ensureCase(cache: string, n: number, seed: number, fresh: boolean): Promise<{ dir: string; marker: Marker; generated: boolean }> {
  const dir = path.join(cache, `n${n}-seed${seed}`);
  const markerFile = `${dir}.json`;
  if (!fresh && fs.existsSync(markerFile)) {
    const m = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
    if (m.gen === GEN_VERSION && fs.existsSync(path.join(dir, 'case.json'))) return { dir, marker: m, generated: false };
  }
  fs.rmSync(markerFile, { force: true });
  fs.rmSync(`${dir}-texts`, { recursive: true, force: true });
  const { generateCase } = await import('./gen-case.ts');
  const r = generateCase({ sources: n, out: dir, seed, force: true });
  const marker: Marker = { gen: GEN_VERSION, seed, sources: n, ms: r.ms, rarePhrase: r.rarePhrase, claims: r.claims, events: r.events };
  fs.writeFileSync(markerFile, JSON.stringify(marker));
  return { dir, marker, generated: true };
}

function runChild(dir: string, phrase: string, runs: number, texts: string): Promise<{ result: ChildResult | null; failure: string | null }> {
  const result = path.join(os.tmpdir(), `corroborate-bench-scale-${process.pid}-${Date.now()}.json`);
  const args = ['--expose-gc', here, '--child', '--dir', dir, '--result', result, '--phrase', phrase, '--runs', String(runs), '--texts', texts];
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => p.kill('SIGKILL'), 30 * 60_000);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      let parsed: ChildResult | null = null;
      try {
        parsed = JSON.parse(fs.readFileSync(result, 'utf8')) as ChildResult;
      } catch {
        // nothing written
      }
      fs.rmSync(result, { force: true });
      const failure =
        code === 0
          ? null
          : `the measuring process ended with ${signal ? `signal ${signal}` : `exit code ${code}`}${parsed ? ' (rows measured before that are shown)' : ''}`;
      resolve({ result: parsed, failure });
    });
  });
}

async function parent(argv: string[]): Promise<void> {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const sizes = value('--sizes', '1000,10000')
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')));
  if (flag('--big') || process.env.CORROBORATE_BENCH_BIG === '1') if (!sizes.includes(50_000)) sizes.push(50_000);
  const runs = Number(value('--runs', '15'));
  const seed = Number(value('--seed', '1'));
  const cache = path.resolve(value('--cache', path.join(os.tmpdir(), 'corroborate-bench-scale')));
  const fresh = flag('--fresh');
  if (sizes.some((n) => !Number.isInteger(n) || n < 4) || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: node scripts/bench-scale.ts [--sizes 1000,10000] [--big] [--runs 15] [--fresh] [--cache DIR] [--seed 1]');
    process.exit(2);
  }
  fs.mkdirSync(cache, { recursive: true });
  console.log(
    `  cases in ${cache} (generated by scripts/gen-case.ts, seed ${seed}, reused across runs; --fresh regenerates)${sizes.includes(50_000) ? '' : '; add --big or CORROBORATE_BENCH_BIG=1 for 50,000 sources'}`,
  );
  const results: Array<{ n: number; r: ChildResult | null }> = [];
  for (const n of sizes) {
    let c: Awaited<ReturnType<typeof ensureCase>>;
    try {
      c = await ensureCase(cache, n, seed, fresh);
    } catch (e) {
      console.log(`\n  ${count(n)} sources: the case could not be generated: ${message(e)}`);
      results.push({ n, r: null });
      continue;
    }
    console.log(
      `\n  ${count(n)} sources: case ${c.generated ? 'generated' : 'reused'} (generation took ${(c.marker.ms / 1000).toFixed(1)} s: ${count(c.marker.claims)} claims, ${count(c.marker.events)} events); measuring in a fresh process…`,
    );
    const t0 = performance.now();
    const { result, failure } = await runChild(c.dir, c.marker.rarePhrase, runs, `${c.dir}-texts`);
    if (!result) {
      console.log(`    ! no figures: ${failure ?? 'the measuring process wrote nothing'}`);
      results.push({ n, r: null });
      continue;
    }
    printCase(n, result, failure);
    console.log(`    (measured in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    results.push({ n, r: result });
  }
  if (results.length > 1) printScaling(results);
}

const argv = process.argv.slice(2);
if (argv.includes('--child')) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--') && argv[i + 1] && !argv[i + 1].startsWith('--')) args.set(argv[i], argv[++i]);
  await child(args);
} else {
  await parent(argv);
}
