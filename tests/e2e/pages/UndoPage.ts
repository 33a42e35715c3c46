// The edit history in the top bar (Undo / Redo, each showing the edit it would act on), the
// confirmation that follows an undo or redo, and the dialog that deletes a source to the trash.
import { expect, type Locator, type Page } from '@playwright/test';

export class UndoPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get history(): Locator {
    return this.page.getByRole('group', { name: 'Edit history' });
  }
  get undoButton(): Locator {
    return this.history.getByRole('button', { name: /^Undo/ });
  }
  get redoButton(): Locator {
    return this.history.getByRole('button', { name: /^Redo/ });
  }
  /** The fading confirmation of the last undo or redo. */
  get confirmation(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Undone|Redone|That edit)/ });
  }
  /** Ctrl+Z / Ctrl+Shift+Z with the focus on the page, not in a field. */
  async press(keys: 'Control+z' | 'Control+Shift+z'): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(keys);
  }
  /** The edit Undo would take back, as its name says (and its text, where the bar has room). */
  async expectUndoes(label: string): Promise<void> {
    await expect(this.undoButton).toHaveAccessibleName(new RegExp(`^Undo ${escape(label)}$`, 'i'));
  }
  /** The label as the button shows it (on a wide enough bar). */
  async expectShown(label: string): Promise<void> {
    await expect(this.undoButton).toHaveText(new RegExp(`Undo: ${escape(label)}$`));
  }
  async expectConfirmed(text: string): Promise<void> {
    await expect(this.confirmation).toContainText(text);
  }
  /** Clicks a source's Delete in the library; returns the confirmation dialog. */
  async openDelete(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
    const dialog = this.page.getByRole('alertdialog', { name: `Delete “${title}”?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
