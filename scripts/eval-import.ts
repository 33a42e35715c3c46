// `node scripts/eval-import.ts DIR [--list]`: how faithful imports are, against references measured
// in the same run on the same files:
//  - HTML (.html, .htm): our canonical text against Readability's own article text (a fresh
//    Readability with its default options on the untouched page, its article laid out with a line
//    break at each block, not its textContent, which runs paragraphs together). Word recall (share of
//    Readability's words, as a multiset, that our text has), precision (share of ours that
//    Readability has), and "cut" sentences: Readability sentences of 6+ words whose beginning is in
//    our text but not the rest of it in order (a sentence cut in the middle; words of ours inside
//    the sentence, such as a footnote mark Readability drops, are no cut).
//  - PDF (.pdf): our text against `pdftotext` (poppler-utils), word recall and precision.
//  - Metadata, where a file has a reference beside it (NAME.meta.json, or Readability's
//    expected-metadata.json in the same folder, as its test pages have): authors right (each name
//    of the reference byline is among ours, or ours among its words: ours must be non-empty),
//    title acceptable (equal, or one contains the other, after spacing and punctuation; or the
//    reference without its " - Site" part; or the page's <h1> headline that the page also declares
//    as og:title, twitter:title or JSON-LD headline; the strict count, equal to the reference, is
//    printed beside it), date right (same day as the reference's publishedTime, where it has one).
// Prints a line per file, then the 10th percentile of recall and precision beside the issue's
// targets (HTML recall ≥ 0.98 at p10; PDF recall ≥ 0.95 and precision ≥ 0.95 at p10; authors
// ≥ 85%, titles ≥ 95%, dates ≥ 90%). --list prints each file's missing words too.
// Real pages never enter the repository: gather them into a temporary folder, e.g. Readability's
// test pages (real saved pages, each with expected-metadata.json) from a checkout of
// mozilla/readability: `git -C readability archive HEAD test/test-pages | tar -x -C /tmp/pages`,
// and PDFs such as pdf.js's test files (mozilla/pdf.js test/pdfs, edge cases of the format) and
// real-world ones made from those pages by `node scripts/make-report-pdfs.ts /tmp/pages/test/test-pages
// /tmp/report-pdfs` (Chromium's print and groff-typeset reports).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extractFileIsolated, type Extracted } from '../electron/core/import/index.ts';
import { importPool } from '../electron/core/import/pool.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: 'boolean', default: false } } });
if (!positionals.length) {
  console.error('usage: node scripts/eval-import.ts DIR [--list]   (a folder of .html/.htm/.pdf files, searched recursively)');
  process.exit(2);
}

