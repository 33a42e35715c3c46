// Case management from the start screen: rename, delete with confirmation, and a damaged case
// restored from its latest backup.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test, expect, seedDocuments, launch, stop } from './fixtures.ts';
import { repoRoot, screenshotDir } from './paths.ts';

async function findFile(dir: string, name: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return p;
    if (entry.isDirectory() && entry.name !== 'backups') {
      const found = await findFile(p, name);
      if (found) return found;
    }
  }
  return null;
}

test('cases can be renamed and deleted from the start screen, with a confirmation', async ({ app, start }) => {
  await start.createCase('First draft');
  await app.getByRole('button', { name: 'All cases' }).click();
  await app.getByRole('button', { name: 'Rename First draft' }).click();
  const dialog = app.getByRole('dialog', { name: 'Rename case' });
  await dialog.getByLabel('Case name').fill('Camp Taji, March 2020');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(start.caseList).toContainText('Camp Taji, March 2020');

  await app.getByRole('button', { name: 'Delete Camp Taji, March 2020' }).click();
  const confirm = app.getByRole('alertdialog', { name: /Delete/ });
  await expect(confirm).toContainText('cannot be undone');
  // Escape backs out and keeps the case.
  await app.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(start.caseList).toContainText('Camp Taji, March 2020');
  await app.getByRole('button', { name: 'Delete Camp Taji, March 2020' }).click();
  await app.getByRole('alertdialog').getByRole('button', { name: 'Delete case' }).click();
  await expect(app.getByText('No cases yet')).toBeVisible();
});

test('a damaged case explains itself and opens again from its latest backup', async ({ app, server, start, library }) => {
  const seeds = await seedDocuments();
  await start.createCase('Fragile');
  await library.importFiles(seeds.slice(0, 2).map((s) => s.path));
  await library.waitForImport();
  await library.importFiles(seeds.slice(2, 3).map((s) => s.path));
  await library.waitForImport();

  const index = await findFile(server.dataDir, 'case.json');
  expect(index).not.toBeNull();
  // Damage the index while no process has the case open, as a crash or a sync tool might.
  await app.goto('about:blank');
  await server.restart();
  await writeFile(index!, '{"format": "corroborate-case", "sources": [ truncated');
  await app.goto(server.url);
  const damaged = start.caseList.getByRole('listitem').filter({ hasText: 'Problem' });
  await expect(damaged).toContainText(/damaged/i);
  await damaged.getByRole('button', { name: /^Open/ }).click();

  const alert = app.getByRole('alert').filter({ hasText: 'could not be opened' });
  await expect(alert).toContainText(/damaged/i);
  await app.screenshot({ path: join(screenshotDir, 'damaged-case.png') });
  await alert.getByRole('button', { name: /^Restore latest backup/ }).click();
  await expect(library.table).toBeVisible();
  expect(await library.rows.count()).toBeGreaterThanOrEqual(2);
});

test('started on one case, the app opens it directly and offers no other', async ({ page, consoleErrors }, testInfo) => {
  void consoleErrors;
  const [seed] = await seedDocuments();
  const caseDir = testInfo.outputPath('one-case');
  const cli = spawnSync(join(repoRoot, 'node_modules', '.bin', 'node'), ['bin/corroborate.js', 'import', seed.path, '--case', caseDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(cli.status, cli.stderr).toBe(0);
  const { url, child } = await launch(['serve', '--case', caseDir, '--port', '0']);
  try {
    await page.goto(url);
    await expect(page.getByRole('table', { name: /Sources in/ })).toBeVisible();
    await expect(page.getByRole('button', { name: seed.title, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'All cases' })).toHaveCount(0);
  } finally {
    await stop(child);
  }
});
