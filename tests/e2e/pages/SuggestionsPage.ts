// Suggested claims in the reader: the dashed highlights in a pane, the Suggestions tab beside the
// claims, and its list (grouped by incident) with Accept / Edit / Reject, Accept all, and the
// inline Undo of a rejection.
import { expect, type Locator, type Page } from '@playwright/test';

export class SuggestionsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get tab(): Locator {
    return this.page.getByRole('tab', { name: /^Suggestions/ });
  }
  get claimsTab(): Locator {
    return this.page.getByRole('tab', { name: /^Claims/ });
  }
  get panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Suggestions' });
  }
  get items(): Locator {
    return this.panel.getByRole('listitem');
  }
  /** The list item whose quote contains `quote`. */
  item(quote: string): Locator {
    return this.items.filter({ hasText: quote });
  }
  /** The dashed highlights of a pane's text. */
  highlights(paneTitle: string): Locator {
    return this.page.getByRole('region', { name: paneTitle, exact: true }).getByRole('button', { name: /^Suggested / });
  }
  finding(paneTitle: string): Locator {
    return this.page.getByRole('region', { name: paneTitle, exact: true }).getByRole('status').filter({ hasText: 'Finding claims…' });
  }
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }
  async accept(quote: string): Promise<void> {
    await this.item(quote)
      .getByRole('button', { name: /^Accept/ })
      .click();
  }
  async reject(quote: string): Promise<void> {
    await this.item(quote)
      .getByRole('button', { name: /^Reject/ })
      .click();
  }
  async acceptAll(): Promise<number> {
    const button = this.panel.getByRole('button', { name: /^Accept all \(\d+\)$/ });
    const n = Number(/\((\d+)\)/.exec((await button.textContent()) ?? '')?.[1]);
    await button.click();
    const dialog = this.page.getByRole('alertdialog', { name: /^Accept all/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /^Accept all/ }).click();
    await expect(dialog).toBeHidden();
    return n;
  }
}
