// bench-scale's result shape (what the child measures) and the tables the parent prints from it.
import { count, fmt, mb, table } from '../bench/table.ts';
import { median, min } from '../bench/time.ts';

export type Series = { ours: number[]; ref: number[]; note?: string } | { error: string };
export interface ChildResult {
  sources: number;
  claims: number;
  events: number;
  caseMB: number;
  rows: Record<RowKey, Series>;
  memory: { rss: number; heapUsed: number; baseRss: number } | { error: string };
  notes: string[];
  context: string[];
}
export type RowKey = 'edit' | 'open' | 'compute' | 'computeAfterEdit' | 'computeEvent' | 'search' | 'searchRg' | 'metadata' | 'metadataEarly';

export interface RowSpec {
  key: RowKey;
  what: string;
  reference: string;
  goal: string;
  /** Ratio goal (median ÷ reference median), or an absolute goal in ms. */
  ratioGoal?: number;
  msGoal?: number;
}
export const ROWS: RowSpec[] = [
  { key: 'edit', what: 'one claim edit (claims.execute)', reference: 'durable write of the same body + history bytes', goal: '≤ 2×', ratioGoal: 2 },
  { key: 'open', what: 'open to usable (index, first source + its claims)', reference: 'read + JSON.parse of case.json', goal: '≤ 2×', ratioGoal: 2 },
  { key: 'compute', what: 'recompute every verdict (conflicts.compute)', reference: 'bare group-by, event × measure', goal: '≤ 3×', ratioGoal: 3 },
  { key: 'computeAfterEdit', what: '… again after one edit', reference: 'bare group-by, event × measure', goal: '≤ 3×', ratioGoal: 3 },
  { key: 'computeEvent', what: "one event's verdicts after one edit", reference: "group-by of that event's claims", goal: '≤ 50 ms', msGoal: 50 },
  { key: 'search', what: 'phrase search, warm (search)', reference: 'linear indexOf over the same texts', goal: '≤ 2×', ratioGoal: 2 },
  { key: 'searchRg', what: 'phrase search, warm (search)', reference: 'rg -F -c over a folder of the texts', goal: '≤ 2×', ratioGoal: 2 },
  {
    key: 'metadata',
    what: 'metadata edit (sources.update: journaled, an undo step)',
    reference: 'durable appends of its index and history lines',
    goal: '≤ 2×',
    ratioGoal: 2,
  },
  {
    key: 'metadataEarly',
    what: '… right after open (claims still being read)',
    reference: 'durable appends of its index and history lines',
    goal: '≤ 2×',
    ratioGoal: 2,
  },
];

export function printCase(n: number, r: ChildResult, failure: string | null): void {
  const body: string[][] = [];
  const footnotes: string[] = [];
  for (const spec of ROWS) {
    const s = r.rows[spec.key];
    if (!s) {
      body.push([spec.what, spec.reference, '—', '—', '—', spec.goal, 'not measured']);
      continue;
    }
    if ('error' in s) {
      body.push([spec.what, spec.reference, 'failed', '—', '—', spec.goal, 'not measured']);
      footnotes.push(`${spec.what} vs ${spec.reference}: could not be measured: ${s.error}`);
      continue;
    }
    const ratio = median(s.ours) / median(s.ref);
    const x = (v: number) => (v >= 100 ? `${v.toFixed(0)}×` : `${v.toFixed(1)}×`);
    const shownRatio = median(s.ref) < 0.05 ? '—' : `${x(ratio)} (${x(min(s.ours) / min(s.ref))})`;
    const ok = spec.msGoal !== undefined ? median(s.ours) <= spec.msGoal : ratio <= (spec.ratioGoal ?? Infinity);
    body.push([
      spec.what,
      spec.reference,
      `${fmt(min(s.ours))} / ${fmt(median(s.ours))}`,
      `${fmt(min(s.ref))} / ${fmt(median(s.ref))}`,
      shownRatio,
      spec.goal,
      ok ? 'met' : 'NOT MET',
    ]);
    if (s.note) footnotes.push(`${spec.what} vs ${spec.reference}: ${s.note} (runs: ${s.ours.length} / ${s.ref.length})`);
  }
  if ('error' in r.memory) body.push(['memory of the core, case open (RSS / heap)', '—', r.memory.error, '—', '—', '≤ 500 MB', 'not measured']);
  else {
    body.push([
      'memory of the core, case open (RSS / heap)',
      '—',
      `${mb(r.memory.rss)} / ${mb(r.memory.heapUsed)}`,
      '—',
      '—',
      '≤ 500 MB',
      r.memory.rss <= 500 * 1024 * 1024 ? 'met' : 'NOT MET',
    ]);
    footnotes.push(`memory: after the first open and a full garbage collection; the process held ${mb(r.memory.baseRss)} RSS before the core was created`);
  }
  console.log(
    `\n  ${count(n)} sources, ${count(r.claims)} claims, ${count(r.events)} events (${r.caseMB.toFixed(0)} MB on disk); min / median of the runs (timed runs alternate with the reference's), ratio of medians and of mins`,
  );
  console.log(table(['what', 'reference', 'Corroborate min / median', 'reference min / median', 'ratio (of mins)', 'goal', ''], body, 2));
  for (const f of footnotes) console.log(`    · ${f}`);
  for (const c of r.context) console.log(`    · ${c}`);
  for (const note of r.notes) console.log(`    ! ${note}`);
  if (failure) console.log(`    ! ${failure}`);
}

export function printScaling(results: Array<{ n: number; r: ChildResult | null }>): void {
  const rows: Array<[string, RowKey | 'memory']> = [
    ['one claim edit (claims.execute)', 'edit'],
    ['metadata edit (sources.update)', 'metadata'],
    ["one event's verdicts after an edit", 'computeEvent'],
    ['open to usable', 'open'],
    ['phrase search, warm', 'search'],
    ['every verdict (conflicts.compute)', 'compute'],
    ['memory, RSS', 'memory'],
  ];
  const cols = results.map(({ n }) => count(n));
  const value = (r: ChildResult | null, key: RowKey | 'memory'): number | null => {
    if (!r) return null;
    if (key === 'memory') return 'error' in r.memory ? null : r.memory.rss;
    const s = r.rows[key];
    return s && !('error' in s) ? median(s.ours) : null;
  };
  const first = results[0];
  const last = results[results.length - 1];
  const body = rows.map(([label, key]) => {
    const cells = results.map(({ r }) => {
      const v = value(r, key);
      return v === null ? 'failed' : key === 'memory' ? mb(v) : fmt(v);
    });
    const a = value(first.r, key);
    const b = value(last.r, key);
    const growth = a !== null && b !== null && results.length > 1 ? `${(b / a).toFixed(1)}×` : '—';
    return [label, ...cells, growth];
  });
  const sizes = results.length > 1 ? `${count(last.n / first.n)}× the sources` : '';
  console.log(`\n  Scaling (medians): flat means an edit costs the same whatever the case size`);
  console.log(table(['', ...cols.map((c) => `${c} sources`), `growth (${sizes})`], body));
}
