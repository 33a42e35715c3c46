import { describe, expect, it } from 'vitest';
import { type Claim, type Part, type Population, Claim as ClaimSchema } from '../model/claims.ts';
import type { ClaimState } from '../model/state.ts';
import {
  type Matrix,
  type SourceInfo,
  type Verdict,
  changedSinceDecision,
  computeAll,
  computeMatrix,
  conflictsReport,
  isDescription,
  staleDecisions,
  worstVerdict,
} from './conflicts.ts';
import { EVENT, T, fig, part, pop } from '../../tests/support/claim-makers.ts';
import { buildSeedCase, type KeyDisagreement } from '../../tests/unit/seed-case.ts';

// ---------------------------------------------------------------- the seed case against the key

/**
 * The tool's verdict on one of the key's disagreements: the most severe verdict among the rows that
 * hold any of its claims (a row with a single claim counts as consistent: nothing contradicts it),
 * or 'not comparable' when its claims sit in different events and never share a row.
 */
function toolVerdict(matrices: Matrix[], claims: Claim[], d: KeyDisagreement): string {
  const ids = new Set(d.claims);
  const rows = matrices.flatMap((m) => m.rows).filter((r) => r.claims.some((id) => ids.has(id)));
  const shared = rows.filter((r) => r.claims.filter((id) => ids.has(id)).length >= 2);
  const events = new Set(claims.filter((c) => ids.has(c.id)).map((c) => c.eventId));
  if (shared.length === 0 && events.size > 1) return 'not comparable';
  const v = worstVerdict(rows.map((r) => r.verdict));
  return v === 'single' ? 'consistent' : v;
}

describe('the seed case: verdicts against the answer key', () => {
  const seed = buildSeedCase();
  const matrices = computeAll(seed.state, seed.sources);

  it('builds a valid case: every keyed claim is stored and anchored on its quote', () => {
    expect(seed.state.claims).toHaveLength(seed.key.claims.length);
    for (const a of seed.state.annotations) {
      const text = seed.texts.get(a.sourceId) as string;
      expect(text.slice(a.targets[0].start, a.targets[0].end)).toBe(a.targets[0].exact);
    }
  });

  it('agrees with the fact-checker on the disagreements d01–d11', () => {
    const results = seed.key.disagreements.map((d) => ({
      id: d.id,
      want: d.verdict.replace(' ', '_'),
      got: toolVerdict(matrices, seed.state.claims, d).replace(' ', '_'),
    }));
    const agree = results.filter((r) => r.want === r.got);
    console.log(`${agree.length} of ${results.length} disagreements agree`);
    for (const r of results.filter((x) => x.want !== x.got)) console.log(`  ${r.id}: key says ${r.want}, the tool says ${r.got}`);
    // d08's scope error (a count for "the airbase" that is really for Iraq and Syria) is not in the
    // claim's structured fields: the model has no place for a claim's own scope, so no rule can see it.
    expect(agree.length).toBeGreaterThanOrEqual(10);
    expect(results.filter((r) => r.want !== r.got).map((r) => r.id)).toEqual(['d08']);
  });

  it("counts each of the key's disagreements once: no facet of one measure flagged twice (the count is printed)", () => {
    const flags = matrices.flatMap((m) => m.rows.filter((r) => r.group === r.key).map((r) => ({ m, r })));
    let total = 0;
    for (const d of seed.key.disagreements) {
      const ids = new Set(d.claims);
      const hit = flags.filter(({ r }) => (r.groupClaims ?? r.claims).some((id) => ids.has(id)));
      total += hit.length;
      console.log(`  ${d.id} (${d.verdict}): ${hit.length} flagged — ${hit.map(({ r }) => `${r.key} ${r.verdict}`).join('; ') || 'none'}`);
      const perMeasure = new Map<string, number>();
      for (const { m, r } of hit) perMeasure.set(`${m.eventId} ${r.measure}`, (perMeasure.get(`${m.eventId} ${r.measure}`) ?? 0) + 1);
      for (const [k, n] of perMeasure) expect(n, `${d.id}: ${k}`).toBe(1);
    }
    const rowsFlagged = matrices.flatMap((m) => m.rows).filter((r) => r.verdict !== 'consistent' && r.verdict !== 'single').length;
    console.log(
      `${flags.length} flagged disagreements in the case (${rowsFlagged} flagged rows); ${total} touch the key's ${seed.key.disagreements.length} disagreements`,
    );
  });

  it('never lets claims of two different events meet in a row (d03)', () => {
    for (const m of matrices) {
      const own = new Set(seed.state.claims.filter((c) => c.eventId === m.eventId).map((c) => c.id));
      for (const r of m.rows) for (const id of r.claims) expect(own.has(id), `${id} in ${m.eventId}`).toBe(true);
    }
  });

  it('names the sources and figures in words, and keeps the issue\'s "same total, different breakdown" as a scope mismatch', () => {
    const taji = matrices.find((m) => m.eventId === 'taji-2020-03-11') as Matrix;
    const total = taji.rows.find((r) => r.key === 'killed|all');
    expect(total?.verdict).toBe('scope_mismatch');
    const usMilitary = taji.rows.find((r) => r.key === 'killed|nationality=US;affiliation=military');
    expect(usMilitary?.verdict).toBe('conflict');
    expect(usMilitary?.why).toMatch(/Clarion Project .*1.* against The Washington Post .*2/);
    // Columns: one per independence group; ThePrint's Bloomberg rewrite counts as Bloomberg.
    expect(taji.columns.map((c) => c.group)).toEqual(['Clarion Project', 'Bloomberg', 'The Washington Post']);
  });

  it('prints the CLI report shape', () => {
    const report = conflictsReport(matrices);
    const row = report.events[0].rows[0];
    expect(Object.keys(report.events[0])).toEqual(['id', 'title', 'rows', 'disagreements']);
    expect(row).toMatchObject({
      measure: expect.any(String),
      population: expect.any(String),
      verdict: expect.any(String),
      claims: expect.any(Array),
      why: expect.any(String),
    });
  });
});

