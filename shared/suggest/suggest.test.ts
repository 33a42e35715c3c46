import { describe, expect, it } from 'vitest';
import { Suggestion, suggest, type Suggestion as S } from './suggest.ts';
import { splitSentences } from './sentences.ts';

const run = (text: string, published: string | null = '2021-06-11') => suggest(text, { published });
const ofKind = (list: S[], kind: S['kind']) => list.filter((s) => s.kind === kind);
const fig = (s: S | undefined) => (s?.figure ? [s.figure.low, s.figure.best, s.figure.high] : null);

// A made-up wire report (not one the rules were written from) with the furniture real ones have: a
// headline, a dateline, curly quotes, an em dash and a character outside the BMP, which shifts UTF-16
// offsets, so a suggestion that quotes the wrong span shows up here.
const REPORT = [
  'Missile strike on station kills 14 in eastern town',
  'DOBROVKA, Ukraine — A Russian missile strike on the railway station of this eastern town killed 14 people on Tuesday, the regional governor said. Two children were among the dead.',
  '“The blast hit a waiting room full of families,” the governor wrote on Telegram 🚨. Ukraine’s air force said it shot down 11 of the 15 drones launched overnight.',
  'No group claimed responsibility for a separate bombing at a market in the city on Monday, which wounded nine shoppers.',
].join('\n\n');

describe('a whole report', () => {
  const list = run(REPORT, '2024-03-13');
  it('every suggestion validates and quotes its own span, inside its sentence, with its date expression where it says', () => {
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(Suggestion.safeParse(s).success).toBe(true);
      expect(REPORT.slice(s.start, s.end)).toBe(s.quote);
      expect(s.sentence.start <= s.start && s.end <= s.sentence.end).toBe(true);
      if (s.date) expect(REPORT.slice(s.date.at.start, s.date.at.end)).toBe(s.date.expression);
    }
  });
  it('finds each kind of fact with its figure, measure, perpetrator, speaker and day', () => {
    const casualties = ofKind(list, 'casualties').map((c) => [c.quote, c.measure, fig(c), c.date?.start ?? null]);
    expect(casualties).toContainEqual(['killed 14 people', 'killed', [14, 14, 14], '2024-03-12']);
    expect(casualties).toContainEqual(['wounded nine shoppers', 'wounded', [9, 9, 9], '2024-03-11']);
    const children = ofKind(list, 'casualties').find((c) => c.quote === 'Two children were among the dead');
    expect([children?.measure, fig(children), children?.parts.map((p) => p.subset)]).toEqual(['killed', [2, 2, 2], [true]]);
    expect(ofKind(list, 'munitions')[0]).toMatchObject({ measure: 'drones_intercepted', figure: { best: 11 }, speaker: 'Ukraine’s air force' });
    expect(ofKind(list, 'attribution')[0]).toMatchObject({ quote: 'Russian missile strike', perpetrator: 'Russia', speaker: 'regional governor' });
  });
  it('keeps the incident of Tuesday apart from the bombing of Monday, and the dead children with the strike', () => {
    const key = (quote: string) => list.find((s) => s.quote === quote)?.eventHint.key;
    expect(key('wounded nine shoppers')).not.toBe(key('killed 14 people'));
    expect(key('Two children were among the dead')).toBe(key('killed 14 people'));
  });
  it('makes nothing of a report with no incident in it', () => {
    expect(run('The ministers met in Geneva on Tuesday to discuss grain exports and agreed to meet again in the spring.')).toEqual([]);
  });
});

