// What an HTML page declares about itself, best first: Open Graph and other meta tags, JSON-LD
// (also inside <![CDATA[…]]> or HTML comments, as CMSs write it), <title> without its site suffix
// (before any <h1>: a site-wide <h1> such as "Allergies Health Center" is not the headline),
// <time datetime>, byline elements (rel=author, itemprop=author, class "byline"/"author"), and the
// outlet from og:site_name, the JSON-LD publisher or the canonical URL's host.
import type { Hint, MetadataHints } from '../../../shared/metadata/metadata.ts';
import { outletOfHost, parseByline, withoutSiteSuffix } from '../../../shared/metadata/metadata.ts';

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
    // An untyped or oddly typed object that still says what an article says.
    else if (typeof value.headline === 'string' || typeof value.datePublished === 'string') found.push({ ...value, '@type': 'Article?' });
    for (const k of ['mainEntity', 'mainEntityOfPage'] as const) if (value[k] && typeof value[k] === 'object') ldArticles(value[k], found);
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

/** JSON-LD as CMSs write it: inside <![CDATA[…]]> (often behind JavaScript comment marks) or an HTML comment. */
export function ldSource(raw: string): string {
  return raw
    .trim()
    .replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim();
}

/** Where pages put their byline: Readability's own signs (rel=author, itemprop=author, "byline"/"author" classes). */
const BYLINE_ELEMENTS =
  '[rel~="author" i], [itemprop~="author" i], .byline, .by-line, .author, .author-name, .article-author, [class*="byline" i], [id*="byline" i]';

/** A byline element's text, if it reads as one: short, with a capitalised word, not a link list. */
function bylineText(el: Element): string | null {
  // Line breaks inside the element ("By Jane Roe<br>March 3") stay as breaks for the byline parser.
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push((n as Text).data.replace(/\s+/g, ' '));
    else if (n.nodeType === 1) {
      const tag = (n as Element).localName;
      if (tag === 'script' || tag === 'style' || tag === 'img' || tag === 'svg') return;
      const block = tag === 'br' || /^(p|div|li|span|time|a|address)$/.test(tag);
      if (block) parts.push('\n');
      for (const c of Array.from(n.childNodes)) walk(c);
      if (block) parts.push('\n');
    }
  };
  walk(el);
  const text = parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (!text || text.length > 200 || !/\p{Lu}/u.test(text)) return null;
  return text;
}

