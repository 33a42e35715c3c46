// The reader on a 20 MB source (issue 12: "the UI opens a 20 MB source without a frame over 200 ms"),
// beside a 1 MB source measured in the same run: both with 2,000 claims (tests/support/long-source-case.ts),
// each opened from the library in Chromium (tests/support/reader-frames.ts). Prints the longest task,
// the tasks over 200 ms, the time to the first text and to the whole text drawn, and 20 MB / 1 MB.
// Figures, not assertions. Needs the UI built (`npm run build` or `npx vite build`).
//   node scripts/bench-reader.ts [--bytes 20000000] [--claims 2000] [--runs 1]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readerFrames, type Frames } from '../tests/support/reader-frames.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { bytes: { type: 'string' }, claims: { type: 'string' }, runs: { type: 'string' } } });
const bytes = Number(values.bytes ?? 20_000_000);
const claims = Number(values.claims ?? 2000);
const runs = Number(values.runs ?? 1);
process.chdir(root);

if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  console.log('  the UI is not built (dist/renderer/index.html is missing): run `npm run build` first');
  process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-reader-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
try {
  const rows: { label: string; r: Frames }[] = [];
  for (const [label, size] of [
    ['1 MB (reference)', 1_000_000],
    [`${Math.round(bytes / 1e6)} MB`, bytes],
  ] as const) {
    const dir = path.join(work, `b${size}`, 'case');
    execFileSync(process.execPath, ['tests/support/long-source-case.ts', '--case', dir, '--claims', String(claims), '--bytes', String(size)], {
      stdio: 'ignore',
    });
    const all: Frames[] = [];
    for (let i = 0; i < runs; i++) all.push(await readerFrames(dir, { seconds: 3 }));
    const pick = (k: keyof Frames) => median(all.map((r) => r[k] ?? Number.POSITIVE_INFINITY));
    rows.push({
      label,
      r: {
        firstTextMs: pick('firstTextMs'),
        allDrawnMs: pick('allDrawnMs'),
        longTasks: pick('longTasks'),
        longestMs: pick('longestMs'),
        over200: pick('over200'),
        heapMB: pick('heapMB'),
      },
    });
  }
  const [ref, big] = rows;
  const s = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? 'not within 120 s' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`);
  const ratio = (a: number | null, b: number | null) => (a && b && Number.isFinite(a) && Number.isFinite(b) ? `×${(a / b).toFixed(1)}` : '–');
  const table = [
    ['', ref.label, big.label, 'ratio'],
    ['longest task (goal ≤ 200 ms)', s(ref.r.longestMs), s(big.r.longestMs), ratio(big.r.longestMs, ref.r.longestMs)],
    ['tasks over 200 ms', String(ref.r.over200), String(big.r.over200), ''],
    ['long tasks (≥ 50 ms)', String(ref.r.longTasks), String(big.r.longTasks), ratio(big.r.longTasks, ref.r.longTasks)],
    ['first text', s(ref.r.firstTextMs), s(big.r.firstTextMs), ratio(big.r.firstTextMs, ref.r.firstTextMs)],
    ['whole text drawn', s(ref.r.allDrawnMs), s(big.r.allDrawnMs), ratio(big.r.allDrawnMs, ref.r.allDrawnMs)],
    ['page heap at the end', `${ref.r.heapMB} MB`, `${big.r.heapMB} MB`, ratio(big.r.heapMB, ref.r.heapMB)],
  ];
  const w = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) console.log('  ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
  console.log(
    `  (${claims} claims on each; ${runs} run${runs > 1 ? 's, medians' : ''}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
