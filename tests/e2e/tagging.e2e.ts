// Tagging claims in the reader, end to end in browser mode: select words, press a key, confirm the
// pre-filled form, group claims into an event, undo / redo, reload. Quotes come from the corpus
// answer key (../shared/corpus/seeds-key.json) at test time.
import { join } from 'node:path';
import { test, expect, seedDocuments } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { importSeeds, keyClaims } from './pages/seedKey.ts';

const TAJI = 'Rocket attack on Camp Taji';

test('tag the Camp Taji casualty claims of three sources by keyboard, group them, undo, redo, reload', async ({ app, start, library }) => {
  test.setTimeout(120_000);
  const all = await seedDocuments();
  const seeds = all.filter((s) => /^00[024]_/.test(s.file));
  expect(seeds).toHaveLength(3);
  const claims = (await keyClaims()).filter(
    (c) =>
      c.kind === 'casualties' && c.event === 'taji-2020-03-11' && seeds.some((s) => s.file === c.doc) && (c.measure === 'killed' || c.measure === 'wounded'),
  );
  expect(claims.length).toBeGreaterThanOrEqual(5);
  const titleOf = (doc: string) => seeds.find((s) => s.file === doc)!.title;

  await start.createCase('Camp Taji');
  await importSeeds(library, seeds);
  const t = new TaggingPage(app);

  for (const c of claims) {
    const form = await t.tag(titleOf(c.doc), c.quote, 'c');
    // Pre-filled from the words: the figure as the parser reads it, and the measure.
    await expect(form.getByLabel('Best')).toHaveValue(String(c.figure!.best));
    await expect(form.getByLabel('Low')).toHaveValue(String(c.figure!.low));
    await expect(form.getByLabel('High')).toHaveValue(c.figure!.high === null ? '' : String(c.figure!.high));
    await expect(form.getByLabel('Measure', { exact: true })).toHaveValue(c.measure!);
    if (/five seriously/.test(c.quote)) {
      // A subset, not an extra part: the total stays 14.
      await expect(form.getByLabel('Part 1 is a subset')).toBeChecked();
    }
    await t.save(form);
    await expect(t.row(c.quote)).toBeVisible();
  }
  await expect(t.claimRows).toHaveCount(claims.length);
  await expect(t.undoButton).toHaveAccessibleName('Undo Tag casualties');
  // Undo the last tag: its claim and highlight go; redo brings both back.
  const lastTagged = claims.at(-1)!;
  const hlCount = () => t.text(titleOf(lastTagged.doc)).locator('.hl-casualties[data-letter]');
  const n = await hlCount().count();
  await app.keyboard.press('Control+z');
  await expect(t.row(lastTagged.quote)).toHaveCount(0);
  await expect(hlCount()).toHaveCount(n - 1);
  await expect(t.redoButton).toHaveAccessibleName('Redo Tag casualties');
  await app.keyboard.press('Control+y');
  await expect(t.row(lastTagged.quote)).toBeVisible();
  await expect(hlCount()).toHaveCount(n);

  // Highlights in each pane, coloured by kind, with the claim on hover.
  for (const s of seeds) {
    const n = claims.filter((c) => c.doc === s.file).length;
    await expect(t.text(s.title).locator('.hl-casualties[data-letter]')).toHaveCount(n);
  }
  await expect(t.text(titleOf(claims[0].doc)).locator('.hl-casualties').first()).toHaveAttribute('title', /Casualties: (killed|wounded)/);

  // One event, and every claim assigned to it: the first by dragging, the rest with the select.
  await t.newEvent(TAJI, { from: '2020-03-11', to: '2020-03-11', place: 'Camp Taji, Iraq' });
  const events = t.sidebar.getByRole('list', { name: 'Events' });
  await expect(events).toContainText(TAJI);
  await t.row(claims[0].quote).dragTo(events.getByRole('listitem').filter({ hasText: TAJI }));
  await expect(t.row(claims[0].quote)).toContainText(TAJI);
  for (const c of claims.slice(1)) await t.assign(t.row(c.quote), TAJI);
  await expect(events.getByRole('listitem').filter({ hasText: TAJI })).toContainText(`${claims.length} claims`);

  // Undo the last assignment and the one before (toolbar and keyboard), then redo both.
  const last = t.row(claims.at(-1)!.quote);
  const before = t.row(claims.at(-2)!.quote);
  await expect(t.undoButton).toHaveAccessibleName(`Undo Assign to ${TAJI}`);
  await t.undoButton.click();
  await expect(last).toContainText('No event');
  await app.locator('body').click({ position: { x: 5, y: 200 } });
  await app.keyboard.press('Control+z');
  await expect(before).toContainText('No event');
  await expect(t.redoButton).toHaveAccessibleName(`Redo Assign to ${TAJI}`);
  await t.redoButton.click();
  await expect(before).toContainText(TAJI);
  await app.keyboard.press('Control+Shift+z');
  await expect(last).toContainText(TAJI);
  await expect(t.redoButton).toBeDisabled();

  // Reload: every claim is still there, with its figure and event, and so is the history.
  await app.reload();
  await expect(t.claimRows).toHaveCount(claims.length);
  for (const c of claims) {
    const row = t.row(c.quote);
    await expect(row).toContainText(`${c.measure} ${c.figure!.best}`);
    await expect(row).toContainText(TAJI);
  }
  await expect(t.undoButton).toBeEnabled();
  await expect(t.undoButton).toHaveAccessibleName(/^Undo /);
  for (const s of seeds) await expect(t.text(s.title).locator('.hl-casualties[data-letter]').first()).toBeVisible();
});

