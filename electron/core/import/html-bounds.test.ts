import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors.ts';
import { MAX_HTML_BYTES } from '../../../shared/limits.ts';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, assertHtmlSize, boundHtml } from './html-bounds.ts';
import { extractFile } from './index.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const nested = (depth: number, open = '<div>', close = '</div>') =>
  `<!doctype html><html><head><title>Deep</title></head><body>${Array.from({ length: depth }, (_, i) => `${open}w${i} `).join('')}${close.repeat(depth)}</body></html>`;

describe('HTML bounds before extraction', () => {
  it('imports 20,000 nested divs with every word, in order, and says what was flattened (not blaming size)', async () => {
    const r = await extractFile('deep.html', enc.encode(nested(20_000)));
    // Every word of the flattened part is there, in order (which outer levels the article rules keep is theirs to say).
    const words = r.text.split(/\s+/).filter((w) => /^w\d+$/.test(w));
    const first = Number(words[0].slice(1));
    expect(first).toBeLessThan(MAX_HTML_DEPTH);
    expect(words).toEqual(Array.from({ length: 20_000 - first }, (_, i) => `w${first + i}`));
    const warning = r.warnings.find((w) => w.includes('flattened'));
    expect(warning).toMatch(/nests its elements 20,00\d levels deep/);
    expect(warning).not.toMatch(/large|size|MB/);
  });

  it('bounds the depth: the output nests no deeper than the limit, and end tags of flattened elements go too', () => {
    const b = boundHtml('x.html', enc.encode(nested(500, '<section>', '</section>')));
    expect(b.flattened).toBe(500 - MAX_HTML_DEPTH + 2); // html and body count as two levels
    const out = dec.decode(b.bytes);
    expect(out.match(/<section>/g)).toHaveLength(MAX_HTML_DEPTH - 2);
    expect(out.match(/<\/section>/g)).toHaveLength(MAX_HTML_DEPTH - 2);
    expect(boundHtml('x.html', b.bytes).flattened).toBe(0);
  });

  it('leaves a page of ordinary depth byte for byte as it was', () => {
    const page = enc.encode(nested(60));
    expect(boundHtml('x.html', page).bytes).toBe(page);
  });

  it("counts HTML's implied end tags: a thousand unclosed paragraphs or list items are not deep", () => {
    const ps = `<html><body><div>${'<p>para '.repeat(1000)}</div><ul>${'<li>item '.repeat(1000)}</ul><table>${'<tr><td>a<td>b'.repeat(500)}</table></body></html>`;
    const b = boundHtml('x.html', enc.encode(ps));
    expect(b.flattened).toBe(0);
    expect(b.depth).toBeLessThan(10);
  });

  it('does not read tags inside scripts, styles, comments or quoted attributes', () => {
    const page = `<html><body><script>${'<div>'.repeat(500)}</script><style>${'<div>'.repeat(500)}</style><!-- ${'<div>'.repeat(500)} --><a title="${'<div>'.repeat(500)}">x</a></body></html>`;
    expect(boundHtml('x.html', enc.encode(page)).flattened).toBe(0);
  });

  it('keeps text in any encoding byte for byte (the scan touches tags only)', () => {
    const utf8 = enc.encode(nested(150).replace('w0', 'naïve — 12 قتلى'));
    const out = boundHtml('x.html', utf8).bytes;
    expect(dec.decode(out)).toContain('naïve — 12 قتلى');
    const cp1252 = new Uint8Array([...enc.encode('<html><body>'.concat('<div>'.repeat(120))), 0x93, 0x71, 0x94, 0xe9, ...enc.encode('</div>'.repeat(120))]);
    const kept = boundHtml('x.html', cp1252).bytes;
    expect([...kept].filter((b) => b >= 0x80)).toEqual([0x93, 0x94, 0xe9]);
  });

  it('flattens 20,000 nested inline elements without a space between letters of one word', () => {
    const page = `<html><body><p>${'<span>'.repeat(20_000)}unbroken${'</span>'.repeat(20_000)}</p></body></html>`;
    expect(dec.decode(boundHtml('x.html', enc.encode(page)).bytes)).toMatch(/<p>(<span>)+unbroken(<\/span>)+<\/p>/);
  });

  it('refuses a page past the HTML limit by its size, before reading it, saying what to do', async () => {
    expect(() => assertHtmlSize('big.html', 50 * 1024 * 1024)).toThrow(
      /big\.html is 50 MB of HTML, more than the 5\.0 MB .* it was not read\. Save the article alone/,
    );
    const big = new Uint8Array(MAX_HTML_BYTES + 1).fill(0x61);
    big.set(enc.encode('<html><body>'));
    const e = await extractFile('big.html', big).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('TOO_LARGE');
    expect(assertHtmlSize('ok.html', MAX_HTML_BYTES)).toBeUndefined();
  });

  it('refuses a page of more elements than a page may hold before parsing it, whatever its size, saying what to do', async () => {
    // 300 KB of table cells: small in bytes, but its DOM and the article rules would need over 1 GB.
    const cells = (n: number) => `<html><body><table>${'<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>'.repeat(n)}</table></body></html>`;
    const over = Math.ceil(MAX_HTML_ELEMENTS / 5);
    const e = await extractFile('cells.html', enc.encode(cells(over))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('TOO_LARGE');
    expect((e as ApiError).message).toMatch(/^cells\.html has [\d,]+ HTML elements, more than the 22,000 .* it was not imported\. Save the article alone/);
    expect(boundHtml('x.html', enc.encode(cells(over - 10))).elements).toBeLessThanOrEqual(MAX_HTML_ELEMENTS);
  });

  it('counts comments among the nodes a page holds, and nothing inside scripts and styles', () => {
    expect(boundHtml('x.html', enc.encode(`<html><body>${'a<!-- -->'.repeat(100)}<?x?></body></html>`)).elements).toBe(103);
    expect(boundHtml('x.html', enc.encode(`<html><body><script>${'<p>'.repeat(100)}</script><style>${'<b>'.repeat(9)}</style></body></html>`)).elements).toBe(
      4,
    );
  });

  it('reads past a tag that does not end well (a stray "/" after a long attribute name), and past attributes with no space between them', () => {
    // Real pages (a news site's markup) have such tags; the scan once took hours on one of them.
    const odd = `<div data-${'tracking'.repeat(5)} / hidden>`;
    const page = `<html><body>${odd}<p class="a"id="b">Three soldiers were killed.</p></body></html>`;
    const r = boundHtml('x.html', enc.encode(page), 2);
    expect(r.depth).toBe(3); // html > body > p: the odd tag is text to the scan, the glued attributes are not
    expect(dec.decode(r.bytes)).toContain('Three soldiers were killed.');
  });
});
