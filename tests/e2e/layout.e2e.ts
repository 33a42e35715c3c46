// The layout holds on a laptop and on a large screen: with four panes open, while tagging a passage
// (the claim form open), after opening a quote from Compare and after clicking a search hit, the
// window itself never scrolls (the top bar stays in view) and every pane shown is at least 320 px
// wide; the panes there is no room for wait in tabs. Compare's matrix keeps the window's width on a
// laptop (its events list is a drawer there).
import { test, expect } from './fixtures.ts';
import { LayoutPage } from './pages/LayoutPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { ComparePage } from './pages/ComparePage.ts';
import { openTajiCase } from './pages/tajiCase.ts';

const EVENT = 'Rocket attack on Camp Taji';

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width} × ${size.height} the window never scrolls and panes stay readable`, async ({ app, start, library, reader }) => {
    test.setTimeout(120_000);
    await app.setViewportSize(size);
    const layout = new LayoutPage(app);
    await layout.expectHolds('start screen');
    const taji = await openTajiCase(start, library, { fourth: true });
    await expect(app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Reader/ })).toContainText('4');
    await layout.expectHolds('four panes');
    const shown = (await layout.paneWidths()).length;
    // Four panes fit side by side only where each gets its 320 px; the rest become tabs.
    if (shown < 4) await expect(layout.paneTabs.getByRole('tab')).toHaveCount(4 - shown + 1);
    else await expect(layout.paneTabs).toHaveCount(0);

    // Tag a passage in the first pane: the claim form opens without squeezing the panes.
    const t = new TaggingPage(app);
    const claim = taji.casualties.find((c) => c.doc === taji.seeds[0].file)!;
    const form = await t.tag(taji.titleOf(claim.doc), claim.quote, 'c');
    await layout.expectHolds('claim form open');
    await expect(form).toBeInViewport();
    await t.save(form);
    await layout.expectHolds('claim saved');

    // Group it into an event and open its quote from Compare.
    await t.newEvent(EVENT);
    await t.assign(t.row(claim.quote), EVENT);
    const cmp = new ComparePage(app);
    await cmp.show();
    await layout.expectHolds('compare');
    await cmp.openEvent(EVENT);
    // The matrix gets the width: on a laptop the events list waits in a drawer (closed again once an event is chosen).
    const matrix = (await cmp.table.boundingBox())!;
    if (size.width < 1180) {
      await expect(cmp.events).toBeHidden();
      await expect(cmp.eventsToggle).toHaveAttribute('aria-expanded', 'false');
      await expect(cmp.eventsToggle).toBeFocused();
      expect(matrix.width, 'the matrix is squeezed').toBeGreaterThanOrEqual(size.width - 60);
    } else {
      await expect(cmp.events).toBeVisible();
      await expect(cmp.eventsToggle).toBeHidden();
    }
    await layout.expectHolds('compare event open');
    await cmp.table
      .getByRole('button', { name: `Open quote: ${claim.quote}` })
      .first()
      .click();
    await expect(reader.pane(taji.titleOf(claim.doc)).locator('mark.flash')).toBeVisible();
    await layout.expectHolds('quote opened from Compare');

    // A search hit in the last source (in a tab where there is no room) brings its pane forward.
    const last = taji.casualties.find((c) => c.doc === taji.seeds.at(-1)!.file)!;
    const word = last.quote.split(/\s+/).find((w) => /^[a-z]{6,}$/i.test(w))!;
    const results = await reader.search(word);
    await results
      .getByRole('button', {
        name: new RegExp(
          taji
            .titleOf(last.doc)
            .slice(0, 30)
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        ),
      })
      .first()
      .click();
    await expect(reader.pane(taji.titleOf(last.doc)).locator('mark.flash')).toBeVisible();
    await layout.expectHolds('search hit opened');
  });
}