test('the form and highlights look like a working tool', async ({ app, start, library }) => {
  test.setTimeout(90_000);
  await app.setViewportSize({ width: 1680, height: 980 });
  const all = await seedDocuments();
  const seeds = all.filter((s) => /^00[24]_/.test(s.file));
  const key = await keyClaims();
  await start.createCase('Screenshot');
  await importSeeds(library, seeds);
  const t = new TaggingPage(app);
  const wp = seeds.find((s) => s.file.startsWith('004'))!;
  const bb = seeds.find((s) => s.file.startsWith('002'))!;
  const q = (id: string) => key.find((c) => c.id === id)!.quote;
  const tagAndSave = async (title: string, quote: string, k: 'c' | 'm' | 'a' | 't' | 'n') => t.save(await t.tag(title, quote, k));
  for (const c of key.filter((x) => x.doc === wp.file && x.event === 'taji-2020-03-11')) {
    const k = ({ casualties: 'c', munitions: 'm', attribution: 'a', timing: 't' } as const)[c.kind as 'casualties'] ?? 'n';
    await tagAndSave(wp.title, c.quote, k);
  }
  for (const c of key.filter((x) => x.doc === bb.file && x.event === 'taji-2020-03-11')) {
    const k = ({ casualties: 'c', munitions: 'm', attribution: 'a', timing: 't' } as const)[c.kind as 'casualties'] ?? 'n';
    await tagAndSave(bb.title, c.quote, k);
  }
  await t.newEvent(TAJI, { from: '2020-03-11', to: '2020-03-11', place: 'Camp Taji, Iraq' });
  for (const c of key.filter((x) => x.doc === bb.file && x.event === 'taji-2020-03-11').slice(0, 3)) await t.assign(t.row(c.quote), TAJI);
  // The form open on a claim with a breakdown.
  const form = await t.tag(wp.title, q('c20').includes('Briton') ? 'killed one British and two U.S. service members' : q('c20'), 'c');
  await form.getByLabel('Event').selectOption({ label: `${TAJI} (11 Mar 2020)` });
  await expect(form.getByRole('status').filter({ hasText: 'Parts add up to 3' })).toBeVisible();
  await app.screenshot({ path: join(screenshotDir, 'tagging.png') });
});
