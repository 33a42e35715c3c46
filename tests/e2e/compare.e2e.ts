// Compare outlets, end to end in browser mode: tag the Camp Taji casualty claims of three sources
// (quotes read from the corpus answer key at test time), group them into one event, open its
// matrix: the killed total is a scope mismatch, the wounded row consistent; reconcile the wounded
// (UCDP) with a rationale, dismiss a row with a note, reload, and everything is still there. And the
// scope error inside one article: a count the user scopes to a base meets the same article's breakdown
// by country, read from the words into places by the form.
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { test, expect, seedDocuments } from './fixtures.ts';
import { BundlePage } from './pages/BundlePage.ts';
import { screenshotDir } from './paths.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { importSeeds, keyClaims } from './pages/seedKey.ts';
import { ComparePage } from './pages/ComparePage.ts';

const TAJI = 'Rocket attack on Camp Taji';
const STRIKES = 'U.S. strikes on militia facilities';

test('compare the Camp Taji reports: verdicts, reconcile, dismiss, reload; cells open their quotes; timeline', async ({ app, start, library }) => {
  test.setTimeout(180_000);
  await app.setViewportSize({ width: 1600, height: 960 });
  const seeds = (await seedDocuments()).filter((s) => /^00[024]_/.test(s.file));
  expect(seeds).toHaveLength(3);
  const titleOf = (doc: string) => seeds.find((s) => s.file === doc)!.title;
  const key = await keyClaims();
  // The killed and wounded claims of the 11 March attack in these three sources, the total of
  // each source once: the breakdown "Two Americans & a Briton" of 002 is left out, as a
  // fact-checker tagging the coalition statement would.
  const picked = key.filter(
    (c) =>
      c.kind === 'casualties' &&
      c.event === 'taji-2020-03-11' &&
      seeds.some((s) => s.file === c.doc) &&
      (c.measure === 'killed' || c.measure === 'wounded') &&
      !(c.doc.startsWith('002') && c.measure === 'killed' && /&/.test(c.quote)),
  );
  expect(picked.map((c) => c.measure).sort()).toEqual(['killed', 'killed', 'killed', 'wounded', 'wounded']);

  await start.createCase('Camp Taji compare');
  await importSeeds(library, seeds);
  const t = new TaggingPage(app);
  for (const c of picked) await t.save(await t.tag(titleOf(c.doc), c.quote, 'c'));
  // Dated claims for the timeline: every timing claim of the key in these sources.
  const timings = key.filter(
    (c) => c.kind === 'timing' && seeds.some((s) => s.file === c.doc) && (c.event === 'taji-2020-03-11' || c.event === 'us-strikes-2020-03-13'),
  );
  for (const c of timings) await t.save(await t.tag(titleOf(c.doc), c.quote, 't'));

  await t.newEvent(TAJI, { from: '2020-03-11', to: '2020-03-11', place: 'Camp Taji, Iraq' });
  await t.newEvent(STRIKES, { from: '2020-03-13', to: '2020-03-13', place: 'Iraq' });
  for (const c of [...picked, ...timings]) await t.assign(t.row(c.quote), c.event === 'taji-2020-03-11' ? TAJI : STRIKES);

  const cmp = new ComparePage(app);
  await cmp.show();
  await cmp.openEvent(TAJI);
  // Columns are the independence groups with their sources beneath.
  const headers = cmp.table.getByRole('columnheader');
  for (const s of seeds) await expect(headers.filter({ hasText: s.outlet! })).toHaveCount(1);
  await expect(headers.filter({ hasText: 'Verdict' })).toHaveCount(1);
  await expect(cmp.verdict('killed')).toHaveText('Scope mismatch');
  await expect(cmp.verdict('wounded')).toHaveText('Consistent');
  await expect(cmp.row('wounded')).toContainText('10–14');
  await expect(cmp.row('killed').getByRole('button', { name: /^Open quote: / })).not.toHaveCount(0);

  // A cell opens its quote in the Reader, scrolled to and flashing.
  const wounded = picked.find((c) => c.measure === 'wounded' && c.doc.startsWith('004'))!;
  await cmp
    .row('wounded')
    .getByRole('button', { name: `Open quote: ${wounded.quote}` })
    .click();
  const pane = app.getByRole('region', { name: titleOf(wounded.doc), exact: true });
  await expect(pane.locator('mark.flash')).toBeVisible();
  await expect(pane.locator('mark.flash')).toContainText(wounded.quote.split(' ').slice(0, 2).join(' '));

  // Reconcile the wounded as UCDP does; dismiss the killed total with a note.
  await cmp.show();
  await cmp.reconcile('wounded', /UCDP/, 'Gen. Milley gives 14 after the coalition’s early “about a dozen”.', { low: '10', best: '12', high: '14' });
  await expect(cmp.row('wounded')).toContainText('10 / 12 / 14 (UCDP)');
  // One disagreement on who was killed: one flag, the other killed rows its context, decided with it.
  const killedFlags = cmp.flagRows.filter({ has: app.getByRole('rowheader', { name: /^killed/ }) });
  await expect(killedFlags).toHaveCount(1);
  const flag = await cmp.labelOf(killedFlags.first());
  expect(flag).toMatch(/^killed/);
  await expect(cmp.row('killed')).toContainText(`Decided with ${flag}`);
  // Every side in the reconciliation: "killed · military" lists the Post's 3 and the Clarion
  // Project's implied 2 (with its quote); the Clarion figure is set aside with a reason.
  const post = seeds.find((s) => s.file.startsWith('004'))!.outlet!;
  const clarion = seeds.find((s) => s.file.startsWith('000'))!.outlet!;
  const rd = await cmp.openReconcile('killed · military');
  const sides = rd.getByRole('group', { name: 'Every claim bearing on this row' }).getByRole('listitem');
  await expect(sides.filter({ hasText: post })).toContainText('3');
  await expect(sides.filter({ hasText: clarion })).toContainText(/implied\s*2/i);
  await expect(sides.filter({ hasText: clarion }).locator('q')).not.toBeEmpty();
  const basis = rd.getByRole('region', { name: 'Result' }).locator('.rc-basis');
  await expect(basis).toContainText(/^Rests on /);
  await expect(basis).toContainText(post);
  await expect(basis).toContainText(`${clarion} (implied 2)`);
  await rd.getByRole('checkbox', { name: new RegExp(`^Set aside ${clarion}`) }).check();
  await rd.getByRole('textbox', { name: `Reason for setting aside ${clarion}` }).fill('Counts the contractor apart from the service members.');
  await rd.getByRole('radio', { name: /UCDP/ }).check();
  await rd.getByLabel('Rationale').fill('The coalition and the Pentagon count three service members.');
  await rd.getByRole('button', { name: 'Save reconciliation' }).click();
  await expect(rd).toBeHidden();
  const military = cmp.row('killed · military');
  await expect(military).toContainText('3 / 3 / 3 (UCDP)');
  await expect(military).toContainText(new RegExp(`Rests on [^.]*${post}`));
  await expect(military).toContainText(`Set aside: ${clarion}`);
  await expect(military).toContainText('Counts the contractor apart');

  await cmp.decide(flag, 'Dismiss', 'Same three dead in every report; the breakdown is checked row by row.');
  await expect(cmp.row(flag)).toContainText('Dismissed');
  await expect(cmp.row(flag)).toContainText('Same three dead in every report');
  await expect(cmp.events.getByRole('button', { name: new RegExp(`^${TAJI}`) })).toContainText('1 dismissed');

  // The disagreements list groups the disagreements by where they stand.
  await cmp.mode('Disagreements');
  const dismissed = cmp.root.getByRole('list', { name: 'Dismissed' });
  await expect(dismissed.getByRole('listitem')).toHaveCount(1);
  await expect(dismissed).toContainText(`${TAJI} — ${flag}`);
  // Each links to its row in the event's matrix.
  await dismissed.getByRole('button', { name: `${TAJI} — ${flag}` }).click();
  await expect(cmp.table.locator('caption')).toContainText(TAJI);
  await expect(cmp.row(flag)).toHaveClass(/is-flash/);
  await app.setViewportSize({ width: 1600, height: 1180 });
  await app.screenshot({ path: join(screenshotDir, 'compare.png') });
  await app.setViewportSize({ width: 1600, height: 960 });

  // Reload: the view, the event, the reconciliation and the decision are all still there.
  await app.reload();
  await expect(cmp.root).toBeVisible();
  await expect(cmp.table.locator('caption')).toContainText(TAJI);
  await expect(cmp.verdict('killed')).toHaveText('Scope mismatch');
  await expect(cmp.verdict('wounded')).toHaveText('Consistent');
  await expect(cmp.row('wounded')).toContainText('10 / 12 / 14 (UCDP)');
  await expect(cmp.row('wounded')).toContainText('Gen. Milley gives 14');
  await expect(cmp.row(flag)).toContainText('Dismissed');
  await expect(cmp.row(flag)).toContainText('Same three dead in every report');
  await expect(cmp.row('killed · military')).toContainText(new RegExp(`Rests on [^.]*${post}`));
  await expect(cmp.row('killed · military')).toContainText(`Set aside: ${clarion}`);
  // …and in reconciliations.csv: the sources used and the sources set aside, with the reason.
  const zip = unzipSync(new Uint8Array((await new BundlePage(app).exportCase()).data));
  const csv = new TextDecoder().decode(zip['reconciliations.csv']);
  const line = csv.split('\r\n').find((l) => l.includes('killed|affiliation=military,'))!;
  expect(line).toContain(post);
  expect(line).toContain(`${clarion}: Counts the contractor apart from the service members.`);

  // Undo takes the dismissal back (decisions are commands).
  await app
    .getByRole('group', { name: 'Edit history' })
    .getByRole('button', { name: /^Undo Dismiss/ })
    .click();
  await expect(cmp.row(flag)).toContainText('Open');
  await app
    .getByRole('group', { name: 'Edit history' })
    .getByRole('button', { name: /^Redo Dismiss/ })
    .click();
  await expect(cmp.row(flag)).toContainText('Dismissed');

  // The grade, from the sources' independence groups, can be overridden with a note, and cleared.
  const grade = cmp.root.getByRole('group', { name: 'Grade' });
  await expect(grade).toContainText('Fair');
  await expect(grade).toContainText('3 independent sources');
  await grade.getByRole('button', { name: 'Override grade…' }).click();
  const gd = app.getByRole('dialog', { name: 'Override grade' });
  await gd.getByLabel('Grade').selectOption('confirmed');
  await gd.getByRole('button', { name: 'Save grade' }).click();
  await expect(gd.getByRole('alert')).toContainText('Say why');
  await gd.getByLabel(/^Note/).fill('The coalition confirmed the deaths the same night.');
  await gd.getByRole('button', { name: 'Save grade' }).click();
  await expect(gd).toBeHidden();
  await expect(grade).toContainText('set by hand (rules: Fair)');
  await expect(cmp.events.getByRole('button', { name: new RegExp(`^${TAJI}`) }).locator('.grade')).toContainText('Confirmed');
  await grade.getByRole('button', { name: 'Clear override' }).click();
  await expect(grade).not.toContainText('set by hand');

  // The timeline: events and dated claims in order, by month, with their precision.
  await cmp.mode('Timeline');
  const march = cmp.root.getByRole('list', { name: 'March 2020' });
  await expect(march.getByRole('button', { name: TAJI })).toBeVisible();
  await expect(march).toContainText('11 Mar 2020');
  await expect(march.getByRole('button', { name: /^Open quote: / }).first()).toBeVisible();
  await app.screenshot({ path: join(screenshotDir, 'timeline.png') });
  await march.getByRole('button', { name: STRIKES }).click();
  await expect(cmp.table.locator('caption')).toContainText(STRIKES);
});

