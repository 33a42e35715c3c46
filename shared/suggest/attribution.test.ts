// Attribution rules on invented sentences in the shapes wire reports use (passive blame, belief
// with a complement clause, hedged "behind", unclaimed attacks, precedent frames), and the speaker
// a fact-checker records for them. No sentence here comes from a real article.
import { describe, expect, it } from 'vitest';
import { attributionDrafts } from './attribution.ts';
import { attributions, one } from '../../tests/support/attribution-drafts.ts';

describe('passive blame', () => {
  it('"X was blamed by Y for an attack": X is accused, Y is the speaker', () => {
    const a = one('The Sons of the Valley militia was blamed by the U.S. for a rocket attack on Camp Falcon in late December.');
    expect(a).toMatchObject({ perpetrator: 'Sons of the Valley militia', stance: 'accused', speaker: 'U.S.' });
    expect(a.quote).toMatch(/was blamed by the U\.S\. for a rocket attack$/);
  });
  it('without a by-agent, and with "accused … of carrying out"', () => {
    expect(one('The Valley Front has been blamed for the drone strike on the airfield.')).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'accused',
      speaker: null,
    });
    expect(one('Iran-backed groups have been accused by Washington of carrying out the attack.')).toMatchObject({
      perpetrator: 'Iran-backed groups',
      stance: 'accused',
      speaker: 'Washington',
    });
    expect(one('Kataib Hezbollah was blamed by Iraqi officials for the deaths of two contractors.')).toMatchObject({
      perpetrator: 'Kataib Hezbollah',
      speaker: 'Iraqi officials',
    });
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
      perpetrator: 'Sons of the Valley militias',
      stance: 'suspected',
      speaker: 'U.S.',
    });
  });
  it('reads the believer past auxiliaries and the complement past "that"', () => {
    expect(one('Washington has long suspected that Tehran was behind the drone strikes.')).toMatchObject({
      perpetrator: 'Tehran',
      stance: 'suspected',
      speaker: 'Washington',
    });
    expect(one('Officials said they believe the Valley Front was behind the attack.')).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'suspected',
      speaker: 'Officials',
    });
    expect(one('U.S. officials believe a splinter group may have been behind it.')).toMatchObject({ perpetrator: 'splinter group', stance: 'suspected' });
  });
  it('a hedge alone makes it a suspicion; a verb of saying still names the speaker', () => {
    expect(one('The Valley Front was likely behind the attack on the convoy.')).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'suspected',
      speaker: null,
    });
    expect(one('Kataib Hezbollah, an Iran-backed militia, was probably behind the strike, officials said.')).toMatchObject({
      perpetrator: 'Kataib Hezbollah',
      stance: 'suspected',
      speaker: 'officials',
    });
    expect(one('Kataib Hezbollah is believed by U.S. officials to be behind the attack.')).toMatchObject({
      perpetrator: 'Kataib Hezbollah',
      stance: 'suspected',
      speaker: 'U.S. officials',
    });
  });
  it('a finding ("concluded that") is an accusation', () => {
    expect(one('Investigators concluded that the Valley Front militia was responsible for the bombing.')).toMatchObject({
      perpetrator: 'Valley Front militia',
      stance: 'accused',
      speaker: 'Investigators',
    });
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
    expect(one('The attack was likely carried out by Iran-backed militias, officials said.')).toMatchObject({
      perpetrator: 'Iran-backed militias',
      stance: 'suspected',
      speaker: 'officials',
    });
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
      perpetrator: 'Iran-backed militias',
      stance: 'accused',
      speaker: 'Washington',
    });
  });
  it('reads a quantified object ("most of the more than 150 attacks")', () => {
    expect(
      one(
        'U.S. officials believe the Valley Front, an umbrella of hardline groups, is likely responsible for most of the more than 150 attacks on U.S. forces.',
      ),
    ).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'suspected',
      speaker: 'U.S. officials',
    });
  });
});

describe('a time or an adverb inside the claim', () => {
  it('"X claimed responsibility on Thursday for the bombing": the claim, its subject and its object', () => {
    const a = one('The Valley Front claimed responsibility on Thursday for the bombing that killed 40 people at a bus station.');
    expect(a).toMatchObject({ perpetrator: 'Valley Front', stance: 'claimed' });
    expect(a.quote).toBe('The Valley Front claimed responsibility on Thursday for the bombing');
    expect(one('The Northern Brigade claimed responsibility late Friday for the ambush on the convoy.')).toMatchObject({
      perpetrator: 'Northern Brigade',
      stance: 'claimed',
    });
    expect(one("The Northern Brigade claimed responsibility for Thursday's bombing of the market.")).toMatchObject({
      perpetrator: 'Northern Brigade',
      stance: 'claimed',
    });
  });
  it('reads the claimant past an adverb or a date before the verb', () => {
    expect(one('The Northern Brigade officially claimed responsibility for the attack.').quote).toBe(
      'The Northern Brigade officially claimed responsibility for the attack',
    );
    const a = one('The Valley Front on Tuesday claimed responsibility for the rocket attack on the airport.');
    expect(a).toMatchObject({ perpetrator: 'Valley Front', stance: 'claimed' });
    expect(a.quote).toMatch(/^The Valley Front on Tuesday claimed/);
  });
  it('a claim that ends its clause needs no object; "took responsibility" does', () => {
    expect(one('Al-Shabab claimed responsibility in a statement on its radio station.')).toMatchObject({ perpetrator: 'Al-Shabab', stance: 'claimed' });
    expect(attributions('Al-Shabab claimed responsibility, saying its fighters had killed 20 soldiers.').map((a) => [a.perpetrator, a.stance])).toEqual([
      ['Al-Shabab', 'claimed'],
    ]);
    expect(attributions('The government took responsibility for the failures.')).toEqual([]);
    expect(attributions('Officials said the group would take responsibility for rebuilding the school.')).toEqual([]);
  });
});

