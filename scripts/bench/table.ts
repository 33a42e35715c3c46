// Formatting helpers for the benchmarks' printed output: durations, sizes, counts, errors and text tables.

export const fmt = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const count = (n: number): string => n.toLocaleString('en-US');
export const message = (e: unknown): string => {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
};

/** A text table; the first `left` columns are left-aligned, the rest right-aligned. */
export function table(header: string[], body: string[][], left = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
  return [line(header), '  ' + widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}
