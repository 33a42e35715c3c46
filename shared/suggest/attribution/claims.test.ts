// Claims of responsibility, denials and unclaimed attacks (attribution/claims.ts) on invented
// sentences in the shapes wire reports use. No sentence here comes from a real article.
import { describe, expect, it } from 'vitest';
import { acceptSuggestion } from '../accept.ts';
import { Claim } from '../../model/claims.ts';
import { suggest } from '../suggest.ts';
import { attributions, one } from '../../../tests/support/attribution-drafts.ts';

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
    expect(list.map((a) => [a.perpetrator, a.stance])).toEqual([
      [null, 'claimed'],
      ['Valley Front militia', 'accused'],
    ]);
    expect(attributions('It was not claimed that the soldiers had died.')).toEqual([]);
  });
  it('becomes a valid attribution claim with no perpetrator when accepted', () => {
    const text = 'Rockets struck the base on Friday. No group has claimed responsibility for the attack.';
    const s = suggest(text, { published: '2024-01-05' }).find((x) => x.kind === 'attribution');
    expect(s).toBeDefined();
    const { claim } = acceptSuggestion(s!, {
      sourceId: 's_aaaaaa',
      text,
      ids: { annotationId: 'a1', claimId: 'c1' },
      now: '2024-01-05T10:00:00Z',
      actors: [],
      published: '2024-01-05',
    });
    expect(Claim.parse(claim)).toMatchObject({ kind: 'attribution', perpetrator: null, stance: 'claimed' });
  });
});

describe('tenses of a claim', () => {
  it('progressive, perfect progressive and "quick to claim" keep the claimant', () => {
    expect(one('The Eastern Front is claiming responsibility for a suicide bombing outside a police station.')).toMatchObject({
      perpetrator: 'Eastern Front',
      stance: 'claimed',
    });
    expect(one('The militia has been claiming responsibility for the drone strikes.')).toMatchObject({ perpetrator: 'militia', stance: 'claimed' });
    const a = one('The Valley Front was quick to claim responsibility for the blast.');
    expect(a).toMatchObject({ perpetrator: 'Valley Front', stance: 'claimed' });
    expect(a.quote).toBe('The Valley Front was quick to claim responsibility for the blast');
  });
  it('a refusal or a negation is no claim', () => {
    expect(attributions('The group declined to claim responsibility for the blast.')).toEqual([]);
    expect(attributions('The Valley Front is not claiming responsibility for the attack.')).toEqual([]);
  });
});

describe('claims and denials as a clause', () => {
  it('"X claimed it was behind", "said it carried out", "said it was responsible for": claimed by X', () => {
    const a = one('A Qaeda-linked group on Friday claimed it was behind a suicide bombing at the market.');
    expect(a).toMatchObject({ perpetrator: 'Qaeda-linked group', stance: 'claimed', speaker: 'Qaeda-linked group' });
    expect(a.quote).toBe('A Qaeda-linked group on Friday claimed it was behind a suicide bombing');
    expect(one('The group said it carried out the attack.')).toMatchObject({ perpetrator: 'group', stance: 'claimed' });
    expect(one('The Valley Front said it was responsible for the ambush.')).toMatchObject({ perpetrator: 'Valley Front', stance: 'claimed' });
    expect(one('The Valley Front said its fighters had launched the attack on the base.')).toMatchObject({ perpetrator: 'Valley Front', stance: 'claimed' });
    // a verb of attack with any object, and a time after the verb of saying
    expect(one('The Eastern Front on Monday claimed they had shot down the helicopter.')).toMatchObject({ perpetrator: 'Eastern Front', stance: 'claimed' });
    expect(one('The Houthis said on Sunday they had launched drones at the tanker.')).toMatchObject({ perpetrator: 'Houthis', stance: 'claimed' });
  });
  it('reads the claimant of a relative clause as its head', () => {
    expect(one('The group, which is claiming responsibility for the attacks, is based in the north.')).toMatchObject({
      perpetrator: 'group',
      stance: 'claimed',
    });
  });
  it('"said it was not responsible", "had no role in", "denied any involvement in": denied by X', () => {
    for (const [s, who] of [
      ['The Valley Front said it was not responsible for the attack.', 'Valley Front'],
      ['The militia said it had no role in the bombing.', 'militia'],
      ['The militia on Saturday said it had nothing to do with the bombing.', 'militia'],
      ['The Valley Front said it did not carry out the attack.', 'Valley Front'],
      ['The Northern Brigade denied any involvement in the strike.', 'Northern Brigade'],
      ['The ministry said Tuesday it had no role in the strike.', 'ministry'],
    ])
      expect(one(s), s).toMatchObject({ perpetrator: who, stance: 'denied' });
    expect(one('The Northern Brigade denied any involvement in the strike.').quote).toBe('The Northern Brigade denied any involvement in the strike');
  });
  it('a state reporting its own strike, or a denial about something else, is not an attribution', () => {
    expect(attributions('The army said it carried out airstrikes on militant positions.')).toEqual([]);
    expect(attributions('The ministry said it was not responsible for security at the checkpoint.')).toEqual([]);
  });
});
