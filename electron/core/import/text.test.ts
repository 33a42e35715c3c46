import { describe, expect, it } from 'vitest';
import { decodeBytes, readTextFile, sniffFormat } from './text.ts';
import { extractFile } from './index.ts';

const utf16 = (s: string, be: boolean, bom = true) => {
  const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(be ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return Uint8Array.from(out);
};
const sample = 'Officials said the café – “quotes” and ‘more’ – reopened.';

describe('decoding text files', () => {
  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    expect(decodeBytes(utf16(sample, false), 'a.txt')).toMatchObject({ text: sample, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(sample, true), 'a.txt')).toMatchObject({ text: sample, encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a BOM, and says it guessed', () => {
    const d = decodeBytes(utf16(sample, false, false), 'a.txt');
    expect(d.text).toBe(sample);
    expect(d.warnings.join(' ')).toMatch(/byte-order mark/);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ text: sample, encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, and warns', () => {
    // "café – “quotes”" in Windows-1252: é=E9, en dash=96, curly quotes=93/94
    const bytes = Uint8Array.from([...Buffer.from('caf', 'latin1'), 0xe9, 0x20, 0x96, 0x20, 0x93, ...Buffer.from('quotes', 'latin1'), 0x94]);
    const d = decodeBytes(bytes, 'a.txt');
    expect(d.text).toBe('café – “quotes”');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('keeps UTF-8 with a few invalid bytes as UTF-8: each bad sequence becomes U+FFFD, counted in a warning', () => {
    const arabic = 'قال مسؤولون إن القصف أصاب السوق المركزي صباح الاثنين وأسفر عن سقوط ضحايا';
    const enc = new TextEncoder();
    const bytes = Uint8Array.from([...enc.encode(arabic), 0x20, 0x93, 0x20, ...enc.encode(arabic), 0xff, 0xfe, 0x0a]);
    const d = decodeBytes(bytes, 'ar.txt');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(`${arabic} \uFFFD ${arabic}\uFFFD\uFFFD\n`);
    expect(d.warnings.join(' ')).toMatch(/ar\.txt is UTF-8 with 3 invalid byte sequences/);
  });

  it('does not count a U+FFFD the file itself spells as an invalid byte', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('caf\u00e9 \uFFFD '), 0xe9]);
    // one valid é, one encoded U+FFFD, one bad byte: not enough UTF-8 to outvote Windows-1252
    expect(decodeBytes(bytes, 'a.txt').encoding).toBe('windows-1252');
  });

  it('refuses binary content with a text name', () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256);
    expect(() => readTextFile('notes.txt', bytes)).toThrow(expect.objectContaining({ code: 'BINARY_FILE' }));
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(() => readTextFile('photo.txt', png)).toThrow(/PNG image/);
  });

  it('sniffs PDFs and HTML by content', () => {
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffFormat(new TextEncoder().encode('  <!DOCTYPE html><html>'))).toBe('html');
    expect(sniffFormat(new TextEncoder().encode('plain words'))).toBeNull();
  });
});

describe('importing .txt files', () => {
  it('keeps the text as written, canonicalised, with its metadata', async () => {
    const raw = 'Flooding closes the river crossing\r\n\r\nMarch 3, 2022\r\n\r\nShare on facebook\r\n\r\nThe crossing was closed\u00a0on Monday.';
    const r = await extractFile('story.txt', new TextEncoder().encode(raw));
    expect(r.kind).toBe('text');
    // Plain text is kept faithfully: its furniture stays (only whitespace changes).
    expect(r.text).toBe('Flooding closes the river crossing\n\nMarch 3, 2022\n\nShare on facebook\n\nThe crossing was closed on Monday.');
    expect(r.title.value).toBe('Flooding closes the river crossing');
    expect(r.published.value.date).toBe('2022-03-03');
    expect(r.pages).toBeNull();
  });

  it('makes each form feed a page break, with exact page ranges', async () => {
    const raw = 'First page heading\n\nThe first page ends here.\fSecond page text goes on.\n\fThird page.\f';
    const r = await extractFile('printout.txt', new TextEncoder().encode(raw));
    expect(r.text).toBe('First page heading\n\nThe first page ends here.\n\nSecond page text goes on.\n\nThird page.');
    expect(r.pages?.map((p) => r.text.slice(p.start, p.end))).toEqual([
      'First page heading\n\nThe first page ends here.',
      'Second page text goes on.',
      'Third page.',
    ]);
    expect(r.pages?.map((p) => p.page)).toEqual([1, 2, 3]);
  });

  it('says an empty file is empty', async () => {
    await expect(extractFile('empty.txt', new Uint8Array())).rejects.toMatchObject({
      code: 'EMPTY_FILE',
      message: expect.stringMatching(/empty\.txt is empty/),
    });
    await expect(extractFile('blank.txt', new TextEncoder().encode(' \n\n\t '))).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(extractFile('bom.txt', Uint8Array.from([0xff, 0xfe]))).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('says a binary file named .txt is not text', async () => {
    const bytes = Uint8Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? 0 : 65 + (i % 26)));
    await expect(extractFile('data.txt', bytes)).rejects.toMatchObject({ code: 'BINARY_FILE', message: expect.stringMatching(/plain text, HTML or PDF/) });
  });
});
