// Bounds on an HTML page before it is parsed, so every page costs bounded time and memory whatever
// its shape. Called at the import boundary (index.ts), ahead of the extraction rules in html.ts:
//  - size: a page past MAX_HTML_BYTES is refused by its size alone, before it is read or decoded
//    (the DOM and the article rules need far more memory than the page's bytes);
//  - depth: elements nested past MAX_HTML_DEPTH are flattened. A streaming scan over the tags keeps
//    a stack of open elements (with HTML's implied end tags for p, li, td and the like) and drops the
//    tags that would open deeper, with their end tags, each replaced by a space (so no two words
//    meet; a <br> would keep the lines but the extraction rules are slow on many thousands of them).
//    Text is never touched: every word stays, in order;
//  - elements: the same scan counts the page's elements and comments, and a page of more than
//    MAX_HTML_ELEMENTS is refused before it is parsed (memory grows with them, not with the bytes:
//    1 MB of table cells took 1.2 GB, 5 MB of plain paragraphs over 1.3 GB).
// The scan works on the bytes as latin1 (one char per byte): tags are ASCII, so text in any
// encoding passes through byte for byte, and the page's own charset is read later as before.
import { ApiError } from '../../../shared/errors.ts';
import { MAX_HTML_BYTES, formatBytes } from '../../../shared/limits.ts';
import { INLINE_ELEMENTS } from './html-elements.ts';

/** Deeper than any real page (news templates nest 20–60 levels); past it, extraction time grows steeply. */
export const MAX_HTML_DEPTH = 100;

/**
 * Elements (and comments) one page may hold: the DOM and the article rules need 17–31 KB for each,
 * with its text (scripts/bench-bounds.ts: 25,000 paragraphs peaked at 965 MB), so this keeps any page
 * well under 1 GB whatever its shape; the largest of Readability's 130 real test pages (a Wikipedia
 * article of 1 MB) has 9,887, and 20,000 nested divs still import.
 */
export const MAX_HTML_ELEMENTS = 22_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
/** Elements whose content is text, not markup: the scan skips to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);
/** An open tag of the key closes an open element of each listed name first (a subset of HTML's implied end tags). */
const CLOSES: Record<string, string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
};
const P_CLOSERS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'div',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

export interface BoundedHtml {
  bytes: Uint8Array;
  /** Elements flattened for lying deeper than MAX_HTML_DEPTH. */
  flattened: number;
  /** The deepest nesting seen. */
  depth: number;
  /** Start tags outside scripts and styles, and comments: the nodes the page's DOM will hold beside its text. */
  elements: number;
  warnings: string[];
}

/** Refuses a page by its size alone; call it with the file's size before reading the file. */
export function assertHtmlSize(name: string, bytes: number): void {
  if (bytes > MAX_HTML_BYTES)
    throw new ApiError(
      'TOO_LARGE',
      `${name} is ${formatBytes(bytes)} of HTML, more than the ${formatBytes(MAX_HTML_BYTES)} Corroborate reads in one web page; it was not read. Save the article alone (your browser's reader view, then Save as or Print to PDF) or copy its text into a .txt file, and import that.`,
      { name, bytes, limit: MAX_HTML_BYTES },
    );
}

/** Refuses a page whose DOM would hold more than `limit` elements; boundHtml calls it before the page is parsed. */
export function assertHtmlElements(name: string, elements: number, limit = MAX_HTML_ELEMENTS): void {
  if (elements > limit)
    throw new ApiError(
      'TOO_LARGE',
      `${name} has ${elements.toLocaleString('en')} HTML elements, more than the ${limit.toLocaleString('en')} Corroborate reads in one web page (the page would need more memory than it may take); it was not imported. Save the article alone (your browser's reader view, then Save as or Print to PDF) or copy its text into a .txt file, and import that.`,
      { name, elements, limit },
    );
}

// Each attribute starts after white space or a closing quote, so a run of name characters is one
// name: with the separator optional, a tag that did not end well (a stray "/" in it) made the
// engine try every split of each name, exponentially (a 20-letter name: 11 s; real pages hung).
const TAG = /<(\/?)([A-Za-z][^\s/>]*)((?:(?:\s+|(?<=["']))[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*(\/?)>/y;

/** The page with its nesting bounded (see the top); the same bytes when nothing was deeper than `maxDepth`. */
export function boundHtml(name: string, input: Uint8Array, maxDepth = MAX_HTML_DEPTH): BoundedHtml {
  assertHtmlSize(name, input.length);
  const src = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const stack: Array<{ tag: string; dropped: boolean }> = [];
  const out: string[] = [];
  let copied = 0; // src[copied..] not yet copied to out
  let flattened = 0;
  let deepest = 0;
  let elements = 0;
  const cut = (from: number, to: number, put: string) => {
    out.push(src.slice(copied, from), put);
    copied = to;
  };
  const popTo = (i: number, at: number, end: number, closing: boolean) => {
    // Elements above i end implicitly; the one at i ends with this tag (which goes if that one went).
    const target = stack[i];
    stack.length = i;
    if (closing && target.dropped) cut(at, end, INLINE_ELEMENTS.has(target.tag) ? '' : ' ');
  };
  let i = src.indexOf('<');
  while (i >= 0 && i < src.length) {
    if (src.startsWith('<!--', i)) {
      elements++;
      const end = src.indexOf('-->', i + 4);
      i = end < 0 ? -1 : src.indexOf('<', end + 3);
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(src);
    if (!m) {
      // "<!x", "<?x" and "</ x" open comments of their own (HTML's bogus comments): nodes too.
      if (/[!?/]/.test(src[i + 1] ?? '')) elements++;
      i = src.indexOf('<', i + 1);
      continue;
    }
    const end = TAG.lastIndex;
    const tag = m[2].toLowerCase();
    if (!m[1]) elements++;
    if (m[1]) {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].tag === tag) {
          popTo(k, i, end, true);
          break;
        }
      }
    } else if (!VOID.has(tag) && !m[4]) {
      const closes = CLOSES[tag];
      if (closes) {
        while (stack.length && closes.includes(stack[stack.length - 1].tag)) popTo(stack.length - 1, i, i, false);
      } else if (P_CLOSERS.has(tag) && stack.at(-1)?.tag === 'p') popTo(stack.length - 1, i, i, false);
      const dropped = stack.length >= maxDepth && !RAW_TEXT.has(tag);
      if (dropped) {
        flattened++;
        cut(i, end, INLINE_ELEMENTS.has(tag) ? '' : ' ');
      }
      stack.push({ tag, dropped });
      deepest = Math.max(deepest, stack.length);
      if (RAW_TEXT.has(tag)) {
        // Skip the element's text to its end tag (script text may hold anything that looks like tags).
        const close = new RegExp(`</${tag}[\\s/>]`, 'ig');
        close.lastIndex = end;
        const c = close.exec(src);
        i = c ? c.index : -1;
        continue;
      }
    }
    i = src.indexOf('<', end);
  }
  assertHtmlElements(name, elements);
  if (flattened === 0) return { bytes: input, flattened, depth: deepest, elements, warnings: [] };
  out.push(src.slice(copied));
  return {
    bytes: new Uint8Array(Buffer.from(out.join(''), 'latin1')),
    flattened,
    depth: deepest,
    elements,
    warnings: [
      `${name} nests its elements ${deepest.toLocaleString('en')} levels deep; the ${flattened.toLocaleString('en')} element${flattened > 1 ? 's' : ''} below level ${maxDepth} ${flattened > 1 ? 'were' : 'was'} flattened into the text around them so the page could be read (flattening keeps every word, in order).`,
    ],
  };
}
