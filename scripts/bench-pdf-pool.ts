// PDF import of a folder, file by file, next to poppler's pdftotext run once per file: the old way
// (a fresh worker thread per file), the import pool one file at a time (how the CLI and the window
// import today) and with every file queued at once, and pdf.js in this thread (the floor the pool
// can reach). Wall and CPU (this process's threads, plus pdftotext's children), min and median of
// the runs, and each as a ratio to pdftotext.
//
// Run: node scripts/bench-pdf-pool.ts [FOLDER] [--runs N] [--skip-old]
// Without a folder it uses a generated set (make-pdf.ts) plus the PDFs found under /usr/share/doc.
import { execFile } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractFile, extractFileIsolated, type Extracted } from '../electron/core/import/index.ts';
import { makePdf, loremLines } from '../tests/support/make-pdf.ts';
import { WorkerPool } from '../electron/core/import/pool.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' }, 'skip-old': { type: 'boolean' } } });
const runs = Math.max(1, Number(values.runs ?? 3));
const cores = Math.max(1, availableParallelism());

let generated: string | null = null;
let dir = positionals[0];
if (!dir) {
  generated = mkdtempSync(path.join(tmpdir(), 'corroborate-pdfs-'));
  dir = generated;
  for (let i = 0; i < 60; i++) {
    const pages = 1 + ((i * 7) % 20);
    writeFileSync(
      path.join(dir, `generated-${String(i).padStart(2, '0')}.pdf`),
      makePdf(Array.from({ length: pages }, (_, p) => ({ heading: p === 0, lines: loremLines(4, i * 100 + p) }))),
    );
  }
  for (const found of findPdfs('/usr/share/doc')) writeFileSync(path.join(dir, path.basename(found)), readFileSync(found));
}

function findPdfs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.pdf'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const names = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort();
const files = names.map((name) => ({ name, file: path.join(dir, name), bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
const megabytes = files.reduce((s, f) => s + f.bytes.length, 0) / 1e6;

/** CPU time of the children this process has waited for (Linux /proc), in ms; null elsewhere. */
function childCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // clock ticks, USER_HZ = 100 on Linux
  } catch {
    return null;
  }
}

interface Sample {
  wall: number;
  cpu: number | null;
  /** Of which the children's (pdftotext's) own. */
  kids: number | null;
  failed: number;
  pages: number;
}

async function measure(f: () => Promise<{ failed: number; pages: number }>): Promise<Sample> {
  const c0 = process.cpuUsage();
  const k0 = childCpuMs();
  const t0 = performance.now();
  const r = await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const k1 = childCpuMs();
  const kids = k0 === null || k1 === null ? null : k1 - k0;
  return { wall, cpu: (c.user + c.system) / 1000 + (kids ?? 0), kids, failed: r.failed, pages: r.pages };
}

/** Runs every file through `extract`, at most `width` at a time. */
async function importAll(extract: (f: (typeof files)[number]) => Promise<Extracted>, width: number) {
  let failed = 0;
  let pages = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < files.length) {
        const f = files[next++];
        try {
          const x = await extract(f);
          pages += x.pages?.length ?? 0;
        } catch {
          failed++;
        }
      }
    }),
  );
  return { failed, pages };
}

const pdftotext = (file: string) =>
  new Promise<boolean>((resolve) => execFile('pdftotext', ['-q', file, '-'], { maxBuffer: 512 * 1024 * 1024 }, (e) => resolve(!e)));

async function pdftotextAll(width: number) {
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < files.length) if (!(await pdftotext(files[next++].file))) failed++;
    }),
  );
  return { failed, pages: 0 };
}

const hasPdftotext = await new Promise<boolean>((r) => execFile('pdftotext', ['-v'], (e) => r((e as NodeJS.ErrnoException | null)?.code !== 'ENOENT')));

interface Mode {
  label: string;
  width: number;
  run: () => Promise<{ failed: number; pages: number }>;
  reference?: boolean;
}

// Each pool run starts from a fresh pool, so its workers' start-up (and pdf.js loading) is counted.
const withPool = async (opts: ConstructorParameters<typeof WorkerPool>[0], width: number) => {
  const pool = new WorkerPool(opts);
  try {
    return await importAll((f) => extractFileIsolated(f.name, f.bytes, { pool }), width);
  } finally {
    await pool.close();
  }
};

const modes: Mode[] = [
  ...(values['skip-old'] ? [] : [{ label: 'old: a fresh worker per file, one at a time', width: 1, run: () => withPool({ size: 1, maxJobsPerWorker: 1 }, 1) }]),
  { label: 'pool, one file at a time (as the CLI and window call it)', width: 1, run: () => withPool({}, 1) },
  { label: `pool, all files queued (${cores} worker${cores === 1 ? '' : 's'})`, width: files.length, run: () => withPool({}, files.length) },
  { label: 'pdf.js in this thread, one at a time (warm: no worker)', width: 1, run: () => importAll((f) => extractFile(f.name, f.bytes), 1) },
  ...(hasPdftotext
    ? [
        { label: 'pdftotext, a process per file, one at a time', width: 1, run: () => pdftotextAll(1), reference: true },
        { label: `pdftotext, a process per file, ${cores} at a time`, width: cores, run: () => pdftotextAll(cores), reference: true },
      ]
    : []),
];

