// bench-scale's measuring process: one case, in a fresh process (so memory figures are that case's),
// every row beside its reference, the result written as JSON for the parent to print.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { count, fmt, mb, message } from '../bench/table.ts';
import { time } from '../bench/time.ts';
import type { ChildResult, RowKey, Series } from './report.ts';
import type { Ctx, GenBody } from './context.ts';
import { claimEditor, claimEditRow, earlyMetadata, metadataRow } from './edits.ts';
import { searchRows } from './search.ts';
import { verdictRows } from './verdicts.ts';

export async function child(args: Map<string, string>): Promise<void> {
  const dir = args.get('--dir')!;
  const out = args.get('--result')!;
  const phrase = args.get('--phrase') ?? 'old spice market';
  const runs = Number(args.get('--runs') ?? 15);
  const textsDir = args.get('--texts')!;
  const { createCore } = await import('../../electron/core/index.ts');
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

  const index = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as Ctx['index'];
  const n = index.sources.length;
  // Fewer runs where one run is expensive (each is a whole-case operation).
  const openRuns = n >= 20_000 ? 2 : n >= 5_000 ? 3 : 5;
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

  gc();
  const baseRss = process.memoryUsage().rss;
  let core: Awaited<ReturnType<typeof createCore>> | null = null;
  const ctx: Ctx = {
    call: (op, input) => core!.call(op, input),
    caseId: '',
    dir,
    index,
    n,
    runs,
    refDir,
    result,
    measure: async (key, fn) => {
      try {
        rows[key] = await fn();
      } catch (e) {
        rows[key] = { error: message(e) };
      }
      save();
    },
  };
  const { call } = ctx;
  const otherSource = index.sources[(n >> 1) + (n > 1 ? 1 : 0)].id;
  try {
    // ---- open to usable: a fresh core each time (files in the OS cache after the first)
    const early: { ours: number[]; ref: number[] } = { ours: [], ref: [] };
    await ctx.measure('open', async () => {
      const ours: number[] = [];
      const refOpen: number[] = [];
      for (let i = 0; i < openRuns; i++) {
        if (core) await core.close();
        gc();
        core = await createCore({ dataDir, fixedCaseDir: dir, host: 'cli' });
        const caseId = (ctx.caseId = core.info.fixedCase ?? '');
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
        // A correction the user makes at once: it no longer waits for the background read.
        const e = await earlyMetadata(ctx, otherSource, i);
        early.ours.push(e.ours);
        early.ref.push(e.ref);
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
    rows.metadataEarly = { ...early, note: 'one per open, right after the first source is shown; the claims are still being read' };
    if (!core) throw new Error('the core could not be created');

    // ---- the same data, read directly, for the references (not timed as Corroborate's)
    const files = fs.readdirSync(path.join(dir, 'sources')).filter((f) => f.endsWith('.json'));
    const tRead = performance.now();
    const bodies = files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'sources', f), 'utf8')) as GenBody);
    const readAll = performance.now() - tRead;
    const caseBytes = files.reduce((s, f) => s + fs.statSync(path.join(dir, 'sources', f)).size, 0) + fs.statSync(path.join(dir, 'case.json')).size;
    result.caseMB = caseBytes / 1024 / 1024;
    const claims = bodies.flatMap((b) => b.claims);
    result.claims = claims.length;
    context.push(`read + JSON.parse of every file of the case (case.json and ${count(files.length)} source files, ${mb(caseBytes)}), once: ${fmt(readAll)}`);

    const mid = bodies.find((b) => b.id === index.sources[n >> 1].id) ?? bodies[n >> 1];
    const claim = mid.claims[0];
    const edit = claimEditor(ctx, claim);
    await claimEditRow(ctx, mid, edit);
    await verdictRows(ctx, claims, claim, edit);
    await searchRows(ctx, bodies, phrase, textsDir);
    await metadataRow(ctx, otherSource);
  } catch (e) {
    notes.push(`stopped early: ${message(e)}`);
  } finally {
    save();
    await (core as { close(): Promise<void> } | null)?.close().catch((e: unknown) => notes.push(`core.close failed: ${message(e)}`));
    save();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
