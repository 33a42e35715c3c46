// The spread of a row drawn as a small range chart: one bar per source from low to high, the best
// figure marked, an open bound as an arrow to the edge, the reconciled range shaded behind. This
// module computes the geometry and the text alternative once; the matrix (React) and report.html
// (a string) draw the same model. Pure.
import { range } from './context.ts';
import type { Cell } from './schema.ts';

export interface ChartBar {
  label: string;
  /** Fractions of the chart's width, 0–1. */
  x1: number;
  x2: number;
  best: number | null;
  openLow: boolean;
  openHigh: boolean;
  implied: boolean;
  words: string;
}
export interface RangeChart {
  bars: ChartBar[];
  shade: { x1: number; x2: number } | null;
  /** The largest value on the axis. */
  max: number;
  /** The text alternative: every bar in words, and the reconciled range. */
  alt: string;
}

/** The chart of a figure row's cells (one bar per claim), or null when no cell has a number. */
export function rangeChart(
  cells: readonly Cell[],
  name: (sourceId: string) => string,
  reconciled: { low: number | null; high: number | null } | null = null,
): RangeChart | null {
  const seen = new Set<string>();
  const use = cells.filter((c) => (c.low !== null || c.high !== null || c.best !== null) && !seen.has(c.claimId) && seen.add(c.claimId));
  if (!use.length) return null;
  let top = 0;
  for (const c of use) top = Math.max(top, c.high ?? 0, c.best ?? 0, c.low ?? 0);
  if (reconciled) top = Math.max(top, reconciled.high ?? 0, reconciled.low ?? 0);
  // Room to the right for open bounds ("3 or more") to point past the highest figure.
  const max = Math.max(1, Math.ceil(top * 1.25));
  const x = (v: number) => Math.min(1, Math.max(0, v / max));
  const bars = use.map((c): ChartBar => {
    const lo = c.low ?? 0;
    const words = `${name(c.sourceId)}${c.basis === 'implied' ? ' (implied)' : ''}: ${range(c.low, c.high)}${c.best !== null && c.low !== c.high && c.best !== c.low ? `, best ${c.best}` : ''}`;
    return {
      label: name(c.sourceId),
      x1: x(lo),
      x2: c.high === null ? 1 : x(c.high),
      best: c.best === null ? null : x(c.best),
      openLow: c.low === null,
      openHigh: c.high === null,
      implied: c.basis === 'implied',
      words,
    };
  });
  const shade =
    reconciled && (reconciled.low !== null || reconciled.high !== null)
      ? { x1: x(reconciled.low ?? 0), x2: reconciled.high === null ? 1 : x(reconciled.high) }
      : null;
  const alt = `${bars.map((b) => b.words).join('; ')}${shade && reconciled ? `; reconciled ${range(reconciled.low, reconciled.high)}` : ''}.`;
  return { bars, shade, max, alt };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The chart as an SVG string (for report.html), with its text alternative as title and aria-label. */
export function rangeChartSvg(chart: RangeChart, width = 220, barHeight = 10): string {
  const gap = 4;
  const h = chart.bars.length * (barHeight + gap) + gap;
  const px = (f: number) => (f * (width - 8) + 4).toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="range-chart" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" role="img" aria-label="${esc(chart.alt)}"><title>${esc(chart.alt)}</title>`,
  ];
  if (chart.shade)
    out.push(
      `<rect x="${px(chart.shade.x1)}" y="0" width="${Math.max(2, Number(px(chart.shade.x2)) - Number(px(chart.shade.x1))).toFixed(1)}" height="${h}" fill="#cfe3ff"/>`,
    );
  chart.bars.forEach((b, i) => {
    const y = gap + i * (barHeight + gap);
    const mid = y + barHeight / 2;
    const x1 = Number(px(b.x1));
    const x2 = Math.max(x1 + 2, Number(px(b.x2)));
    if (!b.openHigh && Number(px(b.x2)) - x1 < 3) {
      out.push(`<circle cx="${x1.toFixed(1)}" cy="${mid}" r="${barHeight / 2 - 0.5}" fill="${b.implied ? 'none' : '#5b6b7f'}" stroke="#5b6b7f"/>`);
      return;
    }
    out.push(
      `<rect x="${x1.toFixed(1)}" y="${y}" width="${(x2 - x1).toFixed(1)}" height="${barHeight}" rx="2" fill="${b.implied ? 'none' : '#5b6b7f'}" stroke="#5b6b7f"${b.implied ? ' stroke-dasharray="3 2"' : ''}/>`,
    );
    if (b.openHigh) out.push(`<path d="M${x2 - 1} ${y - 1} L${x2 + 3} ${mid} L${x2 - 1} ${y + barHeight + 1} Z" fill="#5b6b7f"/>`);
    if (b.best !== null) out.push(`<rect x="${(Number(px(b.best)) - 1.5).toFixed(1)}" y="${y - 2}" width="3" height="${barHeight + 4}" fill="#b34700"/>`);
  });
  out.push('</svg>');
  return out.join('');
}
