// The Pages view of a PDF draws the same highlights as the text view: a passage tagged in Text
// shows as a box over its words on the right page, and a screen reader hears the claim per page.
// The PDF is generated here (electron/core/import/make-pdf.ts), with made-up report text.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { makePdf, loremLines } from '../../electron/core/import/make-pdf.ts';

const QUOTE = '14 soldiers were wounded';
// Page 2's lines, top to bottom: makePdf sets the first at y = 750 and steps 14 points per line.
const PAGE2 = ['Inspection of the northern depot, second visit.', '', `On arrival the team learned that ${QUOTE} when the store caught fire.`, '', ...loremLines(2, 7)];
const QUOTE_Y = 750 - 2 * 14; // the quote's line: the first, a gap, then it

test('a claim tagged in the text shows as a highlight over its words in the Pages view', async ({ app, start, library, reader }) => {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-pdf-'));
  const file = join(dir, 'depot-inspection.pdf');
  await writeFile(
    file,
    makePdf([{ heading: true, lines: ['Depot Inspection Report', '', ...loremLines(2, 6)] }, { lines: PAGE2 }, { lines: ['Annex: no further findings.'] }], {
      info: { Title: 'Depot inspection report' },
    }),
  );
  try {
    await start.createCase('Depot');
    await library.importFiles([file]);
    expect(await library.waitForImport()).toContain('1 source imported');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const title = (await library.rows.first().getByRole('rowheader').getByRole('button').textContent())!;
  await library.read(title);

  const t = new TaggingPage(app);
  const form = await t.tag(title, QUOTE, 'c');
  await expect(form.getByLabel('Best')).toHaveValue('14');
  await t.save(form);
  await expect(t.text(title).locator('.hl-casualties')).toContainText(QUOTE);

  const pane = reader.pane(title);
  await pane.getByRole('button', { name: 'Pages', exact: true }).click();
  const page2 = pane.getByRole('img', { name: 'Page 2 of 3' });
  await page2.scrollIntoViewIfNeeded();

  // Screen readers: the claim is named on its page, and only there.
  const list = pane.getByRole('list', { name: 'Claims on page 2' });
  await expect(list.getByRole('listitem')).toHaveText([/^Page 2: casualties — wounded 14\b/]);
  await expect(pane.getByRole('list', { name: 'Claims on page 1' })).toHaveCount(0);

  // The eye: a box of the claim's kind over the quote's line, on page 2 only.
  const figure = pane.locator('figure[data-page="2"]');
  const box = figure.locator('.pdf-hl[data-kind="casualties"]');
  await expect(box).toHaveCount(1);
  await expect(figure.locator('.pdf-hl-layer')).toHaveAttribute('aria-hidden', 'true');
  await expect(pane.locator('figure[data-page="1"] .pdf-hl[data-kind="casualties"]')).toHaveCount(0);
  await expect(figure.getByText('Highlights shown in Text view')).toHaveCount(0);
  const canvas = (await page2.boundingBox())!;
  const hl = (await box.boundingBox())!;
  expect(hl.width).toBeGreaterThan(20);
  expect(hl.height).toBeGreaterThan(4);
  // Vertically on the quote's baseline; horizontally inside the line, after its first words.
  const scale = canvas.height / 792;
  const baseline = canvas.y + (792 - QUOTE_Y) * scale;
  expect(hl.y).toBeLessThan(baseline);
  expect(hl.y + hl.height).toBeGreaterThan(baseline);
  expect(hl.height).toBeLessThan(20 * scale);
  expect(hl.x).toBeGreaterThan(canvas.x + 72 * scale + 20);
  expect(hl.x + hl.width).toBeLessThan(canvas.x + canvas.width - 20);
  await expect(box).toHaveAttribute('title', /wounded/);

  await box.scrollIntoViewIfNeeded();
  await app.screenshot({ path: join(screenshotDir, 'pdf-highlights.png') });
});
