// The start screen, found by role and label.
import { expect, type Locator, type Page } from '@playwright/test';

export class StartPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Corroborate', level: 1 });
  }
  get caseList(): Locator {
    return this.page.getByRole('list', { name: 'Cases' });
  }
  async openSample(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open sample case' }).click();
  }
  async createCase(name: string): Promise<void> {
    await this.page.getByLabel('New case', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Create case' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
  async openCase(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  }
}
