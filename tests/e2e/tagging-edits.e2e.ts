// Editing tagged claims end to end: a corrected publication date re-resolves relative dates; a
// claim's passage changes and a claim is deleted, both undoable; a new version of a source keeps
// its annotations and orphans the one whose words are gone; a figure keeps the place it is scoped
// to. Quotes come from the corpus answer key.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, seedDocuments } from './fixtures.ts';
import { repoRoot } from './paths.ts';
import { keyClaims } from './pages/seedKey.ts';
import { TaggingPage } from './pages/TaggingPage.ts';

async function openSeed(prefix: string, start: import('./pages/StartPage.ts').StartPage, library: import('./pages/LibraryPage.ts').LibraryPage) {
  const seed = (await seedDocuments()).find((s) => s.file.startsWith(prefix))!;
  await start.createCase(`Seed ${prefix}`);
  await library.importFiles([seed.path]);
  await library.waitForImport();
  await library.read(seed.title);
  return seed;
}

test('correcting the publication date re-resolves a "Wednesday" timing claim', async ({ app, start, library }) => {
  // Seed 002 states no publication date of its own.
  const seed = await openSeed('002', start, library);
  const quote = (await keyClaims()).find((c) => c.doc === seed.file && c.kind === 'timing' && /\bWednesday\b/.test(c.quote))!.quote;
  const t = new TaggingPage(app);

  const form = await t.tag(seed.title, quote, 't');
  await expect(form.getByLabel('Expression as written')).toHaveValue(/Wednesday/);
  await expect(form).toContainText('No publication date: set it in Details');
  await t.save(form);
  const row = t.row(quote);
  await expect(row).toContainText('not resolved');

  const setDate = async (date: string) => {
    await app.getByRole('button', { name: `Details of ${seed.title}`, exact: true }).click();
    const dialog = app.getByRole('dialog', { name: 'Source details' });
    const unknown = dialog.getByLabel('Date unknown');
    if (await unknown.isChecked()) await unknown.uncheck();
    await dialog.getByLabel('Date', { exact: true }).fill(date);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  };
  // Friday 13 March 2020: news is past tense, so Wednesday is the 11th.
  await setDate('2020-03-13');
  await expect(row).toContainText('11 Mar 2020');
  // Corrected again (Friday 20 March): the same words now mean the 18th.
  await setDate('2020-03-20');
  await expect(row).toContainText('18 Mar 2020');
  await app.reload();
  await expect(t.row(quote)).toContainText('18 Mar 2020');
});

test('change a claim’s passage and delete a claim, each undone and redone', async ({ app, start, library }) => {
  const seed = await openSeed('004', start, library);
  const quote = (await keyClaims()).find((c) => c.doc === seed.file && c.kind === 'munitions' && c.measure === 'rockets_fired')!.quote;
  const t = new TaggingPage(app);

  const form = await t.tag(seed.title, quote, 'm');
  await expect(form.getByLabel('Measure', { exact: true })).toHaveValue('rockets_fired');
  await t.save(form);
  const row = t.claimRows.first();
  await expect(row).toContainText(quote);

  // A click on the highlight opens the claim for editing.
  await t.text(seed.title).locator('.hl-munitions').first().click();
  const edit = t.form('Munitions');
  await expect(edit.getByRole('heading', { name: 'Edit munitions claim' })).toBeVisible();
  await edit.getByLabel('Speaker (who is cited)').fill('Iraqi officials');
  // An invalid figure is refused next to its field, and nothing is saved.
  const best = await edit.getByLabel('Best').inputValue();
  await edit.getByLabel('Low').fill(String(Number(best) + 100));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByRole('alert')).toContainText('low, best and high must be in order');
  await expect(edit.getByLabel('Best')).toHaveAttribute('aria-invalid', 'true');
  await expect(row).not.toContainText('Iraqi officials');
  await edit.getByLabel('Low').fill(best);
  await t.save(edit);
  await expect(row).toContainText('Iraqi officials');
  await expect(t.undoButton).toHaveAccessibleName('Undo Edit claim');

  // Change passage: pick the row's action, select the new words, confirm.
  const shorter = quote.split(/\s+/).slice(1, 4).join(' ');
  await row.getByRole('button', { name: 'Change passage' }).click();
  await expect(t.sidebar.getByRole('status').filter({ hasText: 'select the new passage' })).toBeVisible();
  await t.select(seed.title, shorter);
  await t.toolbar.getByRole('button', { name: 'Use as new passage' }).click();
  await expect(row.locator('.cs-quote')).toHaveText(`“${shorter}”`);
  await expect(t.text(seed.title).locator('.hl-munitions')).toHaveText(shorter);
  await expect(t.undoButton).toHaveAccessibleName('Undo Change passage');
  await t.undoButton.click();
  await expect(row.locator('.cs-quote')).toHaveText(`“${quote}”`);
  await t.redoButton.click();
  await expect(row.locator('.cs-quote')).toHaveText(`“${shorter}”`);

  // Delete, then undo brings the claim and its highlight back.
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(t.claimRows).toHaveCount(0);
  await expect(t.text(seed.title).locator('.hl')).toHaveCount(0);
  await expect(t.undoButton).toHaveAccessibleName('Undo Delete claim');
  await t.undoButton.click();
  await expect(t.claimRows).toHaveCount(1);
  await expect(t.text(seed.title).locator('.hl-munitions')).toHaveText(shorter);
  await t.redoButton.click();
  await expect(t.claimRows).toHaveCount(0);
});

