// One flag per disagreement. Rows of one event and measure whose populations nest ("killed" ⊃
// "killed · US" ⊃ "killed · US military") and that weigh the same claims are ONE disagreement: a
// fact-checker sees "who was killed at Camp Taji" once, not as five open flags. Pure; run on the
// rows of one event after every verdict is known.
//
// Rules, and why:
// - Two flagged rows are linked when they have the same measure, one population lies within the
//   other, and some claim speaks in both (claims that never meet are separate disagreements even
//   when their populations nest). Linked rows, transitively, form a disagreement.
// - The flag sits on the row where the sources part ways: the most severe verdict first (so the
//   disagreement reads as its worst row, as worstVerdict does for an event), then a row whose
//   contradiction is between two figures as written (not one implied), then the widest population,
//   then the row with the most claims, then matrix order. Every other row of the group is its
//   context: shown under the flag, not counted, and decided with it.
// - Rows that are not flagged (consistent, single) join a disagreement as context when they nest
//   with one of its rows and share a claim with it: they are part of the breakdown a reader needs.
// - A decision covers the disagreement: the decision stored under the flag row's key, or else the
//   latest one stored under any of its rows' keys. So a decision survives recomputation even when
//   a new claim moves the flag to another row of the same disagreement.
import type { Pop } from './populations.ts';
import { specificity, within } from './populations.ts';
import { SEVERITY, type Verdict } from './schema.ts';

export interface GroupInput {
  key: string;
  measure: string;
  /** Null for rows without a population (perpetrator, date): they only group with themselves. */
  pop: Pop | null;
  verdict: Verdict;
  claims: readonly string[];
  /** True when the row's contradiction is between two figures as written. */
  direct: boolean;
}

export interface Group {
  flag: string;
  /** Every row of the disagreement, flag first, then in input order. */
  rows: string[];
}

export const isFlaggedVerdict = (v: Verdict): boolean => v !== 'consistent' && v !== 'single';

const nests = (a: GroupInput, b: GroupInput) => a.measure === b.measure && a.pop !== null && b.pop !== null && (within(a.pop, b.pop) || within(b.pop, a.pop));
const shareClaim = (a: GroupInput, b: GroupInput) => a.claims.some((id) => b.claims.includes(id));

/** The disagreements among `rows` (in matrix order): each flagged row is in exactly one. */
export function groupRows(rows: readonly GroupInput[]): Group[] {
  const flagged = rows.map((r, i) => ({ r, i })).filter((x) => isFlaggedVerdict(x.r.verdict));
  // Union-find over the flagged rows; a handful per event, so pairs are cheap.
  const parent = flagged.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < flagged.length; i++)
    for (let j = i + 1; j < flagged.length; j++) {
      const a = flagged[i].r;
      const b = flagged[j].r;
      if (nests(a, b) && shareClaim(a, b)) parent[find(i)] = find(j);
    }
  const members = new Map<number, Array<{ r: GroupInput; i: number }>>();
  for (let i = 0; i < flagged.length; i++) {
    const root = find(i);
    let m = members.get(root);
    if (!m) members.set(root, (m = []));
    m.push(flagged[i]);
  }
  const better = (a: { r: GroupInput; i: number }, b: { r: GroupInput; i: number }) =>
    SEVERITY[b.r.verdict] - SEVERITY[a.r.verdict] ||
    (b.r.direct ? 1 : 0) - (a.r.direct ? 1 : 0) ||
    (a.r.pop ? specificity(a.r.pop) : 0) - (b.r.pop ? specificity(b.r.pop) : 0) ||
    b.r.claims.length - a.r.claims.length ||
    a.i - b.i;
  const groups: Array<{ flag: { r: GroupInput; i: number }; rows: Array<{ r: GroupInput; i: number }> }> = [];
  for (const m of members.values()) groups.push({ flag: [...m].sort(better)[0], rows: m });
  groups.sort((a, b) => a.flag.i - b.flag.i);
  // Context rows that are not flagged: the first disagreement (in flag order) they nest with.
  const taken = new Set(flagged.map((x) => x.i));
  for (let i = 0; i < rows.length; i++) {
    if (taken.has(i)) continue;
    const g = groups.find((gr) => gr.rows.some((x) => nests(x.r, rows[i]) && shareClaim(x.r, rows[i])));
    if (g) g.rows.push({ r: rows[i], i });
  }
  return groups.map((g) => ({
    flag: g.flag.r.key,
    rows: [
      g.flag.r.key,
      ...g.rows
        .filter((x) => x !== g.flag)
        .sort((a, b) => a.i - b.i)
        .map((x) => x.r.key),
    ],
  }));
}
