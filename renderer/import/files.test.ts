import { describe, expect, it } from 'vitest';
import { MAX_HTML_BYTES, MAX_IMPORT_BYTES } from '../../shared/limits.ts';
import { displayName, isTooLarge, partitionFiles } from './files.ts';

describe('partitionFiles', () => {
  it('keeps importable types and skips the rest, hidden files included', () => {
    const files = ['a.txt', 'b.PDF', 'c.docx', '.DS_Store', '._d.txt', 'e.html', 'noext'].map((name) => ({ name, size: 1 }));
    const { importable, skipped } = partitionFiles(files);
    expect(importable.map((f) => f.name)).toEqual(['a.txt', 'b.PDF', 'e.html']);
    expect(skipped.map((f) => f.name)).toEqual(['c.docx', '.DS_Store', '._d.txt', 'noext']);
  });
});

describe('isTooLarge / displayName', () => {
  it('refuses files over the import limit by size alone', () => {
    expect(isTooLarge({ name: 'x', size: MAX_IMPORT_BYTES })).toBe(false);
    expect(isTooLarge({ name: 'x', size: MAX_IMPORT_BYTES + 1 })).toBe(true);
  });
  it('holds a web page to the lower HTML limit, before reading it', () => {
    expect(isTooLarge({ name: 'page.html', size: MAX_HTML_BYTES })).toBe(false);
    expect(isTooLarge({ name: 'page.HTM', size: MAX_HTML_BYTES + 1 })).toBe(true);
    expect(isTooLarge({ name: 'report.pdf', size: MAX_HTML_BYTES + 1 })).toBe(false);
  });
  it('names folder files by their path in the folder', () => {
    expect(displayName({ name: 'a.txt', size: 1, webkitRelativePath: 'reports/a.txt' })).toBe('reports/a.txt');
    expect(displayName({ name: 'a.txt', size: 1, webkitRelativePath: '' })).toBe('a.txt');
  });
});
