// The Pages view of a PDF draws the same highlights as the text view: a passage tagged in Text
// shows as a box over its words on the right page, and a screen reader hears the claim per page.
// The PDF is generated here (tests/support/make-pdf.ts), with made-up report text.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { TaggingPage } from './pages/TaggingPage.ts';
import { PdfPagesPage } from './pages/PdfPagesPage.ts';
import type { StartPage } from './pages/StartPage.ts';
import type { LibraryPage } from './pages/LibraryPage.ts';
import { makePdf, loremLines } from '../support/make-pdf.ts';

const QUOTE = '14 soldiers were wounded';
// Page 2's lines, top to bottom: makePdf sets the first at y = 750 and steps 14 points per line.
const PAGE2 = [
  'Inspection of the northern depot, second visit.',
  '',
  `On arrival the team learned that ${QUOTE} when the store caught fire.`,
  '',
  ...loremLines(2, 7),
];
const QUOTE_Y = 750 - 2 * 14; // the quote's line: the first, a gap, then it

/** Imports the three-page depot report into a new case and opens it; returns its title. */
async function openDepotReport(start: StartPage, library: LibraryPage): Promise<string> {
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
  return title;
}

test('a claim tagged in the text shows as a highlight over its words in the Pages view', async ({ app, start, library, reader }) => {
  const title = await openDepotReport(start, library);

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

test('words selected on a drawn page are tagged like words in the text, and show in both views', async ({ app, start, library }) => {
  const title = await openDepotReport(start, library);
  const pages = new PdfPagesPage(app, title);
  const t = new TaggingPage(app);
  await pages.open();

  // A drag over the quote on page 2's text, then the casualties key: the form opens pre-filled.
  await pages.dragSelect(2, QUOTE);
  const words = await pages.textLayer(2).evaluate(() => window.getSelection()!.toString());
  expect(words).toBe(QUOTE);
  await app.screenshot({ path: join(screenshotDir, 'pdf-pages-selection.png') });
  await app.keyboard.press('c');
  const form = t.form('Casualties');
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Best')).toHaveValue('14');
  await t.save(form);
  await expect(t.row(QUOTE)).toHaveCount(1);

  // Pages: the claim's box lies over the words that were selected, on page 2 only.
  const box = pages.highlights(2, 'casualties');
  await expect(box).toHaveCount(1);
  await expect(pages.highlights(1, 'casualties')).toHaveCount(0);
  const span = pages.textLayer(2).getByText(QUOTE);
  // Measured together and polled: the box and the text layer settle once the page's fonts and scale are final.
  const offBy = async () => {
    const drawn = await span.evaluate((el, q) => {
      const node = el.firstChild as Text;
      const r = document.createRange();
      r.setStart(node, node.data.indexOf(q));
      r.setEnd(node, node.data.indexOf(q) + q.length);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }, QUOTE);
    const hl = (await box.boundingBox())!;
    const middle = drawn.y + drawn.height / 2;
    // in line heights: how far the box's ends are from the words' ends, and whether it covers their middle
    return (
      Math.max(Math.abs(hl.x - drawn.x), Math.abs(hl.x + hl.width - (drawn.x + drawn.width))) / drawn.height +
      (hl.y < middle && hl.y + hl.height > middle ? 0 : 100)
    );
  };
  await expect.poll(offBy, { timeout: 10_000 }).toBeLessThan(1);
  await box.scrollIntoViewIfNeeded();
  await app.screenshot({ path: join(screenshotDir, 'pdf-pages-tagged.png') });

  // A drag across lines, through the gap between paragraphs, selects the passage between its ends.
  await pages.dragSelect(2, 'Inspection of', 'caught fire.');
  await app.keyboard.press('n');
  const note = t.form('Note');
  await expect(note).toBeVisible();
  await expect(note.locator('blockquote')).toHaveText(`${PAGE2[0]} ${PAGE2[2]}`);
  await app.keyboard.press('Escape');
  await expect(note).toBeHidden();

  // Select all, from the keyboard, selects one page's text.
  await pages.selectAll(3);
  expect(await pages.textLayer(3).evaluate(() => window.getSelection()!.toString().trim())).toBe('Annex: no further findings.');
  await app.keyboard.press('Escape');

  // A click on the box (through the transparent text) opens its claim; the reader stays on the pages.
  await box.scrollIntoViewIfNeeded();
  const at = (await box.boundingBox())!;
  await app.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Best')).toHaveValue('14');
  await app.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(pages.textLayer(2)).toBeVisible();

  // Text: the same words carry the claim.
  await pages.openText();
  await expect(t.text(title).locator('.hl-casualties')).toHaveText(QUOTE);
});
