// What an HTML import left out: the notice above a source's text and its dialog of passages.
import type { Locator, Page } from '@playwright/test';

export class LeftOutPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  notice(pane: Locator): Locator {
    return pane.getByRole('status').filter({ hasText: 'left out as site furniture' });
  }
  async open(pane: Locator, title: string): Promise<Locator> {
    await pane.getByRole('button', { name: `Show what was left out of ${title}` }).click();
    return this.page.getByRole('dialog', { name: 'What was left out' });
  }
  passage(dialog: Locator, text: string): Locator {
    return dialog.getByRole('list', { name: 'Passages left out' }).getByRole('checkbox', { name: text });
  }
  async putBack(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Put back the ticked passages' }).click();
  }
}