describe('sentences', () => {
  it('does not split at abbreviations, and does split at real ends', () => {
    const text = 'Lt. Col. Jane Roe of the U.S. Army said the U.N. convoy left on Dec. 4 at 6 a.m. local time. It arrived late. Gen. Smith agreed.';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual([
      'Lt. Col. Jane Roe of the U.S. Army said the U.N. convoy left on Dec. 4 at 6 a.m. local time.',
      'It arrived late.',
      'Gen. Smith agreed.',
    ]);
  });
  it('treats a line break as a sentence end and marks title lines', () => {
    const text = 'Militia Fires Rockets At Northern Outpost\n\nFour rockets hit the outpost.';
    const s = splitSentences(text);
    expect(s).toHaveLength(2);
    expect(s[0].headline).toBe(true);
    expect(s[1].headline).toBe(false);
  });
});

describe('attribution and speakers', () => {
  const one = (text: string) => ofKind(run(text), 'attribution');
  it('claimed responsibility → claimed, with the subject as perpetrator', () => {
    const [a] = one('A little-known faction calling itself the Guardians of the Valley, based in the hills, claimed responsibility for the bombing.');
    expect(a.quote).toBe('claimed responsibility for the bombing');
    expect(a).toMatchObject({ stance: 'claimed', perpetrator: 'little-known faction calling itself the Guardians of the Valley' });
  });
  it('blamed, attributed to, believed responsible, presumed, denied', () => {
    expect(one('Police blamed the ambush on Ansar Allah.')[0]).toMatchObject({ stance: 'accused', perpetrator: 'Ansar Allah' });
    expect(one('The shelling was attributed to government forces loyal to the governor.')[0]).toMatchObject({ stance: 'accused' });
    expect(one('Jets bombed a camp of a rebel brigade believed responsible for the raid.')[0]).toMatchObject({
      stance: 'suspected',
      perpetrator: 'rebel brigade',
    });
    expect(one('A presumed Taliban cell fired three mortars at the checkpoint.')[0]).toMatchObject({ stance: 'presumed', perpetrator: 'Taliban cell' });
    expect(one('The Free Tigers movement denied any involvement in the blast.')[0]).toMatchObject({ stance: 'denied', perpetrator: 'Free Tigers movement' });
  });
  it('an act reported by a named speaker is an accusation, with the speaker', () => {
    const [a] = one('Regional officials said a splinter militia had carried out the attack on the pipeline.');
    expect(a).toMatchObject({ stance: 'accused', perpetrator: 'splinter militia', speaker: 'Regional officials' });
  });
  it('does not suggest a state acting in its own name', () => {
    expect(one('The United States carried out the strikes on Sunday, according to a Pentagon statement.')).toEqual([]);
  });
  it('names the speaker, inverted or after "according to"', () => {
    const list = run('Five soldiers were killed, said a spokesman for the ministry. About 10 people were wounded, according to the local health office.');
    expect(list.map((s) => s.speaker)).toEqual(['spokesman for the ministry', 'local health office']);
  });
});

describe('speakers of contrasting clauses', () => {
  it('gives each side of "but" its own sayer', () => {
    const list = ofKind(run('Early reports said three guards were killed, but police said the toll had risen to seven.'), 'casualties');
    expect(list.map((c) => [fig(c)?.[1], c.speaker])).toEqual([
      [3, 'Early reports'],
      [7, 'police'],
    ]);
  });
});

