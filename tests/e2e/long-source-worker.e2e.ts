// The reader's worker path (issue 12): a source of 4.5 M characters, past the 2 M from which its
// paragraphs are found in a worker (useParagraphs.ts) and the 4 MB from which its reply is decoded
// in one (decodeOffThread.ts). The user opens it, reads far down it through a search hit, tags a
// passage there, and finds the tag again after a reload. The test asserts that both workers ran
// (a worker that failed to start falls back to the window's thread, and the reader would still
// work) and what the user sees; no timings.
import { test, expect } from '@playwright/test';
import { LibraryPage } from './pages/LibraryPage.ts';
import { ReaderPage } from './pages/ReaderPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { serveLongSource, type LongSourceCase } from './pages/longSourceCase.ts';

// Every step waits on a 4.5 MB text, many times slower on a loaded machine.
const slow = expect.configure({ timeout: 90_000 });

let long: LongSourceCase | null = null;

test.beforeAll(async () => {
  test.setTimeout(400_000);
  long = await serveLongSource({ claims: 200, bytes: 4_500_000 });
});

test.afterAll(async () => {
  await long?.close();
});

test('a source of 4.5 M characters is split and decoded in workers, read far down, and tagged', async ({ page }) => {
  test.setTimeout(400_000);
  const title = long!.title;
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(long!.url);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  const t = new TaggingPage(page);
  await slow(library.row(title)).toBeVisible();

  await library.read(title);
  const text = reader.text(title);
  await slow(text.locator('p').first()).toBeVisible();
  await expect(text).toContainText('Part 1.');
  expect(workers.filter((u) => /decode\.worker/.test(u))).toHaveLength(1);
  expect(workers.filter((u) => /paragraphs\.worker/.test(u))).toHaveLength(1);

  // "Part 1300." is nine tenths of the way down (1,417 parts): its hit opens the text there.
  const results = await reader.search('Part 1300.');
  const hit = results.getByRole('button').filter({ hasText: title }).first();
  await slow(hit).toBeVisible();
  await hit.click();
  await slow(text.getByText('Part 1300.', { exact: true })).toBeInViewport();
  // The hit's flash redraws the passage when it ends: select after it, so the selection stays.
  await slow(text.locator('mark')).toHaveCount(0);

  // Tag the heading of that part as a note: it is highlighted there.
  // Selected in one step in the page: the rest of the text is still being drawn, so offsets read
  // from the whole text beforehand (TaggingPage.select) can point elsewhere by the time they are used.
  await text.getByText('Part 1300.', { exact: true }).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    (el.closest('article') as HTMLElement).focus({ preventScroll: true });
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await slow(t.toolbar).toBeVisible();
  await page.keyboard.press('n');
  const form = t.form('Note');
  await slow(form).toBeVisible();
  await t.save(form);
  const note = text.locator('.hl-note').filter({ hasText: 'Part 1300.' });
  await slow(note).toHaveCount(1);
  await expect(note).toHaveText('Part 1300.');

  // After a reload the tag is still there, in the text read again through the workers.
  // (the reader comes back with the source open, as it was left)
  await page.reload();
  await slow(text.locator('p').first()).toBeVisible();
  const again = await reader.search('Part 1300.');
  await slow(again.getByRole('button').filter({ hasText: title }).first()).toBeVisible();
  await again.getByRole('button').filter({ hasText: title }).first().click();
  await slow(text.locator('.hl-note').filter({ hasText: 'Part 1300.' })).toHaveText('Part 1300.');
  expect(workers.filter((u) => /paragraphs\.worker/.test(u))).toHaveLength(2);
  expect(errors.filter((e) => /Content Security Policy|Uncaught/i.test(e))).toEqual([]);
});
