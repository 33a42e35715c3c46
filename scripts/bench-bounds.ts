// `node scripts/bench-bounds.ts`: the hardening bounds (issue 12), each case in a child process of its
// own so its peak memory (maxRSS) is its alone, and each beside a reference measured in the same run:
//   bundle bomb   2,040 × 1 MiB entries (2 GB inflated, ~2 MB packed): refusal time and peak memory,
//                 against a child that only reads the same bytes and hashes them
//   deep HTML     20,000 nested divs, one word per level: import time, against the same words in flat <p>s
//   HTML pages    pages made of paragraphs, <br> lines, table cells, a span per word, at the size limit
//                 and at the element limit: peak memory (goal under 1 GB, or refused) and CPU time,
//                 against the same words as a text file
//   huge HTML     a 50 MB page: refusal time and peak memory, against a child that only stats the file
//   folder import 5,000 small text files: files per second (eight at a time, as `corroborate import`
//                 does, and one at a time as a loop would), against writing the same files durably
//   node scripts/bench-bounds.ts [--files N]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, mb, table } from './bench/table.ts';
import { htmlPages } from './bench/html-pages.ts';
import { MAX_HTML_BYTES } from '../shared/limits.ts';
import { MAX_HTML_ELEMENTS } from '../electron/core/import/html-bounds.ts';

const self = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);

/** A child's answer: what it measured, its wall time and its peak resident memory. */
interface Measured {
  ms: number;
  /** CPU time of the child (user and system): steadier than wall time on a loaded machine. */
  cpu: number;
  rss: number;
  note: string;
}

function child(kind: string, ...args: string[]): Measured {
  const out = execFileSync(process.execPath, [self, '--child', kind, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

async function runChild(kind: string, args: string[]): Promise<void> {
  // Modules are loaded before the clock starts: the figure is the work, not the start-up.
  const { verifyBundle } = await import('../electron/core/bundle/index.ts');
  const { extractFile } = await import('../electron/core/import/index.ts');
  const { assertHtmlSize } = await import('../electron/core/import/html-bounds.ts');
  if (kind === 'html' || kind === 'stat')
    await extractFile('warm.html', new TextEncoder().encode('<html><body><p>Warm up the parser first.</p></body></html>'));
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  let note = '';
  switch (kind) {
    case 'bomb': {
      const r = verifyBundle(new Uint8Array(await readFile(args[0])));
      note = r.ok ? 'ACCEPTED (a bug)' : r.problems[0].slice(0, 90);
      break;
    }
    case 'hash': {
      note = createHash('sha256')
        .update(await readFile(args[0]))
        .digest('hex')
        .slice(0, 12);
      break;
    }
    case 'html': {
      try {
        // As the hosts do: the size is checked before the file is read.
        assertHtmlSize(path.basename(args[0]), (await stat(args[0])).size);
        const r = await extractFile(path.basename(args[0]), new Uint8Array(await readFile(args[0])));
        note = `imported, ${r.text.length.toLocaleString('en')} characters`;
      } catch (e) {
        note = `refused: ${(e as Error).message.slice(0, 80)}`;
      }
      break;
    }
    case 'stat': {
      note = `${(await stat(args[0])).size} bytes`;
      break;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `\n${JSON.stringify({ ms: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000, rss: process.resourceUsage().maxRSS * 1024, note })}\n`,
  );
}

async function folderImport(dir: string, files: string[], concurrency: number): Promise<number> {
  const { createCore } = await import('../electron/core/index.ts');
  const core = await createCore({ dataDir: path.join(dir, `data-${concurrency}`), host: 'cli' });
  const c = (await core.call('cases.create', { name: 'Folder' })) as { id: string };
  await core.call('cases.open', { caseId: c.id });
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) {
        const f = files[next++];
        await core.call('sources.import', { caseId: c.id, name: path.basename(f), data: new Uint8Array(await readFile(f)) });
      }
    }),
  );
  const ms = performance.now() - t;
  await core.close();
  return ms;
}