// NFKC: a ligature (ﬁ) and its letters (fi) are the same word. A soft hyphen is invisible (the
// canonical text drops it, as a reader never sees it): "Vladi\u00ADmir" is one word.
const words = (s: string): string[] =>
  s
    .replace(/\u00AD/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
function bag(ws: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}
/** Multiset overlap: recall against the reference, precision of ours. */
function overlap(ours: string, ref: string): { recall: number; precision: number; missing: string[] } {
  const a = bag(words(ours));
  const b = bag(words(ref));
  let common = 0;
  let na = 0;
  let nb = 0;
  const missing: string[] = [];
  for (const n of a.values()) na += n;
  for (const [w, n] of b) {
    nb += n;
    const k = Math.min(n, a.get(w) ?? 0);
    common += k;
    if (k < n) missing.push(w);
  }
  return { recall: nb ? common / nb : 1, precision: na ? common / na : nb ? 0 : 1, missing };
}

const squash = (s: string) => words(s).join(' ');
/**
 * Reference sentences whose first words are in our text but not the rest, in order: cut mid-sentence.
 * Words of ours inside the sentence (a footnote mark "[update]" Readability drops) are no cut: each
 * next word of the sentence is looked for within a few words of the last one found.
 */
function cutSentences(ours: string, ref: string): string[] {
  const ow = words(ours);
  const starts = new Map<string, number[]>();
  for (let i = 0; i + 4 <= ow.length; i++) {
    const k = ow.slice(i, i + 4).join(' ');
    const list = starts.get(k);
    if (list) list.push(i);
    else starts.set(k, [i]);
  }
  const whole = (w: string[], at: number) => {
    let j = at + 4;
    for (const word of w.slice(4)) {
      let next = j;
      while (next < ow.length && next - j <= 5 && ow[next] !== word) next++;
      if (ow[next] !== word || next - j > 5) return false;
      j = next + 1;
    }
    return true;
  };
  const cut: string[] = [];
  for (const sentence of ref.split(/(?<=[.!?。])\s+|\n+/)) {
    const w = words(sentence);
    if (w.length < 6) continue;
    const at = starts.get(w.slice(0, 4).join(' '));
    if (at && !at.some((i) => whole(w, i))) cut.push(sentence.trim().slice(0, 120));
  }
  return cut;
}

// Elements that end a line when a browser lays out Readability's article.
const LINE_BREAKING =
  /^(p|div|section|article|main|header|footer|aside|nav|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|caption|hr|br|address|details|summary|center|fieldset|legend)$/;
/**
 * Readability's article as a reader sees it: its text with a line break at each block and <br>.
 * Its textContent runs blocks together ("…his interviewMr Obama lands…", a <pre>'s lines as one),
 * which read as words no page holds and as sentences cut where none is.
 */
function renderedText(root: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) return void out.push((n as Text).data);
    if (n.nodeType !== 1 && n.nodeType !== 11 && n.nodeType !== 9) return;
    const breaks = n.nodeType === 1 && LINE_BREAKING.test((n as Element).localName);
    if (breaks) out.push('\n');
    for (const c of Array.from(n.childNodes)) walk(c);
    if (breaks) out.push('\n');
  };
  walk(root);
  return out.join('');
}

function readabilityText(html: string): { text: string; title: string | null; byline: string | null; published: string | null } | null {
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    // Readability's own output (default options on the untouched page), laid out with its line breaks.
    const r = new Readability<Node>(dom.window.document, { serializer: (n) => n }).parse();
    return r ? { text: r.content ? renderedText(r.content) : '', title: r.title ?? null, byline: r.byline ?? null, published: r.publishedTime ?? null } : null;
  } finally {
    dom.window.close();
  }
}

