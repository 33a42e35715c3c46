// Metadata from real-shaped pages written for the test (never copied articles): each asserts the exact field.
import { describe, expect, it } from 'vitest';
import { extractFile } from './index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const para = (n: number) =>
  `Paragraph ${n}: residents of the district described the night of shelling to reporters, and the local council later published a list of the buildings that were damaged.`;
const paras = [1, 2, 3].map((n) => `<p>${para(n)}</p>`).join('');
const page = (head: string, body: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('HTML metadata', () => {
  it('reads a JSON-LD date written inside CDATA', async () => {
    const ld = `<script type="application/ld+json">//<![CDATA[
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night of shelling in the old town","datePublished":"2023-05-14T21:10:00+03:00"}
//]]></script>`;
    const r = await extractFile(
      'cdata.html',
      enc(page(`<title>Night of shelling</title>${ld}`, `<article><h1>Night of shelling in the old town</h1>${paras}</article>`)),
    );
    expect(r.published).toMatchObject({ value: { date: '2023-05-14', time: '21:10', timezone: '+03:00' }, confidence: 'high', how: 'JSON-LD datePublished' });
    expect(r.title.value).toBe('Night of shelling in the old town');
  });

  it('reads a byline element with a line break between the names', async () => {
    const r = await extractFile(
      'byline.html',
      enc(
        page(
          '<title>Port reopens</title>',
          `<article><h1>Port reopens after two weeks</h1><div class="byline">By Amira Khalil<br>and Tomás Ferreira</div>${paras}</article>`,
        ),
      ),
    );
    expect(r.authors.value).toEqual(['Amira Khalil', 'Tomás Ferreira']);
    expect(r.text).toContain('By Amira Khalil\nand Tomás Ferreira');
  });

  it('reads a French byline ("Par … et …")', async () => {
    const r = await extractFile(
      'fr.html',
      enc(
        `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le port rouvre</title></head><body><article><h1>Le port rouvre après deux semaines</h1><p>Par Claire Dubois et Karim Benali</p><p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p></article></body></html>`,
      ),
    );
    expect(r.authors.value).toEqual(['Claire Dubois', 'Karim Benali']);
  });

  it('prefers <title> without its site suffix to a site-wide <h1> when there is no og:title', async () => {
    const r = await extractFile(
      'h1.html',
      enc(
        page(
          '<title>Children who eat peanuts early may avoid allergy - Health Pages</title><meta property="og:site_name" content="Health Pages">',
          `<div class="masthead"><h1>Allergies Health Center</h1></div><article><h2>Children who eat peanuts early may avoid allergy</h2>${paras}</article>`,
        ),
      ),
    );
    expect(r.title).toMatchObject({ value: 'Children who eat peanuts early may avoid allergy', how: '<title> without the site name' });
  });

  it('takes the outlet from the canonical URL’s host when nothing names it', async () => {
    const r = await extractFile(
      'host.html',
      enc(
        page(
          '<title>Bridge reopens | Northern Ledger</title><link rel="canonical" href="https://www.northern-ledger.co.uk/news/bridge">',
          `<article><h1>Bridge reopens</h1>${paras}</article>`,
        ),
      ),
    );
    expect(r.outlet).toMatchObject({ value: 'Northern Ledger', confidence: 'low', how: "the canonical URL's host (www.northern-ledger.co.uk)" });
    expect(r.title.value).toBe('Bridge reopens');
  });

  it('finds a leading dateline in the first paragraph', async () => {
    const r = await extractFile(
      'dateline.html',
      enc(
        page(
          '<title>Ceasefire talks</title>',
          `<article><h1>Ceasefire talks resume in the capital</h1><p>Feb. 23, 2015 -- ${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p></article>`,
        ),
      ),
    );
    expect(r.published).toMatchObject({ value: { date: '2015-02-23' }, confidence: 'high', how: 'dateline at the start of the article "Feb. 23, 2015"' });
  });
});

describe('declared titles', () => {
  it('drop a site suffix that names the site ("… - BBC News" style)', async () => {
    const r = await extractFile(
      'og.html',
      enc(
        page(
          '<title>x</title><meta property="og:title" content="Flood defences hold in the delta - Delta Daily News"><meta property="og:site_name" content="Delta Daily News">',
          `<article><h1>Flood defences hold in the delta</h1>${paras}</article>`,
        ),
      ),
    );
    expect(r.title).toMatchObject({ value: 'Flood defences hold in the delta', how: 'meta og:title without the site name', confidence: 'high' });
  });

  it('prefer the declared title the page shows as its headline (a sharing title differs)', async () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Night ferry service to the islands resumes","author":{"@type":"Person","name":"Rosa Lind"}}</script>`;
    const r = await extractFile(
      'share-title.html',
      enc(
        page(
          `<title></title><meta property="og:title" content="You can take the night boat again: here is what changed">${ld}`,
          `<article><h1>Night ferry service to the islands resumes</h1>${paras}</article><div class="promo"><h1>See fewer ads</h1></div>`,
        ),
      ),
    );
    expect(r.title).toMatchObject({ value: 'Night ferry service to the islands resumes', how: 'JSON-LD headline', confidence: 'high' });
  });

  it("take the JSON-LD name the page's headline repeats over a JSON-LD headline that describes the subject", async () => {
    // An encyclopedia's JSON-LD "headline" is a one-line description of the subject.
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"Tarsis Lighthouse","headline":"lighthouse on the northern cape"}</script>`;
    const r = await extractFile('wiki.html', enc(page(`<title>Tarsis Lighthouse - Openpedia</title>${ld}`, `<h1>Tarsis Lighthouse</h1><div>${paras}</div>`)));
    expect(r.title).toMatchObject({ value: 'Tarsis Lighthouse', how: 'JSON-LD name' });
  });

  it('read a meta tag that declares several properties (RDFa: "og:title twitter:title", "dc:creator …")', async () => {
    const r = await extractFile(
      'rdfa.html',
      enc(
        page(
          '<title>Page</title><meta property="og:title twitter:title" content="Storm closes the mountain pass"><meta property="dc:creator twitter:site_name" content="Ines Moreau">',
          `<article><h1>Mountain pass closed</h1>${paras}</article>`,
        ),
      ),
    );
    expect(r.title).toMatchObject({ value: 'Storm closes the mountain pass', how: 'meta og:title' });
    expect(r.authors.value).toEqual(['Ines Moreau']);
  });
});
