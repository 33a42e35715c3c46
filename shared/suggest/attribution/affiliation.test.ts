import { describe, expect, it } from 'vitest';
import { attributionDrafts } from '../attribution.ts';

const perpetrators = (s: string) => attributionDrafts(s, null).map((d) => d.perpetrator);

// What a group is affiliated with describes the group; it says nothing of who carried out an attack.
describe('a group’s affiliation is no attribution', () => {
  it('reads "militants linked to X" and "the X group, affiliated with Y" as descriptions', () => {
    expect(perpetrators('Niger is battling militants linked to al Qaeda and Islamic State that have killed thousands.')).toEqual([]);
    expect(perpetrators('Troops repelled an attack by the ISGS group, affiliated with the Islamic State organisation.')).not.toContain(
      'Islamic State organisation',
    );
  });

  it('still reads an attack linked to a group, and sites controlled by one', () => {
    expect(perpetrators('The attack was linked to Kataib Hezbollah, officials said.')).toContain('Kataib Hezbollah');
    expect(perpetrators('Jets struck three depots controlled by the Houthis.')).toContain('Houthis');
  });
});