test('a figure scoped to a base meets the breakdown by country of the same article: a conflict', async ({ app, start, library }) => {
  test.setTimeout(120_000);
  await app.setViewportSize({ width: 1600, height: 960 });
  const seed = (await seedDocuments()).find((s) => s.file.startsWith('003'))!;
  const key = await keyClaims();
  // the two counts of attacks since October in one article: one for the airbase, one broken down by country
  const counts = key.filter((c) => c.doc === seed.file && c.kind === 'count' && c.measure === 'attacks');
  const scoped = counts.find((c) => !c.parts)!;
  const breakdown = counts.find((c) => c.parts)!;
  await start.createCase('Scope');
  await importSeeds(library, [seed]);
  const t = new TaggingPage(app);
  const first = await t.tag(seed.title, breakdown.quote, 'm');
  await first.getByLabel('Measure', { exact: true }).selectOption('attacks');
  await t.save(first);
  const second = await t.tag(seed.title, scoped.quote, 'm');
  await second.getByLabel('Measure', { exact: true }).selectOption('attacks');
  // the fact-checker reads "against U.S. troops" as US military (the count suggestion the form
  // starts from leaves whose attacks unknown), and "the airbase" as Al Asad, and scopes the figure to it
  await second.getByLabel('Nationality', { exact: true }).fill('US');
  await second.getByLabel('Affiliation', { exact: true }).selectOption('military');
  await second.getByLabel('Place', { exact: true }).fill('Al Asad Air Base, Iraq');
  await t.save(second);
  await t.newEvent('Attacks since October', { place: 'Iraq and Syria' });
  for (const c of [breakdown, scoped]) await t.assign(t.row(c.quote), 'Attacks since October');

  const cmp = new ComparePage(app);
  await cmp.show();
  await cmp.openEvent('Attacks since October');
  // the base can hold at most the 57 of Iraq
  await expect(cmp.verdict('attacks · US military in Al Asad Air Base, Iraq')).toHaveText('Conflict');
  await expect(cmp.row('attacks · US military in Al Asad Air Base, Iraq')).toContainText('up to 57');
  await expect(cmp.verdict('attacks · in Iraq')).toHaveText('Conflict');
  await expect(cmp.verdict('attacks')).toHaveText('Scope mismatch');
});
