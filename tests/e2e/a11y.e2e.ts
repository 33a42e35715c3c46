// No accessibility violations (axe-core, WCAG 2.1 A/AA and best practice, and visible words in
// every name) on the main screens, in the light and the dark colour scheme: the start screen, the
// library, the reader with a claim form open, Compare (events, disagreements, timeline), and an
// exported bundle's report.html.
import { unzipSync, strFromU8 } from 'fflate';
import { test, expect } from './fixtures.ts';
import { AxePage } from './pages/AxePage.ts';
import { BundlePage } from './pages/BundlePage.ts';
import { ComparePage } from './pages/ComparePage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { openTajiCase } from './pages/tajiCase.ts';
import { TAJI_EVENT, tagTajiEvent } from './pages/tajiSteps.ts';

test('the main screens have no axe-core violations, light and dark', async ({ app, start, library }) => {
  test.setTimeout(420_000);
  const axe = new AxePage(app);
  await expect(start.heading).toBeVisible();
  await axe.expectClean('start screen');

  const taji = await openTajiCase(start, library);
  await library.show();
  await expect(library.table).toBeVisible();
  await axe.expectClean('library');

  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^Reader/ })
    .click();
  const t = new TaggingPage(app);
  await tagTajiEvent(t, taji);
  const other = taji.seeds[1];
  await t.tag(other.title, other.title.split(' ').slice(0, 3).join(' '), 'n');
  await axe.expectClean('reader with a claim form open');
  await app.keyboard.press('Escape');

  const cmp = new ComparePage(app);
  await cmp.show();
  await cmp.openEvent(TAJI_EVENT);
  await axe.expectClean('Compare: events');
  // On a laptop the events list is a drawer over the matrix: scanned open, light and dark.
  const size = app.viewportSize()!;
  await app.setViewportSize({ width: 1024, height: 700 });
  await cmp.eventsToggle.click();
  await expect(cmp.events).toBeVisible();
  await axe.expectClean('Compare: events list as a drawer (1024 × 700)');
  await app.keyboard.press('Escape');
  await app.setViewportSize(size);
  await cmp.mode('Disagreements');
  await axe.expectClean('Compare: disagreements');
  await cmp.mode('Timeline');
  await axe.expectClean('Compare: timeline');

  // The report inside an exported bundle, as an editor opens it, in a page of its own (the app's
  // Content Security Policy is not the report's).
  const exported = await new BundlePage(app).exportCase();
  const report = strFromU8(unzipSync(new Uint8Array(exported.data))['report.html']);
  const page = await app.context().newPage();
  await page.setContent(report);
  await expect(page.getByRole('main')).toBeVisible();
  await new AxePage(page).expectClean('report.html');
});
