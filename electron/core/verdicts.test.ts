import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimsView, ImportResult, OpenCase } from '../../shared/api.ts';
import { makeTarget } from '../../shared/text/anchor.ts';
import type { CaseSummary } from '../../shared/model/case.ts';
import { ApiError } from '../../shared/errors.ts';
import { seedFiles } from '../../tests/unit/corpus.ts';
import { createCore } from './index.ts';
import { type Claim, Claim as ClaimSchema, type Event, blankClaim } from '../../shared/model/claims.ts';
import { type ClaimState, type Command, apply } from '../../shared/model/commands.ts';
import { type Decision, type SourceInfo, computeAll } from '../../shared/compare/conflicts.ts';
import { FIGURE_RULES_VERSION } from '../../shared/figures/figures.ts';
import { type GradeOverride, gradeAll } from '../../shared/compare/grade.ts';
import type { Source } from '../../shared/model/source.ts';
import { buildSeedCase } from '../../tests/unit/seed-case.ts';
import { type ComputeEvent, VerdictCache, computeEvent } from './verdicts.ts';

const T = '2024-05-01T10:00:00.000Z';

// A deterministic generator (as scripts/bench-conflicts.ts), small enough to compare after every edit.
function rng(seed: number) {
  let s = seed;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  return { rand, pick };
}

function source(i: number, group: string | null): Source {
  const id = `s_${String(i).padStart(6, '0')}`;
  const found = <T>(value: T) => ({ value, confidence: 'high' as const, how: 'test' });
  return {
    id,
    kind: 'text',
    file: null,
    sha256: 'a'.repeat(64),
    originalExt: 'txt',
    bytes: 1,
    importedAt: T,
    title: found(`Report ${i}`),
    outlet: found(i % 5 === 4 ? null : `Outlet ${i}`),
    authors: found([]),
    published: found({ date: '2020-03-13', precision: 'day' as const }),
    url: null,
    language: 'en',
    direction: 'ltr',
    independenceGroup: group,
    notes: '',
    characters: 1,
    pages: null,
    warnings: [],
  };
}

const NAMES = ['Kataib Hezbollah', 'KH', 'Iranian-backed militia groups', 'Islamic State', 'ISIS', 'unknown gunmen', "Asa'ib Ahl al-Haq"];
const MEASURES = ['killed', 'wounded', 'rockets_fired'] as const;
const EXPR: Array<[string, string | null]> = [
  ['Thursday night', '2020-03-12'],
  ['early Friday', '2020-03-13'],
  ['Wednesday', '2020-03-11'],
  ['later', null],
];
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

function makeEvent(i: number): Event {
  return {
    id: `e${i}`,
    title: `Event ${i}`,
    start: '2020-03-11',
    end: '2020-03-11',
    precision: 'day',
    place: null,
    placePrecision: null,
    type: null,
    actorIds: [],
    aggregate: i % 7 === 0,
    note: '',
    created: T,
    modified: T,
  };
}

function makeClaim(r: ReturnType<typeof rng>, id: string, sourceId: string, eventId: string | null, aggregate: boolean): Claim {
  const { rand, pick } = r;
  const common = {
    id,
    sourceId,
    annotationId: `an-${id}`,
    eventId,
    speaker: null,
    asOf: aggregate ? pick(['2023-11-21', '2024-01', '2024-02-03', null]) : null,
    note: '',
    origin: { type: 'manual' as const },
    created: T,
    modified: T,
  };
  const k = rand();
  if (k < 0.5) {
    const total = 1 + Math.floor(rand() * 6);
    const us = Math.floor(rand() * total);
    const parts =
      rand() < 0.4
        ? [
            { population: pop('US', pick(['military', 'contractor'] as const)), figure: fig(us), subset: false },
            { population: pop('GB', 'military'), figure: fig(total - us), subset: false },
          ]
        : [];
    return ClaimSchema.parse({
      kind: 'casualties',
      ...common,
      measure: pick(MEASURES),
      population: pop(null, rand() < 0.7 ? 'unknown' : 'military'),
      place: rand() < 0.2 ? pick(['Taji, Iraq', 'Iraq', 'Syria']) : null,
      figure: fig(total, rand() < 0.3 ? 1 : 0),
      parts,
    });
  }
  if (k < 0.75)
    return ClaimSchema.parse({
      kind: 'attribution',
      ...common,
      perpetrator: { name: pick(NAMES), actorId: null },
      attributedBy: rand() < 0.2 ? 'KH' : null,
      stance: pick(['accused', 'suspected', 'claimed', 'confirmed', 'denied'] as const),
    });
  if (k < 0.95) {
    const [expression, day] = pick(EXPR);
    return ClaimSchema.parse({
      kind: 'timing',
      ...common,
      expression,
      reference: '2020-03-13',
      anchorClaimId: null,
      start: day,
      end: day,
      precision: day ? 'day' : null,
      method: 'manual',
      relative: false,
      approximate: rand() < 0.2,
    });
  }
  return ClaimSchema.parse({ kind: 'note', ...common });
}

