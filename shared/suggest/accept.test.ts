import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptSuggestion, actorNamed, targetsOf } from './accept.ts';
import { STARTER_ACTORS } from '../model/actors.ts';
import { anchor } from '../text/anchor.ts';
import { canonicalize } from '../text/canonical.ts';
import { Annotation, Claim } from '../model/claims.ts';
import { apply, CreateClaim, emptyState } from '../model/commands.ts';
import { suggest, type Suggestion } from './suggest.ts';
import { corpusDir } from '../../tests/unit/corpus.ts';

const corpus = corpusDir;
const key = JSON.parse(readFileSync(path.join(corpus, 'seeds-key.json'), 'utf8')) as {
  documents: Record<string, { published: string | null; likelyPublished?: string }>;
};
const seeds = readdirSync(path.join(corpus, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const text = canonicalize(readFileSync(path.join(corpus, 'seeds', file), 'utf8'));
    const doc = key.documents[file];
    const published = doc?.published ?? doc?.likelyPublished ?? null;
    return { file, text, published, suggestions: suggest(text, { published }) };
  });

const NOW = '2024-05-01T10:00:00.000Z';
let n = 0;
const ctxFor = (seed: (typeof seeds)[number], extra: Partial<Parameters<typeof acceptSuggestion>[1]> = {}) => ({
  sourceId: 's_abcdef12',
  text: seed.text,
  ids: { annotationId: `a-${++n}`, claimId: `c-${n}` },
  now: NOW,
  actors: STARTER_ACTORS,
  published: seed.published,
  ...extra,
});
const all = seeds.flatMap((seed) => seed.suggestions.map((s) => ({ seed, s })));
const find = (pred: (s: Suggestion) => boolean) => {
  const hit = all.find(({ s }) => pred(s));
  if (!hit) throw new Error('no such suggestion in the seeds');
  return hit;
};

describe('acceptSuggestion on every suggestion of the five seeds', () => {
  it('has seeds with suggestions of every kind', () => {
    expect(seeds).toHaveLength(5);
    for (const kind of ['casualties', 'munitions', 'count', 'attribution', 'timing'] as const) expect(all.some(({ s }) => s.kind === kind)).toBe(true);
  });

  it('makes an annotation and a claim that pass the schemas and the create command', () => {
    let state = emptyState();
    for (const { seed, s } of all) {
      const { annotation, claim } = acceptSuggestion(s, ctxFor(seed));
      const a = Annotation.safeParse(annotation);
      const c = Claim.safeParse(claim);
      expect(a.success, `${seed.file} ${s.quote}: ${a.error?.message}`).toBe(true);
      expect(c.success, `${seed.file} ${s.quote}: ${c.error?.message}`).toBe(true);
      const cmd = CreateClaim.parse({ type: 'claim.create', payload: { annotation, claim, at: null } });
      state = apply(state, cmd).state;
    }
    expect(state.claims).toHaveLength(all.length);
  });

  it('anchors the annotation on exactly the suggested words, with context to re-anchor', () => {
    for (const { seed, s } of all) {
      const { annotation } = acceptSuggestion(s, ctxFor(seed));
      expect(annotation.kind).toBe(s.kind);
      expect(annotation.targets.map((t) => t.exact).join('')).toBe(s.quote.trim());
      const t = annotation.targets[0];
      expect(anchor(seed.text, t).status).toBe('exact-position');
    }
  });

  it('records the origin: a suggestion, and the rule that made it', () => {
    for (const { seed, s } of all) {
      const { claim } = acceptSuggestion(s, ctxFor(seed));
      expect(claim.origin).toEqual({ type: 'suggestion', rule: s.rule });
      expect(claim.created).toBe(NOW);
      expect(claim.speaker).toBe(s.speaker);
    }
  });
});

