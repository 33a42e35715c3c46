// The foundation issue's journey: import the five seed articles through the UI, find them in the
// library, read two side by side, correct a publication date, reload, and find it all still there.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, seedDocuments } from './fixtures.ts';
import { screenshotDir } from './paths.ts';

test('imports the seeds, reads two side by side, corrects a date, and keeps it all after a reload', async ({ app, start, library, reader }) => {
  const seeds = await seedDocuments();
  expect(seeds).toHaveLength(5);
  await start.createCase('Camp Taji rockets');

  await library.importFiles(seeds.map((s) => s.path));
  expect(await library.waitForImport()).toContain('5 sources imported');
  await expect(library.rows).toHaveCount(5);
  for (const s of seeds) await expect(library.row(s.title)).toBeVisible();

  await mkdir(screenshotDir, { recursive: true });
  await app.screenshot({ path: join(screenshotDir, 'library.png') });

  // Two side by side: each pane a region named by its title, with the article's text.
  const [a, b] = [seeds[2], seeds[4]];
  await library.select(a.title);
  await library.select(b.title);
  await library.readSideBySide();
  await expect(reader.pane(a.title)).toBeVisible();
  await expect(reader.pane(b.title)).toBeVisible();
  const firstSentence = (s: string) =>
    s
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p.length > 80)!
      .slice(0, 60);
  const { readFile } = await import('node:fs/promises');
  await expect(reader.text(a.title)).toContainText(firstSentence(await readFile(a.path, 'utf8')));
  await expect(reader.text(b.title)).toContainText(firstSentence(await readFile(b.path, 'utf8')));
  await app.screenshot({ path: join(screenshotDir, 'side-by-side.png') });

  // Correct the publication date of the article whose header date is the site's date of viewing.
  const target = seeds.find((s) => s.likelyPublished)!;
  await library.show();
  const details = await library.openDetails(target.title);
  await details.root.getByLabel('Date unknown').uncheck();
  await details.field('Date').fill(target.likelyPublished!);
  await app.screenshot({ path: join(screenshotDir, 'details.png') });
  await details.save();
  await expect(details.root).toBeHidden();
  const [y, m, d] = target.likelyPublished!.split('-').map(Number);
  const expected = `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
  await expect(library.publishedCell(target.title)).toContainText(expected);
  await expect(library.publishedCell(target.title)).toContainText('corrected by you');

  await app.reload();
  await expect(library.rows).toHaveCount(5);
  for (const s of seeds) await expect(library.row(s.title)).toBeVisible();
  await expect(library.publishedCell(target.title)).toContainText(expected);
  await expect(library.publishedCell(target.title)).toContainText('corrected by you');
});
