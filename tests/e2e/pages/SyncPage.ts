// The top bar's sync status and the Share dialog, found by role and label.
import { expect, type Locator, type Page } from '@playwright/test';

export class SyncPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  /** "Share this case" before sharing; "Sync: Synced. Sharing settings" and the like after. */
  get status(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^(Share this case|Sync: )/ });
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Shar(e|ing) this case$/ });
  }
  get error(): Locator {
    return this.dialog.getByRole('alert');
  }
  async openDialog(): Promise<void> {
    await this.status.click();
    await expect(this.dialog).toBeVisible();
  }
  async share(server: string, user: string, password: string, opts: { remember?: boolean } = {}): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.openDialog();
    await this.dialog.getByLabel('Server address').fill(server);
    await this.dialog.getByLabel('User name').fill(user);
    await this.dialog.getByLabel(/^Password/).fill(password);
    const remember = this.dialog.getByRole('checkbox', { name: 'Remember the password on this computer' });
    if (opts.remember === false) await remember.uncheck();
    else await remember.check();
    await this.dialog.getByRole('button', { name: 'Share', exact: true }).click();
  }
  async expectStatus(text: RegExp): Promise<void> {
    await expect(this.status).toHaveAccessibleName(text, { timeout: 20_000 });
  }
  async stop(forget = false): Promise<void> {
    await this.openDialog();
    await this.dialog.getByRole('button', { name: forget ? 'Stop and forget this server' : 'Stop syncing' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