describe('fields by kind', () => {
  it('a casualty figure keeps its measure, figure, parts and subset', () => {
    const { seed, s } = find((x) => x.kind === 'casualties' && !!x.figure && x.parts.some((p) => p.subset));
    const { claim } = acceptSuggestion(s, ctxFor(seed));
    if (claim.kind !== 'casualties') throw new Error('kind');
    expect(claim.measure).toBe(s.measure);
    expect(claim.figure).toEqual(s.figure);
    expect(claim.parts).toEqual(s.parts);
    expect(claim.parts.some((p) => p.subset)).toBe(true);
  });

  it('an attribution matches its perpetrator to an actor by alias, and keeps who said it and how', () => {
    const { seed, s } = find((x) => x.kind === 'attribution' && !!x.perpetrator && /kata?e?i?b/i.test(x.perpetrator));
    const { claim } = acceptSuggestion(s, ctxFor(seed));
    if (claim.kind !== 'attribution') throw new Error('kind');
    expect(claim.perpetrator?.name).toBe(s.perpetrator?.trim());
    expect(claim.perpetrator?.actorId).not.toBeNull();
    expect(claim.stance).toBe(s.stance);
    expect(claim.attributedBy).toBe(s.speaker);
    // Without the actor in the book the name stays, unmatched.
    const bare = acceptSuggestion(s, ctxFor(seed, { actors: [] })).claim;
    expect(bare.kind === 'attribution' && bare.perpetrator).toEqual({ name: s.perpetrator?.trim(), actorId: null });
  });

  it('a timing claim resolves against the publication date as its reference', () => {
    const { seed, s } = find((x) => x.kind === 'timing' && !!x.date?.start);
    const { claim } = acceptSuggestion(s, ctxFor(seed));
    if (claim.kind !== 'timing') throw new Error('kind');
    expect(claim.expression).toBe(s.date?.expression);
    expect(claim.reference).toBe(seed.published);
    expect([claim.start, claim.end, claim.precision]).toEqual([s.date?.start, s.date?.end, s.date?.precision]);
  });

  it('a source without a publication date gives an unresolved timing claim, still valid', () => {
    const seed = seeds[0];
    const list = suggest(seed.text, { published: null }).filter((x) => x.kind === 'timing');
    for (const s of list) {
      const { claim } = acceptSuggestion(s, ctxFor(seed, { published: null }));
      expect(Claim.safeParse(claim).success).toBe(true);
      if (claim.kind === 'timing') expect(claim.reference).toBeNull();
    }
  });

  it('assigns the event it is given', () => {
    const { seed, s } = all[0];
    expect(acceptSuggestion(s, ctxFor(seed, { eventId: 'e-1' })).claim.eventId).toBe('e-1');
    expect(acceptSuggestion(s, ctxFor(seed)).claim.eventId).toBeNull();
  });
});

describe('targetsOf', () => {
  it('splits a span across a PDF page break into one target per page', () => {
    const text = 'Twelve rockets\n\nlanded on the base.';
    const pages = [
      { page: 1, start: 0, end: 16 },
      { page: 2, start: 16, end: text.length },
    ];
    const ts = targetsOf(text, 0, text.length - 1, pages);
    expect(ts.map((t) => [t.exact, t.page])).toEqual([
      ['Twelve rockets', 1],
      ['landed on the base', 2],
    ]);
  });
  it('refuses a span of whitespace only', () => {
    expect(() => targetsOf('a   b', 1, 4)).toThrow(RangeError);
  });
});

describe('actorNamed', () => {
  const book = [{ id: 'actor-kh', name: "Kata'ib Hezbollah", aliases: ['Kataib Hezbollah', 'Kitaeb Hezbollah'] }];
  it('finds the actor by the whole name, or by the words of the name that are one', () => {
    expect(actorNamed(book, 'Kitaeb Hezbollah')?.id).toBe('actor-kh');
    expect(actorNamed(book, 'the militia Kitaeb Hezbollah')?.id).toBe('actor-kh');
  });
  it('matches no actor for a name that holds none', () => {
    expect(actorNamed(book, 'Iranian-backed militia groups')).toBeNull();
    expect(actorNamed(book, 'Hezbollah')).toBeNull();
  });
});
