// The layout holds on a laptop and on a large screen: with four panes open, while tagging a passage
// (the claim form open), after opening a quote from Compare and after clicking a search hit, the
// window itself never scrolls (the top bar stays in view) and every pane shown is at least 320 px
// wide; the panes there is no room for wait in tabs.
import { test, expect, seedDocuments } from './fixtures.ts';
import { LayoutPage } from './pages/LayoutPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { ComparePage } from './pages/ComparePage.ts';

const TRIBUNE = 'Rocket barrage on Iraqi base kills three coalition personnel';
const COURIER = 'Pentagon: up to 18 rockets hit Taji, 14 wounded';
const MONITOR = 'Three dead in Taji rocket strike as militias deny role';
const EVENT = 'Taji rocket attack';

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width} × ${size.height} the window never scrolls and panes stay readable`, async ({ app, start, library, reader }) => {
    test.setTimeout(120_000);
    await app.setViewportSize(size);
    const layout = new LayoutPage(app);
    await start.openSample();
    await expect(library.table).toBeVisible();
    await layout.expectHolds('library');
    // A fourth source, so four different panes are open.
    const seed = (await seedDocuments())[0];
    await library.importFiles([seed.path]);
    await library.waitForImport();
    for (const title of [TRIBUNE, COURIER, MONITOR, seed.title]) await library.select(title);
    await library.readSideBySide();
    await expect(app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Reader/ })).toContainText('4');
    await layout.expectHolds('four panes');
    const shown = (await layout.paneWidths()).length;
    // Four panes fit side by side only where each gets its 320 px; the rest become tabs.
    if (shown < 4) await expect(layout.paneTabs.getByRole('tab')).toHaveCount(4 - shown + 1);
    else await expect(layout.paneTabs).toHaveCount(0);

    // Tag a passage: the claim form opens without squeezing the panes.
    const t = new TaggingPage(app);
    const form = await t.tag(TRIBUNE, 'Three members of the U.S.-led coalition died', 'c');
    await layout.expectHolds('claim form open');
    await expect(form).toBeInViewport();
    await t.save(form);
    await layout.expectHolds('claim saved');

    // Group it into an event and open its quote from Compare.
    await t.newEvent(EVENT);
    await t.assign(t.row('Three members of the U.S.-led coalition died'), EVENT);
    const cmp = new ComparePage(app);
    await cmp.show();
    await layout.expectHolds('compare');
    await cmp.openEvent(EVENT);
    await cmp.table.getByRole('button', { name: /^Open quote: Three members/ }).click();
    await expect(app.getByRole('region', { name: TRIBUNE, exact: true }).locator('mark.flash')).toBeVisible();
    await layout.expectHolds('quote opened from Compare');

    // A search hit in a source shown in a tab brings that tab forward, and the window stays put.
    const results = await reader.search('contractors');
    await results
      .getByRole('button', { name: /contractors/ })
      .first()
      .click();
    await expect(app.getByRole('region', { name: COURIER, exact: true }).locator('mark.flash')).toBeVisible();
    await layout.expectHolds('search hit opened');
    await app.screenshot({ path: `/tmp/shots/layout-${size.width}.png` });
  });
}