test('a new version of a source keeps its annotations and orphans the one whose words are gone', async ({ app, start, library }) => {
  const seed = await openSeed('004', start, library);
  const key = (await keyClaims()).filter((c) => c.doc === seed.file);
  const kept = key.find((c) => c.kind === 'casualties' && /seriously/.test(c.quote))!.quote;
  const dropped = key.find((c) => c.kind === 'munitions' && c.measure === 'rockets_fired')!.quote;
  const t = new TaggingPage(app);
  await t.save(await t.tag(seed.title, kept, 'c'));
  await t.save(await t.tag(seed.title, dropped, 'm'));
  await expect(t.claimRows).toHaveCount(2);

  // The new version: a line added at the top, a typo-level change, and the rockets sentence rewritten.
  const original = await readFile(seed.path, 'utf8');
  expect(original).toContain(dropped);
  const edited = `Updated with corrections.\n\n${original}`
    .replace(dropped, 'a salvo of unguided projectiles hit the base')
    .replace(/\bPentagon\b/, 'Pentagon’s office');
  await t.text(seed.title); // the pane is open
  await app
    .getByRole('region', { name: seed.title, exact: true })
    .getByLabel(`Replace with new version: ${seed.title}`)
    .setInputFiles({ name: 'wp-corrected.txt', mimeType: 'text/plain', buffer: Buffer.from(edited, 'utf8') });
  await expect(app.getByRole('status').filter({ hasText: 're-anchored' })).toContainText('1 annotation re-anchored, 1 orphaned');

  // The kept claim is highlighted in the new text; the other waits in the orphans list.
  await expect(t.text(seed.title)).toContainText('Updated with corrections.');
  await expect(t.text(seed.title).locator('.hl-casualties')).toHaveText(kept);
  const orphans = t.sidebar.getByRole('list', { name: 'Orphans' });
  await expect(t.sidebar.getByRole('heading', { name: 'Orphans (1)' })).toBeVisible();
  await expect(orphans).toContainText(dropped);

  // Place it by hand on the new words; undo puts it back among the orphans.
  await orphans.getByRole('button', { name: 'Place here' }).click();
  await t.select(seed.title, 'a salvo of unguided projectiles');
  await t.toolbar.getByRole('button', { name: 'Use as new passage' }).click();
  await expect(t.sidebar.getByRole('heading', { name: /^Orphans/ })).toHaveCount(0);
  await expect(t.text(seed.title).locator('.hl-munitions')).toHaveText('a salvo of unguided projectiles');
  await app.keyboard.press('Control+z');
  await expect(t.sidebar.getByRole('heading', { name: 'Orphans (1)' })).toBeVisible();
});

