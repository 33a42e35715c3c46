// The library view of an open case: import controls, the sources table, the details dialog.
import { expect, type Locator, type Page } from '@playwright/test';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class LibraryPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get table(): Locator {
    return this.page.getByRole('table', { name: /Sources in/ });
  }
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('checkbox') });
  }
  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }
  get importSummary(): Locator {
    return this.page.getByRole('heading', { name: /^Import (finished|cancelled)/ });
  }
  async show(): Promise<void> {
    await this.page.getByRole('button', { name: /^Library/ }).click();
  }
  async importFiles(files: string[] | FilePayload[]): Promise<void> {
    await this.page.getByLabel('Import files').setInputFiles(files);
  }
  async waitForImport(): Promise<string> {
    await expect(this.importSummary).toBeVisible({ timeout: 30_000 });
    return (await this.importSummary.textContent()) ?? '';
  }
  async select(title: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${title}`, exact: true }).check();
  }
  /** Opens one source in the reader by its title. */
  async read(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: title, exact: true }).click();
  }
  async readSideBySide(): Promise<void> {
    await this.page.getByRole('button', { name: /^Read side by side/ }).click();
  }
  async openDetails(title: string): Promise<MetadataDialog> {
    await this.page.getByRole('button', { name: `Details of ${title}`, exact: true }).click();
    const dialog = new MetadataDialog(this.page.getByRole('dialog', { name: 'Source details' }));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
  /** The Published cell of a source's row. */
  publishedCell(title: string): Locator {
    return this.row(title).getByRole('cell').nth(3);
  }
}

export class MetadataDialog {
  readonly root: Locator;
  constructor(root: Locator) {
    this.root = root;
  }
  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }
  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save' }).click();
  }
  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: 'Cancel' }).click();
  }
  /** Reads the source's kept original again with the current import rules. */
  async reimport(): Promise<void> {
    await this.root.getByRole('button', { name: 'Re-import with current rules' }).click();
  }
  /** What the re-import says in the dialog (the text was the same; an error has role alert). */
  get reimportStatus(): Locator {
    return this.root.getByRole('status');
  }
}