// ---------------------------------------------------------------- the rules, on small made-up cases

const SOURCES: SourceInfo[] = [
  { id: 's_aaaaaa', name: 'Daily A', independenceGroup: 'wire-1' },
  { id: 's_bbbbbb', name: 'Daily B', independenceGroup: 'wire-1' },
  { id: 's_cccccc', name: 'Monitor C', independenceGroup: 'C' },
];

let n = 0;
const common = (source: string, extra: Partial<Claim> = {}) => ({
  id: `k${++n}`,
  sourceId: source,
  annotationId: `an${n}`,
  eventId: 'e1',
  speaker: null,
  asOf: null,
  note: '',
  origin: { type: 'manual' as const },
  created: T,
  modified: T,
  ...extra,
});
function count(
  source: string,
  measure: string,
  figure: ReturnType<typeof fig>,
  opts: { population?: Partial<Population>; parts?: Part[]; asOf?: string; place?: string } = {},
): Claim {
  return ClaimSchema.parse({
    kind: 'casualties',
    ...common(source, { asOf: opts.asOf ?? null }),
    measure,
    population: pop(opts.population),
    place: opts.place ?? null,
    figure,
    parts: opts.parts ?? [],
  });
}
function perp(source: string, name: string, stance: string, actorId: string | null = null): Claim {
  return ClaimSchema.parse({ kind: 'attribution', ...common(source), perpetrator: { name, actorId }, attributedBy: null, stance });
}
function when(source: string, expression: string, start: string | null, end = start, approximate = false): Claim {
  return ClaimSchema.parse({
    kind: 'timing',
    ...common(source),
    expression,
    reference: null,
    anchorClaimId: null,
    start,
    end,
    precision: start ? 'day' : null,
    method: 'manual',
    relative: false,
    approximate,
  });
}
const state = (claims: Claim[], actors: ClaimState['actors'] = []): ClaimState => ({ annotations: [], claims, events: [EVENT], actors });
const rowsOf = (claims: Claim[], actors: ClaimState['actors'] = []) => computeMatrix(state(claims, actors), SOURCES, EVENT).rows;
const verdictOf = (claims: Claim[], key: string, actors: ClaimState['actors'] = []): Verdict | undefined =>
  rowsOf(claims, actors).find((r) => r.key === key)?.verdict;

