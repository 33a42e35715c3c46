import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalize } from '../../../shared/text/canonical.ts';
import { extractFile } from './index.ts';
import { makePdf, loremLines } from '../../../tests/support/make-pdf.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

const threePages = () =>
  makePdf(
    [
      { heading: true, lines: ['Inquiry Into The Depot Fire', '', 'March 3, 2022', '', ...loremLines(2, 1)] },
      { lines: ['Second page opens here.', '', ...loremLines(2, 2)] },
      { lines: ['Third page, last words.'] },
    ],
    { info: { Title: 'Inquiry into the depot fire (final)', Author: 'Records Office' } },
  );

describe('PDF import', () => {
  it('extracts each page and records exact page ranges', async () => {
    const r = await extractFile('inquiry.pdf', threePages());
    expect(r.kind).toBe('pdf');
    expect(r.pages).toHaveLength(3);
    const pageText = r.pages!.map((p) => r.text.slice(p.start, p.end));
    expect(pageText[0].startsWith('Inquiry Into The Depot Fire\n\nMarch 3, 2022\n\n')).toBe(true);
    expect(pageText[1].startsWith('Second page opens here.')).toBe(true);
    expect(pageText[2]).toBe('Third page, last words.');
    // Pages are joined by exactly one blank line, and the whole is canonical.
    expect(r.text).toBe(pageText.join('\n\n'));
    expect(canonicalize(r.text)).toBe(r.text);
    // Hard-wrapped lines of a paragraph are one line; paragraphs stay apart.
    expect(pageText[1].split('\n\n')).toHaveLength(3);
    expect(pageText[1].split('\n\n')[1]).not.toContain('\n');
  });

  it('takes the title from the document properties and the date from the text', async () => {
    const r = await extractFile('inquiry.pdf', threePages());
    expect(r.title).toMatchObject({ value: 'Inquiry into the depot fire (final)', how: 'PDF document properties (Title)' });
    expect(r.published.value.date).toBe('2022-03-03');
  });

  it('falls back to the largest text on page 1 when the properties have no sensible title', async () => {
    const pdf = makePdf([{ heading: true, lines: ['Annual Casualty Review', '', ...loremLines(2, 3)] }], { info: { Title: 'report_final_v2.docx' } });
    const r = await extractFile('review.pdf', pdf);
    expect(r.title.value).toBe('Annual Casualty Review');
  });

  it("reads a real producer's file (Ghostscript) page by page", async () => {
    const r = await extractFile('gs.pdf', fixture('three-pages-ghostscript.pdf'));
    expect(r.pages!.map((p) => r.text.slice(p.start, p.end))).toEqual([
      'First page, first line of the fixture.\nFirst page, second line of the fixture.',
      'Second page text.',
      'Third page text.',
    ]);
    expect(r.title.value).toBe('Three Pages From Ghostscript');
  });

  it('says a truncated PDF is damaged', async () => {
    const pdf = threePages();
    await expect(extractFile('cut.pdf', pdf.slice(0, Math.floor(pdf.length * 0.6)))).rejects.toMatchObject({
      code: 'PDF_DAMAGED',
      message: expect.stringMatching(/truncated.*download it again/),
    });
  });

  it('says a PDF with a broken body is damaged', async () => {
    const junk = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage garbage\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await expect(extractFile('junk.pdf', junk)).rejects.toMatchObject({ code: 'PDF_DAMAGED' });
  });

  it('says a password-protected PDF needs its password removed', async () => {
    await expect(extractFile('locked.pdf', fixture('encrypted.pdf'))).rejects.toMatchObject({
      code: 'PDF_ENCRYPTED',
      message: expect.stringMatching(/password.*without the password/),
    });
  });

  it('imports a PDF that only restricts printing (no password to open)', async () => {
    const r = await extractFile('restricted.pdf', fixture('restricted.pdf'));
    expect(r.pages).toHaveLength(3);
    expect(r.text.length).toBeGreaterThan(100);
  });

  it('says an image-only PDF needs OCR, and warns about single image pages', async () => {
    await expect(extractFile('scan.pdf', makePdf([{ image: true }, { image: true }]))).rejects.toMatchObject({
      code: 'PDF_NO_TEXT',
      message: expect.stringMatching(/OCR/),
    });
    const mixed = await extractFile('mixed.pdf', makePdf([{ lines: ['Page one has text on it.'] }, { image: true }, { lines: ['Page three too.'] }]));
    expect(mixed.pages).toEqual([
      { page: 1, start: 0, end: 24 },
      { page: 2, start: 24, end: 24 },
      { page: 3, start: 26, end: 41 },
    ]);
    expect(mixed.warnings.join(' ')).toMatch(/Page 2 .*no text/);
  });

  it('imports a PDF named .txt as a PDF and says so', async () => {
    const r = await extractFile('notes.txt', threePages());
    expect(r.kind).toBe('pdf');
    expect(r.warnings.join(' ')).toMatch(/is a PDF file/);
  });

  it('measures a 300-page PDF (printed next to pdftotext when present)', async () => {
    const pages = Array.from({ length: 300 }, (_, i) => ({ lines: loremLines(4, i + 1) }));
    const pdf = makePdf(pages);
    const t0 = performance.now();
    const r = await extractFile('big.pdf', pdf);
    const ms = performance.now() - t0;
    expect(r.pages).toHaveLength(300);
    let reference = 'pdftotext not installed';
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
    try {
      writeFileSync(path.join(dir, 'big.pdf'), pdf);
      const t1 = performance.now();
      execFileSync('pdftotext', [path.join(dir, 'big.pdf'), path.join(dir, 'big.txt')]);
      reference = `pdftotext ${((performance.now() - t1) / 300).toFixed(2)} ms/page`;
    } catch {
      // the reference is optional
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`[bench] 300-page PDF (${Math.round(pdf.length / 1024)} KB): Corroborate ${(ms / 300).toFixed(2)} ms/page, ${reference}`);
  }, 120_000);
});