function pdftotext(file: string): string | null {
  try {
    return execFileSync('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return null;
  }
}

interface MetaRef {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}
function metaRef(file: string): MetaRef | null {
  const beside = file.replace(/\.[^.]+$/, '.meta.json');
  const readabilityStyle = path.join(path.dirname(file), 'expected-metadata.json');
  for (const p of [beside, readabilityStyle]) if (existsSync(p)) return JSON.parse(readFileSync(p, 'utf8')) as MetaRef;
  return null;
}

// Letters and digits apart: a byline glued to its date ("Lucas Nolan22 Dec 2016") still names Lucas Nolan.
const norm = (s: string) => squash(s.normalize('NFKC').replace(/(\p{L})(\p{N})/gu, '$1 $2'));
/** A byline that names a person: two capitalised words or more, not only an outlet. */
const namesPerson = (b: string) =>
  /\p{Lu}\p{Ll}+\s+(\p{Lu}[\p{Ll}'’.-]*\s*)+/u.test(b) && !/\b(news|staff|press|times|post|agency|editors?|author|follow|updated|organization)\b/i.test(b);

function authorsRight(x: Extracted, ref: MetaRef): boolean | null {
  if (!ref.byline || !namesPerson(ref.byline)) return null;
  if (!x.authors.value.length) return false;
  const refWords = ` ${norm(ref.byline)} `;
  return x.authors.value.every((a) => refWords.includes(` ${norm(a)} `));
}
function titleAcceptable(x: Extracted, ref: MetaRef, page?: PageTitles): boolean | null {
  if (!ref.title) return null;
  const a = norm(x.title.value ?? '');
  if (!a) return false;
  const same = (b: string) => a === b || (a.length >= 8 && b.includes(a)) || (b.length >= 8 && a.includes(b));
  const b = norm(ref.title);
  if (!page) return same(b);
  // Also acceptable: the reference without its last " - Site" part ("Mozilla - Wikipedia": "Mozilla"),
  // and the headline the page shows in an <h1> that it also declares as its title (og:title,
  // twitter:title, JSON-LD headline) where Readability took another of the page's titles.
  const bare = ref.title.includes(' - ') || ref.title.includes(' | ') ? norm(ref.title.replace(/\s+[-|]\s+[^-|]+$/, '')) : null;
  return same(b) || a === bare || page.declaredHeadlines.some((h) => a === h);
}
/** The page's own titles, read from the untouched page: <h1> texts that its declared titles repeat. */
interface PageTitles {
  declaredHeadlines: string[];
}
function pageTitles(html: string): PageTitles {
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const declared = new Set<string>();
    for (const m of Array.from(
      doc.querySelectorAll('meta[property~="og:title" i], meta[name~="og:title" i], meta[name~="twitter:title" i], meta[property~="twitter:title" i]'),
    ))
      declared.add(norm(m.getAttribute('content') ?? ''));
    for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')))
      for (const h of (s.textContent ?? '').matchAll(/"headline"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
        try {
          declared.add(norm(JSON.parse(`"${h[1]}"`) as string));
        } catch {
          // not a JSON string: skip it
        }
      }
    const h1 = Array.from(doc.querySelectorAll('h1'), (h) => norm(h.textContent ?? ''));
    return { declaredHeadlines: h1.filter((h) => h && declared.has(h)) };
  } finally {
    dom.window.close();
  }
}
function dateRight(x: Extracted, ref: MetaRef): boolean | null {
  const day = ref.publishedTime?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  if (!day) return null;
  if (x.published.value.date === day) return true;
  // A reference with a time and zone names an instant: its calendar day depends on the zone, so
  // a day either side is the same moment written in another zone.
  const instant = /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(ref.publishedTime ?? '') ? Date.parse(ref.publishedTime!) : NaN;
  const ours = x.published.value.date ? Date.parse(`${x.published.value.date}T12:00:00Z`) : NaN;
  return !Number.isNaN(instant) && !Number.isNaN(ours) && Math.abs(instant - ours) <= 36 * 3600 * 1000;
}

function filesOf(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesOf(p));
    // Readability test pages hold its expected output beside the source: that is a reference, not a page.
    else if (/\.(html?|pdf)$/i.test(name) && name !== 'expected.html') out.push(p);
  }
  return out;
}

const pct = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
};
const f3 = (n: number) => (Number.isNaN(n) ? '  -  ' : n.toFixed(3));
const rate = (xs: (boolean | null)[]) => {
  const known = xs.filter((x): x is boolean => x !== null);
  return { right: known.filter(Boolean).length, of: known.length };
};

const html: {
  recall: number[];
  precision: number[];
  cut: number;
  authors: (boolean | null)[];
  titles: (boolean | null)[];
  titlesStrict: (boolean | null)[];
  dates: (boolean | null)[];
} = {
  recall: [],
  precision: [],
  cut: 0,
  authors: [],
  titles: [],
  titlesStrict: [],
  dates: [],
};
const pdf: { recall: number[]; precision: number[] } = { recall: [], precision: [] };
const failures: string[] = [];

