// A bundle merge is one step on the undo stack, in the UI: after merging a colleague's bundle (a
// new source, a claim edited on both sides) the Undo button names the merge; Undo (the button) takes
// all of it back (the source, the edit, the clash) and says so in the undo toast, and Redo (Ctrl+Shift+Z)
// merges it again.
import { test, expect } from './fixtures.ts';
import { BundlePage } from './pages/BundlePage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { UndoPage } from './pages/UndoPage.ts';
import { HERE, THERE, WOUNDED, colleagueBundle } from './pages/colleagueBundle.ts';

const EXTRA = {
  name: 'colleague-note.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('A colleague’s note\n\nTwo more rockets were found unexploded near the base, a police officer said.\n'),
};

test('undo takes a whole merge back, and redo merges it again', async ({ app, start, library }) => {
  test.setTimeout(150_000);
  // The colleague's copy has the same claim edited differently, and one more source.
  const { titles, first, bundle: bundleC } = await colleagueBundle(app, start, library, { extra: [EXTRA] });
  const t = new TaggingPage(app);
  const bundles = new BundlePage(app);
  const undo = new UndoPage(app);

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
