// Undo for the edits of a source, end to end in browser mode: a metadata correction, a rejected
// suggestion (Ctrl+Z after it undoes the rejection, not the accept before it) and a deleted source
// (to the case's trash, back with its claim) are steps on the one undo stack, each named on the Undo
// button and confirmed when undone or redone; the history survives a restart of the server.
// The report is written for this test.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { SuggestionsPage } from './pages/SuggestionsPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { UndoPage } from './pages/UndoPage.ts';

// Wide enough for the Undo button to show its label beside its name.
test.use({ viewport: { width: 1920, height: 1080 } });

const TITLE = 'Rockets hit the river base, killing two';
const REPORT = `${TITLE}

March 12, 2020

Two soldiers were killed on Wednesday when rockets hit the river base, officials said.

About a dozen people were wounded in the attack, and 18 rockets were fired from a truck.
`;

test('undo and redo a correction, a rejected suggestion and a deleted source, through the UI and across a restart', async ({ app, start, library, server }) => {
  test.setTimeout(120_000);
  await start.createCase('Undo');
  await library.importFiles([{ name: 'river-base.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) }]);
  await library.waitForImport();
  const u = new UndoPage(app);
  await expect(u.undoButton).toBeDisabled();

  // A metadata correction: named on the button, undone by Ctrl+Z with a confirmation, redone.
  const details = await library.openDetails(TITLE);
  await details.field('Outlet').fill('Harbour Tribune');
  await details.save();
  await expect(library.row(TITLE)).toContainText('Harbour Tribune');
  await u.expectUndoes(`correct outlet of “${TITLE}”`);
  await u.expectShown(`correct outlet of “${TITLE}”`);
  await expect(u.undoButton).toHaveAccessibleName(`Undo Correct outlet of “${TITLE}”`);
  await u.press('Control+z');
  await u.expectConfirmed(`Undone: correct outlet of “${TITLE}”`);
  await mkdir(screenshotDir, { recursive: true });
  await app.screenshot({ path: join(screenshotDir, 'undo-confirmation.png') });
  await expect(library.row(TITLE)).not.toContainText('Harbour Tribune');
  // The confirmation fades by itself.
  await expect(u.confirmation).toHaveCount(0, { timeout: 8_000 });
  await u.press('Control+Shift+z');
  await u.expectConfirmed(`Redone: correct outlet of “${TITLE}”`);
  await expect(library.row(TITLE)).toContainText('Harbour Tribune');

  // Accept one suggestion, reject another: Ctrl+Z takes back the rejection and keeps the claim.
  await library.read(TITLE);
  const sg = new SuggestionsPage(app);
  const t = new TaggingPage(app);
  await sg.open();
  await expect(sg.items.first()).toBeVisible({ timeout: 30_000 });
  const n = await sg.items.count();
  expect(n).toBeGreaterThanOrEqual(2);
  await sg.items
    .first()
    .getByRole('button', { name: /^Accept/ })
    .click();
  await expect(sg.items).toHaveCount(n - 1);
  await u.expectUndoes('accept suggestion');
  const rejected = (await sg.items.first().textContent()) ?? '';
  await sg.items
    .first()
    .getByRole('button', { name: /^Reject/ })
    .click();
  await expect(sg.items).toHaveCount(n - 2);
  await u.expectUndoes('reject suggestion');
  await u.press('Control+z');
  await u.expectConfirmed('Undone: reject suggestion');
  await expect(sg.items).toHaveCount(n - 1);
  await expect(sg.items.first()).toHaveText(rejected);
  await u.expectUndoes('accept suggestion');
  await sg.claimsTab.click();
  await expect(t.claimRows).toHaveCount(1);

  // Delete the source: to the case's trash; the Undo button brings it back with its claim.
  await library.show();
  const dialog = await u.openDelete(TITLE);
  await expect(dialog).not.toContainText('cannot be undone');
  await expect(dialog).toContainText('trash');
  await dialog.getByRole('button', { name: 'Delete source' }).click();
  await expect(library.row(TITLE)).toHaveCount(0);
  await u.expectUndoes(`delete “${TITLE}”`);
  await u.undoButton.click();
  await u.expectConfirmed(`Undone: delete “${TITLE}”`);
  await expect(library.row(TITLE)).toContainText('Harbour Tribune');
  await library.read(TITLE);
  await expect(t.claimRows).toHaveCount(1);

  // After a restart the history is still there: redo deletes it again, undo brings it back.
  await server.restart();
  await app.goto(server.url);
  await start.openCase('Undo');
  await library.show();
  await expect(u.redoButton).toHaveAccessibleName(`Redo Delete “${TITLE}”`);
  await u.press('Control+Shift+z');
  await u.expectConfirmed(`Redone: delete “${TITLE}”`);
  await expect(library.row(TITLE)).toHaveCount(0);
  await u.press('Control+z');
  await expect(library.row(TITLE)).toBeVisible();
});
