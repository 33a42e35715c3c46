import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model/claims.ts';
import { suggest } from '../../shared/suggest/suggest.ts';
import { actorBook, findActorIn, guessMeasure, guessPopulation, guessStance, prefillClaim } from './prefill.ts';

const ctx = (over: Partial<Parameters<typeof prefillClaim>[2]> = {}) => ({
  id: 'c-1',
  annotationId: 'a-1',
  sourceId: 's_abcdef',
  created: '2024-01-01T00:00:00.000Z',
  published: null,
  actors: [],
  starterActors: [],
  ...over,
});

describe('guessMeasure', () => {
  it('reads the measure from casualty and weapon words', () => {
    expect(guessMeasure('four guards died in the blast', 'casualties')).toBe('killed');
    expect(guessMeasure('nine people were hurt', 'casualties')).toBe('wounded');
    expect(guessMeasure('two seriously injured', 'casualties')).toBe('wounded_serious');
    expect(guessMeasure('injuring 20, including three seriously', 'casualties')).toBe('wounded');
    expect(guessMeasure('forty rockets were launched', 'munitions')).toBe('rockets_fired');
    expect(guessMeasure('six rockets landed inside the base', 'munitions')).toBe('rockets_impacted');
    expect(guessMeasure('a barrage of missiles', 'munitions')).toBe('missiles');
    expect(guessMeasure('aircraft struck seven sites', 'casualties')).toBe('targets_struck');
  });
});

describe('guessPopulation', () => {
  it('reads nationality and affiliation, abbreviations in capitals only', () => {
    expect(guessPopulation('two U.S. service members')).toEqual({ nationality: 'US', affiliation: 'military', side: null });
    expect(guessPopulation('a Briton')).toMatchObject({ nationality: 'GB' });
    expect(guessPopulation('an Iraqi contractor')).toMatchObject({ nationality: 'IQ', affiliation: 'contractor' });
    expect(guessPopulation('the militants told us')).toEqual({ nationality: null, affiliation: 'militant', side: null });
    expect(guessPopulation('Iranian-backed fighters')).toMatchObject({ nationality: null });
    expect(guessPopulation('coalition troops')).toMatchObject({ affiliation: 'military', side: 'coalition' });
  });
});

describe('prefillClaim', () => {
  it('fills a casualty claim: figure, measure, parts with their populations', () => {
    const c = prefillClaim('casualties', 'killed one Dutch and two U.S. soldiers', ctx());
    if (c.kind !== 'casualties') throw new Error('kind');
    expect(c.measure).toBe('killed');
    expect(c.figure).toMatchObject({ low: 3, best: 3, high: 3, qualifier: 'exact' });
    expect(c.parts.map((p) => [p.figure.best, p.population.nationality, p.population.affiliation])).toEqual([
      [1, null, 'military'],
      [2, 'US', 'military'],
    ]);
    expect(c.population.affiliation).toBe('military');
  });

  it('reads a breakdown by place into parts with their places', () => {
    const c = prefillClaim('munitions', 'there have been 40 militia attacks on the bases, with 15 in Ruritania and 25 in Valdonia', ctx());
    if (c.kind !== 'munitions') throw new Error('kind');
    expect(c.parts.map((p) => [p.figure.best, p.place ?? null])).toEqual([
      [15, 'Ruritania'],
      [25, 'Valdonia'],
    ]);
  });
  it('keeps a subset as a subset and narrows its measure', () => {
    const c = prefillClaim('casualties', 'injuring 20 people, including three seriously', ctx());
    if (c.kind !== 'casualties') throw new Error('kind');
    expect(c.measure).toBe('wounded');
    expect(c.figure.best).toBe(20);
    expect(c.parts).toHaveLength(1);
    expect(c.parts[0]).toMatchObject({ subset: true, measure: 'wounded_serious', figure: { best: 3 } });
  });

  it('resolves a weekday against the publication date, past tense; says so when there is none', () => {
    const t = prefillClaim('timing', 'the base was hit on Tuesday night', ctx({ published: '2021-06-04' }));
    if (t.kind !== 'timing') throw new Error('kind');
    expect(t.expression).toMatch(/Tuesday/);
    expect([t.start, t.end]).toEqual(['2021-06-01', '2021-06-01']);
    const u = prefillClaim('timing', 'on Tuesday', ctx());
    if (u.kind !== 'timing') throw new Error('kind');
    expect(u.start).toBeNull();
    expect(u.method).toMatch(/no reference date/);
  });

  it('matches a perpetrator against the actor book in any spelling', () => {
    const book: Actor[] = [{ id: 'x1', name: 'Jaysh al-Mahdi', aliases: ['Mahdi Army'] }];
    const c = prefillClaim('attribution', 'officials blamed Jaish al Mahdi for the attack', ctx({ actors: book }));
    if (c.kind !== 'attribution') throw new Error('kind');
    expect(c.perpetrator).toEqual({ name: 'Jaish al Mahdi', actorId: 'x1' });
    expect(c.stance).toBe('accused');
  });
});