function generate(seed: number, nEvents = 40, nClaims = 600) {
  const r = rng(seed);
  const sources = Array.from({ length: 14 }, (_, i) => source(i, i % 3 === 2 ? null : `group-${i % 4}`));
  const events = Array.from({ length: nEvents }, (_, i) => makeEvent(i));
  const claims: Claim[] = [];
  for (let i = 0; i < nClaims; i++) {
    const e = r.rand() < 0.05 ? null : r.pick(events);
    // A few claims cite a source that is not in the index (its name falls back to its id).
    const sourceId = r.rand() < 0.02 ? 's_gone00' : r.pick(sources).id;
    claims.push(makeClaim(r, `c${i}`, sourceId, e?.id ?? (r.rand() < 0.5 ? null : 'e-missing'), !!e?.aggregate));
  }
  const state: ClaimState = {
    annotations: [],
    claims,
    events,
    actors: [
      { id: 'a-kh', name: "Kata'ib Hezbollah", aliases: ['Kataib Hezbollah'] },
      { id: 'a-is', name: 'Islamic State', aliases: ['ISIS'] },
    ],
    decisions: [],
    reconciliations: [],
    gradeOverrides: [],
  };
  return { r, state, sources, removed: [] as Source[] };
}

/** What the handler returned before the cache: computeAll and gradeAll over the (scoped) case. */
function fresh(state: ClaimState, sources: Source[], eventId?: string) {
  const scoped = eventId
    ? { ...state, events: state.events.filter((e) => e.id === eventId), claims: state.claims.filter((c) => c.eventId === eventId) }
    : state;
  return { matrices: computeAll(scoped, sources, state.decisions ?? []), grades: gradeAll(scoped, sources, state.gradeOverrides ?? []) };
}

