// A bundle merge is one step on the undo stack, in the UI: after merging a colleague's bundle (a
// new source, a claim edited on both sides) the Undo button names the merge; Undo (the button) takes
// all of it back (the source, the edit, the clash) and says so in the undo toast, and Redo (Ctrl+Shift+Z)
// merges it again.
import { test, expect } from './fixtures.ts';
import { BundlePage } from './pages/BundlePage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { UndoPage } from './pages/UndoPage.ts';

// A passage of the app's own sample case (written for Corroborate, not taken from the corpus).
const WOUNDED = 'About a dozen other people were wounded';
const HERE = 'Officials quoted in this case';
const THERE = 'Officials quoted by a colleague';
const EXTRA = {
  name: 'colleague-note.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('A colleague’s note\n\nTwo more rockets were found unexploded near the base, a police officer said.\n'),
};

test('undo takes a whole merge back, and redo merges it again', async ({ app, start, library }) => {
  test.setTimeout(150_000);
  await start.openSample();
  await expect(library.table).toBeVisible();
  const titles = (await library.table.locator('button.link-btn').allTextContents()).map((t) => t.trim());
  const first = titles.find((t) => /Rocket barrage/.test(t)) ?? titles[0];
  const t = new TaggingPage(app);
  const bundles = new BundlePage(app);
  const undo = new UndoPage(app);

  const setSpeaker = async (speaker: string) => {
    await t.row(WOUNDED).getByRole('button', { name: 'Edit' }).click();
    const form = t.form('Casualties');
    await form.getByLabel('Speaker (who is cited)').fill(speaker);
    await t.save(form);
    await expect(t.row(WOUNDED)).toContainText(speaker);
  };

  await library.read(first);
  await expect(t.row(WOUNDED)).toBeVisible();
  const bundleA = await bundles.exportCase();
  await setSpeaker(HERE);
  const caseUrl = app.url();

  // The colleague's copy: the same claim edited differently, and one more source.
  await app.getByRole('button', { name: 'All cases' }).click();
  await bundles.importAsNewCase(bundleA.path);
  await expect(library.table).toBeVisible();
  await expect.poll(() => app.url()).not.toBe(caseUrl);
  await library.read(first);
  await setSpeaker(THERE);
  await library.show();
  await library.importFiles([EXTRA]);
  await library.waitForImport();
  await expect(library.rows).toHaveCount(titles.length + 1);
  const bundleC = await bundles.exportCase();

  await app.goto(caseUrl);
  await expect(app.getByRole('group', { name: 'Bundle' })).toBeVisible();
  await undo.expectUndoes('Edit claim');
  const merged = await bundles.merge({ name: bundleC.name, buffer: bundleC.data });
  await expect(merged.getByRole('status')).toContainText(/1 clash kept for review/);
  await expect(merged).toContainText('Undo takes the whole merge back');
  await merged.getByRole('button', { name: 'Close' }).click();
  await expect(bundles.clashesButton).toHaveAccessibleName('Clashes (1)');
  await library.show();
  await expect(library.rows).toHaveCount(titles.length + 1);
  await expect(undo.undoButton).toHaveAccessibleName(/^Undo Merge bundle “.+”$/);

  // Undo through the button: the source, the colleague's edit and the clash all go; the toast says what was undone.
  await undo.undoButton.click();
  await undo.expectConfirmed('Undone: merge bundle');
  await expect(library.rows).toHaveCount(titles.length);
  await expect(bundles.clashesButton).toHaveCount(0);
  await undo.expectUndoes('Edit claim'); // the edit before the merge is still on the stack
  await library.read(first);
  await expect(t.row(WOUNDED)).toContainText(HERE);

  // Redo from the keyboard: merged again.
  await undo.press('Control+Shift+z');
  await undo.expectConfirmed('Redone: merge bundle');
  await expect(t.row(WOUNDED)).toContainText(THERE);
  await expect(bundles.clashesButton).toHaveAccessibleName('Clashes (1)');
  await library.show();
  await expect(library.rows).toHaveCount(titles.length + 1);
});
