// Import through the UI: duplicates, files that cannot be imported, and the sample case.
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { screenshotDir } from './paths.ts';
import { test, expect, seedDocuments } from './fixtures.ts';

test('the sample case opens from the start screen', async ({ app, start, library }) => {
  await expect(start.heading).toBeVisible();
  await mkdir(screenshotDir, { recursive: true });
  await app.screenshot({ path: join(screenshotDir, 'start.png') });
  await start.openSample();
  await expect(library.table).toBeVisible();
  expect(await library.rows.count()).toBeGreaterThan(1);
  // Back to the list: the sample case is there, and opens again.
  await app.getByRole('button', { name: 'All cases' }).click();
  await expect(start.caseList.getByRole('listitem')).toHaveCount(1);
  await start.caseList.getByRole('button', { name: /^Open / }).click();
  await expect(library.table).toBeVisible();
});

test('re-importing a file says it is already in this case', async ({ start, library }) => {
  const [seed] = await seedDocuments();
  await start.createCase('Duplicates');
  await library.importFiles([seed.path]);
  expect(await library.waitForImport()).toContain('1 source imported');
  await library.page.getByRole('button', { name: 'Dismiss' }).click();

  await library.importFiles([seed.path]);
  const summary = await library.waitForImport();
  expect(summary).toContain('0 sources imported');
  expect(summary).toContain('1 already in this case');
  const list = library.page.getByRole('heading', { name: 'Already in this case', exact: true }).locator('..');
  await expect(list).toContainText(seed.file);
  await expect(library.rows).toHaveCount(1);

  // Deleting asks first; afterwards the same file imports again as new.
  await library.page.getByRole('button', { name: `Delete ${seed.title}`, exact: true }).click();
  await library.page.getByRole('alertdialog').getByRole('button', { name: 'Delete source' }).click();
  await expect(library.page.getByText('No sources yet')).toBeVisible();
  await library.importFiles([seed.path]);
  expect(await library.waitForImport()).toContain('1 source imported');
});

test('a binary .txt file and an empty file fail with clear messages while the others import', async ({ start, library }) => {
  const seeds = (await seedDocuments()).slice(0, 2);
  await start.createCase('Mixed bag');
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37 + 11) % 256;
  await library.importFiles([
    { name: 'photo-renamed.txt', mimeType: 'text/plain', buffer: binary },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ...(await Promise.all(seeds.map(async (s) => ({ name: s.file, mimeType: 'text/plain', buffer: await readFile(s.path) })))),
  ]);
  const summary = await library.waitForImport();
  expect(summary).toContain('2 sources imported');
  expect(summary).toContain('2 files failed');
  const failures = library.page.getByRole('heading', { name: 'Could not be imported', exact: true }).locator('..');
  const binaryLine = failures.getByRole('listitem').filter({ hasText: 'photo-renamed.txt' });
  const emptyLine = failures.getByRole('listitem').filter({ hasText: 'empty.txt' });
  await expect(binaryLine).toContainText(/binary|not text/i);
  await expect(emptyLine).toContainText(/empty/i);
  await expect(library.rows).toHaveCount(2);
  await library.page.screenshot({ path: join(screenshotDir, 'import-failures.png') });
  for (const s of seeds) await expect(library.row(s.title)).toBeVisible();
});

test('a file over the size limit is refused before it is read', async ({ start, library }, testInfo) => {
  await start.createCase('Big files');
  // Just over 100 MB (a sparse file, so the test writes nothing big); the UI must refuse it from
  // its size alone.
  const big = testInfo.outputPath('huge.txt');
  await mkdir(dirname(big), { recursive: true });
  await writeFile(big, '');
  await truncate(big, 100 * 1024 * 1024 + 1);
  await library.importFiles([big]);
  await library.waitForImport();
  const failures = library.page.getByRole('heading', { name: 'Could not be imported', exact: true }).locator('..');
  await expect(failures.getByRole('listitem').filter({ hasText: 'huge.txt' })).toContainText(/100 MB/);
  await expect(library.page.getByText('No sources yet')).toBeVisible();
});

