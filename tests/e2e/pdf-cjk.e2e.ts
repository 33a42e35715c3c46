// A Chinese PDF in a CID font needs pdf.js's CMaps in the window too: the Pages view draws the
// page and lays its text over it from the CMaps bundled with the UI (offline, same origin).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { PdfPagesPage } from './pages/PdfPagesPage.ts';
import { cjkPdf } from '../support/pdf-fixtures.ts';

test('a Chinese PDF imports and shows its text over the drawn page', async ({ start, library }) => {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-cjk-'));
  const file = join(dir, 'zh-report.pdf');
  await writeFile(file, cjkPdf(['中文报告第一行', '第二行内容在这里'], 'zh'));
  try {
    await start.createCase('CJK');
    await library.importFiles([file]);
    expect(await library.waitForImport()).toContain('1 source imported');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const title = (await library.rows.first().getByRole('rowheader').getByRole('button').textContent())!;
  await library.read(title);
  const pages = new PdfPagesPage(library.page, title);
  await pages.open();
  await expect(pages.image(1)).toBeVisible();
  await expect(pages.textLayer(1)).toContainText('中文报告第一行');
});
