// `npm run bench`: the performance figures DESIGN.md asks for, each printed next to a reference.
// Figures, not assertions: compare them across changes on the same machine.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { searchDocs } from '../shared/text/search.ts';
import { parseFigure } from '../shared/figures/figures.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const run = (script: string, ...args: string[]) => execFileSync(node, [script, ...args], { cwd: root, stdio: 'inherit' });

console.log('== Scale: monitor-sized cases ==');
// Generated cases of 1,000 and 10,000 sources (add --big or CORROBORATE_BENCH_BIG=1 for 50,000), driven
// through the core's API; see scripts/bench-scale.ts. A failure here does not stop the sections below.
try {
  run('scripts/bench-scale.ts', ...process.argv.slice(2));
} catch (e) {
  console.log(`  the scale benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
}

console.log('\n== UI: open a source, tag a passage and undo, in Chromium, on 1,000 / 10,000 sources against 10 ==');
// The user's journey through the built UI (needs `npm run build` first; says so if dist/ is missing), each
// step's wall time and longest task (goal: no task over 100 ms after the first screen); see scripts/bench-ui.ts.
try {
  run('scripts/bench-ui.ts', ...process.argv.slice(2));
} catch (e) {
  console.log(`  the UI benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
}

console.log('\n== Reader: a 20 MB source with 2,000 claims against a 1 MB one, in Chromium ==');
// The longest task opening it (goal: none over 200 ms), first text, whole text drawn; see scripts/bench-reader.ts.
try {
  run('scripts/bench-reader.ts');
} catch (e) {
  console.log(`  the reader benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
}

console.log('\n== UI import: 1,000 small text files through the library, against corroborate import of the same files ==');
// Goal: at least 50 files per second; see scripts/bench-ui-import.ts.
try {
  run('scripts/bench-ui-import.ts');
} catch (e) {
  console.log(`  the UI import benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
}

console.log('\n== Bounds: a zip bomb, deep and huge HTML, a folder of 5,000 small files ==');
// Each case in its own child process (peak memory is its alone), beside a reference; see scripts/bench-bounds.ts.
try {
  run('scripts/bench-bounds.ts');
} catch (e) {
  console.log(`  the bounds benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
}

console.log('\n== Store: a case of 10,000 sources ==');
run('scripts/bench-store.ts', '10000');

console.log('\n== Import: text PDF against pdftotext ==');
run('scripts/bench-import.ts', '300');

console.log('\n== Import: a folder of PDFs through the worker pool, against pdftotext per file ==');
run('scripts/bench-pdf-pool.ts', '--skip-old');

console.log('\n== Disagreements: recompute every verdict of a case of 100,000 claims ==');
run('scripts/bench-conflicts.ts');

console.log('\n== Claims sheet: import-claims of a 10,000-row sheet, against parsing it alone ==');
run('scripts/bench-import-claims.ts', '10000');

console.log('\n== Suggestions: a 300-page text (runs in a worker thread, off the window) ==');
run('scripts/bench-suggest.ts', '300');

console.log('\n== Search: 10,000 sources of ~5,000 characters ==');
{
  const words = 'rockets struck the base wounded killed officials said militia coalition statement early friday'.split(' ');
  const docs = Array.from({ length: 10_000 }, (_, i) => ({
    id: `s_${String(i).padStart(6, '0')}`,
    title: `Report ${i}`,
    text: Array.from({ length: 800 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ') + (i % 997 === 0 ? ' about a dozen people were wounded' : ''),
  }));
  const chars = docs.reduce((s, d) => s + d.text.length, 0);
  const t0 = performance.now();
  const { total } = searchDocs(docs, 'about a dozen people');
  const ms = performance.now() - t0;
  const t1 = performance.now();
  let scanned = 0;
  for (const d of docs) scanned += d.text.indexOf('about a dozen people') >= 0 ? 1 : 0;
  const ref = performance.now() - t1;
  console.log(`  phrase search: ${ms.toFixed(0)} ms for ${(chars / 1e6).toFixed(1)} M characters, ${total} hits`);
  console.log(`  reference, bare indexOf over the same texts: ${ref.toFixed(0)} ms (${scanned} hits)`);
}

console.log('\n== Figure parsing ==');
{
  const phrases = ['about a dozen people were wounded', 'Twelve to 18 rockets landed', 'at least 62 U.S. personnel', 'two Americans and a Briton were killed'];
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parseFigure(phrases[i % phrases.length]);
  console.log(`  ${(((performance.now() - t0) / n) * 1000).toFixed(1)} µs per phrase (${n} phrases)`);
}

console.log('\n== Sync: a 10,000-claim case through a CouchDB-protocol server on loopback ==');
run('scripts/bench-sync.ts', '--sources', '1000');
