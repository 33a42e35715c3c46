// Import speed next to a command-line reference: a generated 300-page text PDF through
// Corroborate's importer (in-process and in a worker) and through poppler's pdftotext.
// Run: node scripts/bench-import.ts [pages]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractFile, extractFileIsolated } from '../electron/core/import/index.ts';
import { makePdf, loremLines } from '../tests/support/make-pdf.ts';

const pages = Number(process.argv[2] ?? 300);
const pdf = makePdf(Array.from({ length: pages }, (_, i) => ({ lines: loremLines(4, i + 1) })));
const perPage = (ms: number) => `${(ms / pages).toFixed(2)} ms/page (${Math.round(ms)} ms total)`;

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

console.log(`${pages}-page text PDF, ${Math.round(pdf.length / 1024)} KB`);
await extractFile('warm-up.pdf', makePdf([{ lines: ['warm up'] }]));
console.log(`  Corroborate (in process): ${perPage(await time(() => extractFile('bench.pdf', pdf)))}`);
console.log(`  Corroborate (worker):     ${perPage(await time(() => extractFileIsolated('bench.pdf', pdf)))}`);

const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-bench-'));
try {
  const file = path.join(dir, 'bench.pdf');
  writeFileSync(file, pdf);
  const ms = await time(async () => execFileSync('pdftotext', [file, path.join(dir, 'bench.txt')]));
  console.log(`  pdftotext (poppler):      ${perPage(ms)}`);
} catch {
  console.log('  pdftotext (poppler):      not installed (apt-get install poppler-utils)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
