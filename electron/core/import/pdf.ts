// PDF import: pdfjs-dist's text layer, page by page, rebuilt into lines (item positions and
// end-of-line marks) and paragraphs (vertical gaps, heading sizes), then canonicalised. Each page's
// span in the final text is recorded exactly, so a passage can be shown on its page.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { canonicalize } from '../../../shared/canonical.ts';
import type { MetadataHints } from '../../../shared/metadata.ts';
import type { PageRange } from '../../../shared/source.ts';
import { ApiError } from '../../../shared/errors.ts';

export interface PdfExtract {
  text: string;
  pages: PageRange[];
  hints: MetadataHints;
  lang: string | null;
  warnings: string[];
}

interface Line {
  text: string;
  y: number;
  size: number;
}

/** Joins a page's text items into lines: a new line at an end-of-line mark or a change of baseline. */
function linesOf(items: (TextItem | TextMarkedContent)[]): Line[] {
  const lines: Line[] = [];
  let cur: (Line & { endX: number }) | null = null;
  const finish = () => {
    if (cur && cur.text.trim()) lines.push({ text: cur.text, y: cur.y, size: cur.size });
    cur = null;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    if (item.str) {
      if (cur && Math.abs(y - cur.y) > Math.max(size, cur.size) * 0.5) finish();
      if (!cur) cur = { text: item.str, y, size, endX: x + item.width };
      else {
        const gap = x - cur.endX;
        const spaced = /\s$/.test(cur.text) || /^\s/.test(item.str);
        if (!spaced && (gap > size * 0.15 || gap < -size)) cur.text += ' ';
        cur.text += item.str;
        cur.endX = x + item.width;
        cur.size = Math.max(cur.size, size);
      }
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

/** Lines into a page's raw text: a blank line where the gap is wider than the usual leading, or the type size changes. */
function pageText(lines: Line[]): string {
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((g) => g > 0)
    .sort((p, q) => p - q);
  const leading = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  let out = '';
  lines.forEach((l, i) => {
    if (i > 0) {
      const prev = lines[i - 1];
      const gap = prev.y - l.y;
      const newParagraph = gap < 0 || (leading > 0 && gap > leading * 1.45) || Math.abs(prev.size - l.size) > Math.min(prev.size, l.size) * 0.2;
      out += newParagraph ? '\n\n' : '\n';
    }
    out += l.text;
  });
  return out;
}

/** Document-info and XMP titles that are a file name or a placeholder tell nothing. */
function sensibleTitle(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length < 4 || t.length > 300 || !/\p{L}{2}/u.test(t)) return null;
  if (/^(untitled|document\d*|microsoft (word|powerpoint)|slide \d+|title|unknown|none)\b/i.test(t)) return null;
  if (/\.(docx?|pdf|indd|tex|dvi|rtf|odt|pages|html?|aspx?|php)$/i.test(t) || /^[\w-]+$/.test(t)) return null;
  return t;
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
    const pageTexts: string[] = [];
    let heading: { text: string; size: number } | null = null;
    let bodySize = 0;
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
      let lines: Line[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent({ includeMarkedContent: false });
        lines = linesOf(content.items);
        page.cleanup();
      } catch (e) {
        throw damaged(name, `page ${n} could not be read: ${(e as Error).message ?? 'unknown error'}`);
      }
      if (n === 1 && lines.length) {
        const sizes = lines.map((l) => l.size).sort((p, q) => p - q);
        bodySize = sizes[Math.floor(sizes.length / 2)];
        const top = lines.slice(0, 10).reduce((m, l) => (l.size > m.size ? l : m), lines[0]);
        if (top.size > bodySize * 1.2) heading = { text: top.text, size: top.size };
      }
      pageTexts.push(canonicalize(pageText(lines)));
      progress(n);
    }

    const empty = pageTexts.map((t, i) => (t.replace(/\s/g, '').length < 3 ? i + 1 : 0)).filter(Boolean);
    if (empty.length === pageTexts.length)
      throw new ApiError(
        'PDF_NO_TEXT',
        `${name} has no text layer: its ${pageTexts.length === 1 ? 'page is an image' : `${pageTexts.length} pages are images`} (a scan?). Run it through OCR first (for example "ocrmypdf in.pdf out.pdf", or your scanner's or PDF reader's text recognition), then import the result.`,
        { name, pages: pageTexts.length },
      );
    if (empty.length)
      warnings.push(
        `${empty.length === 1 ? 'Page' : 'Pages'} ${empty.join(', ')} of ${name} had no text (images or scans); run OCR to include ${empty.length === 1 ? 'it' : 'them'}.`,
      );

    // Offsets are exact: the text is the pages joined by one blank line, and each page is canonical already.
    let text = '';
    const pages: PageRange[] = pageTexts.map((t, i) => {
      if (!t) return { page: i + 1, start: text.length, end: text.length };
      if (text) text += '\n\n';
      const start = text.length;
      text += t;
      return { page: i + 1, start, end: text.length };
    });

    const hints: MetadataHints = { title: [], byline: [] };
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const xmpTitle = sensibleTitle(meta?.metadata?.get('dc:title'));
    const infoTitle = sensibleTitle(info.Title);
    if (infoTitle) hints.title!.push({ value: infoTitle, how: 'PDF document properties (Title)', confidence: 'medium' });
    if (xmpTitle && xmpTitle !== infoTitle) hints.title!.push({ value: xmpTitle, how: 'PDF XMP metadata (dc:title)', confidence: 'medium' });
    if (heading) hints.title!.push({ value: canonicalize(heading.text), how: 'largest text at the top of page 1', confidence: 'medium' });
    // The document's Author is often whoever typed or exported it: a weak hint.
    if (typeof info.Author === 'string' && info.Author.trim())
      hints.byline!.push({ value: info.Author.trim(), how: 'PDF document properties (Author)', confidence: 'low' });
    const lang = typeof info.Language === 'string' && info.Language ? info.Language.slice(0, 20) : null;
    return { text, pages, hints, lang, warnings };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
