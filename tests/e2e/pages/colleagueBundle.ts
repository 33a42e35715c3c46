// A colleague's bundle to merge (clashes.e2e.ts, merge-undo.e2e.ts): in the app's sample case, bundle
// A is exported and then a claim of its first report is edited; A is imported as a new case (the
// colleague's copy, with the same ids), the same claim is edited differently there and any extra
// files are imported; that case is exported as bundle C, and the first case is open again, ready to
// merge C, which clashes on the claim.
import { expect, type Page } from '@playwright/test';
import type { LibraryPage } from './LibraryPage.ts';
import type { StartPage } from './StartPage.ts';
import { BundlePage } from './BundlePage.ts';
import { TaggingPage } from './TaggingPage.ts';

// A passage of the app's own sample case (written for Corroborate, not taken from the corpus).
export const WOUNDED = 'About a dozen other people were wounded';
/** The speaker of WOUNDED's claim in this case, and in the colleague's copy. */
export const HERE = 'Officials quoted in this case';
export const THERE = 'Officials quoted by a colleague';

export interface ColleagueBundle {
  /** The sample case's titles, before the merge. */
  titles: string[];
  /** The report holding WOUNDED. */
  first: string;
  /** This case's address. */
  caseUrl: string;
  /** Bundle C, the colleague's case. */
  bundle: { name: string; path: string; data: Buffer };
}

type ExtraFile = { name: string; mimeType: string; buffer: Buffer };

export async function colleagueBundle(app: Page, start: StartPage, library: LibraryPage, opts: { extra?: ExtraFile[] } = {}): Promise<ColleagueBundle> {
  await start.openSample();
  // Making the sample case is the first work of a fresh core: slow on a loaded machine.
  await expect(library.table).toBeVisible({ timeout: 60_000 });
  const titles = (await library.table.locator('button.link-btn').allTextContents()).map((t) => t.trim());
  const first = titles.find((t) => /Rocket barrage/.test(t)) ?? titles[0];
  const t = new TaggingPage(app);
  const bundles = new BundlePage(app);
  const setSpeaker = async (speaker: string) => {
    await t.row(WOUNDED).getByRole('button', { name: 'Edit' }).click();
    const form = t.form('Casualties');
    await form.getByLabel('Speaker (who is cited)').fill(speaker);
    await t.save(form);
    await expect(t.row(WOUNDED)).toContainText(speaker);
  };

  // This case (the sample arrives tagged: two claims in its first report): export bundle A, then edit a claim here.
  await library.read(first);
  await expect(t.row(WOUNDED)).toBeVisible();
  await expect(t.claimRows).toHaveCount(2);
  const bundleA = await bundles.exportCase();
  await setSpeaker(HERE);
  const caseUrl = app.url();
  // No clash yet: no button.
  await expect(bundles.clashesButton).toHaveCount(0);

  // The colleague's copy: bundle A imported as a new case (same ids), the same claim edited differently.
  await app.getByRole('button', { name: 'All cases' }).click();
  await bundles.importAsNewCase(bundleA.path);
  await expect(library.table).toBeVisible();
  await expect.poll(() => app.url()).not.toBe(caseUrl);
  await library.read(first);
  await expect(t.row(WOUNDED)).not.toContainText(HERE);
  await setSpeaker(THERE);
  if (opts.extra?.length) {
    await library.show();
    await library.importFiles(opts.extra);
    await library.waitForImport();
    await expect(library.rows).toHaveCount(titles.length + opts.extra.length);
  }
  const bundle = await bundles.exportCase();

  await app.goto(caseUrl);
  await expect(bundles.group).toBeVisible();
  return { titles, first, caseUrl, bundle };
}
