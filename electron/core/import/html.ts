// HTML import: the page is parsed as inert data (jsdom never runs its scripts and loads nothing),
// its declared metadata is read, page furniture is cut away, Readability finds the article, and the
// article DOM becomes canonical plain text. Nothing of the page is ever rendered as HTML.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { canonicalize } from '../../../shared/canonical.ts';
import type { Hint, MetadataHints } from '../../../shared/metadata.ts';
import { ApiError } from '../../../shared/errors.ts';
import { decodeBytes, assertTextual } from './text.ts';

export interface HtmlExtract {
  text: string;
  /** The article text before furniture lines were dropped: the text rules read credits and appeals in it. */
  metadataText: string;
  hints: MetadataHints;
  url: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  warnings: string[];
}

/** Elements that are never content: code, embeds, inputs, navigation. */
const NEVER_TAGS = new Set([
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
const NEVER = [
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
const FURNITURE_ATTR =
  /(^|[\s_-])(share|sharing|social|sharebar|newsletter|subscribe|subscription|signup|sign-up|cookie|cookies|consent|gdpr|comment|comments|respond|disqus|related|recommend|recommended|promo|advert|advertisement|ad|ads|sponsor|sponsored|popup|modal|overlay|banner|paywall|breadcrumb|breadcrumbs|toolbar|widget|sidebar|menu|follow|print|outbrain|taboola)(?=$|[\s_-])/i;

/** Lines of text that are furniture wherever they sit (only HTML: a .txt file is kept as written). */
const FURNITURE_LINE = [
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

const isFurnitureLine = (line: string) => {
  if (line.length >= 200) return false;
  const bare = line.replace(/[\s:|·•»›>]+$/, '');
  return FURNITURE_LINE.some((re) => re.test(bare));
};

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

/** Removes lines that are furniture, then blocks left empty. */
function dropFurniture(text: string): string {
  return text
    .split('\n\n')
    .map((block) =>
      block
        .split('\n')
        .filter((l) => !isFurnitureLine(l))
        .join('\n'),
    )
    .filter((b) => b.trim())
    .join('\n\n');
}

function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (const b of bytes.subarray(0, 2048)) head += String.fromCharCode(b);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1] : null;
}

const httpUrl = (s: string | null | undefined): string | null => {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
};

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|ScholarlyArticle|OpinionNewsArticle|LiveBlogPosting|WebPage)$/;

/** Objects of an article type anywhere in JSON-LD (top level, arrays, @graph). */
function ldArticles(value: Json, found: Record<string, Json>[] = []): Record<string, Json>[] {
  if (Array.isArray(value)) for (const v of value) ldArticles(v, found);
  else if (value && typeof value === 'object') {
    const t = value['@type'];
    const types = Array.isArray(t) ? t : [t];
    if (types.some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x))) found.push(value);
    if (value['@graph']) ldArticles(value['@graph'], found);
  }
  return found;
}

const ldNames = (v: Json | undefined): string[] => {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(ldNames);
  if (typeof v === 'object' && typeof v.name === 'string') return [v.name];
  return [];
};
const ldString = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);

