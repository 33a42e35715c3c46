import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliSource } from './cli.ts';
import { seedFiles, seedsKey } from '../tests/unit/corpus.ts';
import { projectNode } from '../tests/support/store-helpers.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = () => mkdtemp(join(tmpdir(), 'corroborate-cli-'));

describe('corroborate import / sources', () => {
  it('imports the five seeds with their real titles, outlets and publication dates, never the header dates', async () => {
    const dir = join(await tmp(), 'case');
    const files = seedFiles();
    const r = await cli('import', ...files, '--case', dir, '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out) as { sources: CliSource[]; errors: unknown[] };
    expect(printed.errors).toEqual([]);
    expect(printed.sources).toHaveLength(5);

    const key = seedsKey().documents;
    for (const s of printed.sources) {
      const doc = key[basename(s.file ?? '')];
      expect(doc, s.file ?? '').toBeDefined();
      expect(s.kind).toBe('text');
      expect(s.title).toBe(doc.title);
      expect(s.characters).toBeGreaterThan(1000);
      if (doc.outlet) expect(s.outlet).toBe(doc.outlet);
      expect(s.authors).toEqual(doc.authors ?? []);
      if (doc.published) {
        expect(s.published.date).toBe(doc.published);
        expect(['high', 'medium']).toContain(s.published.confidence);
      } else if (s.published.date !== null) {
        expect(s.published.confidence).toBe('low');
      }
      // The sites' "today" dates in page headers are never taken for publication dates.
      expect(['2024-04-26', '2020-08-04']).not.toContain(s.published.date);
    }

    const listed = await cli('sources', '--case', dir, '--json');
    expect(listed.code).toBe(0);
    const again = JSON.parse(listed.out) as { sources: CliSource[] };
    expect(again.sources.map((s) => s.id).sort()).toEqual(printed.sources.map((s) => s.id).sort());
  });

  it('reports each bad file, imports the rest, and exits 1', async () => {
    const root = await tmp();
    const dir = join(root, 'case');
    const empty = join(root, 'empty.txt');
    await writeFile(empty, '');
    const binary = join(root, 'photo.txt');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]));
    const huge = join(root, 'huge.txt');
    await writeFile(huge, '');
    await truncate(huge, 200 * 1024 * 1024); // sparse: costs no disk, must be refused before it is read
    const good = seedFiles()[0];

    const r = await cli('import', empty, binary, huge, join(root, 'missing.txt'), good, '--case', dir, '--json');
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.out) as { sources: CliSource[]; errors: { file: string; message: string }[] };
    expect(printed.sources.map((s) => s.file)).toEqual([good]);
    const byFile = Object.fromEntries(printed.errors.map((e) => [basename(e.file), e.message]));
    expect(Object.keys(byFile).sort()).toEqual(['empty.txt', 'huge.txt', 'missing.txt', 'photo.txt']);
    expect(byFile['empty.txt']).toMatch(/empty/i);
    expect(byFile['photo.txt']).toMatch(/binary|not text/i);
    expect(byFile['huge.txt']).toMatch(/200 MB/);
  });

  it('detects a re-imported file as already in the case', async () => {
    const dir = join(await tmp(), 'case');
    const [first] = seedFiles();
    const a = JSON.parse((await cli('import', first, '--case', dir, '--json')).out) as { sources: CliSource[] };
    const b = await cli('import', first, '--case', dir);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/Already in this case/);
    const listed = JSON.parse((await cli('sources', '--case', dir, '--json')).out) as { sources: CliSource[] };
    expect(listed.sources.map((s) => s.id)).toEqual([a.sources[0].id]);
  });

  it('refuses a damaged case without touching it', async () => {
    const dir = join(await tmp(), 'case');
    await cli('import', seedFiles()[0], '--case', dir, '--json');
    const index = join(dir, 'case.json');
    const damaged = (await readFile(index, 'utf8')).slice(0, 100);
    await writeFile(index, damaged);
    const r = await cli('import', seedFiles()[1], '--case', dir, '--json');
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.out) as { sources: unknown[]; errors: Array<{ file: string; message: string }> };
    expect(printed.sources).toEqual([]);
    expect(printed.errors[0].message).toMatch(/damaged|corrupt|could not be read/i);
    expect(await readFile(index, 'utf8')).toBe(damaged);
    const plain = await cli('import', seedFiles()[1], '--case', dir);
    expect(plain.err).toMatch(/damaged|corrupt|could not be read/i);
  });

  it('prints JSON with --json when the case is locked by another process', async () => {
    const dir = join(await tmp(), 'case');
    await cli('import', seedFiles()[0], '--case', dir, '--json');
    const holder = spawn(projectNode, [join(import.meta.dirname, '..', 'tests', 'support', 'store-child.ts'), 'hold', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((ok, fail) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && ok());
        holder.once('exit', () => fail(new Error('the holder exited early')));
      });
      const r = await cli('import', seedFiles()[1], '--case', dir, '--json');
      expect(r.code).toBe(1);
      const printed = JSON.parse(r.out) as { sources: unknown[]; errors: Array<{ file: string; message: string }> };
      expect(printed).toEqual({ sources: [], errors: [{ file: dir, message: expect.stringMatching(/open in another Corroborate window or process/) }] });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('holds a web page to the HTML limit before reading it', async () => {
    const dir = join(await tmp(), 'case');
    const page = join(await tmp(), 'huge.html');
    await writeFile(page, '');
    await truncate(page, 6 * 1024 * 1024);
    const r = await cli('import', page, '--case', dir, '--json');
    const printed = JSON.parse(r.out) as { errors: Array<{ file: string; message: string }> };
    expect(printed.errors).toEqual([{ file: page, message: expect.stringMatching(/imports web pages up to 5\.0 MB\. It was not read/) }]);
  });

  it('normalises a figure phrase', async () => {
    const r = await cli('figure', 'about a dozen', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ low: 10, best: 12, high: 14, qualifier: 'approx', rules: 'figures/1' });
    expect(JSON.parse((await cli('figure', 'at least 62', '--json')).out)).toMatchObject({ low: 62, high: null, qualifier: 'at_least' });
    expect((await cli('figure')).code).toBe(2);
  });

  it('suggests the claims of a seed with offsets into its canonical text', async () => {
    const file = seedFiles().find((f) => f.includes('004_'))!;
    const r = await cli('suggest', file, '--json');
    expect(r.code).toBe(0);
    const { suggestions } = JSON.parse(r.out) as {
      suggestions: Array<{ kind: string; quote: string; figure: { low: number; best: number; high: number } | null; date: string | null }>;
    };
    const wounded = suggestions.find((s) => s.kind === 'casualties' && s.quote.includes('14 people'));
    expect(wounded?.figure).toMatchObject({ low: 14, best: 14, high: 14 });
    // The article's own date (13 March 2020) resolves "early Friday" to that Friday.
    expect(suggestions.some((s) => s.kind === 'timing' && s.date === '2020-03-13')).toBe(true);
    const older = JSON.parse((await cli('suggest', file, '--published', '2020-03-20', '--json')).out) as typeof JSON;
    expect(JSON.stringify(older)).toContain('2020-03-20');
    expect((await cli('suggest', file, '--published', 'March 13')).code).toBe(2);
  });

  it('answers usage errors with exit 2', async () => {
    expect((await cli('import', 'x.txt')).code).toBe(2);
    expect((await cli('import', '--case', '/tmp/x')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('sources', '--case', '/tmp/x', '--bogus')).code).toBe(2);
  });
});

