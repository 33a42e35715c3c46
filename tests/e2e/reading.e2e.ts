// Search jumps to the passage; wrong metadata is refused next to its field and nothing is saved.
import { join } from 'node:path';
import { test, expect, seedDocuments, seedClaims } from './fixtures.ts';
import { repoRoot, screenshotDir } from './paths.ts';

test('search finds a passage and opens its source there, highlighted', async ({ start, library, reader }) => {
  const seeds = await seedDocuments();
  await start.createCase('Search');
  await library.importFiles(seeds.map((s) => s.path));
  await library.waitForImport();

  // A quote from the answer key, from the last paragraphs of a long article, so the pane must scroll.
  const claims = await seedClaims();
  const claim = claims.filter((c) => c.doc === seeds[4].file).at(-1)!;
  const query = claim.quote.split(/\s+/).slice(0, 4).join(' ');
  const results = await reader.search(query);
  await expect(results.getByRole('heading')).toContainText(/\d+ match/);
  const hit = results.getByRole('button').filter({ hasText: seeds[4].title }).first();
  await expect(hit.locator('mark')).toHaveText(new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  await hit.click();

  const pane = reader.pane(seeds[4].title);
  await expect(pane).toBeVisible();
  const mark = pane.locator('mark');
  await expect(mark).toHaveText(new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  await expect(mark).toBeInViewport();
  await pane.page().screenshot({ path: join(screenshotDir, 'search.png') });
  // The highlight is brief.
  await expect(mark).toHaveCount(0, { timeout: 8_000 });
});

test('a wrong metadata value shows an error by its field and saves nothing', async ({ app, start, library }) => {
  const [seed] = await seedDocuments();
  await start.createCase('Corrections');
  await library.importFiles([seed.path]);
  await library.waitForImport();

  const details = await library.openDetails(seed.title);
  await details.field('URL').fill('not a web address');
  await details.field('Outlet').fill('A different outlet');
  await details.save();
  await expect(details.field('URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(details.root.getByRole('alert')).toContainText(/https:\/\//);
  // Escape closes the dialog without saving.
  await app.keyboard.press('Escape');
  await expect(details.root).toBeHidden();
  await expect(library.row(seed.title)).not.toContainText('A different outlet');

  // A date in the future is refused too.
  const again = await library.openDetails(seed.title);
  await again.root.getByLabel('Date unknown').uncheck();
  await again.field('Date').fill(`${new Date().getFullYear() + 1}-01-01`);
  await again.save();
  await expect(again.root.getByRole('alert')).toContainText(/future/);
  await again.cancel();

  await app.reload();
  await expect(library.row(seed.title)).toBeVisible();
  await expect(library.row(seed.title)).not.toContainText('A different outlet');
});

test('a PDF reads as text, and as its original pages drawn by pdf.js', async ({ app, start, library, reader }) => {
  const pdf = join(repoRoot, 'tests', 'fixtures', 'import', 'three-pages-ghostscript.pdf');
  await start.createCase('Reports');
  await library.importFiles([pdf]);
  expect(await library.waitForImport()).toContain('1 source imported');
  const title = (await library.rows.first().getByRole('rowheader').getByRole('button').textContent())!;
  await library.read(title);

  const pane = reader.pane(title);
  await expect(reader.text(title)).not.toBeEmpty();
  await pane.getByRole('button', { name: 'Pages', exact: true }).click();
  await expect(pane.getByRole('button', { name: 'Pages', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const first = pane.getByRole('img', { name: 'Page 1 of 3' });
  await expect(first).toBeVisible();
  // Drawn: the canvas has pixels that are not blank.
  await expect
    .poll(() =>
      first.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d');
        if (!ctx || !c.width) return 0;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 128) ink++;
        return ink;
      }),
    )
    .toBeGreaterThan(100);
  await app.screenshot({ path: join(screenshotDir, 'pdf-pages.png') });
  await pane.getByRole('button', { name: 'Text', exact: true }).click();
  await expect(reader.text(title)).toBeVisible();
});
