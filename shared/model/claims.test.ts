import { describe, expect, it } from 'vitest';
import { Annotation, Claim, ClaimKind, Event, Figure, Stance, blankClaim, figureFrom, partsCheck, type Part, type Population } from './claims.ts';
import { validateClaims, validateEvents } from './claims-validate.ts';
import { FIGURE_RULES_VERSION } from '../figures/figures.ts';
import { seedsKey } from '../../tests/unit/corpus.ts';

const T = '2024-05-01T10:00:00.000Z';
const base = (id: string, text = '') => ({ id, sourceId: 's_abcdef', annotationId: `an-${id}`, created: T, text });

const fig = (raw: string, low: number | null, best: number | null, high: number | null, qualifier: Figure['qualifier'] = 'exact'): Figure => ({
  raw,
  low,
  best,
  high,
  qualifier,
  rules: FIGURE_RULES_VERSION,
});
const pop = (p: Partial<Population> = {}): Population => ({ nationality: null, affiliation: 'unknown', side: null, ...p });
const part = (f: Figure, subset = false, p: Partial<Population> = {}): Part => ({ population: pop(p), figure: f, subset });

function figureClaim(id: string, figure: Figure, parts: Part[] = []): Claim {
  const c = blankClaim('casualties', base(id));
  return { ...c, figure, parts } as Claim;
}