describe('hedged blame and resemblance', () => {
  it('"Y had initially appeared to blame X for the attack": X accused, Y the speaker', () => {
    const a = one('Some Ruritanian leaders had initially appeared to blame Borduria for the attack.');
    expect(a).toMatchObject({ perpetrator: 'Borduria', stance: 'accused', speaker: 'Some Ruritanian leaders' });
    expect(a.quote).toBe('blame Borduria for the attack');
    expect(one('The ministry placed the blame for the bombing squarely on the Valley Front.')).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'accused',
    });
  });
  it('a negated or refused blame is none', () => {
    expect(attributions('The minister did not blame the Valley Front for the attack.')).toEqual([]);
    expect(attributions('Officials stopped short of blaming the Valley Front for the bombing.')).toEqual([]);
    expect(attributions('The minister declined to blame the Valley Front for the attack.')).toEqual([]);
  });
  it('"the attack was most likely the work of X": suspected', () => {
    const a = one('Assessments indicated that the attack was most likely the work of the Islamic State.');
    expect(a).toMatchObject({ perpetrator: 'Islamic State', stance: 'suspected' });
    expect(a.quote).toBe('the attack was most likely the work of the Islamic State');
    expect(one('The bombing was the work of the Valley Front, officials said.')).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'suspected',
      speaker: 'officials',
    });
    expect(one('The shelling appeared to be the work of government forces, residents said.')).toMatchObject({
      perpetrator: 'government forces',
      stance: 'suspected',
    });
    // "it" points back to the attack of the sentence before
    expect(one('Officials said it was the work of the Valley Front.')).toMatchObject({
      perpetrator: 'Valley Front',
      stance: 'suspected',
      speaker: 'Officials',
    });
  });
  it('"bore the hallmarks of X": suspected, Arabic-article names included', () => {
    expect(one('The attack bore the hallmarks of the Valley Front.')).toMatchObject({ perpetrator: 'Valley Front', stance: 'suspected' });
    expect(one('The strike bore all the hallmarks of al-Shabab, police said.')).toMatchObject({
      perpetrator: 'al-Shabab',
      stance: 'suspected',
      speaker: 'police',
    });
  });
  it('is no attribution when the work is not an attack or the hallmark is not an actor', () => {
    expect(attributions('The report was the work of Human Rights Watch researchers who studied the law.')).toEqual([]);
    expect(attributions('The attack bore the hallmarks of a well-planned operation.')).toEqual([]);
    expect(attributions('The blast bore the hallmarks of a car bomb.')).toEqual([]);
  });
});

describe('a held-out set of invented sentences', () => {
  // Written for this test, not taken from the seed articles (their scores are printed by
  // scripts/eval-suggest.ts, never pinned here). A floor, not a pin: the suggester may miss some.
  const heldOut: [sentence: string, perpetrator: string][] = [
    ['The Northern Hills Brigade claimed responsibility for the mortar attack on the garrison, according to a statement.', 'Northern Hills Brigade'],
    ['Police blamed the Red River Movement for the bombing of the bus station.', 'Red River Movement'],
    ['The ministry accused the Coastal Liberation Army of shelling the fishing village.', 'Coastal Liberation Army'],
    ['Investigators suspected the Iron Ridge militia of planting the roadside bomb that killed three guards.', 'Iron Ridge militia'],
    ['The Eastern Shield group denied carrying out the drone strike on the refinery.', 'Eastern Shield group'],
    ['The ambush on the convoy was the work of the Lakeside Front, a provincial governor said.', 'Lakeside Front'],
    ['The rocket attack on the consulate was blamed on the Crescent Valley Brigades.', 'Crescent Valley Brigades'],
    ['Officials said the Highland Army was responsible for the attack on the power station.', 'Highland Army'],
    ['The Sunrise Battalion said it carried out the raid on the border post.', 'Sunrise Battalion'],
    ['Security sources believe the Delta Guard was behind the car bombing in the capital.', 'Delta Guard'],
  ];
  it('finds the perpetrator of at least 70% of them', () => {
    const found = heldOut.filter(([s, who]) => attributions(s).some((a) => a.perpetrator === who));
    expect(found.length / heldOut.length).toBeGreaterThanOrEqual(0.7);
  });
});

describe('spans', () => {
  it('keeps a number with thousands separators inside the span ("fired nearly 1,000 rockets")', () => {
    const [a] = attributionDrafts('Since May 8, militants have fired nearly 1,000 rockets into the city, the army said.', 'army');
    expect(a.perpetrator).toBe('militants');
    expect('Since May 8, militants have fired nearly 1,000 rockets into the city, the army said.'.slice(a.start, a.end)).toBe(
      'militants have fired nearly 1,000 rockets',
    );
  });
});

describe('events are not actors', () => {
  it('does not make "the Israel-Hamas war" or "the offensive" a perpetrator', () => {
    expect(attributionDrafts('The Ruritania-Valley Front war has killed more than 3,000 people, health officials said.', 'health officials')).toEqual([]);
    expect(attributionDrafts('The Valley Front offensive killed 40 soldiers.', null)).toEqual([]);
    expect(attributionDrafts('Valley Front fighters killed 40 soldiers.', null).map((d) => d.perpetrator)).toEqual(['Valley Front fighters']);
  });
});
