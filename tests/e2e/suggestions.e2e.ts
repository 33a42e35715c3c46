// Suggested claims, end to end in browser mode: a freshly imported source shows dashed suggestions
// in the reader and a list beside it; edit then accept, accept, reject (remembered across a
// reload, with an inline Undo), accept all, one Undo for all of them, and a reload keeps the state.
// Quotes and figures come from the corpus answer key (../shared/corpus/seeds-key.json) at test time.
import { join } from 'node:path';
import { test, expect, seedDocuments } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { keyClaims } from './pages/seedKey.ts';
import { SuggestionsPage } from './pages/SuggestionsPage.ts';
import { TaggingPage } from './pages/TaggingPage.ts';

test('suggestions of an imported source: edit then accept, accept, reject, accept all, one undo, reload', async ({ app, start, library }) => {
  test.setTimeout(120_000);
  const seed = (await seedDocuments()).find((s) => s.file.startsWith('004_'));
  expect(seed).toBeTruthy();
  const claims = await keyClaims(seed!.file);
  // The casualty figure with a subset ("… 14 …, including five seriously"): its total is not the sum.
  const wounded = claims.find((c) => c.kind === 'casualties' && c.measure === 'wounded' && c.parts?.some((p) => p.subset));
  const munition = claims.find((c) => c.kind === 'munitions' && c.figure?.qualifier === 'approx');
  const zero = claims.find((c) => c.kind === 'casualties' && c.figure?.best === 0);
  expect(wounded && munition && zero).toBeTruthy();

  await start.createCase('Suggestions');
  await library.importFiles([seed!.path]);
  await library.waitForImport();
  await library.read(seed!.title);

  const sg = new SuggestionsPage(app);
  const t = new TaggingPage(app);
  const pane = app.getByRole('region', { name: seed!.title, exact: true });

  // Dashed highlights in the text as soon as the core has found them; the status goes away.
  await expect(sg.highlights(seed!.title).first()).toBeVisible({ timeout: 30_000 });
  await expect(sg.finding(seed!.title)).toHaveCount(0);
  const summary = `wounded ${wounded!.figure!.best} (exact)`;
  const highlight = pane.getByRole('button', { name: `Suggested casualties: ${summary}` });
  await expect(highlight).toBeVisible();
  await expect(highlight).toHaveClass(/\bsg\b/);

  // Enter on the highlight selects the suggestion in the list, on the Suggestions tab.
  await highlight.focus();
  await app.keyboard.press('Enter');
  await expect(sg.tab).toHaveAttribute('aria-selected', 'true');
  const item = sg.item(wounded!.quote);
  await expect(item).toHaveAttribute('aria-current', 'true');
  await expect(item).toContainText(summary);
  const total = Number(/\((\d+)\)/.exec((await sg.tab.getAttribute('aria-label')) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(5);
  // Grouped by proposed incident.
  await expect(sg.panel.getByRole('region', { name: /^Incident: / }).first()).toBeVisible();

  // Edit: the claim form opens pre-filled with the suggestion; saving accepts it.
  await item.getByRole('button', { name: /^Edit/ }).click();
  const form = t.form('Casualties');
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Low')).toHaveValue(String(wounded!.figure!.low));
  await expect(form.getByLabel('Best')).toHaveValue(String(wounded!.figure!.best));
  await expect(form.getByLabel('High')).toHaveValue(String(wounded!.figure!.high));
  await expect(form.getByLabel('Measure', { exact: true })).toHaveValue('wounded');
  await expect(form.getByLabel('Part 1 is a subset')).toBeChecked();
  await expect(form).toContainText(/Suggested by suggest\/\d+:casualties\//);
  await form.getByRole('button', { name: 'Accept claim' }).click();
  await expect(form).toBeHidden();
  await expect(sg.item(wounded!.quote)).toHaveCount(0);
  await expect(highlight).toHaveCount(0);
  await expect(t.undoButton).toHaveAccessibleName('Undo Accept suggestion');

  // Accept straight from the list.
  await sg.accept(munition!.quote);
  await expect(sg.item(munition!.quote)).toHaveCount(0);
  await expect(sg.tab).toHaveAccessibleName(`Suggestions (${total - 2})`);

  // Reject: gone, an inline Undo brings it back, rejecting again keeps it gone after a reload.
  await sg.reject(zero!.quote);
  await expect(sg.item(zero!.quote)).toHaveCount(0);
  const undoReject = sg.panel.getByRole('status').getByRole('button', { name: 'Undo' });
  await undoReject.click();
  await expect(sg.item(zero!.quote)).toHaveCount(1);
  await sg.reject(zero!.quote);
  await expect(sg.item(zero!.quote)).toHaveCount(0);

  // The two accepted ones are claims, marked as suggested.
  await sg.claimsTab.click();
  await expect(t.claimRows).toHaveCount(2);
  await expect(t.row(wounded!.quote)).toContainText(/Suggested by suggest\/\d+:casualties\//);
  await expect(t.row(munition!.quote)).toContainText(/Suggested by suggest\/\d+:munitions\//);
  await expect(t.text(seed!.title).locator('.hl-casualties[data-letter]')).toHaveCount(1);

  await app.reload();
  await expect(sg.claimsTab).toHaveAccessibleName('Claims (2)');
  await sg.open();
  await expect(sg.items.first()).toBeVisible({ timeout: 30_000 });
  await expect(sg.item(zero!.quote)).toHaveCount(0);
  await expect(sg.item(wounded!.quote)).toHaveCount(0);
  const left = await sg.items.count();
  expect(left).toBe(total - 3);
  // "Suggest again" recomputes and proposes the same open ones; rejected and tagged stay out.
  await sg.panel.getByRole('button', { name: 'Suggest again' }).click();
  await expect(sg.panel.getByRole('button', { name: 'Suggest again' })).toBeEnabled();
  await expect(sg.items).toHaveCount(left);
  // A click on a dashed highlight selects its suggestion in the list.
  const timing = pane.getByRole('button', { name: /^Suggested timing: / }).first();
  await timing.click();
  // the highlight's name is the suggestion's label followed by its words (" — early Friday"); the list item's is the label
  const words = ((await timing.textContent()) ?? '').trim();
  const label = ((await timing.getAttribute('aria-label')) ?? '').trim().replace(` — ${words}`, '');
  await expect(sg.items.and(app.locator('[aria-current="true"]'))).toHaveAccessibleName(label);

  // Accepted (solid) and suggested (dashed) side by side in the text, for the screenshot.
  await sg.items.first().getByText(/^“/).click();
  await expect(sg.items.first()).toHaveAttribute('aria-current', 'true');
  await t.text(seed!.title).evaluate((article) => {
    const el = article.querySelector('.hl-casualties');
    if (el) article.scrollTop += el.getBoundingClientRect().top - article.getBoundingClientRect().top - article.clientHeight / 3;
  });
  await app.screenshot({ path: join(screenshotDir, 'suggestions.png') });

  // Accept all: every one becomes a claim; one Undo takes them all back.
  const n = await sg.acceptAll();
  expect(n).toBe(left);
  await expect(sg.items).toHaveCount(0);
  await expect(sg.panel).toContainText('No suggestions left for this source.');
  await expect(sg.claimsTab).toHaveAccessibleName(`Claims (${2 + n})`);
  await expect(sg.highlights(seed!.title)).toHaveCount(0);
  await expect(t.undoButton).toHaveAccessibleName(`Undo Accept ${n} suggestions`);
  await t.undoButton.click();
  await expect(sg.claimsTab).toHaveAccessibleName('Claims (2)');
  await expect(sg.items).toHaveCount(n);
  await expect(sg.highlights(seed!.title).first()).toBeVisible();

  // The state survives a reload: two claims, the rejected one still gone.
  await app.reload();
  await expect(sg.claimsTab).toHaveAccessibleName('Claims (2)');
  await sg.open();
  await expect(sg.items).toHaveCount(n, { timeout: 30_000 });
  await expect(sg.item(zero!.quote)).toHaveCount(0);
});

test('while the core finds claims the reader says so; then an incident becomes an event with its claims in one step', async ({ app, start, library }) => {
  const seed = (await seedDocuments()).find((s) => s.file.startsWith('004_'));
  // Hold the core's answer, as a long PDF would, to see what the reader shows meanwhile.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await app.route('**/api/suggestions.list', async (route) => {
    await held;
    await route.continue();
  });
  await start.createCase('Incidents');
  await library.importFiles([seed!.path]);
  await library.waitForImport();
  await library.read(seed!.title);
  const sg = new SuggestionsPage(app);
  const t = new TaggingPage(app);
  await expect(sg.finding(seed!.title)).toBeVisible();
  await sg.open();
  await expect(sg.panel).toContainText('Finding claims in this source…');
  // The text stays usable meanwhile.
  await t.select(seed!.title, 'Pentagon');
  await app.keyboard.press('Escape');
  release();
  await expect(sg.finding(seed!.title)).toHaveCount(0);
  await app.unroute('**/api/suggestions.list');
  const group = sg.panel.getByRole('region', { name: /^Incident: .+, \d+ \w+ \d{4}$/ }).first();
  await expect(group).toBeVisible({ timeout: 30_000 });
  const title = ((await group.getAttribute('aria-label')) ?? '').replace(/^Incident: /, '');
  const inGroup = await group.getByRole('listitem').count();
  await group.getByRole('button', { name: /^Create event from these/ }).focus();
  await app.keyboard.press('Enter');
  await expect(sg.panel.getByRole('region', { name: `Incident: ${title}` })).toHaveCount(0);
  await sg.claimsTab.click();
  const events = t.sidebar.getByRole('list', { name: 'Events' });
  await expect(events.getByRole('listitem').filter({ hasText: title })).toContainText(inGroup === 1 ? '1 claim' : `${inGroup} claims`);
  await expect(t.claimRows).toHaveCount(inGroup);
  await expect(t.claimRows.first()).toContainText(title);
  await expect(t.undoButton).toHaveAccessibleName(`Undo Create event “${title}”`);
  // One Undo takes back the event and its claims; the suggestions come back.
  await t.undoButton.click();
  await expect(t.claimRows).toHaveCount(0);
  await expect(events).toHaveCount(0);
  await sg.open();
  await expect(sg.panel.getByRole('region', { name: `Incident: ${title}` }).getByRole('listitem')).toHaveCount(inGroup);
});