describe('figure rows', () => {
  it('calls overlapping ranges consistent: "about a dozen" holds 14', () => {
    expect(verdictOf([count('s_aaaaaa', 'wounded', fig(10, 12, 14, 'about a dozen')), count('s_cccccc', 'wounded', fig(14, 14, 14))], 'wounded|all')).toBe(
      'consistent',
    );
  });

  it('treats null as an open bound, not as zero', () => {
    expect(verdictOf([count('s_aaaaaa', 'killed', fig(62, 62, null, 'at least 62')), count('s_cccccc', 'killed', fig(90, 90, 90))], 'killed|all')).toBe(
      'consistent',
    );
    expect(verdictOf([count('s_aaaaaa', 'killed', fig(null, 18, 18, 'up to 18')), count('s_cccccc', 'killed', fig(0, 0, 0))], 'killed|all')).toBe('consistent');
  });

  it('calls disjoint ranges a conflict and names both sources and figures', () => {
    const rows = rowsOf([count('s_aaaaaa', 'killed', fig(4, 4, 4, 'four')), count('s_cccccc', 'killed', fig(7, 7, 7, 'seven'))]);
    expect(rows[0]).toMatchObject({ key: 'killed|all', verdict: 'conflict' });
    expect(rows[0].why).toMatch(/Daily A 'four'.*Monitor C 'seven'/);
  });

  it('gives a row with one claim the verdict single', () => {
    expect(verdictOf([count('s_aaaaaa', 'killed', fig(4, 4, 4))], 'killed|all')).toBe('single');
  });

  it('spreads a breakdown into finer rows, and a compatible different cut is consistent', () => {
    const byNationality = count('s_aaaaaa', 'killed', fig(3, 3, 3), { parts: [part(2, { nationality: 'US' }), part(1, { nationality: 'GB' })] });
    const byRole = count('s_cccccc', 'killed', fig(3, 3, 3), {
      parts: [
        part(1, { nationality: 'US', affiliation: 'military' }),
        part(1, { nationality: 'US', affiliation: 'contractor' }),
        part(1, { nationality: 'GB', affiliation: 'military' }),
      ],
    });
    const rows = rowsOf([byNationality, byRole]);
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['killed|all', 'killed|nationality=US', 'killed|nationality=US;affiliation=contractor']));
    for (const r of rows) expect(r.verdict, `${r.key}: ${r.why}`).not.toBe('conflict');
    expect(rows.find((r) => r.key === 'killed|nationality=US')?.verdict).toBe('consistent');
  });

  it('same total, contradictory breakdown: conflict on the finer row, scope mismatch on the total', () => {
    const a = count('s_aaaaaa', 'killed', fig(3, 3, 3), {
      parts: [
        part(1, { nationality: 'US', affiliation: 'military' }),
        part(1, { nationality: 'US', affiliation: 'contractor' }),
        part(1, { nationality: 'GB', affiliation: 'military' }),
      ],
    });
    const b = count('s_cccccc', 'killed', fig(3, 3, 3), {
      parts: [part(2, { nationality: 'US', affiliation: 'military' }), part(1, { nationality: 'GB', affiliation: 'military' })],
    });
    expect(verdictOf([a, b], 'killed|nationality=US;affiliation=military')).toBe('conflict');
    expect(verdictOf([a, b], 'killed|nationality=US;affiliation=contractor')).toBe('conflict');
    expect(verdictOf([a, b], 'killed|all')).toBe('scope_mismatch');
  });

  it("a count for a wider group is at least a narrower group's count", () => {
    const narrow = count('s_aaaaaa', 'killed', fig(3, 3, 3), { population: { affiliation: 'military' } });
    expect(verdictOf([narrow, count('s_cccccc', 'killed', fig(5, 5, 5))], 'killed|all')).toBe('consistent');
    expect(verdictOf([narrow, count('s_cccccc', 'killed', fig(2, 2, 2))], 'killed|all')).toBe('conflict');
  });

  it('flags a breakdown that does not add up inside one source, with no other source', () => {
    const rows = rowsOf([count('s_aaaaaa', 'killed', fig(3, 3, 3), { parts: [part(2, { nationality: 'US' }), part(2, { nationality: 'GB' })] })]);
    const total = rows.find((r) => r.key === 'killed|all');
    expect(total?.verdict).toBe('conflict');
    expect(total?.why).toMatch(/Inside one source: Daily A.*add up to 4, but the total is 3/);
  });

  it('does not add a subset to the total, and files it under its narrower measure', () => {
    const rows = rowsOf([
      count('s_aaaaaa', 'wounded', fig(14, 14, 14), { parts: [part(5, {}, { subset: true, measure: 'wounded_serious' })] }),
      count('s_cccccc', 'wounded_serious', fig(5, 5, 5)),
    ]);
    expect(rows.find((r) => r.key === 'wounded|all')?.verdict).toBe('single');
    expect(rows.find((r) => r.key === 'wounded_serious|all')?.verdict).toBe('consistent');
  });

  it('a figure scoped to a place inside a region meets the breakdown for that region (the scope error inside one article)', () => {
    const breakdown = count('s_aaaaaa', 'attacks', fig(140, 140, 140), { parts: [part(57, {}, { place: 'Iraq' }), part(83, {}, { place: 'Syria' })] });
    const atTheBase = count('s_aaaaaa', 'attacks', fig(112, 140, 168, 'approximately 140'), { place: 'Al Asad Air Base, Iraq' });
    const rows = rowsOf([breakdown, atTheBase]);
    const base = rows.find((r) => r.key === 'attacks|place=' + encodeURIComponent('al asad air base, iraq'));
    expect(base?.verdict, base?.why).toBe('conflict');
    expect(base?.why).toMatch(/'approximately 140' \(112–168\) against .*up to 57/);
    expect(rows.find((r) => r.key === 'attacks|place=Iraq' || r.key === 'attacks|place=iraq')?.verdict).toBe('conflict');
    // the same figures for the region as a whole are no contradiction
    expect(verdictOf([breakdown, count('s_cccccc', 'attacks', fig(112, 140, 168), { place: 'Iraq and Syria' })], 'attacks|all')).toBe('consistent');
    // and a place that may or may not be inside the region proves nothing
    const somewhere = count('s_cccccc', 'attacks', fig(100, 100, 100), { place: 'the western desert' });
    for (const r of rowsOf([breakdown, somewhere])) expect(r.verdict, r.key).not.toBe('conflict');
    // both as running totals of one period, the scope error is still a contradiction
    const dated = [
      count('s_aaaaaa', 'attacks', fig(140, 140, 140), { asOf: '2024-01', parts: [part(57, {}, { place: 'Iraq' }), part(83, {}, { place: 'Syria' })] }),
      count('s_aaaaaa', 'attacks', fig(112, 140, 168), { asOf: '2024-01', place: 'Al Asad Air Base, Iraq' }),
    ];
    expect(rowsOf(dated).find((r) => r.key.startsWith('attacks|place=al'))?.verdict).toBe('conflict');
  });

  it('running totals: a later, higher figure is an update; a later, lower one a conflict; an undated stray unclear', () => {
    const early = count('s_aaaaaa', 'attacks', fig(66, 66, 66), { asOf: '2023-11-21' });
    expect(verdictOf([early, count('s_cccccc', 'attacks', fig(140, 140, 140), { asOf: '2024-01' })], 'attacks|all')).toBe('update');
    expect(verdictOf([early, count('s_cccccc', 'attacks', fig(40, 40, 40), { asOf: '2024-01' })], 'attacks|all')).toBe('conflict');
    // one period in one report: the report sets the two against each other (other reports of one period: same-period.test.ts)
    expect(verdictOf([early, count('s_aaaaaa', 'attacks', fig(70, 70, 70), { asOf: '2023-11' })], 'attacks|all')).toBe('conflict');
    const stray = count('s_cccccc', 'attacks', fig(300, 300, 300));
    expect(verdictOf([early, count('s_cccccc', 'attacks', fig(140, 140, 140), { asOf: '2024-01' }), stray], 'attacks|all')).toBe('unclear');
    const placed = count('s_cccccc', 'attacks', fig(112, 140, 168, 'approximately 140'));
    expect(verdictOf([early, count('s_cccccc', 'attacks', fig(140, 140, 140), { asOf: '2024-01' }), placed], 'attacks|all')).toBe('update');
  });
});

