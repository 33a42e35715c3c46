// A long source with many claims in the reader (issue 15): one 1 MB pasted source with 2,000 claims
// (tests/support/long-source-case.ts), served by `corroborate serve --case`. The reader draws it in
// chunks; what the user relies on still holds: a search hit far down opens the source there and
// flashes it, in a pane already open too; a selection across two chunks tags exactly those words;
// Undo takes the claim back. Only what the user sees is asserted.
import { test, expect } from '@playwright/test';
import { LibraryPage } from './pages/LibraryPage.ts';
import { ReaderPage } from './pages/ReaderPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { serveLongSource, type LongSourceCase } from './pages/longSourceCase.ts';

// On a loaded machine (load above 15 on two cores) every step is many times slower: the bounds are
// wide, and the whole text is awaited for as long as it is still being drawn (waitForWholeText).
// The two tests share one case and one server, one after the other: two copies side by side doubled
// the work the machine had to do for them.
test.describe.configure({ mode: 'default' });
const slow = expect.configure({ timeout: 60_000 });

let long: LongSourceCase | null = null;
let TITLE = '';

test.beforeAll(async () => {
  test.setTimeout(400_000);
  long = await serveLongSource({ claims: 2000 });
  TITLE = long.title;
});

test.afterAll(async () => {
  await long?.close();
});

test('a search hit far down a long source opens it there, flashed, and again in the open pane', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(long!.url);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await slow(library.row(TITLE)).toBeVisible();

  // "Part 300." is about nine tenths of the way down the text.
  const results = await reader.search('Part 300.');
  const hit = results.getByRole('button').filter({ hasText: TITLE }).first();
  await slow(hit).toBeVisible();
  await hit.click();
  const text = reader.text(TITLE);
  const mark = text.locator('mark');
  // One assertion for where the flash is and what it says: it lasts seconds, and two checks in a
  // row can straddle its end on a loaded machine.
  await slow(mark.filter({ hasText: /Part 300/ })).toBeInViewport();

  // The whole text gets drawn, and then a hit near the start scrolls back up to its passage.
  await reader.waitForWholeText(TITLE);
  const back = await reader.search('Part 12.');
  await back.getByRole('button').filter({ hasText: TITLE }).first().click();
  await slow(mark.filter({ hasText: 'Part 12' })).toBeInViewport();
  // Every paragraph is in the page, so the browser's Find and Select all see the whole text.
  const chars = await text.evaluate((el) => (el.textContent ?? '').length);
  expect(chars).toBeGreaterThan(900_000);
});

test('a selection across two chunks of a long source tags exactly those words, and Undo takes it back', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(long!.url);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  const t = new TaggingPage(page);
  await slow(library.row(TITLE)).toBeVisible();
  await library.read(TITLE);
  const text = reader.text(TITLE);
  await slow(text.locator('p').first()).toBeVisible();

  // The last words of one chunk's last paragraph to the first words of the next chunk, on screen.
  const words = await text.evaluate((el) => {
    const chunks = Array.from(el.querySelectorAll<HTMLElement>('.reading-chunk'));
    // ends in plain text (no highlight or suggestion there), so the new note is one run on each side
    const plain = (el: Element | null | undefined, n: number) => !!el && el.tagName === 'SPAN' && !el.className && (el.textContent ?? '').length > n;
    const i = chunks.findIndex(
      (c, k) => k > 0 && plain(c.querySelector('p:last-of-type')?.lastElementChild, 12) && plain(chunks[k + 1]?.querySelector('p')?.firstElementChild, 10),
    );
    const last = chunks[i].querySelector<HTMLElement>('p:last-of-type')!;
    const first = chunks[i + 1].querySelector<HTMLElement>('p')!;
    first.scrollIntoView({ block: 'center' });
    const textNodes = (p: HTMLElement) => {
      const out: Text[] = [];
      const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
      return out;
    };
    const a = textNodes(last).at(-1)!;
    const b = textNodes(first)[0];
    const from = Math.max(0, a.data.length - 12);
    const to = Math.min(b.data.length, 10);
    const range = document.createRange();
    range.setStart(a, from);
    range.setEnd(b, to);
    el.focus({ preventScroll: true });
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return [a.data.slice(from).trim(), b.data.slice(0, to).trim()];
  });
  await slow(t.toolbar).toBeVisible();
  await page.keyboard.press('n');
  const form = t.form('Note');
  await slow(form).toBeVisible();
  await t.save(form);
  const notes = text.locator('.hl-note').filter({ hasText: words[0] });
  await slow(notes.first()).toBeVisible();
  await slow(text.locator('.hl-note', { hasText: words[0] }).first()).toHaveText(words[0]);
  await slow(text.locator('.hl-note', { hasText: words[1] }).first()).toHaveText(words[1]);

  await t.undoButton.click();
  await slow(text.locator('.hl-note', { hasText: words[0] })).toHaveCount(0);
});
