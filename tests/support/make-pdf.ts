// A tiny PDF writer for tests and benchmarks: text pages in Helvetica, optionally an image-only
// page, document-info entries. Generating fixtures in code keeps the repository free of binaries
// and lets a benchmark make a 300-page file on the spot.

export interface PdfPage {
  /** Lines of text, top to bottom; an empty string leaves a paragraph gap. */
  lines?: string[];
  /** A page with only a small grey image: what a scan without OCR looks like to a text extractor. */
  image?: boolean;
  /** A larger first line, as a heading. */
  heading?: boolean;
}

export interface PdfOptions {
  info?: Record<string, string>;
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c).replace(/[^\x20-\x7e]/g, '?');

export function makePdf(pages: PdfPage[], opts: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // the new length is the object number (they start at 1)
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = add(
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x40\x40\x80\nendstream',
  );
  const kids: number[] = [];
  for (const page of pages) {
    let content = '';
    if (page.image) content += 'q 200 0 0 200 100 400 cm /Im1 Do Q\n';
    if (page.lines?.length) {
      let y = 750;
      page.lines.forEach((line, i) => {
        const size = page.heading && i === 0 ? 20 : 11;
        if (line === '') {
          y -= 14;
          return;
        }
        content += `BT /F1 ${size} Tf 72 ${y} Td (${esc(line)}) Tj ET\n`;
        y -= size === 20 ? 30 : 14;
      });
    }
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(opts.info ?? {});
  const info = infoEntries.length ? add(`<< ${infoEntries.map(([k, v]) => `/${k} (${esc(v)})`).join(' ')} >>`) : null;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1 bytes: every char above is < 256.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** Sample prose made of fixed words, wrapped at ~80 characters (never article text). */
export function loremLines(paragraphs: number, seed = 1): string[] {
  const words = 'the report said officials confirmed a number of details about the incident on the base while others disputed the figures given'.split(' ');
  const lines: string[] = [];
  let s = seed;
  for (let p = 0; p < paragraphs; p++) {
    let line = '';
    const n = 40 + (p % 3) * 15;
    for (let w = 0; w < n; w++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const word = words[s % words.length];
      if ((line + ' ' + word).length > 80) {
        lines.push(line);
        line = word;
      } else line = line ? line + ' ' + word : word;
    }
    lines.push(line + '.', '');
  }
  return lines;
}
