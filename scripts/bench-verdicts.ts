// Verdicts of a large case, recomputed only where an edit touched (issue 15): 100,000 claims over
// 5,000 events and 10,000 sources, in memory. Prints min / median of several runs of
//   · the reference: a bare loop grouping the same claims by event and summing their figures;
//   · computeAll + gradeAll over the whole case (what 'conflicts.compute' did on every call);
//   · the VerdictCache (electron/core/verdicts.ts): cold, warm (nothing changed: a case-wide list
//     read from the cache), and after one claim edit, for the whole case and for that event;
//   · apart: the core's output validation of the reply (core.ts parses every reply with the
//     operation's zod schema) and its JSON size, which the cache does not change.
// Goals: a full compute ≤ 3× the reference; one edit's recompute ≤ 50 ms. Wall times on a busy
// machine include other processes' time; the CPU median (this process, GC threads included) does not.
// Run: node_modules/.bin/node scripts/bench-verdicts.ts [claims] [events] [sources]
import { api } from '../shared/api.ts';
import type { Claim } from '../shared/model/claims.ts';
import { type ClaimState, apply } from '../shared/model/commands.ts';
import { computeAll } from '../shared/compare/conflicts.ts';
import { FIGURE_RULES_VERSION } from '../shared/figures/figures.ts';
import { gradeAll } from '../shared/compare/grade.ts';
import { VerdictCache } from '../electron/core/verdicts.ts';
import { conflictsCase, sourceRecords } from './conflicts-case.ts';

const CLAIMS = Number(process.argv[2] ?? 100_000);
const EVENTS = Number(process.argv[3] ?? 5_000);
const SOURCES = Number(process.argv[4] ?? 10_000);

const built = conflictsCase({ claims: CLAIMS, events: EVENTS, sources: SOURCES });
let state: ClaimState = built.state;
const sources = sourceRecords(built.sources);

interface Timing {
  min: number;
  median: number;
  cpu: number;
  runs: number;
}
/** Wall time of `fn` over `runs` runs after one warm-up; `setup` runs before each, untimed. */
function time(fn: () => unknown, runs: number, setup: () => void = () => undefined): Timing {
  setup();
  fn(); // warm-up: the first run compiles
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { min: ms[0], median: ms[Math.floor(ms.length / 2)], cpu: cpu[Math.floor(cpu.length / 2)], runs };
}
const dec = (x: number) => x.toFixed(x < 100 ? 1 : 0);
const fmt = (t: Timing) => `min ${dec(t.min)} ms, median ${dec(t.median)} ms, CPU median ${dec(t.cpu)} ms (${t.runs} runs)`;

// The reference, as in bench-conflicts.ts.
let checksum = 0;
const ref = time(() => {
  const byEvent = new Map<string, Claim[]>();
  for (const c of state.claims) {
    if (c.eventId === null) continue;
    let g = byEvent.get(c.eventId);
    if (!g) byEvent.set(c.eventId, (g = []));
    g.push(c);
  }
  checksum = 0;
  for (const g of byEvent.values()) for (const c of g) if (c.kind === 'casualties') checksum += c.figure.best ?? 0;
}, 9);

const fresh = () => ({ matrices: computeAll(state, sources, state.decisions ?? []), grades: gradeAll(state, sources, state.gradeOverrides ?? []) });
const before = time(fresh, 5);

let cache = new VerdictCache();
const cold = time(
  () => cache.compute(state, sources),
  5,
  () => (cache = new VerdictCache()),
);
cache = new VerdictCache();
const all = cache.compute(state, sources);
const warm = time(() => cache.compute(state, sources), 9);

// One edit: a casualties claim's figure changes (a new value each run, so every run recomputes).
const target = state.claims.find((c) => c.kind === 'casualties' && c.eventId === `e${Math.floor(EVENTS / 2)}`)!;
const eventId = target.eventId!;
const eventClaims = state.claims.filter((c) => c.eventId === eventId).length;
let n = 0;
const edit = () => {
  n++;
  const figure = { raw: String(n), low: n, best: n, high: n, qualifier: 'exact' as const, rules: FIGURE_RULES_VERSION };
  state = apply(state, { type: 'claim.update', payload: { id: target.id, set: { figure }, unset: [] } }).state;
};
const applyOne = time(edit, 9);
let recomputed = 0;
const oneEditAll = time(
  () => {
    cache.compute(state, sources);
    recomputed = cache.stats.computed;
  },
  9,
  edit,
);
const oneEditEvent = time(() => cache.compute(state, sources, eventId), 9, edit);
const scopedBefore = time(
  () => {
    const scoped = { ...state, events: state.events.filter((e) => e.id === eventId), claims: state.claims.filter((c) => c.eventId === eventId) };
    return { matrices: computeAll(scoped, sources, state.decisions ?? []), grades: gradeAll(scoped, sources, state.gradeOverrides ?? []) };
  },
  9,
  edit,
);

// The check that the cache gives what computeAll gives, on the big case after the edits.
const same = JSON.stringify(cache.compute(state, sources)) === JSON.stringify(fresh());

// The reply: the core validates every output with the operation's schema (core.ts), then the host sends JSON.
const output = api['conflicts.compute'].output;
const reply = () => {
  const r = cache.compute(state, sources);
  return { matrices: r.matrices, grades: r.grades.map((g) => ({ ...g, override: g.override ?? null })) };
};
const parseAll = time(() => output.parse(reply()), 3);
const one = cache.compute(state, sources, eventId);
const parseOne = time(() => output.parse(one), 9);
let bytes = 0;
const json = time(() => (bytes = JSON.stringify(all).length), 3);

const rows = all.matrices.reduce((s, m) => s + m.rows.length, 0);
const cells = all.matrices.reduce((s, m) => s + m.rows.reduce((t, r) => t + r.cells.length, 0), 0);
const x = (t: Timing) => `${(t.median / ref.median).toFixed(1)}×`;
console.log(
  `  ${state.claims.length.toLocaleString('en-US')} claims, ${state.events.length.toLocaleString('en-US')} events, ${sources.length.toLocaleString('en-US')} sources; ${rows.toLocaleString('en-US')} rows, ${cells.toLocaleString('en-US')} cells`,
);
console.log(`  reference, a bare group-by of the claims by event:           ${fmt(ref)}`);
console.log(`  computeAll + gradeAll, whole case (before, every call):      ${fmt(before)}  = ${x(before)} the reference`);
console.log(`  cache, cold (first compute of the case):                     ${fmt(cold)}  = ${x(cold)}`);
console.log(`  cache, warm (case-wide list, nothing changed):               ${fmt(warm)}  = ${x(warm)}   goal ≤ 3×`);
console.log(`  one claim edit (apply(), for scale, not part of the compute): ${fmt(applyOne)}`);
console.log(`  cache, after one edit, whole case (${recomputed} event recomputed):    ${fmt(oneEditAll)}  = ${x(oneEditAll)}   goal ≤ 50 ms`);
console.log(`  cache, after one edit, eventId of that event (${eventClaims} claims):   ${fmt(oneEditEvent)}   goal ≤ 50 ms`);
console.log(`  before: eventId of that event (filter + computeAll + gradeAll): ${fmt(scopedBefore)}`);
console.log(`  same result as computeAll + gradeAll after the edits: ${same ? 'yes' : 'NO'}`);
console.log(`  apart, the reply: core output validation (zod parse), whole case: ${fmt(parseAll)}; one event: ${fmt(parseOne)}`);
console.log(`  apart, the reply: JSON.stringify of the whole case's matrices: ${fmt(json)}, ${(bytes / 1e6).toFixed(0)} MB`);