describe('corroborate conflicts', () => {
  it('prints each event’s rows with verdicts, claims and reasons', async () => {
    const { buildSeedsCase } = await import('../tests/support/seeds-case.ts');
    const dir = join(await tmp(), 'seeds');
    const { store } = await buildSeedsCase(dir);
    await store.close();
    const r = await cli('conflicts', '--case', dir, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      events: Array<{ id: string; title: string; rows: Array<{ measure: string; population: string; verdict: string; claims: string[]; why: string }> }>;
    };
    const taji = report.events.find((e) => /Camp Taji/.test(e.title) && !/Second/.test(e.title))!;
    const row = (measure: string) => taji.rows.find((x) => x.measure === measure && (x.population === '' || x.population === 'all'))!;
    expect(row('killed').verdict).toBe('scope_mismatch');
    expect(row('wounded').verdict).toBe('consistent');
    expect(row('wounded').why.length).toBeGreaterThan(10);
    for (const e of report.events) for (const x of e.rows) expect(x.claims.length).toBeGreaterThan(0);
  });
});

describe('corroborate export / verify / import-bundle', () => {
  it('round-trips a case through a bundle, verifies it, and refuses a tampered one', async () => {
    const { buildSeedsCase } = await import('../tests/support/seeds-case.ts');
    const root = await tmp();
    const first = join(root, 'first');
    const { store } = await buildSeedsCase(first);
    await store.close();
    const zip1 = join(root, 'one.zip');
    expect((await cli('export', '--case', first, '--out', zip1)).code).toBe(0);
    expect((await cli('verify', zip1)).code).toBe(0);

    const second = join(root, 'second');
    const imported = await cli('import-bundle', zip1, '--case', second);
    expect(imported.code).toBe(0);
    const again = await cli('import-bundle', zip1, '--case', second);
    expect(again.out).toMatch(/Nothing new/);

    const zip2 = join(root, 'two.zip');
    expect((await cli('export', '--case', second, '--out', zip2)).code).toBe(0);
    expect((await cli('verify', zip2)).code).toBe(0);
    const list = async (dir: string) => (JSON.parse((await cli('sources', '--case', dir, '--json')).out) as { sources: CliSource[] }).sources;
    expect(await list(second)).toEqual(await list(first));
    expect((await cli('conflicts', '--case', second, '--json')).out).toBe((await cli('conflicts', '--case', first, '--json')).out);

    const bytes = new Uint8Array(await readFile(zip1));
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const bad = join(root, 'bad.zip');
    await writeFile(bad, bytes);
    const v = await cli('verify', bad);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/not sound/);
  });
});
