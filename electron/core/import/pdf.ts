// PDF import: pdfjs-dist's text layer, page by page, rebuilt into lines (item positions and
// end-of-line marks) and paragraphs (vertical gaps, heading sizes), then canonicalised. Each page's
// span in the final text is recorded exactly, so a passage can be shown on its page.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordListPath from 'word-list';
import { canonicalize } from '../../../shared/text/canonical.ts';
import type { MetadataHints } from '../../../shared/metadata/metadata.ts';
import type { PageRange } from '../../../shared/model/source.ts';
import { ApiError } from '../../../shared/errors.ts';
import { dehyphenate, linesOf, pageText, vocabulary, type Dehyphenation, type Line } from './pdf-lines.ts';
import { headingOf, pdfDate, sensibleTitle } from './pdf-meta.ts';
import { fieldLines, mergeLines, pagesList } from './pdf-fields.ts';

/**
 * pdf.js's CMaps (for CJK and other CID fonts) and standard font data, from the local pdfjs-dist
 * install: without them Chinese and Japanese text comes out as punctuation. Paths, not URLs: in
 * Node pdf.js reads them with fs, so every host (Electron, loopback server, CLI) works offline.
 */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
export const PDFJS_ASSETS = {
  cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep,
  wasmUrl: path.join(PDFJS_DIR, 'wasm') + path.sep,
};