for (const dir of positionals) {
  for (const file of filesOf(dir)) {
    const rel = path.relative(dir, file);
    const bytes = new Uint8Array(readFileSync(file));
    let x: Extracted;
    try {
      // As the app imports: in the worker pool, with a time limit (a file over it counts as refused).
      x = await extractFileIsolated(path.basename(file), bytes, { timeoutMs: 60_000 });
    } catch (e) {
      failures.push(`${rel}: ${(e as Error).message.slice(0, 140)}`);
      continue;
    }
    if (/\.pdf$/i.test(file)) {
      const ref = pdftotext(file);
      if (ref === null || !words(ref).length) {
        console.log(`${rel.padEnd(48)} pdf   (pdftotext gave no text)`);
        continue;
      }
      const o = overlap(x.text, ref);
      pdf.recall.push(o.recall);
      pdf.precision.push(o.precision);
      console.log(`${rel.padEnd(48)} pdf   recall ${f3(o.recall)}  precision ${f3(o.precision)}`);
      if (values.list && o.missing.length) console.log(`    missing: ${o.missing.slice(0, 30).join(' ')}`);
      continue;
    }
    const ref = readabilityText(new TextDecoder().decode(bytes));
    if (!ref || words(ref.text).length < 30) {
      console.log(`${rel.padEnd(48)} html  (Readability found no article)`);
      continue;
    }
    const o = overlap(x.text, ref.text);
    const cut = cutSentences(x.text, ref.text);
    html.recall.push(o.recall);
    html.precision.push(o.precision);
    html.cut += cut.length ? 1 : 0;
    const m = metaRef(file);
    const marks: string[] = [];
    if (m) {
      const [a, t, d] = [authorsRight(x, m), titleAcceptable(x, m, pageTitles(new TextDecoder().decode(bytes))), dateRight(x, m)];
      html.authors.push(a);
      html.titles.push(t);
      html.titlesStrict.push(titleAcceptable(x, m));
      html.dates.push(d);
      const show = (k: string, v: boolean | null) => (v === null ? '' : `${k}${v ? '✓' : '✗'}`);
      marks.push(show('author', a), show('title', t), show('date', d));
      if (values.list && a === false) marks.push(`[ours ${JSON.stringify(x.authors.value)} ref ${JSON.stringify(m.byline)}]`);
      if (values.list && t === false) marks.push(`[ours ${JSON.stringify(x.title.value)} ref ${JSON.stringify(m.title)}]`);
      if (values.list && d === false) marks.push(`[ours ${x.published.value.date} ref ${m.publishedTime}]`);
    }
    console.log(
      `${rel.padEnd(48)} html  recall ${f3(o.recall)}  precision ${f3(o.precision)}${cut.length ? `  cut ${cut.length}` : ''}  ${marks.filter(Boolean).join(' ')}`,
    );
    if (values.list && cut.length) for (const c of cut.slice(0, 3)) console.log(`    cut: ${c}`);
    if (values.list && o.recall < 0.98) console.log(`    missing: ${o.missing.slice(0, 30).join(' ')}`);
  }
}

console.log('');
for (const f of failures) console.log(`refused  ${f}`);
const line = (what: string, got: string, target: string) => console.log(`${what.padEnd(44)} ${got.padEnd(22)} target ${target}`);
if (html.recall.length) {
  line(`HTML text recall p10 (${html.recall.length} pages)`, f3(pct(html.recall, 0.1)), '≥ 0.98');
  line('HTML text precision p10 (vs Readability)', f3(pct(html.precision, 0.1)), '(none; Readability drops text too)');
  line('HTML pages with a sentence cut mid-way', `${html.cut} of ${html.recall.length}`, '0');
  const [a, t, d] = [rate(html.authors), rate(html.titles), rate(html.dates)];
  if (a.of) line('authors right (pages naming a person)', `${a.right}/${a.of} = ${((100 * a.right) / a.of).toFixed(0)}%`, '≥ 85%');
  if (t.of) line('titles acceptable', `${t.right}/${t.of} = ${((100 * t.right) / t.of).toFixed(0)}%`, '≥ 95%');
  const ts = rate(html.titlesStrict);
  if (ts.of) line("titles equal to Readability's", `${ts.right}/${ts.of} = ${((100 * ts.right) / ts.of).toFixed(0)}%`, '(strict: equal to the reference)');
  if (d.of) line('dates right (pages stating one)', `${d.right}/${d.of} = ${((100 * d.right) / d.of).toFixed(0)}%`, '≥ 90%');
}
const timedOut = failures.filter((f) => /took longer than/.test(f)).length;
if (timedOut) line('files stopped at the time limit', String(timedOut), '0 (each also listed above as refused)');
if (pdf.recall.length) {
  line(`PDF word recall p10 (${pdf.recall.length} files)`, f3(pct(pdf.recall, 0.1)), '≥ 0.95');
  line('PDF word precision p10', f3(pct(pdf.precision, 0.1)), '≥ 0.95');
}
await importPool().close();
process.exit(0);
