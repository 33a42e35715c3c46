// Per-test fixtures: a fresh `corroborate serve` on an empty temp data folder, a page opened on
// its printed link, and a check that the page logged no errors (CSP violations included).
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedsDir, corpusDir } from './paths.ts';
import { launch, stop } from '../support/serve.ts';
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

export { expect, launch, stop };

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
