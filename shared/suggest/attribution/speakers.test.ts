// The speaker a fact-checker records for an attribution (attribution/speakers.ts): the sayer, the
// believer, never a date or a bare medium. Invented sentences; none comes from a real article.
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../attribution.ts';
import { one } from '../../../tests/support/attribution-drafts.ts';

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

describe('the speaker is the subject, never a date or a bare medium', () => {
  it('"The Ruritanian government on Friday blamed X for …": the government speaks, X is accused', () => {
    const a = one('The Ruritanian government on Friday blamed rebel militants for a suicide bombing in the capital.');
    expect(a).toMatchObject({ perpetrator: 'rebel militants', stance: 'accused', speaker: 'Ruritanian government' });
    expect(speakerOf('The ministry late Thursday said two soldiers died.', null)).toBe('ministry');
  });
  it('"a spokesman for X said": the spokesman for X, not X alone', () => {
    expect(speakerOf('A spokesman for the Valley Front said the group had carried out the attack.', null)).toBe('spokesman for the Valley Front');
    expect(speakerOf('A senior official with the Valley Front told reporters the group had shelled the town.', null)).toBe(
      'senior official with the Valley Front',
    );
  });
  it('"told reporters the group had shelled": the actor starts at its own article', () => {
    expect(one('A senior official with the Valley Front told reporters the group had shelled the town.').perpetrator).toBe('group');
  });
  it('never names a weekday or a date as the speaker', () => {
    for (const s of [
      'Officials on Monday said the toll had risen.',
      'On Friday, said the report, the toll rose.',
      'The army early Sunday announced the raid.',
    ]) {
      expect(speakerOf(s, null) ?? '', s).not.toMatch(/^(?:on\s+)?(?:early\s+)?(?:Monday|Friday|Sunday)\b/);
    }
  });
  it('"according to U.S. officials": the dot of an abbreviation does not cut the speaker', () => {
    expect(speakerOf('Two guards died, according to a U.N. official and a local doctor, both in the town.', null)).toBe('U.N. official and a local doctor');
    expect(speakerOf('Rockets hit the base, according to U.S. officials.', null)).toBe('U.S. officials');
  });
  it('"according to a post on the group\'s Telegram account": the owner speaks, not "post"', () => {
    expect(speakerOf("The Valley Front claimed the attack, according to a post on the group's Telegram account.", null)).toBe("group's Telegram account");
    expect(speakerOf('Three people died, according to a statement published by the Ruritanian news agency on Thursday.', null)).toBe('Ruritanian news agency');
    // a medium with no owner, or only a platform, names nobody
    expect(speakerOf('Two soldiers died in the ambush, according to a statement on its website.', null)).toBeNull();
    expect(speakerOf('Two soldiers died in the ambush, according to a post on Telegram.', null)).toBeNull();
    // then the sentence's own sayer speaks
    expect(speakerOf('The Valley Front claimed the ambush, according to a post on Telegram.', null)).toBe('Valley Front');
    // a medium with a named owner in it stays as written
    expect(speakerOf('Two soldiers died, according to a coalition statement.', null)).toBe('coalition statement');
  });
});

describe('the believer as speaker', () => {
  it('reads the sayer before an aside ("an official, speaking on condition of anonymity, told…")', () => {
    expect(
      speakerOf(
        'However, a military official, speaking on condition of anonymity, told Radio Ruritania the U.S. believes the Valley Front militias are responsible.',
        null,
      ),
    ).toBe('military official');
  });
  it('starts a believer at an article inside the phrase ("told Radio Ruritania the U.S. believes")', () => {
    expect(speakerOf('Told Radio Ruritania the U.S. believes the Valley Front militias are responsible.', null)).toBe('U.S.');
  });
});
