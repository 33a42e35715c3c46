// Two windows on one case (browser mode: two tabs on the same link): an edit made in one reaches
// the other through the change feed, without a reload, and undo there undoes it everywhere.
import { test, expect, seedDocuments } from './fixtures.ts';
import { keyClaims } from './pages/seedKey.ts';
import { LibraryPage } from './pages/LibraryPage.ts';
import { StartPage } from './pages/StartPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';

test('a second window follows the edits made in the first, and its undo reaches back', async ({ app, start, library, server }) => {
  const seed = (await seedDocuments()).find((s) => s.file.startsWith('004'))!;
  await start.createCase('Two windows');
  await library.importFiles([seed.path]);
  await library.waitForImport();
  await library.read(seed.title);

  const other = await app.context().newPage();
  await other.goto(server.url);
  await new StartPage(other).openCase('Two windows');
  await new LibraryPage(other).read(seed.title);
  const there = new TaggingPage(other);
  await expect(there.claimRows).toHaveCount(0);

  const quote = (await keyClaims()).find((c) => c.doc === seed.file && c.kind === 'munitions' && c.measure === 'rockets_fired')!.quote;
  const here = new TaggingPage(app);
  await here.save(await here.tag(seed.title, quote, 'm'));
  await expect(here.row(quote)).toBeVisible();

  // The other window shows the new claim and can undo it…
  await expect(there.row(quote)).toBeVisible();
  await expect(there.undoButton).toBeEnabled();
  await there.undoButton.click();
  await expect(there.claimRows).toHaveCount(0);
  // …and the first window follows that too.
  await expect(here.claimRows).toHaveCount(0);
  await other.close();
});
