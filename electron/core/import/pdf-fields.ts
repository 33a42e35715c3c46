// Form fields: a filled-in PDF form shows its answers in widget annotations, not in the page's
// content stream, so pdf.js's text layer skips them. Their values become lines at their place on
// the page (by the top of the field's rectangle), so the answer sits beside its question.
import type { Line } from './pdf-lines.ts';

interface Annotation {
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  rect?: number[];
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  exportValue?: string;
  buttonValue?: string;
  options?: { exportValue?: string; displayValue?: string }[];
  hidden?: boolean;
}

/** The text a page's filled-in fields show, as lines: text fields and choices; ticked boxes and buttons carry no words of their own. */
export function fieldLines(annotations: unknown[]): Line[] {
  const lines: Line[] = [];
  for (const raw of annotations) {
    const a = raw as Annotation;
    if (a.subtype !== 'Widget' || a.hidden || !a.rect) continue;
    let values: string[] = [];
    if (a.fieldType === 'Tx' && typeof a.fieldValue === 'string') values = [a.fieldValue];
    else if (a.fieldType === 'Ch') {
      const chosen = Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue];
      // A choice shows its display value where it has one.
      values = chosen.filter((v): v is string => typeof v === 'string').map((v) => a.options?.find((o) => o.exportValue === v)?.displayValue ?? v);
    }
    const [, y1, , y2] = a.rect;
    const height = Math.abs(y2 - y1) || 10;
    for (const v of values) {
      const text = v.replace(/\r\n?/g, '\n').trim();
      if (!text) continue;
      // A multi-line field's lines run down from its top.
      // Near the bottom of the box is where its text's baseline sits, level with the label beside it.
      const lineCount = text.split('\n').length;
      text.split('\n').forEach((t, i) =>
        lines.push({
          text: t,
          y: Math.min(y1, y2) + 2 + (lineCount - 1 - i) * Math.min(height / lineCount, 12),
          size: Math.min((height / lineCount) * 0.7, 12),
        }),
      );
    }
  }
  return lines;
}

/** "3", "3 and 5", "3, 5 and 7", "1–4, 9": page numbers for a warning. */
export function pagesList(pages: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    runs.push(j - i >= 2 ? `${pages[i]}–${pages[j]}` : j > i ? `${pages[i]}, ${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  const flat = runs.join(', ').split(', ');
  return flat.length > 1 ? `${flat.slice(0, -1).join(', ')} and ${flat[flat.length - 1]}` : flat[0];
}

/** Page lines and field lines top to bottom; a field level with a line (its label) comes after it. */
export function mergeLines<T extends { y: number }>(content: T[], fields: T[]): T[] {
  return [...content, ...fields].sort((p, q) => (Math.abs(q.y - p.y) < 4 ? 0 : q.y - p.y));
}
