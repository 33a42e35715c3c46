// Bundles end to end in browser mode: the sample case (it arrives tagged), export it (a real download),
// import the file as a new case from the start screen and find the same sources and claims there;
// merge a tampered copy into the case: refused, the problem named, nothing changed.
import { unzipSync, zipSync } from 'fflate';
import { test, expect } from './fixtures.ts';
import { BundlePage } from './pages/BundlePage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';

// Passages of the app's own sample case (written for Corroborate, not taken from the corpus).
const WOUNDED = 'About a dozen other people were wounded';
const KILLED = 'Three members of the U.S.-led coalition died';

test('export a case, import it as a new case, merge a tampered bundle', async ({ app, start, library }) => {
  test.setTimeout(120_000);
  await start.openSample();
  await expect(library.table).toBeVisible();
  const titles = (await library.table.locator('button.link-btn').allTextContents()).map((t) => t.trim());
  expect(titles.length).toBeGreaterThanOrEqual(3);

  // The sample arrives tagged: two claims in the first report.
  const first = titles.find((t) => /Rocket barrage/.test(t)) ?? titles[0];
  await library.read(first);
  const t = new TaggingPage(app);
  await expect(t.row(WOUNDED)).toBeVisible();
  await expect(t.row(KILLED)).toBeVisible();
  await expect(t.claimRows).toHaveCount(2);

  const bundles = new BundlePage(app);
  const exported = await bundles.exportCase();
  expect(exported.name).toMatch(/\.zip$/);
  expect(exported.data.subarray(0, 2).toString('latin1')).toBe('PK');

  // A tampered copy: one text changed after export, the manifest left as it was.
  const entries = unzipSync(new Uint8Array(exported.data));
  const textName = Object.keys(entries).find((n) => n.startsWith('texts/'))!;
  entries[textName] = new Uint8Array(Buffer.concat([Buffer.from(entries[textName]), Buffer.from('\nA sentence slipped in.\n')]));
  const tampered = Buffer.from(zipSync(entries));
  const refused = await bundles.merge({ name: 'tampered.zip', buffer: tampered });
  await expect(refused.getByRole('alert')).toContainText(textName);
  await expect(refused.getByRole('alert')).toContainText(/manifest/);
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(t.claimRows).toHaveCount(2);
  await library.show();
  await expect(library.rows).toHaveCount(titles.length);

  // The untampered bundle merges cleanly into its own case: nothing new.
  const same = await bundles.merge({ name: exported.name, buffer: exported.data });
  await expect(same.getByRole('status')).toContainText('Nothing to merge');
  await same.getByRole('button', { name: 'Close' }).click();

  // Import it as a new case from the start screen: the same sources and claims.
  const before = new URL(app.url()).hash;
  await app.getByRole('button', { name: 'All cases' }).click();
  await bundles.importAsNewCase(exported.path);
  await expect(library.table).toBeVisible();
  await expect.poll(() => new URL(app.url()).hash).not.toBe(before);
  for (const title of titles) await expect(library.row(title)).toHaveCount(1);
  await library.read(first);
  await expect(t.claimRows).toHaveCount(2);
  await expect(t.row(WOUNDED)).toBeVisible();
  await expect(t.row(KILLED)).toBeVisible();
  await expect(t.text(first).locator('.hl-casualties[data-letter]')).toHaveCount(2);
});

test('a file that is not a bundle is refused on the start screen with the problem named', async ({ app }) => {
  await app.getByLabel('Import bundle as new case…').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(app.getByRole('alert')).toContainText('notes.zip');
  await expect(app.getByRole('alert')).toContainText(/zip/i);
});