describe('timing', () => {
  it('resolves a bare weekday with past-tense bias, and leaves it unresolved with no publication date', () => {
    const text = 'The convoy was ambushed on Thursday.';
    expect(ofKind(run(text, '2021-06-11'), 'timing')[0].date).toMatchObject({ expression: 'on Thursday', start: '2021-06-10' });
    const d = ofKind(run(text, null), 'timing')[0].date!;
    expect(d.start).toBeNull();
    expect(d.method).toMatch(/no publication date/);
  });
  it('does not suggest the start of a period, nor the date of a statement that reports no incident', () => {
    expect(ofKind(run('Attacks have continued since April, the minister said on Wednesday.'), 'timing')).toEqual([]);
    expect(ofKind(run('The general told reporters on Thursday that officials knew who fired the rockets.'), 'timing')).toEqual([]);
    expect(ofKind(run('The cleric said on Thursday that the outbreak could be part of a biological attack.'), 'timing')).toEqual([]);
    expect(ofKind(run('After rockets struck the port, the governor said on Thursday the city was calm.'), 'timing')).toEqual([]);
  });
  it('dates an undated incident by the statement that reports it, and says it is an upper bound', () => {
    for (const text of [
      'Jets struck a weapons depot near the border, the defence ministry said on Thursday night.',
      'The defence ministry said on Thursday that its jets had struck a weapons depot near the border.',
    ]) {
      const [t] = ofKind(run(text), 'timing');
      expect(t.quote).toMatch(/^on Thursday/);
      expect(t.rule).toMatch(/timing\/reported-on$/);
      expect(t.date).toMatchObject({ start: '2021-06-10' });
      expect(t.date!.method).toMatch(/on or before/);
    }
  });
  it("leaves a statement's date to the figure it reports: one highlight per fact", () => {
    expect(ofKind(run('Two soldiers were killed in the ambush, police said on Thursday.'), 'timing')).toEqual([]);
  });
  it("takes the lede's incident date as the story's, and does not suggest dates of background recaps", () => {
    const text = [
      'Rockets struck the airport on Tuesday, damaging a runway, officials said.',
      'The attack followed weeks of tension. On April 2, protesters stormed the embassy compound.',
      'On May 20, a car bomb killed four people at the central market.',
      'On Wednesday, jets struck a militia camp in the hills.',
    ].join('\n\n');
    const list = run(text, '2021-06-11');
    expect(ofKind(list, 'timing').map((t) => t.quote)).toEqual(['on Tuesday', 'On Wednesday']);
    // a recap's date still dates the facts of its sentence
    expect(ofKind(list, 'casualties')[0].date).toMatchObject({ expression: 'May 20', start: '2021-05-20' });
  });
  it("keeps an old incident's dates when the report opens on it (an investigation published months later)", () => {
    const text = 'A drone strike hit a wedding convoy in the valley on March 3.\n\nA second strike hit the same road on March 5, villagers said.';
    expect(ofKind(run(text, '2021-06-11'), 'timing').map((t) => t.date?.start)).toEqual(['2021-03-03', '2021-03-05']);
  });
  it('counts "two days later" from the date before it', () => {
    const list = ofKind(run('On May 2, a police post was attacked. Two days later, jets struck a camp in the hills.'), 'timing');
    expect(list.map((t) => t.date?.start)).toEqual(['2021-05-02', '2021-05-04']);
  });
  it('does not date a fact by the date of the other incident its sentence brings in', () => {
    const [m] = ofKind(run('Militants fired 12 rockets at the base, a day after talks collapsed on Monday.'), 'munitions');
    expect(m.date).toBeNull();
  });
  it('leaves "a day after <incident>" undated until the user links that incident', () => {
    const [c] = ofKind(run('Militants fired 12 rockets at the base two days after the talks collapsed.'), 'munitions');
    expect(c.date).toMatchObject({ expression: 'two days after', start: null, anchored: true });
    expect(c.date!.method).toMatch(/link that incident/);
  });
  it('gives a casualty its date instead of a separate timing suggestion', () => {
    const list = run('Three guards were killed at the gate on Saturday.');
    expect(ofKind(list, 'timing')).toEqual([]);
    expect(ofKind(list, 'casualties')[0].date?.start).toBe('2021-06-05');
  });
});

describe('event hints and offsets', () => {
  it('groups the claims of one incident and keeps other incidents apart', () => {
    const text =
      'Militants fired 12 rockets at Camp Falcon on Tuesday. Four soldiers were wounded.\n\nOn March 3, a drone attack on Port Ridley killed two dock workers.';
    const list = run(text);
    const keys = list.map((s) => s.eventHint.key);
    expect(new Set(keys.slice(0, -1)).size).toBe(1);
    expect(keys[keys.length - 1]).not.toBe(keys[0]);
    for (const s of list) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });
});
