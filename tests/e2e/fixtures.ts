// Per-test fixtures: a fresh `corroborate serve` on an empty temp data folder, a page opened on
// its printed link, and a check that the page logged no errors (CSP violations included).
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, seedsDir, corpusDir } from './paths.ts';
import { StartPage } from './pages/StartPage.ts';
import { LibraryPage } from './pages/LibraryPage.ts';
import { ReaderPage } from './pages/ReaderPage.ts';

export interface Server {
  url: string;
  origin: string;
  dataDir: string;
  /** Stops this server and starts another on the same data folder (a new port and token); returns its link. */
  restart(): Promise<string>;
}

const startServer = (dataDir: string) => launch(['serve', '--data-dir', dataDir, '--port', '0']);

/** Runs `corroborate <args>` (a serve command) and resolves once it prints its link. */
export async function launch(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'node'), ['bin/corroborate.js', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', CORROBORATE_CHECK_REPLIES: '1' },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`corroborate serve printed no URL within 20 s:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.includes('http://127.0.0.1:'));
      const m = line ? /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line) : null;
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`corroborate serve exited (${code}) before printing its URL:\n${out}`));
    });
  });
  return { url, child };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(t);
}

export const test = base.extend<{
  server: Server;
  consoleErrors: string[];
  app: Page;
  start: StartPage;
  library: LibraryPage;
  reader: ReaderPage;
}>({
  server: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'corroborate-e2e-'));
    let running = await startServer(dataDir);
    const server: Server = {
      url: running.url,
      origin: new URL(running.url).origin,
      dataDir,
      async restart() {
        await stop(running.child);
        running = await startServer(dataDir);
        server.url = running.url;
        server.origin = new URL(running.url).origin;
        return running.url;
      },
    };
    try {
      await use(server);
    } finally {
      await stop(running.child);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`Uncaught: ${e.message}`));
    await use(errors);
    // A CSP violation means a feature silently does not work in the shipped app.
    expect(errors.filter((e) => /Content Security Policy|Uncaught/i.test(e))).toEqual([]);
  },
  app: async ({ page, server, consoleErrors }, use) => {
    void consoleErrors;
    await page.goto(server.url);
    await use(page);
  },
  start: async ({ app }, use) => use(new StartPage(app)),
  library: async ({ app }, use) => use(new LibraryPage(app)),
  reader: async ({ app }, use) => use(new ReaderPage(app)),
});

export { expect };

export interface SeedDocument {
  file: string;
  path: string;
  title: string;
  outlet: string | null;
  published: string | null;
  likelyPublished?: string;
}

/** The seed files with what a careful fact-checker knows about them (seeds-key.json). */
export async function seedDocuments(): Promise<SeedDocument[]> {
  const key = JSON.parse(await readFile(join(corpusDir, 'seeds-key.json'), 'utf8')) as {
    documents: Record<string, { title: string; outlet: string | null; published: string | null; likelyPublished?: string }>;
  };
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
  return files.map((file) => ({ file, path: join(seedsDir, file), ...key.documents[file] }));
}

export async function seedClaims(): Promise<{ doc: string; quote: string }[]> {
  const key = JSON.parse(await readFile(join(corpusDir, 'seeds-key.json'), 'utf8')) as { claims: { doc: string; quote: string }[] };
  return key.claims;
}
