import { describe, expect, it } from 'vitest';
import { readSheet, SheetError } from './read.ts';

describe('readSheet', () => {
  it('numbers rows by the line they start on, across quoted line breaks, blank lines, BOM and CRLF', () => {
    const s = readSheet('\uFEFFSource,Quote,Kind\r\na,"two\r\nlines",note\r\n\r\nb,x,note\r\nc,y,note');
    expect(s.columns).toEqual(['source', 'quote', 'kind']);
    expect(s.rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(s.rows[0].cells.quote).toBe('two\r\nlines');
  });

  it('keeps cells as text: a formula stays a string, and the apostrophe claims.csv adds is taken off', () => {
    const s = readSheet("note,other\n=1+1,'=SUM(A1)\n'plain,@x\n");
    expect(s.rows[0].cells).toEqual({ note: '=1+1', other: '=SUM(A1)' });
    expect(s.rows[1].cells).toEqual({ note: "'plain", other: '@x' });
  });

  it('refuses an empty file, and a file whose quotes do not close', () => {
    expect(() => readSheet('\n\n')).toThrow(SheetError);
    expect(() => readSheet('a,b\n"unclosed,2\n')).toThrow(/not valid CSV/);
  });
});