/** Everything the page declares about itself, best first. */
function declaredMetadata(doc: Document): { hints: MetadataHints; url: string | null; lang: string | null; dir: 'ltr' | 'rtl' | null } {
  const meta = (attr: 'property' | 'name' | 'itemprop', key: string) => clean(doc.querySelector(`meta[${attr}="${key}" i]`)?.getAttribute('content'));
  const hints: Required<MetadataHints> = { title: [], outlet: [], authors: [], published: [], byline: [] };
  const add = <T>(list: Hint<T>[], value: T | null | undefined, how: string, confidence: Hint['confidence']) => {
    if (value != null && (!Array.isArray(value) || value.length)) list.push({ value, how, confidence });
  };

  const ld: Record<string, Json>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      ldArticles(JSON.parse(s.textContent ?? '') as Json, ld);
    } catch {
      // a broken JSON-LD block is common and harmless: other declarations remain
    }
  }
  const article = ld.find((o) => o['@type'] !== 'WebPage') ?? ld[0];

  add(hints.title, meta('property', 'og:title'), 'meta og:title', 'high');
  add(hints.title, article && clean(ldString(article.headline)), 'JSON-LD headline', 'high');
  add(hints.title, meta('name', 'twitter:title'), 'meta twitter:title', 'high');
  add(hints.title, clean(doc.querySelector('h1')?.textContent), 'first <h1> heading', 'medium');
  add(hints.title, clean(doc.title), '<title>', 'medium');

  add(hints.outlet, meta('property', 'og:site_name'), 'meta og:site_name', 'high');
  add(hints.outlet, article && clean(ldNames(article.publisher)[0]), 'JSON-LD publisher', 'high');
  add(hints.outlet, meta('name', 'application-name'), 'meta application-name', 'medium');

  const notUrl = (a: string) => !/^https?:|\.com\b|\/|@/.test(a);
  const ldAuthors = article
    ? ldNames(article.author)
        .map((a) => a.trim())
        .filter((a) => a && notUrl(a))
    : [];
  add(hints.authors, ldAuthors, 'JSON-LD author', 'high');
  const metaAuthors = Array.from(
    doc.querySelectorAll('meta[name="author" i], meta[property="article:author" i], meta[name="parsely-author" i], meta[name="dc.creator" i]'),
  )
    .map((m) => clean(m.getAttribute('content')))
    .filter((a): a is string => !!a && notUrl(a));
  if (metaAuthors.length) add(hints.byline, [...new Set(metaAuthors)].join(', '), 'meta author', 'high');
  add(hints.byline, meta('name', 'byl'), 'meta byl', 'high');

  add(hints.published, meta('property', 'article:published_time'), 'meta article:published_time', 'high');
  add(hints.published, article && ldString(article.datePublished), 'JSON-LD datePublished', 'high');
  for (const key of ['datePublished', 'date', 'pubdate', 'publishdate', 'parsely-pub-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date'])
    add(hints.published, meta('itemprop', key) ?? meta('name', key), `meta ${key}`, 'high');
  const time = doc.querySelector('time[pubdate][datetime], article time[datetime], time[datetime]');
  add(hints.published, clean(time?.getAttribute('datetime')), '<time datetime>', time?.hasAttribute('pubdate') ? 'high' : 'medium');
  add(
    hints.published,
    meta('property', 'og:updated_time') ?? meta('property', 'article:modified_time'),
    'meta modified time (no publication time declared)',
    'low',
  );

  const url = httpUrl(doc.querySelector('link[rel="canonical" i]')?.getAttribute('href')) ?? httpUrl(meta('property', 'og:url'));
  const lang = clean(doc.documentElement.getAttribute('lang'))?.slice(0, 20) ?? null;
  const d = doc.documentElement.getAttribute('dir')?.toLowerCase();
  return { hints, url, lang, dir: d === 'rtl' ? 'rtl' : d === 'ltr' ? 'ltr' : null };
}

/** Cuts furniture out of the document before Readability looks for the article. */
function stripFurniture(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(NEVER))) el.remove();
  const total = (doc.body?.textContent ?? '').length || 1;
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (!el.isConnected || /^(html|body|main|article)$/.test(el.localName)) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('role') ?? ''}`;
    if (!FURNITURE_ATTR.test(words)) continue;
    // A wrapper holding most of the page (body class="has-cookie-banner") is not furniture.
    if ((el.textContent ?? '').length > total * 0.4) continue;
    el.remove();
  }
  // Event handlers and javascript: links cannot run (no scripts), but must not reach any output either.
  for (const el of Array.from(doc.querySelectorAll('*')))
    for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) el.removeAttribute(a.name);
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
    stripFurniture(doc);
    const article = new Readability<Node>(doc.cloneNode(true) as Document, { serializer: (n) => n, charThreshold: 200 }).parse();
    let raw = article?.content ? canonicalize(domToText(article.content)) : '';
    let text = dropFurniture(raw);
    if (text.length < 200) {
      // Readability leaves the document it is given alone only when it works on a clone, as above.
      const wholeRaw = doc.body ? canonicalize(domToText(doc.body)) : '';
      const whole = dropFurniture(wholeRaw);
      if (whole.length > text.length) {
        [text, raw] = [whole, wholeRaw];
        warnings.push(`No article was recognised in ${name}; the text of the whole page was kept.`);
      }
    }
    // The headline belongs at the top of the text (quotes from it need anchors), once.
    const declaredTitles = (declared.hints.title ?? []).filter((h) => h.how !== '<title>').map((h) => h.value);
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
    };
  } finally {
    dom.window.close();
  }
}
