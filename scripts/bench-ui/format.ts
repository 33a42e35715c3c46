// bench-ui's printed figures: durations, counts and one-line error messages.

export const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
export const count = (n: number): string => n.toLocaleString('en-US');
export const message = (e: unknown): string => {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
};
