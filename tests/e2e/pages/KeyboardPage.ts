// Driving the app from the keyboard alone: Tab to a control, the reader's caret (the arrow keys move
// it) and its sentence keys (] and [ select the next and previous sentence) with what its live
// region says.
import { expect, type Locator, type Page } from '@playwright/test';

export class KeyboardPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  /** Presses Tab until `target` has the focus (at most `limit` times). */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target}`);
  }
  /** The selected text, whitespace squashed. */
  async selected(): Promise<string> {
    return this.page.evaluate(() => (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim());
  }
  /** The caret drawn in a text while it has the focus (caret browsing). */
  caret(text: Locator): Locator {
    return text.locator('.reading-caret');
  }
  /** Where the caret is drawn, in the page. */
  async caretAt(text: Locator): Promise<{ x: number; y: number }> {
    const box = await this.caret(text).boundingBox();
    if (!box) throw new Error('no caret drawn');
    return { x: Math.round(box.x), y: Math.round(box.y) };
  }
  /** Waits two animation frames (what the page does at the next frame is done). */
  async nextFrame(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  }
  /**
   * Runs `keys` as if within one frame: the page's animation-frame callbacks wait until they are
   * done (as on a busy main thread, where a fast typist's second key arrives before the next frame).
   */
  async withinOneFrame(keys: () => Promise<void>): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __heldFrames: FrameRequestCallback[]; __raf: typeof requestAnimationFrame };
      w.__heldFrames = [];
      w.__raf = window.requestAnimationFrame;
      window.requestAnimationFrame = (cb) => w.__heldFrames.push(cb);
    });
    try {
      await keys();
    } finally {
      await this.page.evaluate(() => {
        const w = window as unknown as { __heldFrames: FrameRequestCallback[]; __raf: typeof requestAnimationFrame };
        window.requestAnimationFrame = w.__raf;
        for (const cb of w.__heldFrames.splice(0)) w.__raf(cb);
      });
    }
  }
  /** Presses `key` `times` times. */
  async press(key: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }
  /** What a pane's live region last said. */
  said(pane: Locator): Locator {
    return pane.locator('[aria-live="polite"]');
  }
  /** Presses ] until the selected sentence contains `words` (at most `limit` sentences). */
  async nextSentenceWith(words: string, limit = 80): Promise<void> {
    const want = words.replace(/\s+/g, ' ');
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press(']');
      await expect.poll(() => this.selected()).not.toBe('');
      if ((await this.selected()).includes(want)) return;
    }
    throw new Error(`No sentence with “${words}” within ${limit} presses of ]`);
  }
}
