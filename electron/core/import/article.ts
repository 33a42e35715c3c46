// The article's text in the page: Readability says which elements are the article; the text is
// taken from the page itself between the first and the last of them, so that what Readability's
// cleaning drops inside the article (a byline block, a standfirst in a header, a paragraph in a
// section with a "sharing" id, a <span class="popup"> in a sentence) stays, while what lies
// outside it (related links, comments, mastheads) goes.
import { NEVER_TAGS, holdsContent } from './furniture.ts';
import { INLINE_ELEMENTS } from './html-elements.ts';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'hr',
  'address',
  'details',
  'summary',
  'center',
  'fieldset',
  'legend',
]);

/** The article DOM as plain text: blocks become paragraphs, <br> a line break, cells are spaced. */
export function domToText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      out.push(pre ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = el.localName ?? '';
    if (NEVER_TAGS.has(tag) || (tag && el.hasAttribute('hidden'))) return;
    if (tag === 'br') return void out.push('\n');
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    else if (tag === 'td' || tag === 'th') out.push(' ');
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'pre');
    if (block) out.push('\n\n');
    else if (tag === 'td' || tag === 'th') out.push(' ');
  };
  walk(root, false);
  return out.join('');
}

const MARK = 'data-corroborate-n';

/** Numbers every element of the body, so the elements of Readability's output can be found in the page. */
export function markElements(doc: Document): Element[] {
  const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
  all.forEach((el, i) => el.setAttribute(MARK, String(i)));
  return all;
}

/** The page's elements that Readability's output holds (by their numbers). */
export function keptElements(content: Node, marked: Element[]): Set<Element> {
  const kept = new Set<Element>();
  const root = content as Element;
  for (const el of [root, ...Array.from(root.querySelectorAll?.(`[${MARK}]`) ?? [])]) {
    const n = Number(el.getAttribute?.(MARK));
    if (Number.isInteger(n) && marked[n]) kept.add(marked[n]);
  }
  return kept;
}

function linkDensity(el: Element): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length || 1;
  const links = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
  return links / all;
}

const inSentence = (name: string): boolean => INLINE_ELEMENTS.has(name) || name === 'img' || name === 'br';

/**
 * The text of the page from the common ancestor of the kept elements: kept elements whole, and
 * between them (and before the first, for the headline, byline and standfirst) any element that
 * holds content and is not a list of links. Nothing after the last kept element.
 */
export function articleText(kept: Set<Element>): string {
  const top = [...kept].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (kept.has(p)) return false;
    return true;
  });
  if (!top.length) return '';
  const order = (a: Element, b: Element) => (a.compareDocumentPosition(b) & 4 ? -1 : 1); // 4: b follows a
  top.sort(order);
  const holds = new Set<Element>();
  for (const el of top) for (let p = el.parentElement; p; p = p.parentElement) holds.add(p);
  let lca: Element = top[0];
  while (top.some((el) => !lca.contains(el))) lca = lca.parentElement!;
  const last = top[top.length - 1];
  const parts: string[] = [];
  let done = false;
  const visit = (n: Node) => {
    if (done) return;
    if (n.nodeType === 3) return void parts.push(domToText(n));
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (kept.has(el)) {
      parts.push(`\n\n${domToText(el)}\n\n`);
      if (el === last) done = true;
      return;
    }
    if (holds.has(el)) {
      if (NEVER_TAGS.has(el.localName)) return;
      parts.push('\n\n');
      for (const c of Array.from(el.childNodes)) visit(c);
      parts.push('\n\n');
      return;
    }
    if (inSentence(el.localName)) return void parts.push(domToText(el));
    if (holdsContent(el) && linkDensity(el) < 0.5) parts.push(`\n\n${domToText(el)}\n\n`);
  };
  if (kept.has(lca)) visit(lca);
  else for (const c of Array.from(lca.childNodes)) visit(c);
  return parts.join('');
}
