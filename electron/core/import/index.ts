// The importers' one entry point for the core: bytes (or pasted text) in, canonical text and the
// metadata found in it out. Bad input fails with an ApiError whose message says what to do.
import type { z } from 'zod';
import type { FoundTitle, FoundOutlet, FoundAuthors, FoundPublished, PageRange, SourceKind } from '../../../shared/model/source.ts';
import { canonicalize, detectDirection, detectLanguage } from '../../../shared/text/canonical.ts';
import { findMetadata, type MetadataHints } from '../../../shared/metadata/metadata.ts';
import { ApiError, type ApiErrorShape } from '../../../shared/errors.ts';
import { MAX_IMPORT_BYTES, MAX_PASTE_CHARS, IMPORTABLE_EXTENSIONS, extensionOf, formatBytes } from '../../../shared/limits.ts';
import { readTextFile, sniffFormat, describeBinary, textPages } from './text.ts';
import { importPool, type ImportProgress, type WorkerJob, type WorkerPool } from './pool.ts';
import type { LeftOut } from './furniture.ts';
import { boundHtml } from './html-bounds.ts';

export type { ImportProgress, WorkerJob } from './pool.ts';

export interface Extracted {
  kind: SourceKind;
  text: string;
  pages: PageRange[] | null;
  title: z.infer<typeof FoundTitle>;
  outlet: z.infer<typeof FoundOutlet>;
  authors: z.infer<typeof FoundAuthors>;
  published: z.infer<typeof FoundPublished>;
  url: string | null;
  language: string | null;
  direction: 'ltr' | 'rtl';
  independenceGroup: string | null;
  warnings: string[];
  /** HTML: the page's visible text the importer left out as furniture (see sources.leftOut); null for other kinds. */
  leftOut: LeftOut | null;
}

const SUPPORTED = 'plain text (.txt, .text, .md), HTML (.html, .htm, .xhtml) and PDF (.pdf)';
const KIND_OF: Record<string, 'text' | 'html' | 'pdf'> = { txt: 'text', text: 'text', md: 'text', html: 'html', htm: 'html', xhtml: 'html', pdf: 'pdf' };

const emptyFile = (name: string) =>
  new ApiError('EMPTY_FILE', `${name} is empty: it contains no text. Check that the file was saved completely, then import it again.`, { name });

function assemble(
  kind: SourceKind,
  name: string | null,
  text: string,
  pages: PageRange[] | null,
  hints: MetadataHints,
  more: { url?: string | null; lang?: string | null; dir?: 'ltr' | 'rtl' | null; warnings?: string[]; metadataText?: string; leftOut?: LeftOut },
): Extracted {
  const meta = findMetadata(more.metadataText ?? text, hints);
  let title = meta.title;
  if (!title.value && name) {
    const base = name
      .replace(/^.*[\\/]/, '')
      .replace(/\.[A-Za-z0-9]{1,10}$/, '')
      .replace(/[_]+/g, ' ')
      .trim();
    if (base) title = { value: base.slice(0, 1000), confidence: 'low', how: 'file name' };
  }
  return {
    kind,
    text,
    pages,
    title: { ...title, value: title.value ? title.value.slice(0, 1000) : null, how: title.how.slice(0, 500) },
    outlet: { ...meta.outlet, value: meta.outlet.value?.slice(0, 300) ?? null, how: meta.outlet.how.slice(0, 500) },
    authors: { ...meta.authors, value: meta.authors.value.slice(0, 50).map((a) => a.slice(0, 200)), how: meta.authors.how.slice(0, 500) },
    published: { ...meta.published, how: meta.published.how.slice(0, 500) },
    url: more.url ?? null,
    language: more.lang ?? detectLanguage(text),
    direction: more.dir ?? detectDirection(text),
    independenceGroup: meta.independenceGroup?.slice(0, 300) ?? null,
    warnings: (more.warnings ?? []).map((w) => w.slice(0, 1000)),
    leftOut: more.leftOut ?? null,
  };
}

export interface ExtractOptions {
  /** Called as a PDF's pages are read: { done: 0, total } once the document is open, then after each page. */
  onProgress?: (p: ImportProgress) => void;
}