/** One random edit of the kinds a fact-checker makes; returns a word on what it was. */
function randomEdit(g: ReturnType<typeof generate>, step: number): string {
  const { r, sources } = g;
  const s = g.state;
  const run = (cmd: Command) => (g.state = apply(g.state, cmd).state);
  const k = r.rand();
  const claim = r.pick(s.claims.filter((c) => c.eventId !== 'e-missing')); // the command checks the event exists
  const event = s.events.length ? r.pick(s.events) : null;
  const at = `2024-06-01T10:00:${String(step % 60).padStart(2, '0')}.000Z`;
  if (k < 0.22) {
    if (claim.kind === 'casualties')
      run({ type: 'claim.update', payload: { id: claim.id, set: { figure: fig(1 + Math.floor(r.rand() * 9)), modified: at }, unset: [] } });
    else if (claim.kind === 'attribution')
      run({ type: 'claim.update', payload: { id: claim.id, set: { perpetrator: { name: r.pick(NAMES), actorId: null } }, unset: [] } });
    else run({ type: 'claim.update', payload: { id: claim.id, set: { note: `edited ${step}` }, unset: [] } });
    return 'claim.update';
  }
  if (k < 0.38) {
    run({ type: 'claim.assign', payload: { assignments: [{ claimId: claim.id, eventId: r.rand() < 0.15 || !event ? null : event.id, modified: at }] } });
    return 'claim moved';
  }
  if (k < 0.44 && event && s.events.length > 5) {
    run({ type: 'event.delete', payload: { id: event.id, modified: at } });
    return 'event.delete';
  }
  if (k < 0.48) {
    const e = makeEvent(1000 + step);
    const unassigned = s.claims.filter((c) => c.eventId === null).slice(0, 3);
    run({ type: 'event.create', payload: { event: e, at: r.rand() < 0.5 ? 0 : null, assign: unassigned.map((c) => ({ claimId: c.id, modified: at })) } });
    return 'event.create';
  }
  if (k < 0.6 && event) {
    // A decision on a row that exists (or, now and then, on one that does not), or a cleared one.
    const m = computeAll({ ...s, events: [event] }, sources)[0];
    const rowKey = m.rows.length && r.rand() < 0.85 ? r.pick(m.rows).key : 'killed|all';
    const key = `${event.id}|${rowKey}`;
    const value: Decision | null =
      r.rand() < 0.2 ? null : { eventId: event.id, rowKey, status: r.pick(['confirmed', 'explained', 'dismissed'] as const), note: `n${step}`, at };
    run({ type: 'record.put', payload: { collection: 'decisions', key, value } });
    return 'decision put';
  }
  if (k < 0.66 && event) {
    const value: GradeOverride | null =
      r.rand() < 0.25 ? null : { eventId: event.id, grade: r.pick(['weak', 'fair', 'discounted'] as const), note: `why ${step}`, by: null, at };
    run({ type: 'record.put', payload: { collection: 'gradeOverrides', key: event.id, value } });
    return 'grade override';
  }
  if (k < 0.74) {
    // Source metadata is patched in place, as handlers/sources.ts does.
    const src = r.pick(sources);
    src.published = { value: { date: r.pick(['2020-03-12', '2020-03-14', null]), precision: 'day' }, confidence: 'high', how: 'set by user' };
    return 'source published';
  }
  if (k < 0.8) {
    const src = r.pick(sources);
    if (r.rand() < 0.5) src.outlet = { value: `Renamed ${step}`, confidence: 'high', how: 'set by user' };
    else src.independenceGroup = r.pick(['group-0', 'group-9', null]);
    return 'source renamed';
  }
  if (k < 0.82) {
    // A source leaves the index (its claims' columns fall back to the id) or comes back.
    if (g.removed.length && r.rand() < 0.5) g.sources.splice(Math.floor(r.rand() * g.sources.length), 0, g.removed.pop()!);
    else if (sources.length > 8) g.removed.push(...g.sources.splice(Math.floor(r.rand() * g.sources.length), 1));
    return 'source removed or back';
  }
  if (k < 0.87 && event) {
    run({ type: 'event.update', payload: { id: event.id, set: { title: `Retitled ${step}` }, unset: [] } });
    return 'event.update';
  }
  if (k < 0.91) {
    const kh = s.actors.find((a) => a.id === 'a-kh')!;
    run({ type: 'actor.put', payload: { actor: { ...kh, aliases: kh.aliases.includes('KH') ? ['Kataib Hezbollah'] : ['Kataib Hezbollah', 'KH'] }, at: null } });
    return 'actor.put';
  }
  if (k < 0.95) {
    run({ type: 'claim.delete', payload: { id: claim.id } });
    return 'claim.delete';
  }
  const c = makeClaim(r, `new${step}`, r.pick(sources).id, event?.id ?? null, !!event?.aggregate);
  run({
    type: 'claim.create',
    payload: {
      annotation: {
        id: c.annotationId,
        sourceId: c.sourceId,
        targets: [{ start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }],
        kind: c.kind,
        created: T,
        modified: T,
      },
      claim: c,
      at: r.rand() < 0.5 ? { claim: 0, annotation: null } : null,
    },
  });
  return 'claim.create';
}

