// Timing helpers for the benchmarks: a timed call, runs paired with a reference, median and min.

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const min = (xs: number[]): number => Math.min(...xs);
export const time = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
/** Runs the two alternately (which goes first alternates too), so a burst of load elsewhere on the machine hits both. */
export const paired = async (k: number, a: (i: number) => Promise<unknown> | unknown, b: (i: number) => Promise<unknown> | unknown) => {
  const ours: number[] = [];
  const ref: number[] = [];
  for (let i = 0; i < k; i++) {
    if (i % 2 === 0) {
      ours.push(await time(() => a(i)));
      ref.push(await time(() => b(i)));
    } else {
      ref.push(await time(() => b(i)));
      ours.push(await time(() => a(i)));
    }
  }
  return { ours, ref };
};
