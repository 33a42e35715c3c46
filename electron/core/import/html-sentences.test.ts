// Every sentence of the article whole, in one paragraph: pages written for the test in the shapes
// that cut sentences on real saved pages (never copied articles). Each asserts the exact sentence.
import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const body = (n: number) =>
  `Paragraph ${n}: the district council published its own tally on Thursday evening, and the figures differed from the ministry's count in several places that the reporters checked against hospital records.`;
/** Templates indent every tag on its own line, deeply: a page's text is then mostly blanks. */
const indent = (html: string) =>
  html
    .replace(/></g, '>\n<')
    .split('\n')
    .map((l) => `${' '.repeat(400)}${l}`)
    .join('\n');

describe('HTML sentences stay whole', () => {
  it('keeps a sentence whole where a server-rendered page splits its text with empty comments', () => {
    // React's server rendering writes "<!-- -->" between the parts of a sentence it assembled.
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood barrier</title></head><body><main><article>
<h1>Flood barrier holds as river peaks</h1>
${indent([1, 2, 3, 4].map((n) => `<div class="css-53u6y8"><p>${body(n)}</p></div>`).join('\n'))}
<div class="css-vdv0al">A version of this report ran in the morning edition on <!-- -->, on Page <!-- -->B<!-- -->7<!-- --> of the regional edition<!-- --> with the headline: <!-- -->Barrier Holds<span>. <a href="/reprints">Reprints</a></span></div>
</article></main></body></html>`;
    const r = extractHtml('react.html', enc(html));
    expect(r.text).toContain(
      'A version of this report ran in the morning edition on , on Page B7 of the regional edition with the headline: Barrier Holds. Reprints',
    );
  });

  it('keeps the standfirst Readability drops on a deeply indented page (the text is measured without its blanks)', () => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clinic reopens</title></head><body><main><article>
${indent(`<div class="story-header"><h1>Clinic reopens after three weeks</h1>
<p class="standfirst">Doctors returned to the only clinic in the valley on Tuesday, three weeks after the generator that powered it was looted.</p></div>
${[1, 2, 3, 4, 5].map((n) => `<p>${body(n)}</p>`).join('\n')}`)}
</article></main></body></html>`;
    const r = extractHtml('indented.html', enc(html));
    expect(r.text).toContain('Doctors returned to the only clinic in the valley on Tuesday, three weeks after the generator that powered it was looted.');
    for (const n of [1, 2, 3, 4, 5]) expect(r.text).toContain(body(n));
  });

  it('keeps the end of a sentence that runs on as loose text after the last paragraph', () => {
    // A formula widget (a custom element) inside the closing sentence, its end left as text in the body.
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Survey of the dam</title></head><body>
<h1>Engineers survey the cracked dam</h1>
${[1, 2, 3, 4].map((n) => `<p>${body(n)}</p>`).join('\n')}
<p>The engineers put the rate at which the crack widens at</p>
<calc-widget class="formula"><calc-part>2 mm per day</calc-part></calc-widget>which they said left the wall safe until the spring, when the reservoir is usually at its highest.
</body></html>`;
    const r = extractHtml('loose.html', enc(html));
    expect(r.text).toContain('which they said left the wall safe until the spring, when the reservoir is usually at its highest.');
    expect(r.text.indexOf('The engineers put the rate')).toBeLessThan(r.text.indexOf('which they said left the wall safe'));
  });
});
