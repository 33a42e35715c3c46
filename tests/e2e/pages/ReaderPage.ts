// The reader: panes are regions named by their source's title.
import type { Locator, Page } from '@playwright/test';

export class ReaderPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  pane(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }
  text(title: string): Locator {
    return this.pane(title).getByRole('article', { name: `Text of ${title}` });
  }
  /**
   * Waits until a long text is drawn in full (the reader draws it a step at a time in idle time), for
   * as long as the drawing goes on: it fails only when no chunk has been drawn for `stallMs`, so a
   * loaded machine slows it down without failing it.
   */
  async waitForWholeText(title: string, stallMs = 60_000): Promise<void> {
    const text = this.text(title);
    let drawn = -1;
    let since = Date.now();
    for (;;) {
      const now = await text.evaluate((el) => ({ all: !!el.querySelector('[data-drawn="all"]'), chunks: el.querySelectorAll('.reading-chunk').length }));
      if (now.all) return;
      if (now.chunks > drawn) [drawn, since] = [now.chunks, Date.now()];
      else if (Date.now() - since > stallMs)
        throw new Error(`The text of ${title} stopped being drawn: ${drawn} chunks drawn, and none more in ${stallMs / 1000} s.`);
      await this.page.waitForTimeout(500);
    }
  }
  async search(query: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: 'Search this case' }).fill(query);
    await this.page.getByRole('searchbox', { name: 'Search this case' }).press('Enter');
    return this.page.getByRole('complementary', { name: 'Search results' });
  }
}
