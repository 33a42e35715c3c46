// Import claims… from the claims sidebar: choose a sheet, read the preview, import.
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportClaimsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import claims' });
  }
  get preview(): Locator {
    return this.dialog.getByRole('region', { name: 'Preview' });
  }
  get refused(): Locator {
    return this.dialog.getByRole('list', { name: 'Refused rows' }).getByRole('listitem');
  }
  async open(): Promise<void> {
    await this.page.getByRole('tabpanel', { name: 'Claims' }).getByRole('button', { name: 'Import claims…' }).click();
    await expect(this.dialog).toBeVisible();
  }
  async choose(name: string, csv: string): Promise<void> {
    await this.dialog.getByLabel('Claims sheet (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(this.preview).toBeVisible();
  }
  async importAll(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Import \d+ claims?$/ }).click();
    await expect(this.dialog).toBeHidden();
  }
}
