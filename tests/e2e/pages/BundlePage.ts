// Bundles in the UI: export from the case's top bar (captured as a download), merge into the open
// case, and import as a new case from the start screen.
import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export class BundlePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get group(): Locator {
    return this.page.getByRole('group', { name: 'Bundle' });
  }
  get mergeDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Merge bundle' });
  }
  /** Exports the whole case; returns the downloaded file's name and bytes. */
  async exportCase(): Promise<{ name: string; path: string; data: Buffer }> {
    await this.group.getByRole('button', { name: 'Export bundle…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export bundle' });
    await expect(dialog.getByRole('radio', { name: /The whole case/ })).toBeChecked();
    const [download] = await Promise.all([this.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await expect(dialog.getByRole('status')).toContainText(download.suggestedFilename());
    const path = await download.path();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    return { name: download.suggestedFilename(), path, data: await readFile(path) };
  }
  async merge(file: { name: string; buffer: Buffer }): Promise<Locator> {
    await this.group.getByLabel('Merge bundle…').setInputFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
    await expect(this.mergeDialog).toBeVisible();
    await expect(this.mergeDialog.getByRole('button', { name: 'Close' })).toBeEnabled({ timeout: 30_000 });
    return this.mergeDialog;
  }
  /** The top bar's "Clashes (N)" button, shown while the case has merge clashes to settle. */
  get clashesButton(): Locator {
    return this.page.getByRole('button', { name: /^Clashes \(\d+\)$/ });
  }
  get clashesDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Merge clashes' });
  }
  /** The unresolved clash items in the open dialog. */
  get clashItems(): Locator {
    return this.clashesDialog.locator('.clash-list:not(.clash-resolved) > article');
  }
  async openClashes(): Promise<Locator> {
    await this.clashesButton.click();
    await expect(this.clashesDialog).toBeVisible();
    return this.clashesDialog;
  }
  /** A clash's row for `field` in its comparison table: [field, in use now, set aside]. */
  diffRow(item: Locator, field: string): Locator {
    return item.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: field, exact: true }) });
  }
  async importAsNewCase(path: string): Promise<void> {
    await this.page.getByLabel('Import bundle as new case…').setInputFiles(path);
  }
}
