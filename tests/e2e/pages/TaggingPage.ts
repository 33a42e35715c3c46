// Tagging in the reader: select words in a pane (through the DOM Range API, as a user's drag
// would), the selection toolbar, the claim form, the claims sidebar, events and undo / redo.
import { expect, type Locator, type Page } from '@playwright/test';

export class TaggingPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  text(paneTitle: string): Locator {
    return this.page.getByRole('region', { name: paneTitle, exact: true }).getByRole('article', { name: `Text of ${paneTitle}` });
  }
  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Tag selection' });
  }
  form(kind: string): Locator {
    return this.page.getByRole('form', { name: `${kind} claim` });
  }
  get sidebar(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Claims' });
  }
  get claimRows(): Locator {
    return this.sidebar.locator('li.cs-claim');
  }
  /** The sidebar row of the claim whose quote contains `quote`. */
  row(quote: string): Locator {
    return this.claimRows.filter({ hasText: quote.length > 60 ? quote.slice(0, 60) : quote });
  }
  get undoButton(): Locator {
    return this.page.getByRole('group', { name: 'Edit history' }).getByRole('button', { name: /^Undo/ });
  }
  get redoButton(): Locator {
    return this.page.getByRole('group', { name: 'Edit history' }).getByRole('button', { name: /^Redo/ });
  }

  /**
   * Selects the first occurrence of `quote` in a pane's text (whitespace compared loosely) and waits
   * for the selection toolbar. `occurrence` picks a later one.
   */
  async select(paneTitle: string, quote: string, occurrence = 0): Promise<void> {
    await this.showPane(paneTitle);
    const article = this.text(paneTitle);
    await expect(article).toBeVisible();
    const [from, to] = findLoosely((await article.textContent()) ?? '', quote, occurrence);
    await this.selectOffsets(article, from, to, true);
  }

  /** Where there is no room for every pane side by side, a pane may wait behind a tab: bring it forward. */
  async showPane(paneTitle: string): Promise<void> {
    const tab = this.page.getByRole('tablist', { name: 'More panes' }).getByRole('tab', { name: paneTitle, exact: true });
    // Read without waiting: the tabs come and go as the panes are laid out again (a form closing).
    const selected = await tab.evaluateAll((els) => els.map((el) => el.getAttribute('aria-selected')));
    if (selected.length > 0 && selected[0] !== 'true') await tab.click({ timeout: 5_000 }).catch(() => undefined);
  }

  /**
   * Selects from the start of `from` to the end of `to` (each the first occurrence, `to` after
   * `from`), as a drag across paragraphs or a PDF page break would.
   */
  async selectBetween(paneTitle: string, from: string, to: string): Promise<void> {
    await this.showPane(paneTitle);
    const article = this.text(paneTitle);
    await expect(article).toBeVisible();
    const text = (await article.textContent()) ?? '';
    const a = text.indexOf(from);
    const b = text.indexOf(to, a + 1);
    if (a < 0 || b < 0) throw new Error(`“${from}” … “${to}” is not in the text`);
    await this.selectOffsets(article, a, b + to.length, false);
  }

  /**
   * Selects the characters [from, to) of an article's text through the DOM Range API, as a user's
   * drag would, and waits for the selection toolbar.
   */
  private async selectOffsets(article: Locator, from: number, to: number, scroll: boolean): Promise<void> {
    await article.evaluate(
      (el, args) => {
        const nodes: { node: Text; start: number }[] = [];
        let length = 0;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n as Text, start: length });
          length += (n as Text).data.length;
        }
        const point = (offset: number, end: boolean): [Node, number] => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            const n = nodes[i];
            if (end ? offset > n.start : offset >= n.start) return [n.node, offset - n.start];
          }
          return [nodes[0].node, 0];
        };
        const range = document.createRange();
        range.setStart(...point(args.from, false));
        range.setEnd(...point(args.to, true));
        (el as HTMLElement).focus({ preventScroll: true });
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        if (args.scroll) (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      },
      { from, to, scroll },
    );
    await expect(this.toolbar).toBeVisible();
  }

  /** Selects `quote` in a pane and presses a kind's key; returns the form that opened. */
  async tag(paneTitle: string, quote: string, key: 'c' | 'm' | 'a' | 't' | 'n'): Promise<Locator> {
    await this.select(paneTitle, quote);
    await this.page.keyboard.press(key);
    const kind = { c: 'Casualties', m: 'Munitions', a: 'Attribution', t: 'Timing', n: 'Note' }[key];
    // "m" tags munitions and counts (of attacks, strikes, bases): the form is the one the passage reads as.
    const form = key === 'm' ? this.page.getByRole('form', { name: /^(Munitions|Count) claim$/ }) : this.form(kind);
    await expect(form).toBeVisible();
    return form;
  }

  async save(form: Locator): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
  }

  async newEvent(title: string, fields: { from?: string; to?: string; place?: string } = {}): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'New event' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New event' });
    await dialog.getByLabel('Title').fill(title);
    if (fields.from) await dialog.getByLabel('From').fill(fields.from);
    if (fields.to) await dialog.getByLabel('To').fill(fields.to);
    if (fields.place) await dialog.getByLabel('Place', { exact: true }).fill(fields.place);
    await dialog.getByRole('button', { name: 'Create event' }).click();
    await expect(dialog).toBeHidden();
  }

  /** A claim's row opens the one event picker (its "Event of …" button); type to narrow, pick the event. */
  async assign(row: Locator, eventTitle: string): Promise<void> {
    await row.getByRole('button', { name: /^Event of / }).click();
    const picker = this.page.getByRole('dialog', { name: /^Event for / });
    await picker.getByRole('combobox', { name: 'Filter events' }).fill(eventTitle);
    await picker.getByRole('option', { name: eventTitle }).first().click();
    await expect(picker).toBeHidden();
    await expect(row).toContainText(eventTitle);
  }
}

/**
 * The [start, end) offsets in `text` of the `occurrence`-th (from 0) `quote`, whitespace compared
 * loosely: a squashed copy of the text is searched and mapped back to the real offsets.
 */
function findLoosely(text: string, quote: string, occurrence: number): [number, number] {
  const map: number[] = [];
  const kept: string[] = [];
  // The last character kept is remembered, not tested on the squashed text: /\s$/ scans the whole
  // string each time, which took minutes on a text of millions of characters.
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]);
    if (space && afterSpace) continue;
    map.push(i);
    kept.push(space ? ' ' : text[i]);
    afterSpace = space;
  }
  const squashed = kept.join('');
  const want = quote.replace(/\s+/g, ' ');
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = squashed.indexOf(want, at + 1);
  if (at < 0) throw new Error(`“${quote}” is not in the text`);
  return [map[at], map[at + want.length - 1] + 1];
}
