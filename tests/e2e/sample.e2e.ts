// The sample case on first start shows what the app is for: its reports with their outlets, their
// claims tagged, and in Compare one event with an open disagreement and a reconciled row.
import { test, expect } from './fixtures.ts';
import { ComparePage } from './pages/ComparePage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';

test('the sample case arrives tagged: claims, an event, an open disagreement and a reconciled row', async ({ app, start, library }) => {
  test.setTimeout(90_000);
  await start.openSample();
  // Making the sample runs the suggester over its reports once (its language model loads first).
  await expect(library.table).toBeVisible({ timeout: 30_000 });
  await expect(library.rows).toHaveCount(3);
  for (const outlet of ['Harbour Tribune', 'Northern Courier', 'Gulf Monitor']) await expect(library.table).toContainText(outlet);
  await expect(library.table).not.toContainText('Unknown');

  const cmp = new ComparePage(app);
  await cmp.show();
  await cmp.openEvent('Rocket attack on Camp Taji');
  // Northern Courier's two American service members against Gulf Monitor's soldier and contractor: reconciled.
  const reconciled = cmp.row('killed · US military');
  await expect(reconciled).toContainText('1 / open / 2');
  await expect(reconciled.getByRole('button', { name: 'Remove' })).toBeVisible();
  // Another disagreement is left for the newcomer to decide.
  await expect(cmp.flagRows.first()).toBeVisible();

  // The first report's claims are in the reader, and nothing is on the undo stack.
  await library.show();
  await library.read('Rocket barrage on Iraqi base kills three coalition personnel');
  const t = new TaggingPage(app);
  await expect(t.claimRows).toHaveCount(2);
  await expect(t.undoButton).toBeDisabled();
});
