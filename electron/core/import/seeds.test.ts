// The five seeds through the file importers: as .txt (kept faithfully) and wrapped as a bare HTML
// page (furniture lines dropped), with the metadata a fact-checker expects either way.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalize } from '../../../shared/text/canonical.ts';
import { extractFile } from './index.ts';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
const key = JSON.parse(readFileSync(path.join(corpus, 'seeds-key.json'), 'utf8')) as {
  documents: Record<string, { title: string; outlet: string | null; published: string | null; wire?: string }>;
};
const files = Object.keys(key.documents);
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(corpus, 'seeds', file)));

const asHtml = (raw: string) => {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const blocks = raw.split(/\n\s*\n/).map((b) => `<p>${esc(b).replace(/\n/g, '<br>')}</p>`);
  return new TextEncoder().encode(`<!DOCTYPE html><html><body><div>${blocks.join('\n')}</div></body></html>`);
};

const FURNITURE =
  /^(Share on \w+|Subscribe to our newsletter|LEAVE A REPLY|Leave A Reply|Post a Comment \(0\)|Follow Us :|Text Size:|Previous Post Next Post|Support Our Journalism)$/m;

describe('seeds as files', () => {
  for (const file of files) {
    const doc = key.documents[file];
    it(`${file} as .txt keeps every line and finds the metadata`, async () => {
      const bytes = bytesOf(file);
      const r = await extractFile(file, bytes);
      expect(r.text).toBe(canonicalize(new TextDecoder().decode(bytes)));
      expect([r.title.value, r.outlet.value, r.published.value.date]).toEqual([doc.title, doc.outlet, doc.published]);
      expect(r.independenceGroup).toBe(doc.wire ?? doc.outlet);
      expect(r.language).toBe('en');
    });

    it(`${file} as HTML drops furniture lines and finds the same metadata`, async () => {
      const r = await extractFile(file.replace(/\.txt$/, '.html'), asHtml(new TextDecoder().decode(bytesOf(file))));
      expect(r.text).not.toMatch(FURNITURE);
      expect(r.text).toContain(doc.title);
      expect([r.title.value, r.outlet.value, r.published.value.date]).toEqual([doc.title, doc.outlet, doc.published]);
      expect(r.independenceGroup).toBe(doc.wire ?? doc.outlet);
    });
  }
});
