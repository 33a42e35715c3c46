// A row's spread as a small SVG range chart (shared/compare/conflicts/range-chart.ts computes it): one bar
// per source, best marked, open bounds as arrows, the reconciled range shaded. The text
// alternative names every bar, so the chart is read the same way it is seen.
import type { RangeChart as Chart } from '../../shared/compare/conflicts/range-chart.ts';

const W = 200;
const BAR = 9;
const GAP = 4;

export function RangeChart(props: { chart: Chart }) {
  const { chart } = props;
  const h = chart.bars.length * (BAR + GAP) + GAP + 10;
  const px = (f: number) => f * (W - 8) + 4;
  return (
    <svg className="cmp-chart" width={W} height={h} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={chart.alt}>
      <title>{chart.alt}</title>
      {chart.shade ? (
        <rect className="cmp-chart-shade" x={px(chart.shade.x1)} y={0} width={Math.max(2, px(chart.shade.x2) - px(chart.shade.x1))} height={h} />
      ) : null}
      <text className="cmp-chart-axis" x={2} y={h - 1}>
        0
      </text>
      <text className="cmp-chart-axis" x={W - 2} y={h - 1} textAnchor="end">
        {chart.max}
      </text>
      {chart.bars.map((b, i) => {
        const y = GAP + i * (BAR + GAP);
        const x1 = px(b.x1);
        const x2 = Math.max(x1 + 2, px(b.x2));
        // One number (low = high) is a point, not a bar.
        if (!b.openHigh && px(b.x2) - x1 < 3)
          return (
            <g key={i} className={b.implied ? 'cmp-chart-bar is-implied' : 'cmp-chart-bar'}>
              <circle cx={x1} cy={y + BAR / 2} r={BAR / 2 - 0.5} />
            </g>
          );
        return (
          <g key={i} className={b.implied ? 'cmp-chart-bar is-implied' : 'cmp-chart-bar'}>
            <rect x={x1} y={y} width={x2 - x1} height={BAR} rx={2} />
            {b.openHigh ? <path d={`M${x2 - 1} ${y - 1} L${x2 + 3} ${y + BAR / 2} L${x2 - 1} ${y + BAR + 1} Z`} /> : null}
            {b.best !== null ? <rect className="cmp-chart-best" x={px(b.best) - 1.5} y={y - 2} width={3} height={BAR + 4} /> : null}
          </g>
        );
      })}
    </svg>
  );
}
