// Page furniture: what a news page shows around an article (share bars, newsletter boxes, cookie
// notices, comments, related links). The rule is positional: furniture goes because it lies outside
// the article or holds no prose, never because a class or id word *inside* the article sounds like
// furniture. An inline link with class="popup" in a sentence is the sentence; a <header id="share…">
// holding the byline and standfirst is the article's head; a <section id="sharing-…"> holding
// paragraphs is the article's body.
import { INLINE_ELEMENTS } from './html-elements.ts';

/** Elements that are never content: code, embeds, inputs, navigation. */
export const NEVER_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'label',
  'svg',
  'canvas',
  'math',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'link',
  'meta',
  'base',
  'dialog',
  'nav',
  'aside',
  'footer',
]);
/** What a reader never sees: hidden, scripted or inert. Removed before anything is measured. */
export const INVISIBLE = ['script', 'style', 'noscript', 'template', 'head', '[hidden]', '[aria-hidden="true"]'].join(',');
export const NEVER = [
  ...NEVER_TAGS,
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="button"]',
].join(',');

/** Class, id and aria-label words of furniture: sharing, newsletters, cookies, comments, ads. */
export const FURNITURE_ATTR =
  /(^|[\s_-])(share|sharing|social|sharebar|newsletter|subscribe|subscription|signup|sign-up|cookie|cookies|consent|gdpr|comment|comments|respond|disqus|related|recommend|recommended|promo|advert|advertisement|ad|ads|sponsor|sponsored|popup|modal|overlay|banner|paywall|breadcrumb|breadcrumbs|toolbar|widget|sidebar|menu|follow|print|outbrain|taboola)(?=$|[\s_-])/i;

/** Lines of text that are furniture wherever they sit (only HTML: a .txt file is kept as written). */
export const FURNITURE_LINE = [
  /^share( (on|this|via|to)\b.*)?$/i,
  /^((facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|instagram|youtube|x|email|e-mail|print|copy link|messenger)[\s,|·]*)+$/i,
  /^(subscribe|sign up|signup)\b.*(newsletter|inbox|updates|channels?)/i,
  // A sentence that mentions a newsletter is content; an appeal to get one is not.
  /\b(sign up|subscribe|get|receive)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(sign up|subscribe|inbox|delivered|straight to you)/i,
  /^(be ahead of the curve|get .* straight to your inbox|delivered to your inbox)/i,
  /\b(we use|this (site|website) uses) cookies\b|\bcookie (policy|settings|preferences)\b|^accept( all)?( cookies)?$/i,
  /^(leave a (reply|comment)|post a comment|add a comment|comments?|\d+ comments?|reply|cancel reply|show comments|view comments)( \(\d+\))?$/i,
  /^((previous|next|older|newer) (post|article|story)\s*)+$/i,
  /^(more (in|from) [\p{L} ]{1,30}|editor['’]s picks|top (news|stories)|recommended( for you)?|you (may|might) also like|don['’]t miss|latest news|read next|up next)$/iu,
  /^support (our|independent|quality) journalism$/i,
  /^(scorecardresearch|comscore|doubleclick|google tag manager)$/i,
  /your email address will not be published|required fields are marked|please enter your (comment|name|email)/i,
  /^(follow us( on.*)?|text size:?|advertisement|sponsored( content)?|also read:.*|read more:?.*|related (articles|stories|posts):?|most (popular|read)|trending( now)?|skip to (main )?content)$/i,
  /^by entering your email\b/i,
];

export const isFurnitureLine = (line: string) => {
  if (line.length >= 200) return false;
  const bare = line.replace(/[\s:|·•»›>]+$/, '');
  return FURNITURE_LINE.some((re) => re.test(bare));
};

/** Removes lines that are furniture, then blocks left empty; the removed lines are pushed to `dropped`. */
export function dropFurnitureLines(text: string, dropped: string[] = []): string {
  return text
    .split('\n\n')
    .map((block) =>
      block
        .split('\n')
        .filter((l) => {
          const furniture = isFurnitureLine(l);
          if (furniture && l.trim()) dropped.push(l.trim());
          return !furniture;
        })
        .join('\n'),
    )
    .filter((b) => b.trim())
    .join('\n\n');
}

/** Bylines in the languages of the news: "By", "Par", "Por", "Von", "Di", "Door", "بقلم". */
export const BYLINE_START = /^\s*(?:by|par|por|von|di|door|av|af|de|بقلم|كتب|كتبت)[:\s]\s*[\p{Lu}@\p{Script=Arabic}]/iu;

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/** Text of an element without its links: what a reader reads as prose rather than as navigation. */
function ownText(el: Element): string {
  let s = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) s += (n as Text).data;
    else if (n.nodeType === 1 && (n as Element).localName !== 'a') for (const c of Array.from(n.childNodes)) walk(c);
    else if (n.nodeType === 1) s += ' ';
  };
  walk(el);
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Whether an element holds article content: a heading of the page, a byline, or a sentence of prose
 * (12+ words that are not link text and not a furniture line).
 */