test('one annotation across a PDF page break, and several separate passages collected into one', async ({ app, start, library }) => {
  const pdf = join(repoRoot, 'tests', 'fixtures', 'import', 'three-pages-ghostscript.pdf');
  await start.createCase('Pages');
  await library.importFiles([pdf]);
  await library.waitForImport();
  const title = (await library.rows.first().getByRole('rowheader').getByRole('button').textContent())!;
  await library.read(title);
  const t = new TaggingPage(app);
  await expect(t.text(title).getByRole('separator', { name: 'Page 2' })).toBeAttached();

  // Across the break: one annotation with a passage on each page.
  await t.selectBetween(title, 'second line', 'Second page');
  await app.keyboard.press('n');
  let form = t.form('Note');
  await expect(form.locator('figcaption')).toContainText('2 passages · p. 1, 2');
  await t.save(form);
  await expect(t.text(title).locator('.hl-note')).toHaveText(['second line of the fixture.', 'Second page']);
  // Each passage carries the kind letter, so either one reads as a note without colour.
  await expect(t.text(title).locator('.hl-note[data-letter="N"]')).toHaveCount(2);

  // Separate passages: collect one with "Add passage", select another, choose the kind.
  await t.select(title, 'First page, first line');
  await t.toolbar.getByRole('button', { name: 'Add passage' }).click();
  await t.select(title, 'Third page text');
  await expect(t.toolbar).toContainText('2 passages');
  await t.toolbar.getByRole('button', { name: 'Timing (t)' }).click();
  form = t.form('Timing');
  await expect(form.locator('figcaption')).toContainText('2 passages');
  await expect(form.locator('blockquote')).toHaveText('First page, first line … Third page text');
  await t.save(form);
  await expect(t.claimRows).toHaveCount(2);
  await expect(t.text(title).locator('.hl-timing')).toHaveText(['First page, first line', 'Third page text']);
});

test('an attribution finds its actor under any spelling, and the actor joins the case', async ({ app, start, library }) => {
  const seeds = (await seedDocuments()).filter((s) => /^00[24]_/.test(s.file));
  const key = await keyClaims();
  await start.createCase('Actors');
  await library.importFiles(seeds.map((s) => s.path));
  await library.waitForImport();
  for (const s of seeds) await library.select(s.title);
  await library.readSideBySide();
  const t = new TaggingPage(app);
  // Two outlets, two spellings of one militia's name.
  const spelled = (doc: string) => key.find((c) => c.doc === doc && c.kind === 'attribution' && /Hezbollah/.test(c.quote))!;
  const names = new Set<string>();
  for (const [i, s] of seeds.entries()) {
    const c = spelled(s.file);
    const form = await t.tag(s.title, c.quote, 'a');
    const perpetrator = form.getByLabel('Perpetrator (as written)');
    await expect(perpetrator).toHaveValue(/Hezbollah/);
    names.add(await perpetrator.inputValue());
    const actor = form.getByLabel('Actor', { exact: true });
    await expect(actor).not.toHaveValue('');
    // The first claim brings the actor (from the starter list) into the case; the second finds it there.
    if (i === 0) await expect(form).toContainText('will be added to this case’s actors');
    else await expect(form).not.toContainText('will be added');
    await t.save(form);
  }
  expect(names.size).toBe(2);
  const rows = t.claimRows;
  await expect(rows).toHaveCount(2);
  // Both name the same actor of the case.
  await rows.nth(0).getByRole('button', { name: 'Edit' }).click();
  const first = await t.form('Attribution').getByLabel('Actor', { exact: true }).inputValue();
  await app.keyboard.press('Escape');
  await rows.nth(1).getByRole('button', { name: 'Edit' }).click();
  await expect(t.form('Attribution').getByLabel('Actor', { exact: true })).toHaveValue(first);
});

test('a figure scoped to a place keeps it, and says so in its summary', async ({ app, start, library }) => {
  const seed = await openSeed('003', start, library);
  const quote = (await keyClaims()).find((c) => c.doc === seed.file && c.kind === 'casualties' && c.measure === 'wounded' && /Air Base/.test(c.quote))!.quote;
  const t = new TaggingPage(app);
  const form = await t.tag(seed.title, quote, 'c');
  const place = form.getByLabel('Place', { exact: true });
  await expect(place).toHaveValue('');
  await place.fill('Al Asad Air Base, Anbar, Iraq');
  await t.save(form);
  await expect(t.row(quote)).toContainText('at Al Asad Air Base, Anbar, Iraq');
  await app.reload();
  await expect(t.row(quote)).toContainText('at Al Asad Air Base, Anbar, Iraq');
});
