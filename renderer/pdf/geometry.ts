// Boxes over a drawn page for parts of pdf.js text items. An item's transform places its baseline
// origin and font size in PDF user space; the viewport's transform maps user space to the page as
// drawn (y down, rotation applied). Boxes are in percent of the page, so they stay on the words
// whatever size the canvas is shown at. A part of an item is measured as its share of the item's
// width: by a text measure in a similar font when one is given, else by counting characters.

/** The geometry pdf.js gives each text item. */
export interface ItemGeometry {
  /** [a, b, c, d, e, f]: text direction (a, b), up vector scaled by the font size (c, d), origin (e, f). */
  transform: number[];
  /** Advance width in user space units. */
  width: number;
}

/** Left, top, width, height in percent of the page's width and height. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

// Glyph extent around the baseline, as shares of the font size (typical Latin fonts).
const ASCENT = 0.85;
const DESCENT = 0.22;

const apply = (m: readonly number[], x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Measures a string's advance width in any unit (a canvas's measureText in the item's font family). */
export type Measure = (s: string) => number;

/** The share of `str` that its first `n` characters take. */
function share(str: string, n: number, measure?: Measure): number {
  if (n <= 0) return 0;
  if (n >= str.length) return 1;
  const whole = measure?.(str) ?? 0;
  return whole > 0 ? measure!(str.slice(0, n)) / whole : n / str.length;
}

/**
 * The box over characters [from, to) of an item showing `str`, on a page whose viewport (at any
 * scale) has `viewportTransform` and size `pageWidth` × `pageHeight`.
 */
export function partBox(
  g: ItemGeometry,
  str: string,
  from: number,
  to: number,
  viewportTransform: readonly number[],
  pageWidth: number,
  pageHeight: number,
  measure?: Measure,
): Box | null {
  const length = str.length;
  const [a, b, c, d, e, f] = g.transform;
  const along = Math.hypot(a, b);
  const size = Math.hypot(c, d);
  if (!length || !size || !(pageWidth > 0) || !(pageHeight > 0)) return null;
  const ux = along ? a / along : 1;
  const uy = along ? b / along : 0;
  const vx = c / size;
  const vy = d / size;
  const x0 = g.width * share(str, from, measure);
  const x1 = g.width * share(str, to, measure);
  const corners: [number, number][] = [];
  for (const x of [x0, x1]) {
    for (const y of [-DESCENT * size, ASCENT * size]) corners.push(apply(viewportTransform, e + ux * x + vx * y, f + uy * x + vy * y));
  }
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const width = Math.max(...xs) - left;
  const height = Math.max(...ys) - top;
  if (!(width > 0) || !(height > 0)) return null;
  return { left: (left / pageWidth) * 100, top: (top / pageHeight) * 100, width: (width / pageWidth) * 100, height: (height / pageHeight) * 100 };
}

/** Joins boxes that sit on one line and touch (words of one highlight split across items), so a highlight reads as one band. */
export function mergeLine(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (const b of boxes) {
    const last = out[out.length - 1];
    const sameLine =
      last && Math.abs(last.top - b.top) < Math.min(last.height, b.height) * 0.3 && Math.abs(last.height - b.height) < Math.min(last.height, b.height) * 0.3;
    const gap = last ? b.left - (last.left + last.width) : 0;
    if (last && sameLine && gap > -0.5 && gap < Math.max(last.height, b.height) * 0.8) {
      const right = Math.max(last.left + last.width, b.left + b.width);
      const bottom = Math.max(last.top + last.height, b.top + b.height);
      last.top = Math.min(last.top, b.top);
      last.width = right - last.left;
      last.height = bottom - last.top;
    } else out.push({ ...b });
  }
  return out;
}