describe('the verdict cache', () => {
  it('gives exactly what computeAll and gradeAll give, after every kind of edit', () => {
    for (const seed of [7, 1234]) {
      const g = generate(seed);
      const cache = new VerdictCache();
      expect(cache.compute(g.state, g.sources)).toEqual(fresh(g.state, g.sources));
      const kinds = new Map<string, number>();
      for (let step = 0; step < 160; step++) {
        const what = randomEdit(g, step);
        kinds.set(what, (kinds.get(what) ?? 0) + 1);
        // Now and then a read of one event comes first (the Compare view of one event).
        if (step % 5 === 0 && g.state.events.length) {
          const id = g.r.pick(g.state.events).id;
          expect(cache.compute(g.state, g.sources, id), `${what} (step ${step}), event ${id}`).toEqual(fresh(g.state, g.sources, id));
        }
        if (step % 3 !== 2) expect(cache.compute(g.state, g.sources), `${what} (step ${step})`).toEqual(fresh(g.state, g.sources));
      }
      expect(cache.compute(g.state, g.sources, 'no-such-event')).toEqual({ matrices: [], grades: [] });
      // Every kind of edit was exercised.
      for (const k of [
        'claim.update',
        'claim moved',
        'event.delete',
        'event.create',
        'decision put',
        'grade override',
        'source published',
        'source renamed',
        'source removed or back',
        'event.update',
        'actor.put',
        'claim.delete',
        'claim.create',
      ]) {
        expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
      }
    }
  });

  it('matches on the seed case', () => {
    const seed = buildSeedCase();
    const cache = new VerdictCache();
    expect(cache.compute(seed.state, seed.sources)).toEqual({
      matrices: computeAll(seed.state, seed.sources, seed.state.decisions ?? []),
      grades: gradeAll(seed.state, seed.sources, seed.state.gradeOverrides ?? []),
    });
  });

  it('recomputes only the events an edit touched', () => {
    const g = generate(99, 120, 400);
    const n = g.state.events.length;
    const calls: string[] = [];
    const counting: ComputeEvent = (state, sources, decisions, overrides) => {
      calls.push(state.events[0].id);
      return computeEvent(state, sources, decisions, overrides);
    };
    const cache = new VerdictCache(counting);
    const run = (cmd: Command) => (g.state = apply(g.state, cmd).state);
    const again = () => {
      calls.length = 0;
      cache.compute(g.state, g.sources);
      return [...calls].sort();
    };
    const eventOf = (id: string) => g.state.claims.find((c) => c.id === id)!.eventId;
    const withClaims = (n: number) => g.state.events.filter((e) => g.state.claims.some((c) => c.eventId === e.id)).slice(0, n);

    expect(again()).toHaveLength(n);
    expect(again()).toEqual([]);
    expect(cache.stats).toEqual({ computed: 0, reused: n });

    // One claim edited: its event only.
    const c = g.state.claims.find((x) => x.kind === 'casualties' && x.eventId !== null)!;
    run({ type: 'claim.update', payload: { id: c.id, set: { figure: fig(42) }, unset: [] } });
    expect(again()).toEqual([c.eventId]);
    expect(cache.stats).toEqual({ computed: 1, reused: n - 1 });

    // A claim moved: the event it left and the one it joined.
    const [a, b] = withClaims(2);
    const moved = g.state.claims.find((x) => x.eventId === a.id)!;
    run({ type: 'claim.assign', payload: { assignments: [{ claimId: moved.id, eventId: b.id, modified: null }] } });
    expect(again()).toEqual([a.id, b.id].sort());

    // A claim without an event edited: nothing to recompute.
    const loose = g.state.claims.find((x) => x.eventId === null)!;
    run({ type: 'claim.update', payload: { id: loose.id, set: { note: 'loose' }, unset: [] } });
    expect(again()).toEqual([]);

    // A decision, a grade override, an event's title: that event.
    run({
      type: 'record.put',
      payload: { collection: 'decisions', key: `${a.id}|killed|all`, value: { eventId: a.id, rowKey: 'killed|all', status: 'confirmed', note: '', at: T } },
    });
    expect(again()).toEqual([a.id]);
    run({ type: 'record.put', payload: { collection: 'gradeOverrides', key: b.id, value: { eventId: b.id, grade: 'weak', note: 'why', by: null, at: T } } });
    expect(again()).toEqual([b.id]);
    run({ type: 'event.update', payload: { id: a.id, set: { title: 'New title' }, unset: [] } });
    expect(again()).toEqual([a.id]);
    // A reconciliation is not read by the matrix or the grade.
    run({ type: 'record.put', payload: { collection: 'reconciliations', key: `${a.id}|killed|all`, value: null } });
    expect(again()).toEqual([]);

    // A deleted event: its claims lose it, nothing else changes; it drops out of the result.
    run({ type: 'event.delete', payload: { id: b.id, modified: null } });
    expect(again()).toEqual([]);
    expect(cache.compute(g.state, g.sources).matrices.map((m) => m.eventId)).not.toContain(b.id);

    // A source's publication date is not read by verdicts; its outlet (the column's name) is.
    const src = g.sources[1];
    src.published = { value: { date: '2021-01-01', precision: 'day' }, confidence: 'high', how: 'set by user' };
    expect(again()).toEqual([]);
    src.outlet = { value: 'Another name', confidence: 'high', how: 'set by user' };
    const citing = g.state.events.filter((e) => g.state.claims.some((x) => x.eventId === e.id && x.sourceId === src.id)).map((e) => e.id);
    expect(citing.length).toBeGreaterThan(0);
    expect(again()).toEqual(citing.sort());

    // The actor book: only events with an attribution claim.
    const kh = g.state.actors[0];
    run({ type: 'actor.put', payload: { actor: { ...kh, aliases: [...kh.aliases, 'KH'] }, at: null } });
    const attributed = g.state.events.filter((e) => g.state.claims.some((x) => x.eventId === e.id && x.kind === 'attribution')).map((e) => e.id);
    expect(attributed.length).toBeLessThan(g.state.events.length);
    expect(again()).toEqual(attributed.sort());

    // One event asked for: only it is recomputed, the others wait for their turn.
    const [d, e] = withClaims(2);
    for (const id of [d.id, e.id]) {
      const x = g.state.claims.find((y) => y.eventId === id)!;
      run({ type: 'claim.update', payload: { id: x.id, set: { note: 'touched' }, unset: [] } });
    }
    calls.length = 0;
    cache.compute(g.state, g.sources, d.id);
    expect(calls).toEqual([d.id]);
    expect(again()).toEqual([e.id]);
  });

  it('passes SourceInfo records through as computeAll does, and does not follow a later change to one in place', () => {
    const g = generate(5, 10, 120);
    const infos: SourceInfo[] = g.sources.map((s) => ({ id: s.id, name: s.outlet.value ?? s.id, independenceGroup: s.independenceGroup }));
    const cache = new VerdictCache();
    cache.compute(g.state, infos);
    infos[0].name = 'Changed in place';
    expect(cache.compute(g.state, infos)).toEqual({ matrices: computeAll(g.state, infos, []), grades: gradeAll(g.state, infos, []) });
  });
});

