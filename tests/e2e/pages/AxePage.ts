// An axe-core scan of what is on screen, in the light or the dark colour scheme, reported so a
// failure says which rule, where, and why (the test fails on any violation).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Scheme = 'light' | 'dark';

export class AxePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  /** Scans the page in each scheme; expects no violation (softly: every screen is scanned, the test fails at its end). Transitions settle first (contrast is read from what is drawn). */
  async expectClean(screen: string, schemes: Scheme[] = ['light', 'dark']): Promise<void> {
    for (const scheme of schemes) {
      await this.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await this.page.waitForTimeout(300);
      // The app follows the system scheme (the report has one look); a scan in the wrong one proves nothing.
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? null);
      if (theme !== null) expect(theme, `${screen}: the app did not follow the ${scheme} system setting`).toBe(scheme);
      // label-content-name-mismatch is still marked experimental in axe, so it is asked for by name:
      // a control's accessible name must contain its visible words (what a voice-control user says).
      const result = await new AxeBuilder({ page: this.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
      const found = result.violations.map(
        (v) =>
          `${v.id} (${v.nodes.length}): ${v.help}\n` +
          v.nodes
            .slice(0, 6)
            .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 3).join(' ').trim()}`)
            .join('\n'),
      );
      expect.soft(found, `${screen}, ${scheme}: axe-core violations`).toEqual([]);
    }
  }
}
