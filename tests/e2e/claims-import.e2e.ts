// Import claims… in the claims sidebar: a sheet with two good rows and two bad ones shows a preview
// of what will be refused (line and reason), imports the rest as one step, and Undo takes it back.
import { test, expect, seedDocuments } from './fixtures.ts';
import { ImportClaimsPage } from './pages/ImportClaimsPage.ts';
import { importSeeds, keyClaims } from './pages/seedKey.ts';
import { TaggingPage } from './pages/TaggingPage.ts';

test('import a claims sheet from the claims sidebar: preview of refusals, one undoable step', async ({ app, start, library }) => {
  test.setTimeout(120_000);
  const seed = (await seedDocuments()).find((s) => s.file.startsWith('004'))!;
  const quotes = (await keyClaims()).filter((c) => c.doc === seed.file && c.kind === 'casualties').map((c) => c.quote);
  expect(quotes.length).toBeGreaterThanOrEqual(2);
  await start.createCase('Sheet import');
  await importSeeds(library, [seed]);
  const csv = [
    'source,kind,quote,measure,figure_as_written,event',
    `${seed.file},casualties,"${quotes[0]}",killed,three,Rocket attack`,
    `${seed.file},casualties,"${quotes[1]}",wounded,14,Rocket attack`,
    `no-such-report.txt,casualties,"${quotes[0]}",killed,three,`,
    `${seed.file},casualties,"Seven hundred tanks rolled into the square at dawn",killed,700,`,
  ].join('\r\n');
  const t = new TaggingPage(app);
  const sheet = new ImportClaimsPage(app);
  await sheet.open();
  await sheet.choose('coded.csv', csv);
  await expect(sheet.preview).toContainText('2 rows will be imported');
  await expect(sheet.preview).toContainText('Rocket attack');
  await expect(sheet.refused).toHaveCount(2);
  await expect(sheet.refused.nth(0)).toContainText('Line 4');
  await expect(sheet.refused.nth(0)).toContainText('no-such-report.txt');
  await expect(sheet.refused.nth(1)).toContainText('Line 5');
  await expect(sheet.refused.nth(1)).toContainText('not found');
  await sheet.importAll();
  await expect(t.claimRows).toHaveCount(2);
  await expect(t.undoButton).toHaveAccessibleName(/Import 2 claims from coded\.csv/);
  await t.undoButton.click();
  await expect(t.claimRows).toHaveCount(0);
});