describe('the perpetrator row', () => {
  const book = [
    { id: 'a-kh', name: "Kata'ib Hezbollah", aliases: ['KH'] },
    { id: 'a-is', name: 'Islamic State', aliases: ['ISIS'] },
  ];

  it('compares through aliases and spellings', () => {
    expect(verdictOf([perp('s_aaaaaa', 'Kitaeb Hizballah', 'accused'), perp('s_cccccc', 'KH', 'suspected')], 'perpetrator', book)).toBe('consistent');
    expect(verdictOf([perp('s_aaaaaa', 'Kataib Hezbollah', 'accused'), perp('s_cccccc', 'Kitaeb Hezbollah', 'accused')], 'perpetrator')).toBe('consistent');
  });

  it('a description and a named actor are consistent at different levels', () => {
    const rows = rowsOf([perp('s_aaaaaa', 'Iranian-backed militia groups', 'accused'), perp('s_cccccc', 'Kataib Hezbollah', 'suspected')], book);
    expect(rows[0].verdict).toBe('consistent');
    expect(rows[0].why).toMatch(/description/);
    expect(isDescription('unknown gunmen')).toBe(true);
    expect(isDescription('Popular Mobilization Forces')).toBe(false);
  });

  it('two named actors, competing claims of responsibility, or a denial are conflicts', () => {
    expect(verdictOf([perp('s_aaaaaa', 'KH', 'accused'), perp('s_cccccc', 'ISIS', 'accused')], 'perpetrator', book)).toBe('conflict');
    const rows = rowsOf([perp('s_aaaaaa', 'KH', 'claimed'), perp('s_cccccc', 'Islamic State', 'claimed')], book);
    expect(rows[0].why).toMatch(/Competing claims of responsibility/);
    expect(
      verdictOf([perp('s_aaaaaa', 'KH', 'accused'), perp('s_cccccc', 'Hezbollah Brigades', 'denied')], 'perpetrator', [
        { ...book[0], aliases: ['KH', 'Hezbollah Brigades'] },
      ]),
    ).toBe('conflict');
  });
});