/** Picks the importer by extension, checked against what the bytes say they are. */
export async function extractFile(name: string, bytes: Uint8Array, opts: ExtractOptions = {}): Promise<Extracted> {
  const ext = extensionOf(name);
  let kind = KIND_OF[ext];
  if (!kind)
    throw new ApiError(
      'UNSUPPORTED_FILE',
      `${name} cannot be imported: ${ext ? `".${ext}" files are` : 'files without an extension are'} not supported. Corroborate imports ${SUPPORTED}; save or export the document in one of these formats first.`,
      { name, supported: [...IMPORTABLE_EXTENSIONS] },
    );
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ApiError(
      'TOO_LARGE',
      `${name} is ${formatBytes(bytes.length)}, more than the ${formatBytes(MAX_IMPORT_BYTES)} Corroborate can import in one file. Split it into smaller files (for a PDF, a range of pages each) and import those.`,
      { name, bytes: bytes.length, limit: MAX_IMPORT_BYTES },
    );
  if (bytes.length === 0 || !bytes.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) throw emptyFile(name);

  const warnings: string[] = [];
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'pdf' && kind !== 'pdf') {
    warnings.push(`${name} is a PDF file despite its ".${ext}" name; it was imported as a PDF.`);
    kind = 'pdf';
  } else if (kind === 'pdf' && sniffed !== 'pdf') {
    const what = describeBinary(sniffed);
    if (what) throw new ApiError('UNSUPPORTED_FILE', `${name} is named .pdf but is ${what}. Corroborate imports ${SUPPORTED}.`, { name });
    if (sniffed === 'html') {
      warnings.push(`${name} is an HTML page despite its ".pdf" name; it was imported as HTML.`);
      kind = 'html';
    }
  } else if (kind === 'html' && describeBinary(sniffed)) {
    throw new ApiError('BINARY_FILE', `${name} is ${describeBinary(sniffed)}, not an HTML page. Corroborate imports ${SUPPORTED}.`, { name });
  }

  if (kind === 'pdf') {
    // Loaded on first use: jsdom and pdf.js are heavy, and a worker or a host starts faster without them.
    const { extractPdf } = await import('./pdf.ts');
    const pdf = await extractPdf(name, bytes, { onProgress: opts.onProgress });
    return assemble('pdf', name, pdf.text, pdf.pages, pdf.hints, { lang: pdf.lang, warnings: [...warnings, ...pdf.warnings] });
  }
  if (kind === 'html') {
    const { extractHtml } = await import('./html.ts');
    // Bounded first (size and nesting, html-bounds.ts): the extraction rules then meet only pages of bounded cost.
    const bounded = boundHtml(name, bytes);
    warnings.push(...bounded.warnings);
    const html = extractHtml(name, bounded.bytes);
    return assemble('html', name, html.text, null, html.hints, {
      url: html.url,
      lang: html.lang,
      dir: html.dir,
      metadataText: html.metadataText,
      warnings: [...warnings, ...html.warnings],
      leftOut: html.leftOut,
    });
  }
  const decoded = readTextFile(name, bytes);
  const { text, pages } = textPages(decoded.text, canonicalize);
  if (!text) throw emptyFile(name);
  return assemble('text', name, text, pages, {}, { warnings: [...warnings, ...decoded.warnings] });
}

/** Pasted text is text, even when it is HTML source: it is never parsed or rendered as markup. */
export function extractPasted(text: string, title?: string): Extracted {
  if (text.length > MAX_PASTE_CHARS)
    throw new ApiError(
      'TOO_LARGE',
      `The pasted text is ${text.length.toLocaleString('en')} characters, more than the ${MAX_PASTE_CHARS.toLocaleString('en')} a paste can hold. Save it as a file and import the file instead.`,
      { characters: text.length, limit: MAX_PASTE_CHARS },
    );
  const canonical = canonicalize(text);
  if (!canonical) throw new ApiError('EMPTY_FILE', 'The pasted text is empty (only blank space). Copy the article text again and paste it.');
  const given = title?.trim();
  const hints: MetadataHints = given ? { title: [{ value: given, how: 'typed when pasting', confidence: 'high' }] } : {};
  const warnings = /^\s*<(!doctype|html|body|div|p|article)\b/i.test(text)
    ? ['The pasted text looks like HTML source; it was kept as plain text. To extract the article, save the page as an .html file and import the file.']
    : [];
  return assemble('pasted', null, canonical, null, hints, { warnings });
}

export const DEFAULT_IMPORT_TIMEOUT_MS = 120_000;
/** A file that keeps reading (a PDF's pages, each within the timeout) may take this many timeouts in all. */
export const IMPORT_TOTAL_TIMEOUTS = 10;

export interface IsolatedOptions extends ExtractOptions {
  timeoutMs?: number;
  /** Aborting drops the file's job (ending its worker if it has started); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The pool to run in; default the core's shared one. */
  pool?: WorkerPool;
}

/**
 * extractFile in the import pool's worker threads, so a host's event loop never stalls on a big or
 * hostile file. A timeout ends that file's worker (the pool carries on with a fresh one); if no
 * worker can be started, the work runs in this thread.
 */
export function extractFileIsolated(name: string, bytes: Uint8Array, opts: IsolatedOptions = {}): Promise<Extracted> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
  const { onProgress, signal } = opts;
  return runInWorker<Extracted>(
    {
      // A copy goes over, so the caller's bytes stay whole and usable.
      message: () => {
        const copy = bytes.slice();
        return { value: { task: 'extract', name, bytes: copy }, transfer: [copy.buffer] };
      },
      inThread: () => extractFile(name, bytes, { onProgress }),
      // Per page for a PDF: a 350-page book read on a busy machine took 70 s, a page rarely a second.
      timeoutMs,
      totalMs: timeoutMs * IMPORT_TOTAL_TIMEOUTS,
      tooLong: () =>
        new ApiError(
          'TOO_LARGE',
          `Reading ${name} took longer than ${Math.round(timeoutMs / 1000)} seconds (for a PDF, on one page, or ${Math.round((timeoutMs * IMPORT_TOTAL_TIMEOUTS) / 1000)} in all) and was stopped. The file may be very large or damaged: try splitting it, or saving it again as PDF or plain text, and import that.`,
          { name, timeoutMs },
        ),
      failed: (why) => new ApiError('INTERNAL', `Reading ${name} ${why}; the file may be too complex. Try saving it again as PDF or plain text.`, { name }),
      onProgress,
      signal,
    },
    opts.pool,
  );
}

/** Runs one job in the import pool (worker.ts threads, reused across jobs); a job overdue or crashed ends its worker only. */
export function runInWorker<T>(job: WorkerJob<T>, pool: WorkerPool = importPool()): Promise<T> {
  return pool.run(job);
}

/** An error as it crosses the worker boundary: the ApiError shape, or INTERNAL for anything else. */
export function errorShape(e: unknown): ApiErrorShape {
  if (e instanceof ApiError) return e.toJSON();
  return { code: 'INTERNAL', message: `Corroborate could not read this file (${(e as Error)?.message ?? String(e)}).` };
}