async function main(): Promise<void> {
  const nFiles = Number(argv[argv.indexOf('--files') + 1]) || 5000;
  const dir = await mkdtemp(path.join(tmpdir(), 'corroborate-bench-bounds-'));
  try {
    const rows: string[][] = [];
    const { zipBomb } = await import('../tests/support/zip-bomb.ts');
    const bomb = path.join(dir, 'bomb.zip');
    await writeFile(bomb, zipBomb({ entries: 2040, entryBytes: 1024 * 1024 }));
    const b = child('bomb', bomb);
    const h = child('hash', bomb);
    rows.push([
      'bundle bomb (2,040 × 1 MiB), refused',
      fmt(b.ms),
      mb(b.rss),
      `read+hash: ${fmt(h.ms)}, ${mb(h.rss)}`,
      `${(b.ms / h.ms).toFixed(1)}× time, ${(b.rss / h.rss).toFixed(2)}× memory`,
      'under 1 s, 200 MB',
    ]);
    console.log(`  bomb: ${b.note}`);

    // A sound bundle, and the same with 50,000 junk originals no source refers to (ignored, not unpacked).
    {
      const { CaseStore } = await import('../electron/core/store/index.ts');
      const { CaseClaims } = await import('../electron/core/claims.ts');
      const { exportCase, readZip, writeZip, verifyBundle } = await import('../electron/core/bundle/index.ts');
      const { sourceRecord } = await import('../tests/support/bundle-fixtures.ts');
      const store = await CaseStore.create(path.join(dir, 'junk-case'), { id: 'junk-case', name: 'Junk' });
      const text = 'Officials said 12 rockets hit the base.';
      const { source, original } = sourceRecord('s_junk00001', text);
      await store.addSource(source, { id: source.id, text, annotations: [], claims: [] }, original);
      const sound = await exportCase(store, (await CaseClaims.load(store)).view(), { appVersion: 'bench' });
      await store.close();
      const files = readZip(sound);
      const enc = new TextEncoder();
      for (let i = 0; i < 50_000; i++) files.set(`originals/${i.toString(16).padStart(64, '0')}.txt`, enc.encode(`junk ${i}`));
      const junk = writeZip(
        [...files].map(([p, data]) => ({ path: p, data })),
        new Date('2024-01-01T00:00:00Z'),
      );
      const t0 = performance.now();
      const ok = verifyBundle(sound).ok;
      const soundMs = performance.now() - t0;
      const t1 = performance.now();
      const r = verifyBundle(junk);
      const junkMs = performance.now() - t1;
      rows.push([
        'bundle + 50,000 junk originals, verified',
        fmt(junkMs),
        '',
        `the sound bundle: ${fmt(soundMs)}`,
        `${(junkMs / soundMs).toFixed(0)}× time`,
        'ignored, reported',
      ]);
      console.log(`  junk: ${ok && r.ok ? 'sound' : 'REFUSED'}; ${r.notes[0]?.slice(0, 100)}`);
    }

    const deep = path.join(dir, 'deep.html');
    await writeFile(
      deep,
      `<!doctype html><html><head><title>Deep</title></head><body>${Array.from({ length: 20_000 }, (_, i) => `<div>w${i} `).join('')}${'</div>'.repeat(20_000)}</body></html>`,
    );
    const flat = path.join(dir, 'flat.html');
    await writeFile(
      flat,
      `<!doctype html><html><head><title>Flat</title></head><body><div>${Array.from({ length: 20_000 }, (_, i) => `w${i} `).join('')}</div></body></html>`,
    );
    const d = child('html', deep);
    const f = child('html', flat);
    rows.push(['20,000 nested divs, imported', fmt(d.ms), mb(d.rss), `same words flat: ${fmt(f.ms)}`, `${(d.ms / f.ms).toFixed(1)}× time`, 'under 5 s']);
    console.log(`  deep: ${d.note}`);

    // Pages at the size limit (refused: more elements than a page may hold) and at the element
    // limit, in the shapes that cost the most per byte, each beside its words as a text file.
    for (const page of [...htmlPages(MAX_HTML_BYTES), ...htmlPages(MAX_HTML_BYTES, MAX_HTML_ELEMENTS)]) {
      const file = path.join(dir, 'page.html');
      const words = path.join(dir, 'page.txt');
      await writeFile(file, page.html);
      await writeFile(words, page.text);
      const h = child('html', file);
      const w = child('html', words);
      rows.push([
        `${(page.html.length / 1024 / 1024).toFixed(1)} MB HTML, ${page.elements.toLocaleString('en')} elements: ${page.shape}`,
        `${fmt(h.ms)} (CPU ${fmt(h.cpu)})`,
        mb(h.rss),
        `its words as .txt: CPU ${fmt(w.cpu)}, ${mb(w.rss)}`,
        `${(h.cpu / w.cpu).toFixed(1)}× CPU, ${(h.rss / w.rss).toFixed(2)}× memory`,
        'under 1 GB, or refused',
      ]);
      console.log(`  ${page.shape}: ${h.note}`);
    }

    const huge = path.join(dir, 'huge.html');
    await writeFile(
      huge,
      `<!doctype html><html><body>${'<p>Officials said twelve rockets struck the base early on Friday.</p>\n'.repeat(Math.ceil((50 * 1024 * 1024) / 68))}</body></html>`,
    );
    const u = child('html', huge);
    const s = child('stat', huge);
    rows.push([
      '50 MB HTML, refused before reading',
      fmt(u.ms),
      mb(u.rss),
      `stat only: ${fmt(s.ms)}, ${mb(s.rss)}`,
      `${(u.rss / s.rss).toFixed(2)}× memory`,
      'under 1 GB',
    ]);
    console.log(`  huge: ${u.note}`);

    const folder = path.join(dir, 'folder');
    await mkdir(folder);
    for (let i = 0; i < nFiles; i++)
      await writeFile(
        path.join(folder, `r${i}.txt`),
        `Report ${i}\n\nOfficials said ${i % 40} rockets struck the base on Friday, wounding ${i % 7} soldiers.\n`,
      );
    const files = (await readdir(folder)).map((n) => path.join(folder, n));
    const { writeFileDurable } = await import('../electron/core/store/durable.ts');
    await mkdir(path.join(dir, 'ref'));
    const refStart = performance.now();
    for (const file of files.slice(0, 500)) await writeFileDurable(path.join(dir, 'ref', path.basename(file)), await readFile(file));
    const refRate = (500 / (performance.now() - refStart)) * 1000;
    const eight = (nFiles / (await folderImport(dir, files, 8))) * 1000;
    const one = (Math.min(nFiles, 500) / (await folderImport(dir, files.slice(0, 500), 1))) * 1000;
    rows.push([
      `folder of ${nFiles.toLocaleString('en')} text files, 8 at a time`,
      `${eight.toFixed(0)} files/s`,
      '',
      `durable writes: ${refRate.toFixed(0)} files/s`,
      `${(eight / refRate).toFixed(2)}× the writes`,
      'at least 50 files/s',
    ]);
    rows.push(['same, one at a time (first 500)', `${one.toFixed(0)} files/s`, '', '', `${(one / refRate).toFixed(2)}× the writes`, '']);
    console.log(table(['case', 'figure', 'peak memory', 'reference (same run)', 'ratio', 'target'], rows));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (argv[0] === '--child') await runChild(argv[1], argv.slice(2));
else await main();
