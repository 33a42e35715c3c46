// An HTML page whose import leaves out much of its visible text says so in the reader, shows what
// was left out, and puts a chosen passage back into the text.
import { test, expect } from './fixtures.ts';
import { LeftOutPage } from './pages/LeftOutPage.ts';

const para = (n: number) =>
  `Paragraph ${n}: the district council published its own tally on Thursday evening, and the figures differed from the ministry's count in several places.`;
const comment = 'I drove over this bridge every day for twenty years and never once thought it would be closed this long.';
const page = `<!DOCTYPE html><html><head><title>Bridge reopens after repairs</title></head><body><main><article><h1>Bridge reopens after repairs</h1>${[1, 2, 3]
  .map((n) => `<p>${para(n)}</p>`)
  .join('')}</article></main><div class="related-stories"><ul>${Array.from(
  { length: 10 },
  (_, i) => `<li><a href="/s/${i}">Another headline about something else entirely, number ${i + 1}</a></li>`,
).join('')}</ul></div><div id="comments"><p>${comment}</p></div></body></html>`;

test('a page with much left out says so, shows the passages and puts one back', async ({ start, library, reader }) => {
  const title = 'Bridge reopens after repairs';
  await start.createCase('Left out');
  await library.importFiles([{ name: 'bridge.html', mimeType: 'text/html', buffer: Buffer.from(page) }]);
  expect(await library.waitForImport()).toContain('1 source imported');
  await library.read(title);
  const pane = reader.pane(title);
  const leftOut = new LeftOutPage(library.page);
  await expect(leftOut.notice(pane)).toContainText(/About \d+% of the page's text was left out as site furniture/);
  await expect(reader.text(title)).not.toContainText(comment);

  const dialog = await leftOut.open(pane, title);
  await leftOut.passage(dialog, comment).check();
  await leftOut.putBack(dialog);
  await expect(dialog).toBeHidden();
  await expect(reader.text(title)).toContainText(comment);
  await expect(reader.text(title)).toContainText(para(3));
});
