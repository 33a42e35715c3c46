// Each main screen at a laptop's 1024 × 700, 1280 × 800, 1440 × 900 and a desktop's 1920 × 1080, light and dark: the layout
// holds on each (the window never scrolls, panes stay readable), and a screenshot of each is written
// for a person to look at (CORROBORATE_SCREENSHOTS, else test-results/screenshots/screens).
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { LayoutPage } from './pages/LayoutPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { openTajiCase } from './pages/tajiCase.ts';
import { TAJI_EVENT, tagTajiEvent } from './pages/tajiSteps.ts';
import { ComparePage } from './pages/ComparePage.ts';

const out = process.env.CORROBORATE_SCREENSHOTS ?? join(screenshotDir, 'screens');

for (const size of [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test(`the main screens at ${size.width} × ${size.height}, light and dark`, async ({ app, start, library }) => {
    test.setTimeout(180_000);
    await app.setViewportSize(size);
    const layout = new LayoutPage(app);
    const shoot = async (screen: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await app.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await expect(app.locator('html')).toHaveAttribute('data-theme', scheme);
        await layout.expectHolds(`${screen}, ${scheme}`);
        await app.screenshot({ path: join(out, `${screen}-${size.width}x${size.height}-${scheme}.png`) });
      }
    };
    await expect(start.heading).toBeVisible();
    await shoot('start');
    const taji = await openTajiCase(start, library);
    await library.show();
    await expect(library.table).toBeVisible();
    await shoot('library');
    await app
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: /^Reader/ })
      .click();
    const t = new TaggingPage(app);
    await tagTajiEvent(t, taji);
    await shoot('reader');
    const c = taji.casualties.at(-1)!;
    await t.tag(taji.titleOf(c.doc), c.quote, 'c');
    await shoot('reader-claim-form');
    await app.keyboard.press('Escape');
    const cmp = new ComparePage(app);
    await cmp.show();
    await cmp.openEvent(TAJI_EVENT);
    await shoot('compare-events');
    // Where the events list is a drawer, it is shot open too; Escape closes it, back on its button.
    if (await cmp.eventsToggle.isVisible()) {
      await cmp.eventsToggle.click();
      await expect(cmp.events).toBeVisible();
      await shoot('compare-event-list');
      await app.keyboard.press('Escape');
      await expect(cmp.events).toBeHidden();
      await expect(cmp.eventsToggle).toBeFocused();
    }
    await cmp.mode('Disagreements');
    await shoot('compare-disagreements');
    await cmp.mode('Timeline');
    await shoot('compare-timeline');
  });
}