let words: Set<string> | null = null;
/** The English word list of the word-list package (about 275,000 words), loaded on first need. */
const isEnglishWord = (w: string) => (words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'))).has(w);

/** A page with this few letters is near empty: a scan, a photo or a chart without text. */
const NEAR_EMPTY_LETTERS = 40;
/** Bytes a page of a file may take before almost no text on it is suspicious (fonts and drawings aside). */
export const SPARSE_FILE_BYTES = 20_000;

export interface PdfExtract {
  text: string;
  pages: PageRange[];
  hints: MetadataHints;
  lang: string | null;
  warnings: string[];
}

const damaged = (name: string, why: string) =>
  new ApiError(
    'PDF_DAMAGED',
    `${name} is a damaged PDF (${why}). If it was downloaded, download it again; otherwise open it in a PDF reader and save a new copy, then import that.`,
    { name },
  );

/** Reads a PDF page by page; onProgress hears { done: 0, total } once it is open, then after every page. */
export async function extractPdf(
  name: string,
  bytes: Uint8Array,
  opts: { onProgress?: (p: { done: number; total: number }) => void } = {},
): Promise<PdfExtract> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw damaged(name, 'it does not start like a PDF file');
  // A file cut short (an interrupted download) loses its end marker; pdf.js would quietly
  // rebuild what it can and the missing pages would go unnoticed.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw damaged(name, 'the file ends early: it looks truncated');

  const task = getDocument({
    data: bytes.slice(), // pdf.js takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
    ...PDFJS_ASSETS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const kind = (e as { name?: string }).name;
    if (kind === 'PasswordException')
      throw new ApiError(
        'PDF_ENCRYPTED',
        `${name} is protected by a password. Open it in a PDF reader with the password, save a copy without the password (or print it to a new PDF), and import that copy.`,
        { name },
      );
    throw damaged(name, `it could not be opened: ${(e as Error).message ?? 'unknown error'}`);
  }

  try {
    const warnings: string[] = [];
    const pageLines: Line[][] = [];
    const unmappedOn: number[] = [];
    const imagesOn = new Set<number>();
    let fields = 0;
    const total = doc.numPages;
    const progress = (done: number) => {
      try {
        opts.onProgress?.({ done, total });
      } catch {
        // a caller's progress display never fails the import
      }
    };
    progress(0);
    for (let n = 1; n <= total; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent({ includeMarkedContent: false });
        const unmapped = { count: 0 };
        let lines = linesOf(content.items, unmapped);
        if (unmapped.count) unmappedOn.push(n);
        // Filled-in form fields are text on the page that is not in its content stream.
        const filled = fieldLines(await page.getAnnotations({ intent: 'display' }).catch(() => []));
        fields += filled.length;
        if (filled.length) lines = mergeLines(lines, filled);
        const letters = lines.reduce((k, l) => k + (l.text.match(/\p{L}/gu)?.length ?? 0), 0);
        if (letters < NEAR_EMPTY_LETTERS && (await hasImage(page))) imagesOn.add(n);
        pageLines.push(lines);
        page.cleanup();
      } catch (e) {
        throw damaged(name, `page ${n} could not be read: ${(e as Error).message ?? 'unknown error'}`);
      }
      progress(n);
    }

    // Line-end hyphens, against the document's own words first.
    const known = vocabulary(pageLines.map((ls) => ls.map((l) => l.text).join('\n')));
    const hyphens: Dehyphenation = { joined: 0, kept: 0 };
    const pageTexts = pageLines.map((ls) => canonicalize(pageText(dehyphenate(ls, known, isEnglishWord, hyphens))));
    const heading = headingOf(pageLines[0] ?? []);

    const empty = pageTexts.map((t, i) => (t.replace(/\s/g, '').length < 3 ? i + 1 : 0)).filter(Boolean);
    if (empty.length === pageTexts.length)
      throw new ApiError(
        'PDF_NO_TEXT',
        `${name} has no text layer: its ${pageTexts.length === 1 ? 'page is an image' : `${pageTexts.length} pages are images`} (a scan?). Run it through OCR first (for example "ocrmypdf in.pdf out.pdf", or your scanner's or PDF reader's text recognition), then import the result.`,
        { name, pages: pageTexts.length },
      );
    if (empty.length)
      warnings.push(
        `${empty.length === 1 ? 'Page' : 'Pages'} ${pagesList(empty)} of ${name} had no text (images or scans); run OCR to include ${empty.length === 1 ? 'it' : 'them'}.`,
      );
    const scans = [...imagesOn].filter((n) => !empty.includes(n));
    if (scans.length)
      warnings.push(
        `${scans.length === 1 ? 'Page' : 'Pages'} ${pagesList(scans)} of ${name} yielded almost no text but ${scans.length === 1 ? 'holds an image' : 'hold images'}: ${scans.length === 1 ? 'it looks' : 'they look'} like a scan. Run OCR to include what ${scans.length === 1 ? 'it says' : 'they say'}.`,
      );
    // A file far bigger than its text and showing no image: a damaged file (pdf.js recovered a page
    // or two of it) or text drawn as shapes. The source then says so instead of looking whole. (A
    // short memo is small: a page of text takes a few kilobytes; the bound is 20 kB a page.)
    const letters = pageTexts.map((t) => t.match(/\p{L}/gu)?.length ?? 0);
    const sparse = letters.map((k, i) => (k < NEAR_EMPTY_LETTERS && !empty.includes(i + 1) && !imagesOn.has(i + 1) ? i + 1 : 0)).filter(Boolean);
    if (sparse.length && letters.reduce((a, b) => a + b, 0) < NEAR_EMPTY_LETTERS * pageTexts.length && bytes.length > SPARSE_FILE_BYTES * pageTexts.length)
      warnings.push(
        `${name} yielded almost no text (${letters.reduce((a, b) => a + b, 0)} letters on ${sparse.length === 1 ? 'page' : 'pages'} ${pagesList(sparse)}): the file may be damaged, or draw its text as shapes. Compare the source with the PDF in a reader; if text is missing, print the PDF to a new PDF or run OCR, and import that.`,
      );
    if (unmappedOn.length)
      warnings.push(
        `Some characters of ${name} (on ${unmappedOn.length === 1 ? 'page' : 'pages'} ${pagesList(unmappedOn)}) use a font with no Unicode mapping; each is kept as � in the text. Check those passages against the PDF before quoting them.`,
      );
    if (fields)
      warnings.push(`${name} has ${fields === 1 ? 'a filled-in form field' : `${fields} filled-in form fields`}; their text was imported on their pages.`);

    // Offsets are exact: the text is the pages joined by one blank line, and each page is canonical already.
    let text = '';
    const pages: PageRange[] = pageTexts.map((t, i) => {
      if (!t) return { page: i + 1, start: text.length, end: text.length };
      if (text) text += '\n\n';
      const start = text.length;
      text += t;
      return { page: i + 1, start, end: text.length };
    });

    const hints: MetadataHints = { title: [], byline: [], published: [] };
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const xmpTitle = sensibleTitle(meta?.metadata?.get('dc:title'));
    const infoTitle = sensibleTitle(info.Title);
    if (infoTitle) hints.title!.push({ value: infoTitle, how: 'PDF document properties (Title)', confidence: 'medium' });
    if (xmpTitle && xmpTitle !== infoTitle) hints.title!.push({ value: xmpTitle, how: 'PDF XMP metadata (dc:title)', confidence: 'medium' });
    if (heading) hints.title!.push({ value: canonicalize(heading), how: 'largest text at the top of page 1', confidence: 'medium' });
    // The document's Author is often whoever typed or exported it: a weak hint.
    if (typeof info.Author === 'string' && info.Author.trim())
      hints.byline!.push({ value: info.Author.trim(), how: 'PDF document properties (Author)', confidence: 'low' });
    // When the file was made, not necessarily when the report was published: offered at low confidence.
    const created = pdfDate(info.CreationDate);
    if (created) hints.published!.push({ value: created, how: 'PDF creation date (document properties)', confidence: 'low' });
    const lang = typeof info.Language === 'string' && info.Language ? info.Language.slice(0, 20) : null;
    return { text, pages, hints, lang, warnings };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/** Whether a page paints an image (what a scan without OCR is). */
async function hasImage(page: { getOperatorList: () => Promise<{ fnArray: number[] }> }): Promise<boolean> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const ops = await page.getOperatorList().catch(() => ({ fnArray: [] as number[] }));
  const image = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  return ops.fnArray.some((f) => image.has(f));
}
