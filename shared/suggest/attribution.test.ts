// Attribution rules on invented sentences in the shapes wire reports use (passive blame, belief
// with a complement clause, hedged "behind", unclaimed attacks, precedent frames), and the speaker
// a fact-checker records for them. No sentence here comes from a real article.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attributionDrafts, speakerOf } from './attribution.ts';
import { acceptSuggestion } from '../accept.ts';
import { Claim } from '../claims.ts';
import { suggest } from '../suggest.ts';
import { scoreSeeds } from '../../scripts/eval-suggest.ts';

/** The attribution drafts of one sentence, with their quotes and the sentence's speaker. */
function attributions(s: string) {
  const speaker = speakerOf(s, null);
  return attributionDrafts(s, speaker).map((d) => ({ quote: s.slice(d.start, d.end), perpetrator: d.perpetrator, stance: d.stance, rule: d.rule, speaker }));
}
const one = (s: string) => {
  const list = attributions(s);
  expect(list, s).toHaveLength(1);
  return list[0];
};

describe('passive blame', () => {
  it('"X was blamed by Y for an attack": X is accused, Y is the speaker', () => {
    const a = one('The Sons of the Valley militia was blamed by the U.S. for a rocket attack on Camp Falcon in late December.');
    expect(a).toMatchObject({ perpetrator: 'Sons of the Valley militia', stance: 'accused', speaker: 'U.S.' });
    expect(a.quote).toMatch(/was blamed by the U\.S\. for a rocket attack$/);
  });
  it('without a by-agent, and with "accused … of carrying out"', () => {
    expect(one('The Valley Front has been blamed for the drone strike on the airfield.')).toMatchObject({ perpetrator: 'Valley Front', stance: 'accused', speaker: null });
    expect(one('Iran-backed groups have been accused by Washington of carrying out the attack.')).toMatchObject({ perpetrator: 'Iran-backed groups', stance: 'accused', speaker: 'Washington' });
    expect(one('Kataib Hezbollah was blamed by Iraqi officials for the deaths of two contractors.')).toMatchObject({ perpetrator: 'Kataib Hezbollah', speaker: 'Iraqi officials' });
  });
  it('is not an attribution when the blame is not for an attack', () => {
    expect(attributions('The commander was accused of corruption by the ministry.')).toEqual([]);
    expect(attributions('The contractor was blamed for the delays at the port.')).toEqual([]);
  });
  it('never takes the by-agent for the perpetrator', () => {
    for (const a of attributions('The Valley Front was blamed by the U.S. for the ambush.')) expect(a.perpetrator).not.toMatch(/U\.S\./);
  });
});

describe('belief, hedges and findings', () => {
  it('"Y believed X were most likely behind the assault": X suspected, Y the speaker', () => {
    const a = one('The U.S. believed Iran-backed militia groups were most likely behind the assault.');
    expect(a).toMatchObject({ perpetrator: 'Iran-backed militia groups', stance: 'suspected', speaker: 'U.S.' });
    expect(a.quote).toBe('believed Iran-backed militia groups were most likely behind the assault');
  });
  it('keeps the first name of "X, known as Z," and works without an object', () => {
    expect(one('The U.S. believes the Sons of the Valley militias, known as the Valley Front, are responsible.')).toMatchObject({
      perpetrator: 'Sons of the Valley militias', stance: 'suspected', speaker: 'U.S.',
    });
  });
  it('reads the believer past auxiliaries and the complement past "that"', () => {
    expect(one('Washington has long suspected that Tehran was behind the drone strikes.')).toMatchObject({ perpetrator: 'Tehran', stance: 'suspected', speaker: 'Washington' });
    expect(one('Officials said they believe the Valley Front was behind the attack.')).toMatchObject({ perpetrator: 'Valley Front', stance: 'suspected', speaker: 'Officials' });
    expect(one('U.S. officials believe a splinter group may have been behind it.')).toMatchObject({ perpetrator: 'splinter group', stance: 'suspected' });
  });
  it('a hedge alone makes it a suspicion; a verb of saying still names the speaker', () => {
    expect(one('The Valley Front was likely behind the attack on the convoy.')).toMatchObject({ perpetrator: 'Valley Front', stance: 'suspected', speaker: null });
    expect(one('Kataib Hezbollah, an Iran-backed militia, was probably behind the strike, officials said.')).toMatchObject({ perpetrator: 'Kataib Hezbollah', stance: 'suspected', speaker: 'officials' });
    expect(one('Kataib Hezbollah is believed by U.S. officials to be behind the attack.')).toMatchObject({ perpetrator: 'Kataib Hezbollah', stance: 'suspected', speaker: 'U.S. officials' });
  });
  it('a finding ("concluded that") is an accusation', () => {
    expect(one('Investigators concluded that the Valley Front militia was responsible for the bombing.')).toMatchObject({ perpetrator: 'Valley Front militia', stance: 'accused', speaker: 'Investigators' });
  });
  it('does not read beliefs or duties as attributions', () => {
    expect(attributions('The Pentagon believes the strikes were successful.')).toEqual([]);
    expect(attributions('Iraqi forces are responsible for security at the base.')).toEqual([]);
    expect(attributions('Officials believe the death toll is likely to rise.')).toEqual([]);
    expect(attributions('A few U.S. troops stayed behind.')).toEqual([]);
  });
});

