// `node scripts/make-report-pdfs.ts PAGES_DIR OUT_DIR [--limit N]`: real-world PDFs for
// `node scripts/eval-import.ts OUT_DIR`, made on this machine from real saved news pages (a checkout
// of Readability's test pages: PAGES_DIR/NAME/source.html and expected.html), so no article enters
// the repository. Two producers, as reports reach a fact-checker:
//  - NAME-print.pdf: the page printed by Chromium (/usr/bin/chromium, headless, scripts stripped
//    first so nothing runs), a browser's "Save as PDF" (Skia);
//  - NAME-1col.pdf / NAME-2col.pdf: the article's paragraphs typeset by groff (Debian's groff,
//    ms macros, gropdf) justified and hyphenated at line ends, in one column or two, like a report.
// Pages whose tool fails are skipped and listed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string', default: '20' } } });
if (positionals.length !== 2) {
  console.error('usage: node scripts/make-report-pdfs.ts PAGES_DIR OUT_DIR [--limit N]');
  process.exit(2);
}
const [pagesDir, outDir] = positionals;
mkdirSync(outDir, { recursive: true });
// The pages with their scripts stripped, outside OUT_DIR (eval-import would read them as pages).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'report-pdfs-'));

/** The article's paragraphs from Readability's expected output: headings, paragraphs, list items. */
function paragraphs(html: string): string[] {
  const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  return Array.from(doc.querySelectorAll('h1, h2, h3, p, li'), (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((t) => t.length > 20);
}

/** groff ms source: a title block, then each paragraph (escaped: a leading dot or quote is text, a backslash is a backslash). */
function ms(paras: string[], columns: 1 | 2): string {
  const esc = (t: string) => `\\&${t.replace(/\\/g, '\\e')}`;
  const out = ['.nr PS 10', '.nr VS 12', '.TL', esc(paras[0].slice(0, 120)), '.AU', 'Field Office', '.AI', 'Situation report'];
  if (columns === 2) out.push('.2C');
  for (const p of paras.slice(1)) out.push('.PP', esc(p));
  return `${out.join('\n')}\n`;
}

const failed: string[] = [];
let n = 0;
for (const name of readdirSync(pagesDir).sort()) {
  if (n >= Number(values.limit)) break;
  const source = path.join(pagesDir, name, 'source.html');
  const expected = path.join(pagesDir, name, 'expected.html');
  if (!existsSync(source) || !existsSync(expected)) continue;
  const paras = paragraphs(readFileSync(expected, 'utf8'));
  if (paras.length < 5) continue;
  n++;
  const stripped = path.join(tmp, `${name}.html`);
  writeFileSync(stripped, readFileSync(source, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, ''));
  try {
    execFileSync(
      'chromium',
      [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.join(outDir, `${name}-print.pdf`)}`,
        `file://${stripped}`,
      ],
      { stdio: 'ignore', timeout: 90_000 },
    );
  } catch {
    failed.push(`${name} (chromium)`);
  }
  const columns = n % 2 === 0 ? 2 : 1;
  try {
    const pdf = execFileSync('groff', ['-k', '-ms', '-Tpdf', '-dpaper=a4', '-P-pa4'], {
      input: ms(paras, columns),
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    writeFileSync(path.join(outDir, `${name}-${columns}col.pdf`), pdf);
  } catch {
    failed.push(`${name} (groff)`);
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${n} pages made into PDFs in ${outDir}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
