// PDF text as the document says it: CJK through pdf.js's CMaps, unmapped glyphs kept as U+FFFD,
// right-to-left lines in reading order, line-end hyphens joined only where the word is a word,
// form-field text, scans flagged. Every file is generated here (tests/support).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import wordListPath from 'word-list';
import { SPARSE_FILE_BYTES, extractPdf } from './pdf.ts';
import { dehyphenate, vocabulary, type Line } from './pdf-lines.ts';
import { HYPHEN_NAME_EXAMPLES } from './hyphen-names.ts';
import { headingOf, pdfDate, sensibleTitle } from './pdf-meta.ts';
import { pagesList } from './pdf-fields.ts';
import { extractFile } from './index.ts';
import { cjkPdf, formPdf, overprintedPdf, rtlPdf, unmappedGlyphPdf } from '../../../tests/support/pdf-fixtures.ts';
import { makePdf, loremLines } from '../../../tests/support/make-pdf.ts';

const english = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
const isWordForTest = (w: string) => english.has(w);

describe('PDF text fidelity', () => {
  it('reads Chinese, Japanese and Korean text in CID fonts through the CMaps of the local pdfjs-dist', async () => {
    const zh = await extractPdf('zh.pdf', cjkPdf(['中文报告第一行', '第二行内容在这里'], 'zh'));
    expect(zh.text).toBe('中文报告第一行\n第二行内容在这里');
    const ja = await extractPdf('ja.pdf', cjkPdf(['日本語の報告書です', 'ひらがなとカタカナ'], 'ja'));
    expect(ja.text).toBe('日本語の報告書です\nひらがなとカタカナ');
    expect(ja.warnings).toEqual([]);
    const ko = await extractPdf('ko.pdf', cjkPdf(['한국어 보고서 첫 줄', '피해 주민 수는 아직 확인되지 않았다'], 'ko'));
    expect(ko.text).toBe('한국어 보고서 첫 줄\n피해 주민 수는 아직 확인되지 않았다');
    expect(ko.warnings).toEqual([]);
  });

  it('keeps a glyph without a Unicode mapping as U+FFFD and names its page', async () => {
    const r = await extractPdf('glyphs.pdf', unmappedGlyphPdf(['Version #.1 of the report, November #, 2011']));
    expect(r.text).toBe('Version \uFFFD.1 of the report, November \uFFFD, 2011');
    expect(r.warnings).toEqual([expect.stringMatching(/^Some characters of glyphs\.pdf \(on page 1\) use a font with no Unicode mapping; each is kept as �/)]);
  });

  it('puts right-to-left lines drawn word by word in visual order back into reading order', async () => {
    const r = await extractPdf('ar.pdf', rtlPdf(['قال مسؤولون إن القصف أصاب السوق', 'وأسفر عن سقوط ضحايا'], 4));
    expect(r.text).toBe('قال مسؤولون إن القصف أصاب السوق\nوأسفر عن سقوط ضحايا');
    const he = await extractPdf('he.pdf', rtlPdf(['הדובר אמר כי ההפגזה פגעה בשוק'], 4));
    expect(he.text).toBe('הדובר אמר כי ההפגזה פגעה בשוק');
  });

  it('imports the text of filled-in form fields at their place on the page', async () => {
    const r = await extractPdf(
      'form.pdf',
      formPdf(
        ['Name of witness:', 'Place of the incident:'],
        [
          { name: 'witness', value: 'Ahmed Saleh', y: 716 },
          { name: 'place', value: 'Central market, Idlib', y: 700 },
        ],
      ),
    );
    expect(r.text).toContain('Ahmed Saleh');
    expect(r.text).toContain('Central market, Idlib');
    expect(r.text.indexOf('Ahmed Saleh')).toBeLessThan(r.text.indexOf('Place of the incident:'));
    expect(r.warnings.join(' ')).toMatch(/2 filled-in form fields/);
  });

  it('joins line-end hyphenation where the joined word is a word, and keeps a real hyphen', async () => {
    const pdf = makePdf([
      {
        lines: [
          'The ministry proposed an al-',
          'ternative route for the convoy, which an Iran-',
          'backed group had threatened, and the well-',
          'known crossing stayed shut through the after-',
          'noon while negotiators met again.',
        ],
      },
    ]);
    const r = await extractPdf('hyphens.pdf', pdf);
    expect(r.text).toContain('an alternative route for the convoy');
    expect(r.text).toContain('an Iran-backed group had threatened');
    expect(r.text).toContain('the well-known crossing');
    expect(r.text).toContain('through the afternoon while');
  });

  it('joins a name the word list lacks when the part after the hyphen is no word, and keeps a hyphen before a word', async () => {
    const pdf = makePdf([
      {
        lines: [
          'Flights from Pak-',
          'istan resumed on Monday, a Saudi-',
          'led coalition said, and the governor of Ken-',
          'tucky sent two more relief convoys to the border.',
        ],
      },
    ]);
    const r = await extractPdf('names.pdf', pdf);
    expect(r.text.replace(/\n/g, ' ')).toContain('Flights from Pakistan resumed on Monday, a Saudi-led coalition said, and the governor of Kentucky sent');
  });

  it('joins a name whose second part is a word (Ger- / many), from the names lexicon, and keeps real hyphens', async () => {
    const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ text, y: 700 - i * 14, size: 11 }));
    for (const ex of HYPHEN_NAME_EXAMPLES) {
      const out = dehyphenate(lines(ex.lines), new Set(), isWordForTest, { joined: 0, kept: 0 });
      expect(out.map((l) => l.text).join(' ')).toBe(ex.text);
    }
    const pdf = makePdf([{ lines: ['Flights from Ger-', 'many and Aus-', 'tria resumed, a Saudi-', 'led coalition said.'] }]);
    expect((await extractPdf('names.pdf', pdf)).text.replace(/\n/g, ' ')).toContain('Flights from Germany and Austria resumed, a Saudi-led coalition said.');
  });

  it('reads text drawn over itself (a fake bold, a shadow) once, and keeps words repeated where they stand apart', async () => {
    // Each line drawn four times, 0.4 pt apart, is read once; the words a line itself repeats stay.
    const bold = await extractPdf('bold.pdf', overprintedPdf(['Your one-stop parts solution', 'Parts parts parts'], 4, 0.4));
    expect(bold.text).toBe('Your one-stop parts solution\nParts parts parts');
  });

  it('decides a hyphen by the document’s own spelling first', () => {
    const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ text, y: 700 - i * 14, size: 11 }));
    const counts = { joined: 0, kept: 0 };
    // "cease-fire" is written with its hyphen elsewhere in the document: kept, though "ceasefire" is a word.
    const doc = lines(['the cease-', 'fire held until dawn']);
    const known = vocabulary(['a cease-fire was agreed']);
    expect(dehyphenate(doc, known, () => true, counts).map((l) => l.text)).toEqual(['the cease-fire', 'held until dawn']);
    // A word the list does not know, spelled joined elsewhere in the document: joined.
    expect(dehyphenate(lines(['the Qasr al-Hadid re-', 'deployment']), vocabulary(['the redeployment began']), () => false, counts)[0].text).toBe(
      'the Qasr al-Hadid redeployment',
    );
    expect(counts).toEqual({ joined: 1, kept: 1 });
  });

  it('says which pages look like scans: almost no text but an image', async () => {
    const pdf = makePdf([{ lines: loremLines(3, 1) }, { image: true, lines: ['Fig. 3'] }, { lines: loremLines(2, 2) }]);
    const r = await extractPdf('mixed.pdf', pdf);
    expect(r.warnings).toEqual([expect.stringMatching(/^Page 2 of mixed\.pdf yielded almost no text but holds an image: it looks like a scan/)]);
  });
});

