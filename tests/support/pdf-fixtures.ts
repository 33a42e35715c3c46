// PDFs that exercise what make-pdf.ts's Helvetica pages cannot: CID fonts that need pdf.js's CMaps
// (Chinese, Japanese), a font whose glyphs have no Unicode mapping, right-to-left text in visual
// order (Arabic), and filled-in form fields. Written as raw PDF objects so each test says exactly
// what the file holds; no binaries in the repository.

/** Serialises numbered objects (1-based, in order) into a PDF with a cross-reference table. */
export function writePdf(objects: string[], root: number): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

const stream = (content: string, extra = '') => `<< /Length ${content.length}${extra} >>\nstream\n${content}\nendstream`;

/** One page whose content uses font /F1 = fontObj (object 4, and descendants from 5 on). */
function onePage(content: string, fonts: string[], opts: { annots?: string[]; acroForm?: boolean } = {}): Uint8Array {
  // 1 catalog, 2 pages, 3 page, 4.. fonts, then content, then annotations
  const objects: string[] = [];
  const fontStart = 4;
  const contentNo = fontStart + fonts.length;
  const annotStart = contentNo + 1;
  const annots = (opts.annots ?? []).map((a, i) => ({ no: annotStart + i, body: a }));
  objects.push(
    `<< /Type /Catalog /Pages 2 0 R${opts.acroForm && annots.length ? ` /AcroForm << /Fields [${annots.map((a) => `${a.no} 0 R`).join(' ')}] /NeedAppearances true >>` : ''} >>`,
  );
  objects.push('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  objects.push(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentNo} 0 R /Resources << /Font << /F1 ${fontStart} 0 R >> >>${annots.length ? ` /Annots [${annots.map((a) => `${a.no} 0 R`).join(' ')}]` : ''} >>`,
  );
  objects.push(...fonts.map((f) => f.replace(/@(\d+)/g, (_, k) => String(fontStart + Number(k)))));
  objects.push(stream(content));
  objects.push(...annots.map((a) => a.body));
  return writePdf(objects, 1);
}

const hex4 = (s: string) =>
  Array.from(s)
    .map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase();

/**
 * Text in a non-embedded CID font with a UCS-2 CMap (UniGB-UCS2-H for Chinese, UniJIS-UCS2-H for
 * Japanese, UniKS-UCS2-H for Korean): pdf.js can map the codes to characters only with its CMap files.
 */
export function cjkPdf(lines: string[], script: 'zh' | 'ja' | 'ko'): Uint8Array {
  const [base, cmap, ordering, supplement] = {
    zh: ['STSong-Light', 'UniGB-UCS2-H', 'GB1', 2],
    ja: ['HeiseiMin-W3', 'UniJIS-UCS2-H', 'Japan1', 2],
    ko: ['HYSMyeongJo-Medium', 'UniKS-UCS2-H', 'Korea1', 1],
  }[script];
  const fonts = [
    `<< /Type /Font /Subtype /Type0 /BaseFont /${base} /Encoding /${cmap} /DescendantFonts [@1 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${base} /CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement ${supplement} >> /FontDescriptor @2 0 R /DW 1000 >>`,
    `<< /Type /FontDescriptor /FontName /${base} /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>`,
  ];
  const content = lines.map((l, i) => `BT /F1 14 Tf 72 ${720 - i * 24} Td <${hex4(l)}> Tj ET`).join('\n');
  return onePage(content, fonts);
}

/**
 * A line in Helvetica where some codes are mapped by /Differences to glyph names that mean nothing
 * (as subset fonts without a ToUnicode map do): `text` with each "#" drawn as such a glyph.
 */
export function unmappedGlyphPdf(lines: string[]): Uint8Array {
  const widths = Array.from({ length: 255 }, (_, i) => (i === 0 ? 556 : 556)).join(' ');
  const fonts = [
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 /Widths [${widths}] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /g17] >> >>`,
  ];
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c).replace(/#/g, '\\001');
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${esc(l)}) Tj ET`).join('\n');
  return onePage(content, fonts);
}

/**
 * Right-to-left lines drawn the way many producers write them: words placed left to right in
 * visual order (the last word of the sentence leftmost), each word's glyphs in visual order too.
 * A Type0 font with Identity-H and a ToUnicode map gives each glyph its Arabic character.
 */
export function rtlPdf(lines: string[], gap = 1): Uint8Array {
  const chars = [...new Set(lines.join('').replace(/\s/g, ''))];
  const cid = (c: string) => chars.indexOf(c) + 1;
  const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
${chars.length} beginbfchar
${chars.map((c) => `<${cid(c).toString(16).padStart(2, '0')}> <${hex4(c)}>`).join('\n')}
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  // A simple font with one-byte codes: each code's character comes from the ToUnicode map only.
  const fonts = [
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar ${chars.length} /Widths [${chars.map(() => 500).join(' ')}] /ToUnicode @1 0 R >>`,
    stream(toUnicode),
  ];
  const size = 12;
  const glyph = (size * 500) / 1000;
  const content = lines
    .map((line, i) => {
      const wordsVisual = line.split(' ').reverse();
      let x = 72;
      return wordsVisual
        .map((w) => {
          const codes = Array.from(w)
            .reverse()
            .map((c) => cid(c).toString(16).padStart(2, '0'))
            .join('');
          const op = `BT /F1 ${size} Tf ${x} ${720 - i * 18} Td <${codes}> Tj ET`;
          x += Array.from(w).length * glyph + glyph * gap;
          return op;
        })
        .join('\n');
    })
    .join('\n');
  return onePage(content, fonts);
}

/** A page of Helvetica lines with filled-in text fields (name → value) below them. */
export function formPdf(lines: string[], fields: { name: string; value: string; y: number }[]): Uint8Array {
  const fonts = ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${l.replace(/[\\()]/g, (c) => '\\' + c)}) Tj ET`).join('\n');
  const annots = fields.map(
    (f) =>
      `<< /Type /Annot /Subtype /Widget /FT /Tx /T (${f.name}) /V (${f.value.replace(/[\\()]/g, (c) => '\\' + c)}) /Rect [200 ${f.y} 500 ${f.y + 18}] /F 4 /DA (/Helv 12 Tf 0 g) /P 3 0 R >>`,
  );
  return onePage(content, fonts, { annots, acroForm: true });
}

/**
 * Lines drawn as a fake bold or a shadow does it: each line drawn `times` times, a fraction of a
 * point apart (`offset`), then once more on its own line below, as body text after the heading.
 */
export function overprintedPdf(lines: string[], times: number, offset: number): Uint8Array {
  const fonts = ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c);
  const content = lines
    .flatMap((l, i) => Array.from({ length: times }, (_, k) => `BT /F1 14 Tf ${72 + k * offset} ${720 - i * 20 - k * offset} Td (${esc(l)}) Tj ET`))
    .join('\n');
  return onePage(content, fonts);
}