test('a whole folder imports its articles and says how many other files it skipped', async ({ start, library }, testInfo) => {
  const seeds = await seedDocuments();
  const folder = testInfo.outputPath('reports');
  await mkdir(join(folder, 'more'), { recursive: true });
  for (const [i, s] of seeds.slice(0, 3).entries()) await writeFile(join(folder, i === 2 ? 'more' : '', s.file), await readFile(s.path));
  await writeFile(join(folder, 'notes.docx'), 'not importable');
  await writeFile(join(folder, '.DS_Store'), 'hidden');
  await start.createCase('Folder');
  await library.page.getByLabel('Import folder').setInputFiles(folder);
  const summary = await library.waitForImport();
  expect(summary).toContain('3 sources imported');
  expect(summary).toContain('2 files skipped');
  // Which ones, and what to do.
  await expect(library.page.getByText(/skipped \(.*notes\.docx.*\).*Save them as/)).toBeVisible();
  await expect(library.rows).toHaveCount(3);
});

test('files dropped anywhere on the window are imported, with a visible drop target', async ({ app, start, library }) => {
  const [seed] = await seedDocuments();
  await start.createCase('Dropped');
  const text = await readFile(seed.path, 'utf8');
  const dt = await app.evaluateHandle(
    ([name, body]) => {
      const d = new DataTransfer();
      d.items.add(new File([body], name, { type: 'text/plain' }));
      return d;
    },
    [seed.file, text] as const,
  );
  await app.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await expect(app.getByText(/Drop to import into/)).toBeVisible();
  await app.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(app.getByText(/Drop to import into/)).toBeHidden();
  expect(await library.waitForImport()).toContain('1 source imported');
  await expect(library.row(seed.title)).toBeVisible();
});

test('pasted text becomes a source', async ({ app, start, library, reader }) => {
  await start.createCase('Pasted');
  await app.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste text' });
  // Nothing pasted yet: the dialog says so and adds nothing.
  await dialog.getByRole('button', { name: 'Add to case' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Paste some text');
  await dialog.getByLabel('Title').fill('Desk note on the strike');
  await dialog.getByLabel('Text', { exact: true }).fill('A short note written at the desk.\n\nIt has two paragraphs and a <b>tag</b> that must stay text.');
  await dialog.getByRole('button', { name: 'Add to case' }).click();
  await expect(dialog).toBeHidden();
  await library.read('Desk note on the strike');
  await expect(reader.text('Desk note on the strike')).toContainText('<b>tag</b> that must stay text');
});

test('a long import shows progress, keeps the window usable, and can be cancelled', async ({ app, start, library }) => {
  await start.createCase('Many files');
  // Synthetic reports, each different, so none is a duplicate of another.
  const files = Array.from({ length: 400 }, (_, i) => ({
    name: `report-${String(i).padStart(3, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Field report number ${i}\n\nThe desk logged entry ${i} at ${(i * 7) % 24} hours; ${i * 3} items were listed.\n`),
  }));
  await library.importFiles(files);
  const progress = app.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toHaveAttribute('aria-valuemax', '400');
  await expect(app.getByText(/^Importing \d+ of 400: report-\d{3}\.txt$/)).toBeVisible();
  // The window still answers while the import runs.
  await app.getByRole('button', { name: /^Reader/ }).click();
  await app.getByRole('button', { name: /^Library/ }).click();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(5);
  await app.getByRole('button', { name: 'Cancel import' }).click();
  const summary = await library.waitForImport();
  expect(summary).toMatch(/^Import cancelled: \d+ sources imported/);
  const imported = Number(/(\d+) sources imported/.exec(summary)![1]);
  expect(imported).toBeGreaterThan(5);
  expect(imported).toBeLessThan(400);
  await expect(app.getByText(`${400 - imported} files were not imported because you cancelled.`)).toBeVisible();
  await expect(library.table).toHaveAccessibleName(new RegExp(`${imported} sources`));
});
