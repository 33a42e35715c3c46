// The large case of the verdict benchmarks, in memory: claims spread evenly over events, figures
// with and without breakdowns, attributions with aliases and descriptions, timing claims (a few
// undated), running totals on aggregate events. Deterministic (a fixed seed), so runs compare.
// scripts/bench-conflicts.ts and bench-verdicts.ts use it; `sources` defaults to 2,000.
import { type Claim, Claim as ClaimSchema, type Event } from '../shared/model/claims.ts';
import type { ClaimState } from '../shared/model/commands.ts';
import type { SourceInfo } from '../shared/compare/conflicts.ts';
import { FIGURE_RULES_VERSION } from '../shared/figures/figures.ts';
import type { Source } from '../shared/model/source.ts';

const T = '2024-05-01T10:00:00.000Z';

export function conflictsCase(opts: { claims?: number; events?: number; sources?: number } = {}): { state: ClaimState; sources: SourceInfo[] } {
  const CLAIMS = opts.claims ?? 100_000;
  const EVENTS = opts.events ?? 5_000;
  const SOURCES = opts.sources ?? 2_000;
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

  const sources: SourceInfo[] = Array.from({ length: SOURCES }, (_, i) => ({
    id: `s_${String(i).padStart(6, '0')}`,
    name: `Outlet ${i}`,
    independenceGroup: `group-${i % 700}`,
  }));
  const events: Event[] = Array.from({ length: EVENTS }, (_, i) => ({
    id: `e${i}`,
    title: `Event ${i}`,
    start: '2020-03-11',
    end: '2020-03-11',
    precision: 'day',
    place: null,
    placePrecision: null,
    type: null,
    actorIds: [],
    aggregate: i % 50 === 0,
    note: '',
    created: T,
    modified: T,
  }));
  const fig = (n: number, spread = 0) => ({
    raw: String(n),
    low: Math.max(0, n - spread),
    best: n,
    high: n + spread,
    qualifier: spread ? ('approx' as const) : ('exact' as const),
    rules: FIGURE_RULES_VERSION,
  });
  const pop = (nationality: string | null, affiliation: 'military' | 'contractor' | 'civilian' | 'unknown') => ({
    nationality,
    affiliation,
    side: null,
    role: null,
  });
  const NAMES = ['Kataib Hezbollah', 'Kitaeb Hezbollah', 'Iranian-backed militia groups', 'Islamic State', 'unknown gunmen', "Asa'ib Ahl al-Haq"];
  const EXPR: Array<[string, string]> = [
    ['Thursday night', '2020-03-12'],
    ['early Friday', '2020-03-13'],
    ['Wednesday', '2020-03-11'],
    ['March 11', '2020-03-11'],
  ];
  const MEASURES = ['killed', 'wounded', 'rockets_fired', 'rockets_impacted', 'attacks'];

  const claims: Claim[] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const event = events[Math.floor((i / CLAIMS) * EVENTS)];
    const common = {
      id: `c${i}`,
      sourceId: pick(sources).id,
      annotationId: `an${i}`,
      eventId: event.id,
      speaker: null,
      asOf: event.aggregate ? pick(['2023-11-21', '2024-01', '2024-02-03']) : null,
      note: '',
      origin: { type: 'manual' as const },
      created: T,
      modified: T,
    };
    const r = rand();
    if (r < 0.55) {
      const total = 1 + Math.floor(rand() * 20);
      const us = Math.floor(rand() * total);
      const parts =
        rand() < 0.4
          ? [
              { population: pop('US', pick(['military', 'contractor'] as const)), figure: fig(us), subset: false },
              { population: pop('GB', 'military'), figure: fig(total - us), subset: false },
            ]
          : [];
      claims.push({
        kind: 'casualties',
        ...common,
        measure: pick(MEASURES),
        population: pop(null, rand() < 0.8 ? 'unknown' : 'military'),
        figure: fig(total, rand() < 0.3 ? 2 : 0),
        parts,
      });
    } else if (r < 0.75) {
      claims.push({
        kind: 'attribution',
        ...common,
        perpetrator: { name: pick(NAMES), actorId: null },
        attributedBy: null,
        stance: pick(['accused', 'suspected', 'claimed', 'asserted'] as const),
      });
    } else {
      const [expression, day] = pick(EXPR);
      const start = rand() < 0.05 ? null : day;
      claims.push({
        kind: 'timing',
        ...common,
        expression,
        reference: '2020-03-13',
        anchorClaimId: null,
        start,
        end: start,
        precision: start === null ? null : 'day',
        method: 'manual',
        relative: false,
        approximate: false,
      } as Claim);
    }
  }
  // The generated claims are real claims: a sample must pass the schema.
  for (let i = 0; i < claims.length; i += 997) ClaimSchema.parse(claims[i]);
  const state: ClaimState = {
    annotations: [],
    claims,
    events,
    actors: [
      { id: 'a-kh', name: "Kata'ib Hezbollah", aliases: ['KH'] },
      { id: 'a-is', name: 'Islamic State', aliases: ['ISIS'] },
    ],
  };
  return { state, sources };
}

/** Index records for the sources (what the core passes: toSourceInfo runs on every compute). */
export function sourceRecords(infos: SourceInfo[]): Source[] {
  const found = <T>(value: T) => ({ value, confidence: 'high' as const, how: 'generated' });
  return infos.map((s) => ({
    id: s.id,
    kind: 'text',
    file: null,
    sha256: '0'.repeat(64),
    originalExt: 'txt',
    bytes: 0,
    importedAt: T,
    title: found(`Report from ${s.name}`),
    outlet: found(s.name),
    authors: found([]),
    published: found({ date: '2020-03-13', precision: 'day' as const }),
    url: null,
    language: 'en',
    direction: 'ltr',
    independenceGroup: s.independenceGroup,
    notes: '',
    characters: 0,
    pages: null,
    warnings: [],
  }));
}
