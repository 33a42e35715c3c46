// A PDF's Pages view in a reading pane: the drawn pages (images named "Page n of N"), the selectable
// text laid over each ("Text of page n"), and selecting words there with the mouse, as a user would.
import { expect, type Locator, type Page } from '@playwright/test';

export class PdfPagesPage {
  readonly page: Page;
  readonly pane: Locator;
  constructor(page: Page, paneTitle: string) {
    this.page = page;
    this.pane = page.getByRole('region', { name: paneTitle, exact: true });
  }
  async open(): Promise<void> {
    await this.pane.getByRole('button', { name: 'Pages', exact: true }).click();
    await expect(this.pane.getByRole('region', { name: /^Pages of / })).toBeVisible();
  }
  async openText(): Promise<void> {
    await this.pane.getByRole('button', { name: 'Text', exact: true }).click();
  }
  image(n: number): Locator {
    return this.pane.getByRole('img', { name: new RegExp(`^Page ${n} of \\d+$`) });
  }
  /** The selectable text over page n. */
  textLayer(n: number): Locator {
    return this.pane.getByRole('group', { name: `Text of page ${n}`, exact: true });
  }
  /** The highlight boxes of a kind drawn over page n. */
  highlights(n: number, kind: string): Locator {
    return this.pane.locator(`figure[data-page="${n}"] .pdf-hl[data-kind="${kind}"]`);
  }

  /**
   * Drags the mouse on page n's text from the left half of `from`'s first character to the right
   * half of `to`'s last (each within one line; `to` defaults to `from`), as a user selects words,
   * and waits for the selection toolbar.
   */
  async dragSelect(n: number, from: string, to = from): Promise<void> {
    const layer = this.textLayer(n);
    await this.image(n).scrollIntoViewIfNeeded();
    await expect(layer.getByText(from)).toBeVisible();
    await layer.getByText(from).scrollIntoViewIfNeeded();
    // Where the characters are drawn (the spans are stretched over the glyphs).
    const charBox = (phrase: string, last: boolean) =>
      layer.getByText(phrase).evaluate(
        (el, a) => {
          const node = el.firstChild as Text;
          const i = node.data.indexOf(a.phrase) + (a.last ? a.phrase.length - 1 : 0);
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + 1);
          const b = r.getBoundingClientRect();
          return { x: a.last ? b.right - 1 : b.left + 1, y: b.top + b.height / 2 };
        },
        { phrase, last },
      );
    const a = await charBox(from, false);
    const b = await charBox(to, true);
    const { mouse } = this.page;
    await mouse.move(a.x, a.y);
    await mouse.down();
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await mouse.move(b.x, b.y, { steps: 5 });
    await mouse.up();
    await expect(this.page.getByRole('toolbar', { name: 'Tag selection' })).toBeVisible();
  }

  /** Focuses page n's text (Tab would reach it too) and presses Ctrl+A: that page's text is selected. */
  async selectAll(n: number): Promise<void> {
    await this.image(n).scrollIntoViewIfNeeded();
    await this.textLayer(n).focus();
    await this.page.keyboard.press('Control+a');
    await expect(this.page.getByRole('toolbar', { name: 'Tag selection' })).toBeVisible();
  }
}