describe('findActorIn and guessStance', () => {
  it('prefers the longest name', () => {
    const book: Actor[] = [
      { id: 'a', name: 'Brigade', aliases: [] },
      { id: 'b', name: 'Northern Brigade', aliases: [] },
    ];
    expect(findActorIn(book, 'the Northern Brigade said')?.actor.id).toBe('b');
    expect(findActorIn(book, 'nobody at all')).toBeNull();
  });
  it('reads the stance from the verb', () => {
    expect(guessStance('the group claimed responsibility')).toBe('claimed');
    expect(guessStance('a militia believed responsible')).toBe('suspected');
    expect(guessStance('the group denied any role')).toBe('denied');
  });
});

describe('actorBook', () => {
  it('puts the case’s actors first and leaves out starters whose names the case uses', () => {
    const mine: Actor[] = [{ id: 'm1', name: 'Hizballah Brigades', aliases: [] }];
    const starters: Actor[] = [
      { id: 's1', name: 'Hezbollah Brigades', aliases: [] },
      { id: 's2', name: 'Other Group', aliases: [] },
    ];
    expect(actorBook(mine, starters).map((a) => a.id)).toEqual(['m1', 's2']);
  });
});

// The suggestions come from the core (as the pane has them); here they are made with the same suggester.
describe('prefillClaim from the source’s suggestions', () => {
  const text = 'A rocket attack on the base killed two U.S. soldiers on Tuesday, the Pentagon said.\nKataib Hezbollah claimed responsibility for the attack.';
  const published = '2021-06-04';
  const list = suggest(text, { published });
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const within = (targets: Array<{ start: number; end: number }>, suggestions = list) => ({ text, targets, suggestions });

  it('takes the covering suggestion: its speaker and date come along though they are outside the selection', () => {
    const c = prefillClaim('casualties', 'two U.S. soldiers', ctx({ published, within: within([at('two U.S. soldiers')]) }));
    expect(c).toMatchObject({ kind: 'casualties', measure: 'killed', speaker: 'Pentagon', origin: { type: 'manual' } });
    expect(c.kind === 'casualties' && c.figure.best).toBe(2);
  });

  it('a timing key on the date of a figure suggestion takes its resolved date', () => {
    const c = prefillClaim('timing', 'Tuesday', ctx({ published, within: within([at('Tuesday')]) }));
    expect(c).toMatchObject({ kind: 'timing', expression: 'on Tuesday', start: '2021-06-01', end: '2021-06-01', speaker: 'Pentagon' });
  });

  it('of several passages, the suggestion covering most of them wins', () => {
    const targets = [at('killed'), at('Kataib Hezbollah claimed responsibility')];
    expect(prefillClaim('attribution', 'killed Kataib Hezbollah claimed responsibility', ctx({ published, within: within(targets) }))).toMatchObject({
      kind: 'attribution',
      stance: 'claimed',
    });
  });

  it('a passage whose suggestion is not in the list (accepted or rejected) gets the word guesses', () => {
    const open = list.filter((s) => s.kind !== 'casualties');
    const c = prefillClaim('casualties', 'two U.S. soldiers', ctx({ published, within: within([at('two U.S. soldiers')], open) }));
    expect(c).toMatchObject({ kind: 'casualties', speaker: null, origin: { type: 'manual' } });
    expect(c.kind === 'casualties' && c.figure.best).toBe(2);
  });

  it('a later mention of an attribution, folded into the first, pre-fills as the first does', () => {
    const repeated = 'Israeli airstrikes killed 12 people in Rafah on Tuesday. The Israeli airstrikes also hit two homes in Rafah on Tuesday.';
    const suggestions = suggest(repeated, { published: '2024-05-09' });
    const second = repeated.lastIndexOf('Israeli airstrikes');
    expect(suggestions.filter((s) => s.kind === 'attribution')).toHaveLength(1); // one suggestion, the second passage its mention
    const targets = [{ start: second, end: second + 'Israeli airstrikes'.length }];
    const c = prefillClaim('attribution', 'Israeli airstrikes', ctx({ published: '2024-05-09', within: { text: repeated, targets, suggestions } }));
    expect(c).toMatchObject({ kind: 'attribution', stance: 'asserted', origin: { type: 'manual' } });
    expect(c.kind === 'attribution' && c.perpetrator).toBeTruthy();
  });
});
