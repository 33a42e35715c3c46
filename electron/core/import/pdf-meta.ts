// What a PDF says about itself, judged: document-info titles are often a file name or a tool's
// placeholder ("IBM-PDFs.graffle", "Ash02.ps", "No Title", "Enscript Output"), so the first page's
// largest text is preferred then; the creation date is when the file was made, which is only a
// weak hint of when the report was published.
import type { Line } from './pdf-lines.ts';

/** Titles that name a tool, a template or nothing at all. */
const PLACEHOLDER =
  /^(untitled|untitled document|document\d*|new document|microsoft (word|powerpoint|excel)( document)?|powerpoint presentation|slide \d+|page \d+|title|no title|notitle|unknown|none|enscript output|print|printing|layout \d*|default|doc\d*|pdf|adobe acrobat|temp|test)$/i;
/** File names: a word with an extension of a document, drawing, print or page format. */
const FILE_NAME =
  /\.(docx?|dotx?|pdf|indd|tex|dvi|rtf|odt|ott|pages|html?|aspx?|php|ps|eps|ai|graffle|qxd|qxp|xlsx?|pptx?|txt|wpd|fm|cdr|pub|xml|sxw|lwp|mif|key|numbers|pmd|p65|idml|vsdx?|cdr)$/i;

/** The document-info or XMP title, or null when it is a file name or a placeholder. */
export function sensibleTitle(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  let t = s.replace(/\s+/g, ' ').trim();
  // "Microsoft Word - report.doc": the tool's prefix, then a file name.
  t = t.replace(/^(microsoft (word|powerpoint|excel)|adobe (indesign|illustrator)|untitled)\s*[-–:]\s*/i, '');
  if (t.length < 4 || t.length > 300 || !/\p{L}{2}/u.test(t)) return null;
  if (PLACEHOLDER.test(t) || FILE_NAME.test(t) || /^[\w-]+$/.test(t) || /^[\w-]+\.[\w]{1,5}$/.test(t)) return null;
  return t;
}

/** The first page's heading: the largest text near the top, with the lines of the same size that run on from it. */
export function headingOf(lines: Line[]): string | null {
  if (!lines.length) return null;
  const sizes = lines.map((l) => l.size).sort((p, q) => p - q);
  const body = sizes[Math.floor(sizes.length / 2)];
  const topIndex = lines.slice(0, 10).reduce((m, l, i) => (l.size > lines[m].size ? i : m), 0);
  const top = lines[topIndex];
  if (top.size <= body * 1.2) return null;
  const parts = [top.text.trim()];
  // A two- or three-line heading: next lines of the same size, close below.
  for (let i = topIndex + 1; i < lines.length && parts.length < 4; i++) {
    const l = lines[i];
    if (Math.abs(l.size - top.size) > top.size * 0.05 || lines[i - 1].y - l.y > top.size * 1.8 || lines[i - 1].y - l.y <= 0) break;
    parts.push(l.text.trim());
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length >= 3 && text.length <= 300 && /\p{L}{2}/u.test(text) ? text : null;
}

/** A PDF date ("D:20111103143005+01'00'") as ISO 8601, or null. */
export function pdfDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s.trim());
  if (!m || !m[2] || !m[3]) return null;
  const y = +m[1];
  if (y < 1980 || y > 2200) return null; // before PDF existed: a placeholder
  const time = m[4] && m[5] ? `T${m[4]}:${m[5]}` : '';
  const tz = time && m[7] ? (m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`) : '';
  return `${m[1]}-${m[2]}-${m[3]}${time}${tz}`;
}
