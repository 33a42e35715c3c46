// The workspace's layout as a user meets it: the window itself never scrolls, every reading pane
// shown keeps a readable width, and extra panes wait in tabs.
import { expect, type Locator, type Page } from '@playwright/test';

/** The narrowest a reading pane may get (about 40 characters of the reading font). */
export const MIN_PANE_PX = 320;

export class LayoutPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  get panes(): Locator {
    return this.page.getByRole('group', { name: 'Reading panes' });
  }
  /** The tabs that hold the panes there is no room to show side by side. */
  get paneTabs(): Locator {
    return this.panes.getByRole('tablist', { name: 'More panes' });
  }
  /** How far the window (not a pane or panel inside it) has scrolled. */
  async windowScroll(): Promise<{ top: number; left: number; height: number; viewport: number }> {
    return this.page.evaluate(() => {
      const s = document.scrollingElement!;
      return { top: s.scrollTop, left: s.scrollLeft, height: s.scrollHeight, viewport: window.innerHeight };
    });
  }
  /** The widths of the reading panes on screen (those waiting in a tab are not shown). */
  async paneWidths(): Promise<number[]> {
    return this.panes.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('section.pane')]
        .filter((p) => p.checkVisibility({ visibilityProperty: true }))
        .map((p) => p.getBoundingClientRect().width),
    );
  }
  /** The window has not scrolled, is no taller than itself, and every pane shown is wide enough to read. */
  async expectHolds(what: string): Promise<void> {
    // Smooth scrolls and flashes settle first: a scroll that happens late is still a scroll.
    await this.page.waitForTimeout(400);
    const s = await this.windowScroll();
    expect(s.top, `${what}: the window scrolled`).toBe(0);
    expect(s.left, `${what}: the window scrolled sideways`).toBe(0);
    expect(s.height, `${what}: the document is taller than the window`).toBeLessThanOrEqual(s.viewport);
    if (await this.panes.count()) {
      const widths = await this.paneWidths();
      expect(widths.length, `${what}: no pane shown`).toBeGreaterThan(0);
      for (const w of widths) expect(w, `${what}: a pane is ${Math.round(w)} px wide`).toBeGreaterThanOrEqual(MIN_PANE_PX);
    }
    const top = this.page.getByRole('banner');
    await expect(top).toBeInViewport({ ratio: 1 });
    // In a case, the views never squeeze the case's name out of the top bar.
    const caseName = top.getByRole('heading', { level: 1 });
    if (await caseName.count()) expect((await caseName.boundingBox())?.width ?? 0, `${what}: the case name is squeezed out`).toBeGreaterThan(40);
    expect(await this.coveredTopBarControls(), `${what}: top-bar controls pushed out of reach`).toEqual([]);
  }

  /** The top bar's controls that a click at their middle would not reach (clipped, or under another item), by name. */
  async coveredTopBarControls(): Promise<string[]> {
    return this.page.getByRole('banner').evaluate((bar) =>
      [...bar.querySelectorAll<HTMLElement>('button, select, input')]
        .filter((el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return !hit || !el.contains(hit);
        })
        .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName),
    );
  }
}
