// Recomputing every disagreement of a large case: 100,000 claims over 5,000 events (DESIGN.md,
// "Performance"). Prints the median of 5 runs of computeAll next to a reference: a bare loop that
// groups the same claims by event and sums their figures, the least any recomputation must do.
// Run: node_modules/.bin/node scripts/bench-conflicts.ts [claims] [events]
import type { Claim } from '../shared/model/claims.ts';
import { computeAll } from '../shared/compare/conflicts.ts';
import { conflictsCase } from './conflicts-case.ts';

const CLAIMS = Number(process.argv[2] ?? 100_000);
const EVENTS = Number(process.argv[3] ?? 5_000);
// The generated case (scripts/conflicts-case.ts: deterministic, so runs compare).
const { state, sources } = conflictsCase({ claims: CLAIMS, events: EVENTS });
const { claims, events } = state;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median wall time and median CPU time of this process (the machine may be busy with other work). */
function time(fn: () => unknown, runs = 5): { wall: number; cpu: number } {
  fn(); // warm-up: the first run compiles
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

let rows = 0;
let flagged = 0;
const ms = time(() => {
  const all = computeAll(state, sources);
  rows = 0;
  flagged = 0;
  for (const m of all)
    for (const r of m.rows) {
      rows++;
      if (r.verdict === 'conflict' || r.verdict === 'scope_mismatch' || r.verdict === 'unclear') flagged++;
    }
});
let checksum = 0;
const ref = time(() => {
  const byEvent = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.eventId === null) continue;
    let g = byEvent.get(c.eventId);
    if (!g) byEvent.set(c.eventId, (g = []));
    g.push(c);
  }
  checksum = 0;
  for (const g of byEvent.values()) for (const c of g) if (c.kind === 'casualties') checksum += c.figure.best ?? 0;
});

console.log(
  `  ${claims.length.toLocaleString('en-US')} claims, ${events.length.toLocaleString('en-US')} events, ${rows.toLocaleString('en-US')} rows (${flagged.toLocaleString('en-US')} flagged)`,
);
console.log(`  computeAll, every verdict: ${ms.wall.toFixed(0)} ms (median of 5; CPU ${ms.cpu.toFixed(0)} ms, garbage collection threads included)`);
console.log(`  reference, a bare loop grouping the same claims by event: ${ref.wall.toFixed(1)} ms (median of 5)`);