console.log(
  `${files.length} PDFs (${megabytes.toFixed(1)} MB) from ${generated ? 'a generated set (make-pdf.ts) and /usr/share/doc' : dir}; ${runs} run${runs === 1 ? '' : 's'} each; ${cores} core${cores === 1 ? '' : 's'}`,
);

// The same text from the pool as from in-process extraction, file by file.
{
  const pool = new WorkerPool({});
  let same = 0;
  let different = 0;
  let progressPages = 0;
  for (const f of files) {
    const local = await extractFile(f.name, f.bytes).then(
      (x) => JSON.stringify(x),
      (e) => `error ${(e as Error).message}`,
    );
    const pooled = await extractFileIsolated(f.name, f.bytes, { pool, onProgress: (p) => void (p.done > 0 && progressPages++) }).then(
      (x) => JSON.stringify(x),
      (e) => `error ${(e as Error).message}`,
    );
    if (local === pooled) same++;
    else different++;
  }
  await pool.close();
  console.log(`  pool vs in-process: ${same} identical result${same === 1 ? '' : 's'}, ${different} different; ${progressPages} page progress reports`);
}

// Where a fresh worker's time goes: starting the thread (a text job), then pdf.js's first document.
{
  const tiny = makePdf([{ lines: ['warm up'] }]);
  const text = new TextEncoder().encode('warm up');
  const pool = new WorkerPool({ size: 1 });
  const step = async (f: () => Promise<unknown>) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    const c = process.cpuUsage(c0);
    return `${Math.round(performance.now() - t0)} ms wall, ${Math.round((c.user + c.system) / 1000)} ms CPU`;
  };
  const start = await step(() => extractFileIsolated('a.txt', text, { pool }));
  const firstPdf = await step(() => extractFileIsolated('a.pdf', tiny, { pool }));
  const warmPdf = await step(() => extractFileIsolated('a.pdf', tiny, { pool }));
  await pool.close();
  console.log(`  a fresh worker: start + a text file ${start}; first PDF (loads pdf.js) ${firstPdf}; next PDF ${warmPdf}`);
}

const fmt = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const stats = (xs: (number | null)[]) => {
  if (xs.some((x) => x === null)) return { min: null, median: null };
  const s = (xs as number[]).slice().sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};

// Runs go round the modes in turn, so a busy spell on a shared machine does not land on one mode only.
const samples: Sample[][] = modes.map(() => []);
for (let i = 0; i < runs; i++) for (const [m, mode] of modes.entries()) samples[m].push(await measure(mode.run));
const results = modes.map((mode, m) => ({
  mode,
  wall: stats(samples[m].map((s) => s.wall)),
  cpu: stats(samples[m].map((s) => s.cpu)),
  kids: stats(samples[m].map((s) => s.kids)),
  failed: samples[m][0].failed,
  pages: samples[m][0].pages,
}));

const refFor = (width: number) => results.find((r) => r.mode.reference && (width === 1 ? r.mode.width === 1 : r.mode.width > 1));
const ratio = (a: number | null, b: number | null | undefined) => (a === null || !b ? '' : ` ${(a / b).toFixed(1)}×`);
console.log(`  ${'mode'.padEnd(60)} ${'wall min / median'.padEnd(26)} ${'CPU min / median'.padEnd(26)} files failed`);
for (const r of results) {
  const ref = r.mode.reference ? undefined : refFor(r.mode.width);
  const wall = `${fmt(r.wall.min)} / ${fmt(r.wall.median)}${ratio(r.wall.min, ref?.wall.min)}`;
  const cpu = `${fmt(r.cpu.min)} / ${fmt(r.cpu.median)}${ratio(r.cpu.min, ref?.cpu.min)}`;
  console.log(`  ${r.mode.label.padEnd(60)} ${wall.padEnd(26)} ${cpu.padEnd(26)} ${r.failed}${r.pages ? ` (${r.pages} pages)` : ''}`);
}
console.log('  (ratios: min against pdftotext at the same width; goal ≤ 3× in wall and CPU)');
const seqRef = refFor(1);
const seqPool = results.find((r) => r.mode.label.startsWith('pool, one file'));
if (seqRef?.kids.min && seqPool?.cpu.min)
  console.log(
    `  pdftotext's own CPU (children only, without this process starting them): ${fmt(seqRef.kids.min)}; the pool one at a time is${ratio(seqPool.cpu.min, seqRef.kids.min)} that`,
  );
if (!hasPdftotext) console.log('  pdftotext (poppler): not installed (apt-get install poppler-utils)');

if (generated) rmSync(generated, { recursive: true, force: true });