export function holdsContent(el: Element): boolean {
  if (el.localName === 'h1' || el.querySelector('h1')) return true;
  if (el.querySelector('[rel~="author" i], [itemprop~="author" i], time[datetime]')) return true;
  const blocks = [el, ...Array.from(el.querySelectorAll('p, li, blockquote, dd, dt, figcaption, td, h2, h3, div, span, address'))];
  for (const b of blocks) {
    const t = ownText(b);
    if (t.length < 400 && BYLINE_START.test(t) && words(t) <= 12) return true;
  }
  for (const b of blocks) {
    if (b !== el && b.localName === 'div' && b.querySelector('p')) continue;
    const t = ownText(b);
    if (words(t) >= 12 && !isFurnitureLine(t)) return true;
  }
  return false;
}

/** An inline element inside a line of text (its parent also holds words of its own). */
function inRunningText(el: Element): boolean {
  if (!INLINE_ELEMENTS.has(el.localName)) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  return Array.from(parent.childNodes).some((n) => n !== el && n.nodeType === 3 && /\p{L}/u.test((n as Text).data)) || INLINE_ELEMENTS.has(parent.localName);
}

const attrWords = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('role') ?? ''}`;

/**
 * Cuts furniture out of the document before Readability looks for the article: the elements that
 * are never content, then elements whose class/id words say furniture, unless they hold content
 * (above) or run inside a sentence. Outside every <article>, an element holding content but named
 * as comments is still furniture: readers' comments are prose, not the report.
 */
export function stripFurniture(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(NEVER))) el.remove();
  const total = (doc.body?.textContent ?? '').length || 1;
  const articles = Array.from(doc.querySelectorAll('article, [itemprop~="articleBody" i], main, [role="main"]'));
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (!el.isConnected || /^(html|body|main|article)$/.test(el.localName)) continue;
    const named = attrWords(el);
    if (!FURNITURE_ATTR.test(named)) continue;
    // A wrapper holding most of the page (body class="has-cookie-banner") is not furniture.
    if ((el.textContent ?? '').length > total * 0.4) continue;
    if (articles.some((a) => el.contains(a))) continue;
    if (inRunningText(el)) continue;
    const inArticle = articles.some((a) => a.contains(el));
    if (holdsContent(el) && (inArticle || !/(^|[\s_-])(comments?|respond|disqus)(?=$|[\s_-])/i.test(named))) continue;
    el.remove();
  }
  // Event handlers and javascript: links cannot run (no scripts), but must not reach any output either.
  for (const el of Array.from(doc.querySelectorAll('*')))
    for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) el.removeAttribute(a.name);
}

export interface LeftOut {
  /** Lines of the page's visible text that are not in the source's text, in page order. */
  passages: string[];
  /** For each passage, the nearest visible line before it that the text has (null: none), where a restore puts it back. */
  after: (string | null)[];
  /** The passages' share of the visible text (by characters, spacing aside). */
  share: number;
}

/** Paragraphs of `visible` that are not in `kept` (compared without spacing), in page order. */
export function leftOutOf(visible: string, kept: string): LeftOut {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const keptSquashed = squash(kept);
  const passages: string[] = [];
  const after: (string | null)[] = [];
  let anchor: string | null = null;
  let total = 0;
  let dropped = 0;
  for (const line of visible.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const n = squash(t).length;
    total += n;
    if (!keptSquashed.includes(squash(t))) {
      passages.push(t);
      after.push(anchor);
      dropped += n;
    } else anchor = t;
  }
  return { passages, after, share: total ? dropped / total : 0 };
}

/**
 * The text with some left-out passages put back where the page has them: each after the paragraph
 * holding its anchor (or at the top), in page order. Every other character of the text is kept.
 */
export function restorePassages(text: string, left: LeftOut, chosen: number[]): string {
  let out = text;
  // Where the last passage put back after an anchor ended, so passages sharing one keep page order.
  const ends = new Map<string | null, number>();
  for (const i of [...new Set(chosen)].sort((a, b) => a - b)) {
    const passage = left.passages[i];
    if (passage === undefined) continue;
    const anchor = left.after[i] ?? null;
    let at = ends.get(anchor);
    if (at === undefined) {
      if (anchor === null) at = 0;
      else {
        const found = out.indexOf(anchor);
        if (found < 0) at = out.length;
        else {
          const end = out.indexOf('\n\n', found + anchor.length);
          at = end < 0 ? out.length : end;
        }
      }
    }
    const piece = at === 0 ? `${passage}\n\n` : `\n\n${passage}`;
    out = out.slice(0, at) + piece + out.slice(at);
    const newEnd = at === 0 ? passage.length : at + piece.length;
    // Later insertions at other anchors move too.
    for (const [k, v] of ends) if (v >= at && k !== anchor) ends.set(k, v + piece.length);
    ends.set(anchor, newEnd);
  }
  return out;
}
