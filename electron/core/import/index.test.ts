import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../../shared/limits.ts';
import { FoundAuthors, FoundOutlet, FoundPublished, FoundTitle, PageRange, SourceKind } from '../../../shared/model/source.ts';
import { extractFile, extractFileIsolated, extractPasted } from './index.ts';
import { makePdf, loremLines } from '../../../tests/support/make-pdf.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('extractFile: choosing and refusing', () => {
  it('refuses an unsupported extension and names the supported formats', async () => {
    await expect(extractFile('report.docx', enc('x'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/"\.docx" files are not supported.*plain text.*HTML.*PDF/),
    });
    await expect(extractFile('README', enc('x'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });

  it('refuses a file over the limit, giving its size and the limit', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    await expect(extractFile('huge.txt', big)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/is 100 MB, more than the 100 MB/) });
  });

  it('refuses an image named .pdf or .html', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    await expect(extractFile('scan.pdf', png)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/PNG/) });
    await expect(extractFile('page.html', png)).rejects.toMatchObject({ code: 'BINARY_FILE' });
  });

  it('falls back to the file name for a title, with low confidence', async () => {
    const r = await extractFile('field_notes.txt', enc('ok.'));
    expect(r.title).toEqual({ value: 'field notes', confidence: 'low', how: 'file name' });
  });
});

describe('the result fits the Source record', () => {
  const Shape = z
    .object({
      kind: SourceKind,
      text: z.string().min(1),
      pages: z.array(PageRange).nullable(),
      title: FoundTitle,
      outlet: FoundOutlet,
      authors: FoundAuthors,
      published: FoundPublished,
      url: z.string().nullable(),
      language: z.string().max(20).nullable(),
      direction: z.enum(['ltr', 'rtl']),
      independenceGroup: z.string().max(300).nullable(),
      warnings: z.array(z.string().max(1000)),
      // Not part of the record: what an HTML import left out, for sources.leftOut (HTML only).
      leftOut: z.object({ passages: z.array(z.string()), after: z.array(z.string().nullable()), share: z.number() }).nullable(),
    })
    .strict();

  it('for every kind of import', async () => {
    const results = [
      await extractFile('a.txt', enc('A headline of some words\n\nMarch 3, 2022\n\nBody.')),
      await extractFile('a.html', enc('<html><body><h1>A headline of some words</h1><p>Body text here.</p></body></html>')),
      await extractFile('a.pdf', makePdf([{ lines: ['A headline of some words', '', 'Body.'] }])),
      extractPasted('Pasted words.'),
    ];
    for (const r of results) expect(() => Shape.parse(r)).not.toThrow();
  });
});

describe('extractPasted', () => {
  it('keeps pasted HTML source as text and never parses it', () => {
    const r = extractPasted('<html><body><script>alert(1)</script><p>Hello</p></body></html>');
    expect(r.kind).toBe('pasted');
    expect(r.text).toBe('<html><body><script>alert(1)</script><p>Hello</p></body></html>');
    expect(r.warnings.join(' ')).toMatch(/HTML source/);
  });

  it('uses the typed title and the text rules', () => {
    const r = extractPasted('Convoy hit near the border\r\n\r\nJune 2, 2023\r\n\r\nThe convoy was hit.', 'My title');
    expect(r.title).toMatchObject({ value: 'My title', confidence: 'high' });
    expect(r.published.value.date).toBe('2023-06-02');
    expect(r.text).toBe('Convoy hit near the border\n\nJune 2, 2023\n\nThe convoy was hit.');
  });

  it('refuses blank paste', () => {
    expect(() => extractPasted(' \n\u00a0 ')).toThrow(expect.objectContaining({ code: 'EMPTY_FILE' }));
  });
});

describe('extractFileIsolated', () => {
  it('gives the same result as in-process extraction', async () => {
    const pdf = makePdf([{ lines: loremLines(2) }, { lines: ['Second page.'] }]);
    const [isolated, local] = await Promise.all([extractFileIsolated('a.pdf', pdf), extractFile('a.pdf', pdf)]);
    expect(isolated).toEqual(local);
    expect(pdf.length).toBeGreaterThan(0); // the caller's bytes are not transferred away
  });

  it("keeps the caller's event loop free while a big page is parsed", async () => {
    const para = 'The officials said the base was hit by rockets, and the damage was being assessed by teams on the ground. ';
    const page = enc(`<html><body><article>${Array.from({ length: 2500 }, (_, i) => `<p>${i} ${para.repeat(3)}</p>`).join('')}</article></body></html>`);
    // The share of wall time this thread's event loop spent busy (not waiting for events): unlike
    // a timer's gaps, it does not grow when other processes take the machine's cores.
    const busy = async (f: () => Promise<unknown>) => {
      const start = performance.eventLoopUtilization();
      await f();
      return performance.eventLoopUtilization(start).utilization;
    };
    const blocked = await busy(() => extractFile('big.html', page));
    const isolated = await busy(() => extractFileIsolated('big.html', page));
    expect(blocked).toBeGreaterThan(0.8); // parsing in-process does block: the comparison means something
    expect(isolated).toBeLessThan(0.2);
  }, 60_000);

  it('carries ApiErrors across the thread boundary', async () => {
    await expect(extractFileIsolated('empty.txt', new Uint8Array())).rejects.toMatchObject({
      name: 'ApiError',
      code: 'EMPTY_FILE',
      message: expect.stringMatching(/empty/),
    });
  });

  it('stops a file that takes too long, with a clear message', async () => {
    const pdf = makePdf(Array.from({ length: 50 }, (_, i) => ({ lines: loremLines(3, i) })));
    await expect(extractFileIsolated('slow.pdf', pdf, { timeoutMs: 1 })).rejects.toMatchObject({
      message: expect.stringMatching(/took longer than .* and was stopped/),
    });
  });
});
