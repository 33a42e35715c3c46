// Tagging without a mouse: from the library, Tab to a source and open it with Enter; the focus lands
// in its text; the arrow keys move a caret and Shift+arrows select from it; ] selects sentence after sentence (a live region says each, and the claims on it),
// Shift+← trims the selection by a word; c opens the casualty form with the focus in it, and
// Ctrl+Enter saves the claim.
import { test, expect, seedDocuments } from './fixtures.ts';
import { KeyboardPage } from './pages/KeyboardPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { keyClaims } from './pages/seedKey.ts';
import { SuggestionsPage } from './pages/SuggestionsPage.ts';

test('select a sentence and save a casualty claim from the keyboard alone', async ({ app, start, library, reader }) => {
  test.setTimeout(90_000);
  const seed = (await seedDocuments()).find((s) => /^000_/.test(s.file))!;
  const claim = (await keyClaims(seed.file)).find((c) => c.kind === 'casualties' && c.measure === 'killed')!;
  await start.createCase('Keyboard only');
  await library.importFiles([seed.path]);
  await library.waitForImport();

  const kb = new KeyboardPage(app);
  await kb.tabTo(library.row(seed.title).getByRole('button', { name: seed.title, exact: true }));
  await app.keyboard.press('Enter');
  const text = reader.text(seed.title);
  await expect(text).toBeFocused();

  await kb.nextSentenceWith(claim.quote);
  const sentence = await kb.selected();
  await expect(kb.said(reader.pane(seed.title))).toContainText(/Paragraph \d+ of \d+, sentence \d+ of \d+/);
  await expect(kb.said(reader.pane(seed.title))).toContainText(sentence.slice(0, 40));
  // Shift+← gives back the last word.
  await app.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => kb.selected()).not.toBe(sentence);
  expect(sentence.startsWith(await kb.selected())).toBe(true);
  await app.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => kb.selected()).toBe(sentence);

  const t = new TaggingPage(app);
  await app.keyboard.press('c');
  const form = t.form('Casualties');
  await expect(form).toBeVisible();
  await expect.poll(() => form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
  await expect(form.getByLabel('Measure', { exact: true })).toHaveValue('killed');
  await app.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(t.row(claim.quote.split(' ').slice(0, 6).join(' '))).toBeVisible();

  // The focus is back in the text; ] goes on from the claim's sentence, and back on it with [ the
  // live region names the claim on its words.
  await expect(text).toBeFocused();
  await app.keyboard.press(']');
  await expect.poll(() => kb.selected()).not.toBe(sentence);
  await app.keyboard.press('[');
  await expect.poll(() => kb.selected()).toBe(sentence);
  await expect(kb.said(reader.pane(seed.title))).toContainText('Tagged:');
});

test('the arrow keys move a caret through the text, Shift+arrows select from it, and the words selected are tagged', async ({
  app,
  start,
  library,
  reader,
}) => {
  test.setTimeout(90_000);
  const seed = (await seedDocuments()).find((s) => /^000_/.test(s.file))!;
  await start.createCase('Caret browsing');
  await library.importFiles([seed.path]);
  await library.waitForImport();

  const kb = new KeyboardPage(app);
  await kb.tabTo(library.row(seed.title).getByRole('button', { name: seed.title, exact: true }));
  await app.keyboard.press('Enter');
  const text = reader.text(seed.title);
  await expect(text).toBeFocused();

  // The first arrow puts a visible caret at the top of the text; down and right move it.
  await app.keyboard.press('ArrowDown');
  await expect(kb.caret(text)).toBeVisible();
  const top = await kb.caretAt(text);
  await kb.press('ArrowDown', 3);
  await expect.poll(async () => (await kb.caretAt(text)).y).toBeGreaterThan(top.y);
  const line = await kb.caretAt(text);
  await kb.press('Control+ArrowRight', 2);
  await expect.poll(async () => (await kb.caretAt(text)).x).toBeGreaterThan(line.x);
  // Nothing is selected while the caret moves, and the page never scrolls.
  expect(await kb.selected()).toBe('');

  // Shift+→ selects word after word from the caret; the live region says the words.
  await kb.press('Shift+ArrowRight', 3);
  await expect.poll(() => kb.selected()).not.toBe('');
  const words = await kb.selected();
  expect(words.split(' ').length).toBeGreaterThanOrEqual(2);
  await expect(kb.said(reader.pane(seed.title))).toContainText(`Selected: ${words}`);

  // n, pressed at once after one more Shift+→ (within the same frame), tags exactly the words selected then as a note.
  const t = new TaggingPage(app);
  await expect(t.toolbar).toBeVisible();
  await kb.withinOneFrame(async () => {
    await app.keyboard.press('Shift+ArrowRight');
    await app.keyboard.press('n');
  });
  const form = t.form('Note');
  await expect(form).toBeVisible();
  await app.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const loose = (s: string) => s.trim().split(/\s+/);
  const [tagged, selected] = [loose((await text.locator('.hl-note').allTextContents()).join('')), loose(words)];
  expect(tagged, `tagged “${tagged.join(' ')}”, selected “${words}” and one word more`).toEqual([...selected, tagged[selected.length]]);
  expect(tagged).toHaveLength(selected.length + 1);
  expect(await app.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

  // Back in the text, ← on a selection leaves the caret at its start: the selection is gone.
  await expect(text).toBeFocused();
  await kb.press('Shift+ArrowRight', 1);
  await expect.poll(() => kb.selected()).not.toBe('');
  await app.keyboard.press('ArrowLeft');
  await expect.poll(() => kb.selected()).toBe('');
  await expect(kb.caret(text)).toBeVisible();
});

test('after New event… in a claim form opened from a suggestion, the focus is back in the form and Ctrl+Enter saves', async ({ app, start, library }) => {
  test.setTimeout(90_000);
  const seed = (await seedDocuments()).find((s) => /^000_/.test(s.file))!;
  await start.createCase('Focus after New event');
  await library.importFiles([seed.path]);
  await library.waitForImport();
  await library.read(seed.title);
  const sg = new SuggestionsPage(app);
  await sg.open();
  await expect(sg.items.first()).toBeVisible({ timeout: 30_000 });
  await sg.items.first().getByRole('button', { name: /^Edit/ }).click();
  const form = app.getByRole('form', { name: /claim$/ });
  await expect(form).toBeVisible();
  const kb = new KeyboardPage(app);
  await kb.tabTo(form.getByRole('button', { name: 'New event…' }));
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'New event' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await app.keyboard.type('Focus event');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Not on a suggestion card: in the form, where the next key (Ctrl+Enter) belongs.
  await app.waitForTimeout(500);
  expect(await form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
  await app.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await sg.claimsTab.click();
  await expect(new TaggingPage(app).claimRows.filter({ hasText: 'Focus event' })).toHaveCount(1);
});
