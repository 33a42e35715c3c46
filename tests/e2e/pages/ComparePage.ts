// The Compare view: events with grades and counts, the event's matrix table, its dialogs
// (decide, reconcile, override grade), the disagreements list and the timeline.
import { expect, type Locator, type Page } from '@playwright/test';

export class ComparePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get root(): Locator {
    return this.page.getByRole('region', { name: 'Compare', exact: true });
  }
  get events(): Locator {
    return this.root.getByRole('navigation', { name: 'Events' });
  }
  get table(): Locator {
    return this.root.getByRole('table');
  }
  async show(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: /^Compare/ })
      .click();
    await expect(this.root).toBeVisible();
  }
  async mode(name: 'Events' | 'Disagreements' | 'Timeline'): Promise<void> {
    await this.root
      .getByRole('group', { name: 'Compare views' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
  }
  /** On a narrow window the events list is a drawer, opened by the toolbar's "Event list" button. */
  get eventsToggle(): Locator {
    return this.root.getByRole('button', { name: /^Event list/ });
  }
  async openEvent(title: string): Promise<void> {
    // Once the comparison is computed, the list is shown or its drawer's button is.
    await expect(this.events.or(this.eventsToggle).first()).toBeVisible({ timeout: 30_000 });
    if ((await this.eventsToggle.isVisible()) && (await this.eventsToggle.getAttribute('aria-expanded')) !== 'true') await this.eventsToggle.click();
    await this.events.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await expect(this.table.locator('caption')).toContainText(title);
  }
  /** The table row whose header is exactly `label` ("killed", "wounded", "killed · US military"). */
  row(label: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }
  // A row's buttons are named by the row ("Dismiss killed · military"), so they are found by their verb.
  /** The rows that carry a disagreement's flag: the only rows that can be confirmed, explained or dismissed. */
  get flagRows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: /^Dismiss / }) });
  }
  /** The row header's text of a row ("killed · US military"). */
  async labelOf(row: Locator): Promise<string> {
    return ((await row.getByRole('rowheader').textContent()) ?? '').trim();
  }
  /** Opens the reconcile dialog of a row and returns it. */
  async openReconcile(label: string): Promise<Locator> {
    await this.row(label)
      .getByRole('button', { name: /^(Reconcile|Edit reconciliation of) / })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Reconcile figures' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
  verdict(label: string): Locator {
    return this.row(label).locator('.verdict');
  }
  async decide(label: string, action: 'Confirm' | 'Explain' | 'Dismiss', note: string): Promise<void> {
    await this.row(label)
      .getByRole('button', { name: new RegExp(`^${action} `) })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(note);
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  async reconcile(label: string, method: RegExp, rationale: string, expected?: { low: string; best: string; high: string }): Promise<void> {
    await this.row(label)
      .getByRole('button', { name: /^Reconcile / })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Reconcile figures' });
    await dialog.getByRole('radio', { name: method }).check();
    if (expected) {
      const result = dialog.getByRole('region', { name: 'Result' });
      await expect(result).toContainText(`Low${expected.low}`);
      await expect(result).toContainText(`Best${expected.best}`);
      await expect(result).toContainText(`High${expected.high}`);
    }
    await dialog.getByLabel('Rationale').fill(rationale);
    await dialog.getByRole('button', { name: 'Save reconciliation' }).click();
    await expect(dialog).toBeHidden();
  }
}
