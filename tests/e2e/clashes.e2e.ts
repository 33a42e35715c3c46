// Merge clashes end to end in browser mode: the same claim edited in two cases that share its id
// (one imported from the other's bundle), the second case's bundle merged into the first. The
// clash is counted in the merge summary and the top bar, both versions are shown side by side,
// and choosing the set-aside one changes the claim; the choice survives a reload.
import { test, expect } from './fixtures.ts';
import { BundlePage } from './pages/BundlePage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { HERE, THERE, WOUNDED, colleagueBundle } from './pages/colleagueBundle.ts';

test('a claim edited on both sides is flagged as a clash and settled with the set-aside version', async ({ app, start, library }) => {
  test.setTimeout(150_000);
  const { first, bundle: bundleC } = await colleagueBundle(app, start, library);
  const t = new TaggingPage(app);
  const bundles = new BundlePage(app);

  // Back in the first case, merge C: the claim clashes.
  const merged = await bundles.merge({ name: bundleC.name, buffer: bundleC.data });
  await expect(merged.getByRole('status')).toContainText(/1 clash kept for review/);
  await merged.getByRole('button', { name: 'Close' }).click();
  await expect(bundles.clashesButton).toHaveAccessibleName('Clashes (1)');

  // The later edit (the colleague's) is in use; this case's is set aside.
  await library.show();
  await library.read(first);
  await expect(t.row(WOUNDED)).toContainText(THERE);

  const dialog = await bundles.openClashes();
  await expect(bundles.clashItems).toHaveCount(1);
  const item = bundles.clashItems.first();
  await expect(item.getByRole('heading')).toContainText('Claim');
  await expect(item.getByRole('heading')).toContainText(`Casualties “${WOUNDED}`);
  await expect(item).toContainText(/while merging bundle “.+” exported/);
  const speaker = bundles.diffRow(item, 'speaker');
  await expect(speaker.getByRole('cell')).toHaveText([THERE, HERE]);
  // Only differing fields are listed: the claim's kind and passage are the same on both sides.
  await expect(bundles.diffRow(item, 'kind')).toHaveCount(0);
  await expect(bundles.diffRow(item, 'annotationId')).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screenshots/clashes.png' });

  await item.getByRole('button', { name: /^Use the set-aside version of Casualties/ }).click();
  await expect(bundles.clashItems).toHaveCount(0);
  await expect(dialog.getByRole('status')).toContainText('Now using the set-aside version');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // Settled clashes are kept, read-only, behind a toggle.
  await dialog.getByRole('checkbox', { name: 'Show resolved (1)' }).check();
  const resolved = dialog.getByRole('group', { name: 'Resolved clashes' });
  await expect(resolved.getByRole('article')).toHaveCount(1);
  await expect(resolved.getByRole('button')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(bundles.clashesButton).toHaveCount(0);
  await expect(t.row(WOUNDED)).toContainText(HERE);
  await expect(t.row(WOUNDED)).not.toContainText(THERE);

  // After a reload: still settled, still this case's version.
  await app.reload();
  await expect(app.getByRole('group', { name: 'Bundle' })).toBeVisible();
  await expect(t.row(WOUNDED)).toContainText(HERE);
  await expect(bundles.clashesButton).toHaveCount(0);
});