describe('PDF metadata', () => {
  it('says when a document yields almost no text and shows no image (damaged, or text drawn as shapes)', async () => {
    // A file of 100 kB a page (what pdf.js recovered of a damaged paper) with one word on it.
    const small = makePdf([{ lines: ['Experimentation,'] }]);
    // Padding after the file's end, then its trailer again, as incremental saves leave files.
    const trailer = small.subarray(Buffer.from(small).lastIndexOf('startxref'));
    const padded = new Uint8Array(5 * SPARSE_FILE_BYTES);
    padded.set(small);
    padded.fill(0x20, small.length);
    padded.set(trailer, padded.length - trailer.length);
    const r = await extractPdf('sparse.pdf', padded);
    expect(r.text).toBe('Experimentation,');
    expect(r.warnings).toEqual([expect.stringMatching(/^sparse\.pdf yielded almost no text \(15 letters on page 1\): the file may be damaged/)]);
    // A short memo in a small file says nothing of the kind.
    expect((await extractPdf('memo.pdf', small)).warnings).toEqual([]);
  });

  it('refuses junk document titles', () => {
    for (const junk of ['IBM-PDFs.graffle', 'Ash02.ps', 'No Title', 'Enscript Output', 'Microsoft Word - report_v2.doc', 'untitled', 'slides.pptx'])
      expect(sensibleTitle(junk), junk).toBeNull();
    expect(sensibleTitle('Annual Report on Civilian Harm 2023')).toBe('Annual Report on Civilian Harm 2023');
  });

  it('takes a two-line heading whole', () => {
    const lines: Line[] = [
      { text: 'Civilian Harm in the', y: 740, size: 20 },
      { text: 'Northern Governorates', y: 716, size: 20 },
      { text: 'A report of the monitoring group', y: 690, size: 11 },
      { text: 'body text body text', y: 676, size: 11 },
      { text: 'more body text here', y: 662, size: 11 },
    ];
    expect(headingOf(lines)).toBe('Civilian Harm in the Northern Governorates');
  });

  it('offers the PDF creation date at low confidence, and the heading as title when the info title is junk', async () => {
    const pdf = makePdf([{ heading: true, lines: ['Depot Fire Inquiry', '', ...loremLines(2, 3)] }], {
      info: { Title: 'Enscript Output', CreationDate: "D:20111103143005+01'00'" },
    });
    const r = await extractFile('inquiry.pdf', pdf);
    expect(r.title).toMatchObject({ value: 'Depot Fire Inquiry', how: 'largest text at the top of page 1' });
    expect(r.published).toMatchObject({
      value: { date: '2011-11-03', time: '14:30', timezone: '+01:00' },
      confidence: 'low',
      how: 'PDF creation date (document properties)',
    });
    expect(pdfDate('D:19700101000000Z')).toBeNull();
  });

  it('lists pages for warnings', () => {
    expect(pagesList([3])).toBe('3');
    expect(pagesList([3, 5])).toBe('3 and 5');
    expect(pagesList([1, 2, 3, 4, 9])).toBe('1–4 and 9');
  });
});
