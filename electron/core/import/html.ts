// HTML import: the page is parsed as inert data (jsdom never runs its scripts and loads nothing),
// its declared metadata is read, page furniture is cut away, Readability finds the article, and the
// article DOM becomes canonical plain text. Nothing of the page is ever rendered as HTML.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { canonicalize } from '../../../shared/text/canonical.ts';
import type { MetadataHints } from '../../../shared/metadata/metadata.ts';
import { declaredMetadata } from './html-metadata.ts';
import { ApiError } from '../../../shared/errors.ts';
import { decodeBytes, assertTextual } from './text.ts';
import { NEVER, dropFurnitureLines, leftOutOf, stripFurniture, type LeftOut } from './furniture.ts';
import { articleText, domToText, keptElements, markElements } from './article.ts';
import { mergeArticle } from './article-merge.ts';

export { domToText } from './article.ts';

export interface HtmlExtract {
  text: string;
  /** The article text before furniture lines were dropped: the text rules read credits and appeals in it. */
  metadataText: string;
  hints: MetadataHints;
  url: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  warnings: string[];
  /** The page's visible text that is not in `text`, passage by passage, and its share of the visible text. */
  leftOut: LeftOut;
}

/** The share of a page's visible text (beyond menus and footers) whose loss the source reports. */
export const LEFT_OUT_WARN = 0.2;

function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (const b of bytes.subarray(0, 2048)) head += String.fromCharCode(b);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1] : null;
}

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/**
 * Comments are never content, and in a sentence they split it: React pages write "on Page <!-- -->A<!-- -->22",
 * and Readability, wrapping a div's loose text into paragraphs, starts a new one at each comment ("Page", "A", "22").
 */
function removeComments(doc: Document): void {
  const walker = doc.createTreeWalker(doc, 128 /* NodeFilter.SHOW_COMMENT */);
  const found: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n);
  for (const n of found) n.parentNode?.removeChild(n);
}

export function extractHtml(name: string, bytes: Uint8Array): HtmlExtract {
  const decoded = decodeBytes(bytes, name, declaredCharset(bytes));
  assertTextual(decoded.text.replace(/<script[\s\S]*?<\/script>/gi, ''), name, bytes.length);
  const warnings = [...decoded.warnings];
  // No url: relative links stay unresolved and nothing can be fetched; scripts and resources are off by default.
  const dom = new JSDOM(decoded.text, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  try {
    const declared = declaredMetadata(doc);
    for (const el of Array.from(doc.querySelectorAll(NEVER))) el.remove();
    removeComments(doc);
    // What a reader sees of the page beyond its menus and footers: the measure of what was left out.
    const visible = doc.body ? canonicalize(domToText(doc.body)) : '';
    stripFurniture(doc);
    const marked = markElements(doc);
    // Readability works on a clone: it rewrites the document it is given.
    const article = new Readability<Node>(doc.cloneNode(true) as Document, { serializer: (n) => n, charThreshold: 200 }).parse();
    const droppedLines: string[] = [];
    // The page's own text between the article's first and last elements, with any paragraph of
    // Readability's it lacks put back (article-merge.ts): neither reading alone holds every sentence.
    const readabilityText = article?.content ? canonicalize(domToText(article.content)) : '';
    const pageText = article?.content ? canonicalize(articleText(keptElements(article.content, marked))) : '';
    let raw = canonicalize(mergeArticle(pageText, readabilityText));
    let text = dropFurnitureLines(raw, droppedLines);
    if (text.length < 200) {
      const wholeRaw = doc.body ? canonicalize(domToText(doc.body)) : '';
      const whole = dropFurnitureLines(wholeRaw);
      if (whole.length > text.length) {
        [text, raw] = [whole, wholeRaw];
        warnings.push(`No article was recognised in ${name}; the text of the whole page was kept.`);
      }
    }
    if (article?.byline && visible.includes(canonicalize(article.byline)) && !text.slice(0, 2000).includes(canonicalize(article.byline))) {
      // Readability takes the byline out of the article; it is part of what the page says.
      const byline = canonicalize(article.byline);
      const firstBreak = text.indexOf('\n\n');
      if (byline.length < 300)
        text = firstBreak > 0 && firstBreak < 300 ? `${text.slice(0, firstBreak)}\n\n${byline}${text.slice(firstBreak)}` : `${byline}\n\n${text}`;
    }
    // The headline belongs at the top of the text (quotes from it need anchors), once.
    const declaredTitles = (declared.hints.title ?? []).filter((h) => !h.how.startsWith('<title>')).map((h) => h.value);
    const headlines = [...declaredTitles, clean(article?.title), clean(doc.title)].filter((t): t is string => !!t).map(canonicalize);
    const top = text.slice(0, 1000);
    if (text && headlines.length && !headlines.some((h) => top.includes(h))) {
      text = `${headlines[0]}\n\n${text}`;
      raw = `${headlines[0]}\n\n${raw}`;
    }
    if (!text)
      throw new ApiError(
        'EMPTY_FILE',
        `${name} has no article text: the page holds only scripts, styles or layout. Save the article itself (for example as PDF or plain text from your browser) and import that.`,
        { name },
      );
    const leftOut = leftOutOf(visible, text);
    if (leftOut.share >= LEFT_OUT_WARN && leftOut.passages.join('').length >= 200)
      warnings.push(
        `About ${Math.round(leftOut.share * 100)}% of the page's text was left out as site furniture (${leftOut.passages.length} passages, such as “${leftOut.passages[0].slice(0, 80)}”): show what was left out to check nothing of the article is missing.`,
      );
    const hints = declared.hints;
    if (article?.byline) (hints.byline ??= []).push({ value: article.byline, how: 'byline (Readability)', confidence: 'medium' });
    if (article?.siteName) (hints.outlet ??= []).push({ value: article.siteName, how: 'site name (Readability)', confidence: 'medium' });
    if (article?.publishedTime) (hints.published ??= []).push({ value: article.publishedTime, how: 'published time (Readability)', confidence: 'medium' });
    return {
      text,
      metadataText: raw,
      hints,
      url: declared.url,
      lang: declared.lang ?? clean(article?.lang) ?? null,
      dir: declared.dir ?? (article?.dir === 'rtl' ? 'rtl' : article?.dir === 'ltr' ? 'ltr' : null),
      warnings,
      leftOut,
    };
  } finally {
    dom.window.close();
  }
}