describe('the claim schemas', () => {
  it('gives a valid blank claim of every kind, pre-filled from the selected words', () => {
    for (const kind of ClaimKind.options) {
      const c = blankClaim(kind, base(`c-${kind}`, 'about a dozen people were wounded'));
      expect(Claim.safeParse(c).success, kind).toBe(true);
    }
    const c = blankClaim('casualties', base('c1', 'about a dozen people were wounded'));
    expect(c.kind === 'casualties' && c.figure).toMatchObject({ low: 10, best: 12, high: 14, qualifier: 'approx', rules: FIGURE_RULES_VERSION });
  });

  it('records the rule-set version that normalised a figure', () => {
    expect(figureFrom('at least 62').rules).toBe(FIGURE_RULES_VERSION);
    expect(figureFrom('the attack on the base')).toMatchObject({ qualifier: 'unspecified', best: null });
  });

  it('refuses a figure out of order, and accepts open bounds', () => {
    expect(Figure.safeParse(fig('x', 5, 3, 8)).success).toBe(false);
    expect(Figure.safeParse(fig('at least 62', 62, 62, null, 'at_least')).success).toBe(true);
    expect(Figure.safeParse(fig('up to 18', null, 18, 18, 'up_to')).success).toBe(true);
  });

  it('refuses a timing whose end is before its start, and an event that ends before it starts', () => {
    const t = { ...blankClaim('timing', base('t1', 'Wednesday')), start: '2020-03-12', end: '2020-03-11', precision: 'days' };
    expect(Claim.safeParse(t).success).toBe(false);
    const e = {
      id: 'e1',
      title: 'x',
      start: '2020-03-12',
      end: '2020-03-11',
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
    expect(Event.safeParse(e).success).toBe(false);
    expect(Event.safeParse({ ...e, end: '2020-03-12' }).success).toBe(true);
  });

  it('needs at least one passage in an annotation, and a consistent target', () => {
    const target = { start: 4, end: 9, exact: 'seven', prefix: 'the ', suffix: ' rockets' };
    const a = { id: 'an1', sourceId: 's_abcdef', targets: [target], kind: 'munitions', created: T, modified: T };
    expect(Annotation.safeParse(a).success).toBe(true);
    expect(Annotation.safeParse({ ...a, targets: [] }).success).toBe(false);
    expect(Annotation.safeParse({ ...a, targets: [{ ...target, end: 12 }] }).success).toBe(false);
  });
});

describe('validateClaims: a hand-edited case file', () => {
  it('keeps the valid claims and reports each invalid one in words', () => {
    const good = blankClaim('note', base('ok1'));
    const good2 = figureClaim('ok2', fig('14', 14, 14, 14));
    const raw: unknown[] = [
      good,
      { ...good2, id: 'bad1', figure: { ...fig('x', 5, 3, 8) } },
      'not a claim',
      { ...good, id: 'bad2', kind: 'rumour' },
      good2,
      { ...good, kind: undefined, id: 'bad3' },
      { ...good }, // same id again
      { ...good2, id: 'bad4', asOf: '13/03/2020' },
    ];
    const { claims, problems } = validateClaims(raw);
    expect(claims.map((c) => c.id)).toEqual(['ok1', 'ok2']);
    expect(problems.map((p) => p.index)).toEqual([1, 2, 3, 5, 6, 7]);
    expect(problems.map((p) => p.id)).toEqual(['bad1', undefined, 'bad2', 'bad3', 'ok1', 'bad4']);
    expect(problems[0].message).toMatch(/claim 2 \(bad1\) was left out: figure\.best: low, best and high must be in order/);
    expect(problems[4].message).toMatch(/same id/);
    expect(problems[5].message).toMatch(/asOf/);
    for (const p of problems) expect(p.message.length).toBeLessThan(600);
  });

  it('works the same way for events', () => {
    const { events, problems } = validateEvents([{ id: 'e1' }]);
    expect(events).toEqual([]);
    expect(problems[0].message).toMatch(/^event 1 \(e1\) was left out: title/);
  });
});

describe('partsCheck', () => {
  it('is quiet when the parts add up or cannot be checked', () => {
    expect(partsCheck(figureClaim('c', fig('3', 3, 3, 3), [part(fig('2', 2, 2, 2)), part(fig('a', 1, 1, 1))]))).toBeNull();
    expect(partsCheck(figureClaim('c', fig('3', 3, 3, 3)))).toBeNull();
    expect(partsCheck(figureClaim('c', fig('dozens', 24, 24, null, 'vague'), [part(fig('x', null, null, null, 'unspecified'))]))).toBeNull();
    expect(partsCheck(blankClaim('note', base('n')))).toBeNull();
  });

  it('does not add a subset to the parts ("14, including five seriously")', () => {
    expect(partsCheck(figureClaim('c', fig('14', 14, 14, 14), [part(fig('five', 5, 5, 5), true)]))).toBeNull();
  });

  it('says when a breakdown does not add up, or a subset exceeds its total', () => {
    expect(partsCheck(figureClaim('c', fig('3', 3, 3, 3), [part(fig('2', 2, 2, 2)), part(fig('2', 2, 2, 2))]))).toBe(
      'The parts add up to 4, but the total is 3.',
    );
    expect(partsCheck(figureClaim('c', fig('4', 4, 4, 4), [part(fig('5', 5, 5, 5), true)]))).toMatch(/larger than the total/);
  });
});

describe('the seed key fits the model', () => {
  it('every keyed claim can be stored, and its breakdown checks', () => {
    const key = seedsKey();
    let stored = 0;
    for (const k of key.claims) {
      const kind = k.kind as Claim['kind'];
      const c = blankClaim(kind, base(k.id, k.quote)) as Record<string, unknown>;
      const toPop = (p: Record<string, string> = {}) =>
        pop({
          nationality: p.nationality ?? null,
          affiliation: (p.affiliation as Population['affiliation']) ?? 'unknown',
          side: p.side ?? null,
          role: p.role ?? null,
        });
      if (kind === 'casualties' || kind === 'munitions' || kind === 'count') {
        const f = k.figure as Omit<Figure, 'raw' | 'rules'> | undefined;
        c.measure = (k.measure as string | undefined) ?? null;
        if (f) c.figure = { ...f, raw: k.quote, rules: FIGURE_RULES_VERSION };
        c.population = toPop(k.population as Record<string, string>);
        c.parts = ((k.parts as Array<Record<string, unknown>>) ?? []).map((p) => {
          const pp = p.population as Record<string, string>;
          return {
            population: toPop(pp),
            figure: { ...(p.figure as object), raw: '', rules: FIGURE_RULES_VERSION },
            subset: p.subset === true,
            measure: pp.severity === 'serious' ? 'wounded_serious' : null,
            place: pp.place ?? null,
          };
        });
      }
      if (kind === 'attribution') {
        c.perpetrator = { name: k.perpetrator, actorId: null };
        c.stance = k.stance;
        expect(Stance.safeParse(k.stance).success, `${k.id} stance ${k.stance}`).toBe(true);
      }
      if (k.speaker) c.speaker = k.speaker;
      if (k.asOf) c.asOf = k.asOf;
      const parsed = Claim.safeParse(c);
      expect(parsed.success, `${k.id}: ${parsed.error?.message}`).toBe(true);
      if (parsed.success) {
        stored++;
        expect(partsCheck(parsed.data), k.id).toBeNull();
      }
    }
    expect(stored).toBe(key.claims.length);
  });
});