describe("the 'conflicts.compute' operation", () => {
  it('answers what computeAll and gradeAll give over the case, after claim, event and source edits', async () => {
    const core = await createCore({ dataDir: await mkdtemp(join(tmpdir(), 'corroborate-verdicts-')), host: 'browser' });
    try {
      const c = (await core.call('cases.create', { name: 'Taji' })) as CaseSummary;
      const caseId = c.id;
      const file = seedFiles().find((f) => f.includes('004_'))!;
      const { source } = (await core.call('sources.import', { caseId, name: '004.txt', data: new Uint8Array(await readFile(file)) })) as ImportResult;
      const { text } = (await core.call('sources.get', { caseId, sourceId: source.id })) as { text: string };
      const at = new Date().toISOString();
      const exec = (command: Command) => core.call('claims.execute', { caseId, command });
      await exec({ type: 'event.create', payload: { event: { ...makeEvent(1), id: 'ev1' }, at: null, assign: [] } });
      await exec({ type: 'event.create', payload: { event: { ...makeEvent(2), id: 'ev2' }, at: null, assign: [] } });
      let k = 0;
      const tag = async (quote: string, kind: Claim['kind'], eventId: string) => {
        const start = text.indexOf(quote);
        expect(start, quote).toBeGreaterThanOrEqual(0);
        const annotationId = `a_v${++k}`;
        const claim = { ...blankClaim(kind, { id: `c_v${k}`, sourceId: source.id, annotationId, created: at, text: quote }), eventId };
        await exec({
          type: 'claim.create',
          payload: {
            annotation: { id: annotationId, sourceId: source.id, targets: [makeTarget(text, start, start + 5)], kind, created: at, modified: at },
            claim,
            at: null,
          },
        });
        return claim.id;
      };
      const words = text.split(/\s+/).filter((w) => w.length > 5);
      const first = await tag(words[0], 'casualties', 'ev1');
      await tag(words[1], 'attribution', 'ev1');
      await tag(words[2], 'casualties', 'ev2');

      const check = async () => {
        const view = (await core.call('claims.view', { caseId })) as ClaimsView;
        const { sources } = (await core.call('cases.open', { caseId })) as OpenCase;
        const got = await core.call('conflicts.compute', { caseId });
        expect(got).toEqual({ matrices: computeAll(view, sources, view.decisions), grades: gradeAll(view, sources, view.gradeOverrides) });
        expect(await core.call('conflicts.compute', { caseId, eventId: 'ev2' })).toEqual(fresh(view, sources, 'ev2'));
        return got as { matrices: Array<{ columns: Array<{ sources: Array<{ name: string }> }> }> };
      };
      await check();
      await exec({ type: 'claim.update', payload: { id: first, set: { figure: fig(7) }, unset: [] } });
      await check();
      // A source's outlet is patched in place in the index: the columns still follow it.
      await core.call('sources.update', { caseId, sourceId: source.id, patch: { outlet: 'Renamed Post' } });
      expect((await check()).matrices[0].columns[0].sources[0].name).toBe('Renamed Post');
      await exec({ type: 'event.delete', payload: { id: 'ev1', modified: null } });
      expect((await check()).matrices).toHaveLength(1);
      const e = await core.call('conflicts.compute', { caseId, eventId: 'ev1' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('NOT_FOUND');
    } finally {
      await core.close();
    }
  });
});