describe('passive acts and denials', () => {
  it('"the attack was claimed by X" is a claim; "was likely carried out by X" a suspicion', () => {
    expect(one('The attack was claimed by Kataib Hezbollah.')).toMatchObject({ perpetrator: 'Kataib Hezbollah', stance: 'claimed' });
    expect(one('The attack was likely carried out by Iran-backed militias, officials said.')).toMatchObject({ perpetrator: 'Iran-backed militias', stance: 'suspected', speaker: 'officials' });
  });
  it('"X denied it was behind the attack" denies, and "denied it" is not a name', () => {
    expect(one('The Valley Front militia denied it was behind the attack.')).toMatchObject({ perpetrator: 'Valley Front militia', stance: 'denied' });
  });
});

describe('auxiliaries, negation and relative clauses', () => {
  it('"X has (also) claimed …" keeps X as the claimant', () => {
    const a = one('Kataib Hezbollah has claimed responsibility for the attack.');
    expect(a).toMatchObject({ perpetrator: 'Kataib Hezbollah', stance: 'claimed' });
    expect(a.quote).toBe('Kataib Hezbollah has claimed responsibility for the attack');
    expect(one('The Islamic Resistance in Iraq has also claimed the attack.')).toMatchObject({ perpetrator: 'Islamic Resistance in Iraq', stance: 'claimed' });
  });
  it('a negated claim or act is not an attribution', () => {
    expect(attributions('The Valley Front militia did not claim responsibility for the attack.')).toEqual([]);
    expect(attributions('The militia has never carried out an attack on the embassy.')).toEqual([]);
  });
  it('"attacks Washington has blamed on X" accuses X, and the blamer speaks', () => {
    expect(one('It was the latest in a string of attacks Washington has blamed on Iran-backed militias.')).toMatchObject({
      perpetrator: 'Iran-backed militias', stance: 'accused', speaker: 'Washington',
    });
  });
  it('reads a quantified object ("most of the more than 150 attacks")', () => {
    expect(one('U.S. officials believe the Valley Front, an umbrella of hardline groups, is likely responsible for most of the more than 150 attacks on U.S. forces.')).toMatchObject({
      perpetrator: 'Valley Front', stance: 'suspected', speaker: 'U.S. officials',
    });
  });
});

describe('unclaimed attacks', () => {
  it('suggests an attribution with no perpetrator, stance claimed', () => {
    for (const s of [
      'No group has claimed responsibility for the attack.',
      'No one claimed responsibility.',
      'There was no immediate claim of responsibility for the blast.',
      'None of the factions has yet claimed responsibility for the strike.',
      'The ambush has not been claimed.',
    ]) {
      const a = one(s);
      expect(a, s).toMatchObject({ perpetrator: null, stance: 'claimed', rule: 'attribution/unclaimed' });
    }
  });
  it('never names "No group" as the group that claimed', () => {
    expect(attributions('No group claimed responsibility for the blast.').map((a) => a.perpetrator)).toEqual([null]);
  });
  it('keeps a named claim beside it, and ignores "it was not claimed that"', () => {
    const list = attributions('No group has claimed responsibility, but officials blamed the Valley Front militia for the attack.');
    expect(list.map((a) => [a.perpetrator, a.stance])).toEqual([[null, 'claimed'], ['Valley Front militia', 'accused']]);
    expect(attributions('It was not claimed that the soldiers had died.')).toEqual([]);
  });
  it('becomes a valid attribution claim with no perpetrator when accepted', () => {
    const text = 'Rockets struck the base on Friday. No group has claimed responsibility for the attack.';
    const s = suggest(text, { published: '2024-01-05' }).find((x) => x.kind === 'attribution');
    expect(s).toBeDefined();
    const { claim } = acceptSuggestion(s!, { sourceId: 's_aaaaaa', text, ids: { annotationId: 'a1', claimId: 'c1' }, now: '2024-01-05T10:00:00Z', actors: [], published: '2024-01-05' });
    expect(Claim.parse(claim)).toMatchObject({ kind: 'attribution', perpetrator: null, stance: 'claimed' });
  });
});

describe('names and speakers read from the right words', () => {
  it('"against what US officials said were …": the speaker is US officials', () => {
    const s = 'Jets carried out airstrikes against what US officials said were mainly weapons facilities belonging to Kataib Hezbollah.';
    expect(speakerOf(s, null)).toBe('US officials');
    expect(one(s)).toMatchObject({ perpetrator: 'Kataib Hezbollah', stance: 'accused' });
  });
  it('"it would not be the first time X targeted …" names X, as a suspicion at most', () => {
    const a = one('It would not be the first time Iranian-backed militias in Iraq targeted U.S. forces.');
    expect(a).toMatchObject({ perpetrator: 'Iranian-backed militias in Iraq', stance: 'suspected', rule: 'attribution/precedent' });
    expect(one('It is not the first time that rebels have shelled the town.').stance).toBe('suspected');
  });
  it('the blamer of an active blame is the speaker', () => {
    expect(one('The ministry blamed the Valley Front militia for the attack.')).toMatchObject({ perpetrator: 'Valley Front militia', speaker: 'ministry' });
    // a postmodifier is not a believer
    expect(speakerOf('A militia believed responsible for the raid was struck.', null)).toBeNull();
  });
});

describe('the seed articles', () => {
  const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
  it('keeps attribution at full recall and at least 9 correct of 11 suggested', () => {
    const k = scoreSeeds(corpus).byKind.attribution;
    expect(k.recall).toBe(1);
    expect(k.precision).toBeGreaterThanOrEqual(9 / 11);
  });
});