const titleWords = (s: string) =>
  (
    s
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');
/** Two titles of one article: the same words, or one holding the other whole (a site's name added). */
function sameTitle(a: string, b: string): boolean {
  const [x, y] = [titleWords(a), titleWords(b)];
  if (!x || !y) return false;
  return x === y || (x.length >= 8 && ` ${y} `.includes(` ${x} `)) || (y.length >= 8 && ` ${x} `.includes(` ${y} `));
}

/** Everything the page declares about itself, best first. */
export function declaredMetadata(doc: Document): { hints: MetadataHints; url: string | null; lang: string | null; dir: 'ltr' | 'rtl' | null } {
  // RDFa lets one tag declare several properties ("og:title twitter:title"): each word is a key.
  // The page's <meta> tags, gathered once: a selector per key walked the whole page each time (about
  // thirty walks; on a page of 50,000 paragraphs, more time than the rest of the metadata).
  const metas = Array.from(doc.getElementsByTagName('meta'));
  // As `meta[attr~="key" i]`: the first tag whose attribute holds the key among its words, in any case.
  const meta = (attr: 'property' | 'name' | 'itemprop', key: string) => {
    const k = key.toLowerCase();
    const el = metas.find((m) =>
      (m.getAttribute(attr) ?? '')
        .toLowerCase()
        .split(/[ \t\n\f\r]+/)
        .includes(k),
    );
    return clean(el?.getAttribute('content'));
  };
  const hints: Required<MetadataHints> = { title: [], outlet: [], authors: [], published: [], byline: [] };
  const add = <T>(list: Hint<T>[], value: T | null | undefined, how: string, confidence: Hint['confidence']) => {
    if (value != null && (!Array.isArray(value) || value.length)) list.push({ value, how, confidence });
  };

  const ld: Record<string, Json>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      ldArticles(JSON.parse(ldSource(s.textContent ?? '')) as Json, ld);
    } catch {
      // a broken JSON-LD block is common and harmless: other declarations remain
    }
  }
  const article = ld.find((o) => o['@type'] !== 'WebPage' && o['@type'] !== 'Article?') ?? ld.find((o) => o['@type'] !== 'WebPage') ?? ld[0];
  const outletDeclared = meta('property', 'og:site_name') ?? (article && clean(ldNames(article.publisher)[0])) ?? null;

  const url = httpUrl(doc.querySelector('link[rel="canonical" i]')?.getAttribute('href')) ?? httpUrl(meta('property', 'og:url'));
  const host = url ? new URL(url).hostname : null;
  const siteNames = [outletDeclared, host, host && outletOfHost(host)];
  // Declared titles also carry the site's name at times ("… - BBC News"): only a part naming the site goes.
  const declared: Hint[] = [];
  const declaredTitle = (v: string | null | undefined, how: string) => {
    if (!v) return;
    const bare = withoutSiteSuffix(v, siteNames, { knownOnly: true });
    add(declared, bare, bare === v ? how : `${how} without the site name`, 'high');
  };
  declaredTitle(meta('property', 'og:title') ?? meta('name', 'og:title'), 'meta og:title');
  declaredTitle(article && clean(ldString(article.headline)), 'JSON-LD headline');
  declaredTitle(meta('name', 'twitter:title') ?? meta('property', 'twitter:title'), 'meta twitter:title');
  declaredTitle(meta('property', 'dc:title') ?? meta('name', 'dc.title') ?? meta('property', 'dcterms:title'), 'meta dc:title');
  declaredTitle(meta('name', 'parsely-title'), 'meta parsely-title');
  const pageTitle = clean(doc.title);
  // The article's name in JSON-LD, only where the page's own headline or <title> agrees with it
  // (Wikipedia's JSON-LD "headline" is the subject's one-line description; its "name" the title).
  const ldName = article && clean(ldString(article.name));
  const headings = Array.from(doc.querySelectorAll('h1'), (h) => clean(h.textContent)).filter((h): h is string => !!h);
  const agreesWith = (t: string, others: (string | null)[]) => others.some((o) => o && sameTitle(t, o));
  if (ldName && agreesWith(ldName, [...headings, pageTitle])) declaredTitle(ldName, 'JSON-LD name');
  // A site declares a title for search and one for sharing; the one it shows as the page's headline
  // (an <h1>) is the article's, then one its <title> holds: first of those, the others after.
  const rank = (h: Hint) => (agreesWith(h.value, headings) ? 0 : agreesWith(h.value, [pageTitle]) ? 1 : 2);
  hints.title.push(
    ...declared
      .map((h, i) => ({ h, i }))
      .sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i)
      .map(({ h }) => h),
  );
  if (pageTitle) {
    const bare = withoutSiteSuffix(pageTitle, siteNames);
    add(hints.title, bare, bare === pageTitle ? '<title>' : '<title> without the site name', 'medium');
  }
  add(hints.title, clean(doc.querySelector('h1')?.textContent), 'first <h1> heading', 'low');

  add(hints.outlet, meta('property', 'og:site_name'), 'meta og:site_name', 'high');
  add(hints.outlet, article && clean(ldNames(article.publisher)[0]), 'JSON-LD publisher', 'high');
  add(hints.outlet, meta('name', 'application-name'), 'meta application-name', 'medium');
  if (host) add(hints.outlet, outletOfHost(host), `the canonical URL's host (${host})`, 'low');

  const notUrl = (a: string) => !/^https?:|\.com\b|\/|@/.test(a);
  const ldAuthors = article
    ? ldNames(article.author)
        .map((a) => a.trim())
        .filter((a) => a && notUrl(a))
    : [];
  add(hints.authors, ldAuthors, 'JSON-LD author', 'high');
  const metaAuthors = Array.from(
    doc.querySelectorAll(
      'meta[name="author" i], meta[property~="article:author" i], meta[name="parsely-author" i], meta[name="dc.creator" i], meta[property~="dc:creator" i], meta[property~="dcterms:creator" i]',
    ),
  )
    .map((m) => clean(m.getAttribute('content')?.replace(/\s*\((?:https?:|www\.)[^)]*\)/gi, '')))
    .filter((a): a is string => !!a && notUrl(a));
  if (metaAuthors.length) add(hints.byline, [...new Set(metaAuthors)].join(', '), 'meta author', 'high');
  add(hints.byline, meta('name', 'byl'), 'meta byl', 'high');
  // Byline elements, found before any cleaning (they often sit in a header or footer of the article).
  // Those inside the article first: a sidebar's "related stories" carry other articles' authors.
  const bylineEls = Array.from(doc.querySelectorAll(BYLINE_ELEMENTS));
  const inArticle = (el: Element) => !!el.closest('article, [itemprop~="articleBody" i], main, [role="main"]');
  for (const el of [...bylineEls.filter(inArticle), ...bylineEls.filter((e) => !inArticle(e))].slice(0, 30)) {
    const text = bylineText(el);
    if (text && parseByline(text)?.authors.length) {
      add(hints.byline, text, 'byline element on the page', 'medium');
      break;
    }
  }

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

  const lang = clean(doc.documentElement.getAttribute('lang'))?.slice(0, 20) ?? null;
  const d = doc.documentElement.getAttribute('dir')?.toLowerCase();
  return { hints, url, lang, dir: d === 'rtl' ? 'rtl' : d === 'ltr' ? 'ltr' : null };
}
