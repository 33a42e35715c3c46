// Recomputing every disagreement of a large case: 100,000 claims over 5,000 events (DESIGN.md,
// "Performance"). Prints the median of 5 runs of computeAll next to a reference: a bare loop that
// groups the same claims by event and sums their figures, the least any recomputation must do.
// Run: node_modules/.bin/node scripts/bench-conflicts.ts [claims] [events]
import { type Claim, Claim as ClaimSchema, type Event } from '../shared/claims.ts';
import type { ClaimState } from '../shared/commands.ts';
import { type SourceInfo, computeAll } from '../shared/conflicts.ts';
import { FIGURE_RULES_VERSION } from '../shared/figures.ts';

const CLAIMS = Number(process.argv[2] ?? 100_000);
const EVENTS = Number(process.argv[3] ?? 5_000);
const SOURCES = 2_000;
const T = '2024-05-01T10:00:00.000Z';

// A deterministic generator, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const sources: SourceInfo[] = Array.from({ length: SOURCES }, (_, i) => ({ id: `s_${String(i).padStart(6, '0')}`, name: `Outlet ${i}`, independenceGroup: `group-${i % 700}` }));
const events: Event[] = Array.from({ length: EVENTS }, (_, i) => ({
  id: `e${i}`, title: `Event ${i}`, start: '2020-03-11', end: '2020-03-11', precision: 'day', place: null, placePrecision: null,
  type: null, actorIds: [], aggregate: i % 50 === 0, note: '', created: T, modified: T,
}));
const fig = (n: number, spread = 0) => ({ raw: String(n), low: Math.max(0, n - spread), best: n, high: n + spread, qualifier: spread ? ('approx' as const) : ('exact' as const), rules: FIGURE_RULES_VERSION });
const pop = (nationality: string | null, affiliation: 'military' | 'contractor' | 'civilian' | 'unknown') => ({ nationality, affiliation, side: null, role: null });
const NAMES = ['Kataib Hezbollah', 'Kitaeb Hezbollah', 'Iranian-backed militia groups', 'Islamic State', 'unknown gunmen', "Asa'ib Ahl al-Haq"];
const EXPR: Array<[string, string]> = [['Thursday night', '2020-03-12'], ['early Friday', '2020-03-13'], ['Wednesday', '2020-03-11'], ['March 11', '2020-03-11']];
const MEASURES = ['killed', 'wounded', 'rockets_fired', 'rockets_impacted', 'attacks'];

const claims: Claim[] = [];
for (let i = 0; i < CLAIMS; i++) {
  const event = events[Math.floor((i / CLAIMS) * EVENTS)];
  const common = {
    id: `c${i}`, sourceId: pick(sources).id, annotationId: `an${i}`, eventId: event.id, speaker: null,
    asOf: event.aggregate ? pick(['2023-11-21', '2024-01', '2024-02-03']) : null, note: '', origin: { type: 'manual' as const }, created: T, modified: T,
  };
  const r = rand();
  if (r < 0.55) {
    const total = 1 + Math.floor(rand() * 20);
    const us = Math.floor(rand() * total);
    const parts = rand() < 0.4
      ? [
          { population: pop('US', pick(['military', 'contractor'] as const)), figure: fig(us), subset: false },
          { population: pop('GB', 'military'), figure: fig(total - us), subset: false },
        ]
      : [];
    claims.push({ kind: 'casualties', ...common, measure: pick(MEASURES), population: pop(null, rand() < 0.8 ? 'unknown' : 'military'), figure: fig(total, rand() < 0.3 ? 2 : 0), parts });
  } else if (r < 0.75) {
    claims.push({ kind: 'attribution', ...common, perpetrator: { name: pick(NAMES), actorId: null }, attributedBy: null, stance: pick(['accused', 'suspected', 'claimed', 'asserted'] as const) });
  } else {
    const [expression, day] = pick(EXPR);
    claims.push({
      kind: 'timing', ...common, expression, reference: '2020-03-13', anchorClaimId: null, start: rand() < 0.05 ? null : day, end: null,
      precision: 'day', method: 'manual', relative: false, approximate: false,
    } as Claim);
    const t = claims[claims.length - 1] as Extract<Claim, { kind: 'timing' }>;
    t.end = t.start;
    if (t.start === null) t.precision = null;
  }
}
// The generated claims are real claims: a sample must pass the schema.
for (let i = 0; i < claims.length; i += 997) ClaimSchema.parse(claims[i]);

const state: ClaimState = {
  annotations: [],
  claims,
  events,
  actors: [{ id: 'a-kh', name: "Kata'ib Hezbollah", aliases: ['KH'] }, { id: 'a-is', name: 'Islamic State', aliases: ['ISIS'] }],
};

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
  for (const m of all) for (const r of m.rows) {
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

console.log(`  ${claims.length.toLocaleString('en-US')} claims, ${events.length.toLocaleString('en-US')} events, ${rows.toLocaleString('en-US')} rows (${flagged.toLocaleString('en-US')} flagged)`);
console.log(`  computeAll, every verdict: ${ms.wall.toFixed(0)} ms (median of 5; CPU ${ms.cpu.toFixed(0)} ms, garbage collection threads included)`);
console.log(`  reference, a bare loop grouping the same claims by event: ${ref.wall.toFixed(1)} ms (median of 5)`);
