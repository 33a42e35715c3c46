// Test support: small made-up claims, events and sources for the disagreement and reconciliation
// rules (invented cases, never the seed articles), built through the Claim schema.
import { type Claim, type Event, type Part, type Population, Claim as ClaimSchema } from '../../shared/model/claims.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import type { SourceInfo } from '../../shared/compare/conflicts.ts';
import { FIGURE_RULES_VERSION } from '../../shared/figures/figures.ts';

export const T = '2024-05-01T10:00:00.000Z';
export const SOURCES: SourceInfo[] = [
  { id: 's_aaaaaa', name: 'Daily A', independenceGroup: 'A' },
  { id: 's_bbbbbb', name: 'Herald B', independenceGroup: 'B' },
  { id: 's_cccccc', name: 'Monitor C', independenceGroup: 'C' },
  { id: 's_dddddd', name: 'Wire D', independenceGroup: 'D' },
];
export const EVENT: Event = {
  id: 'e1',
  title: 'Shelling of a depot',
  start: '2021-06-04',
  end: '2021-06-04',
  precision: 'day',
  place: null,
  placePrecision: null,
  type: null,
  actorIds: [],
  aggregate: false,
  note: '',
  created: T,
  modified: T,
};

export const pop = (p: Partial<Population> = {}): Population => ({ nationality: null, affiliation: 'unknown', side: null, role: null, ...p });
export const fig = (low: number | null, best: number | null, high: number | null, raw = String(best ?? low ?? '')) => ({
  raw,
  low,
  best,
  high,
  qualifier: 'exact' as const,
  rules: FIGURE_RULES_VERSION,
});
export const part = (n: number, p: Partial<Population>, extra: Partial<Part> = {}): Part => ({
  population: pop(p),
  figure: fig(n, n, n),
  subset: false,
  ...extra,
});

let n = 0;
export function count(
  source: string,
  measure: string,
  figure: ReturnType<typeof fig>,
  opts: { population?: Partial<Population>; parts?: Part[]; asOf?: string; place?: string; eventId?: string } = {},
): Claim {
  n++;
  return ClaimSchema.parse({
    kind: 'casualties',
    id: `k${n}`,
    sourceId: source,
    annotationId: `an${n}`,
    eventId: opts.eventId ?? 'e1',
    speaker: null,
    asOf: opts.asOf ?? null,
    note: '',
    origin: { type: 'manual' },
    created: T,
    modified: T,
    measure,
    population: pop(opts.population),
    place: opts.place ?? null,
    figure,
    parts: opts.parts ?? [],
  });
}

export const stateOf = (claims: Claim[], events: Event[] = [EVENT]): ClaimState => ({ annotations: [], claims, events, actors: [] });

/** An attribution: `name` null with stance 'claimed' is a report that no one has claimed the attack. */
export function attribution(source: string, name: string | null, stance: string, opts: { asOf?: string; actorId?: string } = {}): Claim {
  n++;
  return ClaimSchema.parse({
    kind: 'attribution',
    id: `k${n}`,
    sourceId: source,
    annotationId: `an${n}`,
    eventId: 'e1',
    speaker: null,
    asOf: opts.asOf ?? null,
    note: '',
    origin: { type: 'manual' },
    created: T,
    modified: T,
    perpetrator: name === null ? null : { name, actorId: opts.actorId ?? null },
    attributedBy: null,
    stance,
  });
}
