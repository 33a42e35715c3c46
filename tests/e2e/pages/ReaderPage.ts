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
  async search(query: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: 'Search this case' }).fill(query);
    await this.page.getByRole('searchbox', { name: 'Search this case' }).press('Enter');
    return this.page.getByRole('complementary', { name: 'Search results' });
  }
}