describe('the date row', () => {
  it('an evening and the early morning after it can be one moment across time zones', () => {
    expect(verdictOf([when('s_aaaaaa', 'Thursday night', '2020-03-12'), when('s_cccccc', 'early Friday', '2020-03-13')], 'date')).toBe('consistent');
    // …but not the other way round, and not two days apart.
    expect(verdictOf([when('s_aaaaaa', 'early Thursday', '2020-03-12'), when('s_cccccc', 'Friday night', '2020-03-13')], 'date')).toBe('conflict');
    expect(verdictOf([when('s_aaaaaa', 'Wednesday night', '2020-03-11'), when('s_cccccc', 'early Friday', '2020-03-13')], 'date')).toBe('conflict');
  });

  it('compares within precision: a month holds its days', () => {
    expect(verdictOf([when('s_aaaaaa', 'late December', '2019-12-21', '2019-12-31'), when('s_cccccc', 'Dec. 27', '2019-12-27')], 'date')).toBe('consistent');
  });

  it('allows an approximate expression a day', () => {
    expect(verdictOf([when('s_aaaaaa', 'about 24 hours earlier', '2023-11-20', '2023-11-20', true), when('s_cccccc', 'Tuesday', '2023-11-21')], 'date')).toBe(
      'consistent',
    );
  });

  it('puts an undated timing claim in its own unclear row, leaving the dated ones alone', () => {
    const rows = rowsOf([
      when('s_aaaaaa', 'Thursday night', '2020-03-12'),
      when('s_cccccc', 'early Friday', '2020-03-13'),
      when('s_bbbbbb', 'in response', null),
    ]);
    expect(rows.find((r) => r.key === 'date')?.verdict).toBe('consistent');
    expect(rows.find((r) => r.key === 'date|undated')?.verdict).toBe('unclear');
  });
});

describe('decisions and keys', () => {
  it('keys rows by what they are, so a decision survives recomputation and new claims', () => {
    const a = count('s_aaaaaa', 'killed', fig(4, 4, 4));
    const b = count('s_cccccc', 'killed', fig(7, 7, 7));
    const decision = {
      eventId: 'e1',
      rowKey: 'killed|all',
      status: 'explained' as const,
      note: 'B counts the next day',
      at: T,
      verdict: 'conflict' as const,
      claims: [a.id, b.id],
    };
    const before = computeMatrix(state([a, b]), SOURCES, EVENT, [decision]).rows[0];
    expect(before.decision?.status).toBe('explained');
    expect(changedSinceDecision(before)).toBe(false);
    const c = count('s_bbbbbb', 'killed', fig(7, 7, 7));
    const after = computeMatrix(state([c, b, a]), SOURCES, EVENT, [decision]).rows[0];
    expect(after.key).toBe('killed|all');
    expect(after.decision?.note).toBe('B counts the next day');
    expect(changedSinceDecision(after)).toBe(true);
    expect(staleDecisions(computeAll(state([a]), SOURCES, [decision]), [decision, { ...decision, rowKey: 'wounded|all' }]).map((d) => d.rowKey)).toEqual([
      'wounded|all',
    ]);
  });

  it('groups columns by independence group (a wire story and its rewrites count once)', () => {
    const m = computeMatrix(
      state([count('s_aaaaaa', 'killed', fig(4, 4, 4)), count('s_bbbbbb', 'killed', fig(4, 4, 4)), count('s_cccccc', 'killed', fig(4, 4, 4))]),
      SOURCES,
      EVENT,
    );
    expect(m.columns.map((c) => [c.group, c.sources.length])).toEqual([
      ['wire-1', 2],
      ['C', 1],
    ]);
  });
});
