// Furniture goes because it lies outside the article, never because a class word inside it sounds
// like furniture. Pages are written for the test, shaped like real news pages (never copied articles).
import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const body = (n: number) =>
  `Paragraph ${n}: the district council published its own tally on Thursday evening, and the figures differed from the ministry's count in several places that the reporters checked against hospital records.`;

const page = (article: string, around = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>
<div class="masthead"><a href="/">The Northern Ledger</a></div>
<main><article>${article}</article></main>${around}</body></html>`;

describe('HTML furniture filter', () => {
  it('keeps an inline link whose class sounds like furniture, inside its sentence', () => {
    const r = extractHtml(
      'popup.html',
      enc(
        page(
          `<h1>Shelling hits market town</h1><p>According to <a class="popup" href="/people/saleh">Ahmed Saleh</a>, at least 40 civilians were wounded when the shells fell near the covered market early on Monday morning.</p>
<p>A spokesman for the <span class="ad-hoc popup-term">regional governor</span> said the toll could rise as the search went on through the night.</p>${[1, 2, 3].map((n) => `<p>${body(n)}</p>`).join('')}`,
        ),
      ),
    );
    expect(r.text).toContain(
      'According to Ahmed Saleh, at least 40 civilians were wounded when the shells fell near the covered market early on Monday morning.',
    );
    expect(r.text).toContain('A spokesman for the regional governor said the toll could rise as the search went on through the night.');
  });

  it('keeps the byline and standfirst of a header whose id says "share", and drops its share buttons', () => {
    const r = extractHtml(
      'header.html',
      enc(
        page(
          `<header id="story-share-header"><h1>Aid convoy reaches the besieged quarter</h1>
<p class="standfirst">Twelve lorries crossed the last checkpoint after a three-day wait, the first delivery to the quarter since the spring.</p>
<div class="byline">By Lina Haddad</div>
<ul class="share-tools"><li><a href="https://facebook.com/sharer">Facebook</a></li><li><a href="https://twitter.com/intent">Twitter</a></li></ul></header>
${[1, 2, 3].map((n) => `<p>${body(n)}</p>`).join('')}`,
        ),
      ),
    );
    expect(r.text).toContain('Twelve lorries crossed the last checkpoint after a three-day wait, the first delivery to the quarter since the spring.');
    expect(r.text).toContain('By Lina Haddad');
    expect(r.text.indexOf('By Lina Haddad')).toBeLessThan(r.text.indexOf(body(1)));
    expect(r.text).not.toContain('Facebook');
  });

  it('keeps paragraphs inside a section whose id starts "sharing-"', () => {
    const r = extractHtml(
      'section.html',
      enc(
        page(
          `<h1>Water station repaired</h1><p>${body(1)}</p>
<section id="sharing-block-2"><p>Engineers from the utility said the pumps were running again by noon, although pressure in the upper districts remained low for most of the day.</p>
<p>Residents queued at two standpipes while the repair crews worked, and several said they had not had running water for nine days.</p></section>
<p>${body(2)}</p><p>${body(3)}</p>`,
        ),
      ),
    );
    expect(r.text).toContain(
      'Engineers from the utility said the pumps were running again by noon, although pressure in the upper districts remained low for most of the day.',
    );
    expect(r.text).toContain(
      'Residents queued at two standpipes while the repair crews worked, and several said they had not had running water for nine days.',
    );
    // In page order.
    expect(r.text.indexOf('Engineers from the utility')).toBeGreaterThan(r.text.indexOf(body(1)));
    expect(r.text.indexOf('Engineers from the utility')).toBeLessThan(r.text.indexOf(body(2)));
  });

  it('drops readers’ comments and related links outside the article, and says how much was left out', () => {
    const related = Array.from({ length: 12 }, (_, i) => `<li><a href="/s/${i}">Another headline about something else entirely, number ${i + 1}</a></li>`).join(
      '',
    );
    const r = extractHtml(
      'related.html',
      enc(
        page(
          `<h1>Bridge reopens after repairs</h1>${[1, 2, 3].map((n) => `<p>${body(n)}</p>`).join('')}`,
          `<div class="related-stories"><h2>More from the Ledger</h2><ul>${related}</ul></div>
<div id="comments"><p>I drove over this bridge every day for twenty years and I never once thought it would be closed for this long, shame on them.</p></div>`,
        ),
      ),
    );
    for (const n of [1, 2, 3]) expect(r.text).toContain(body(n));
    expect(r.text).not.toContain('Another headline');
    expect(r.text).not.toContain('I drove over this bridge');
    expect(r.leftOut.passages).toContain(
      'I drove over this bridge every day for twenty years and I never once thought it would be closed for this long, shame on them.',
    );
    expect(r.leftOut.share).toBeGreaterThan(0.3);
    expect(r.warnings.join(' ')).toMatch(/^About \d+% of the page's text was left out as site furniture .*show what was left out/);
  });

  it('gives no left-out warning when the page is the article', () => {
    const r = extractHtml('clean.html', enc(page(`<h1>Bridge reopens after repairs</h1>${[1, 2, 3, 4].map((n) => `<p>${body(n)}</p>`).join('')}`)));
    expect(r.warnings.filter((w) => /left out/.test(w))).toEqual([]);
    expect(r.leftOut.share).toBeLessThan(0.2);
  });
});
