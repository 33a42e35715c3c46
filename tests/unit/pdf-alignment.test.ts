// Where the renderer's page alignment meets the importer's page text: an integration test across
// layers, so it lives here rather than beside either side.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { canonicalize } from '../../shared/text/canonical.ts';
import { extractPdf } from '../../electron/core/import/pdf.ts';
import { makePdf, loremLines } from '../support/make-pdf.ts';
import { alignPage, itemRanges } from '../../renderer/pdf/align.ts';

/** The characters of each item that a canonical range lands on. */
const shown = (strs: string[], r: { item: number; from: number; to: number }[]) => r.map((x) => strs[x.item].slice(x.from, x.to));

describe('alignPage against the importer', () => {
  it('aligns every page the PDF importer produced to that page’s pdf.js text items', async () => {
    const bytes = makePdf([
      { heading: true, lines: ['Report Of The Inquiry', '', ...loremLines(2, 4)] },
      { lines: ['Nine people were hurt on the second day.', '', ...loremLines(3, 5)] },
    ]);
    const extract = await extractPdf('r.pdf', bytes);
    const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      for (const range of extract.pages) {
        const page = await doc.getPage(range.page);
        const content = await page.getTextContent();
        const strs = content.items.map((it) => ('str' in it ? it.str : ''));
        const pageText = extract.text.slice(range.start, range.end);
        const a = alignPage(
          pageText,
          strs.map((str) => ({ str })),
        );
        expect(a, `page ${range.page}`).not.toBeNull();
        // Every visible character found its place.
        for (let o = 0; o < pageText.length; o++) if (!/\s/.test(pageText[o])) expect(a!.item[o]).toBeGreaterThanOrEqual(0);
        if (range.page === 2) {
          const at = pageText.indexOf('hurt on the second');
          expect(shown(strs, itemRanges(a!, at, at + 'hurt on the second'.length)).join(' ')).toBe('hurt on the second');
        }
      }
    } finally {
      await doc.destroy();
    }
  });
});
