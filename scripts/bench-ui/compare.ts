// bench-ui's Compare steps (issue 15), after the reader's: open Compare (the event list and the first
// event's matrix shown), open another event of the list (its matrix shown), and the Disagreements
// list (its first open disagreement shown). Each records its wall time, its long tasks and the reply
// sizes of the calls to the core it made (what Compare ships at 10,000 sources).
import type { Page } from '@playwright/test';

export type CompareStep = 'compare' | 'event' | 'disagreements';
export const COMPARE_STEPS: { key: CompareStep; label: string }[] = [
  { key: 'compare', label: 'open Compare → events, matrix' },
  { key: 'event', label: 'open an event → its matrix' },
  { key: 'disagreements', label: 'Disagreements → first shown' },
];

export async function compareJourney(page: Page, step: (key: CompareStep, act: () => Promise<void>) => Promise<void>): Promise<void> {
  const wait = (check: (arg: string) => boolean, arg: string) => page.waitForFunction(check, arg, { polling: 'raf', timeout: 300_000 });
  await step('compare', async () => {
    await page.locator('nav[aria-label="Views"] button', { hasText: /^Compare/ }).click();
    await wait(
      () => !!document.querySelector('nav[aria-label="Events"] button.cmp-event') && !!document.querySelector('section[aria-label="Compare"] table caption'),
      '',
    );
  });
  // The sixth event of the list (on the first screen, not the one shown), or the last of a shorter list.
  const events = page.locator('nav[aria-label="Events"] button.cmp-event');
  const pick = events.nth(Math.max(0, Math.min(5, (await events.count()) - 1)));
  const title = ((await pick.locator('.cmp-event-title').textContent()) ?? '').trim();
  await step('event', async () => {
    await pick.click();
    await wait((t) => document.querySelector('section[aria-label="Compare"] table caption .cmp-caption-title')?.textContent === t, title);
  });
  await step('disagreements', async () => {
    await page.locator('[aria-label="Compare views"] button', { hasText: /^Disagreements/ }).click();
    await wait(() => !!document.querySelector('ul.cmp-dis-list li.cmp-dis-item'), '');
  });
}
