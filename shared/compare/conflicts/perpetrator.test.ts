// The perpetrator row's rules for branches of an actor and reports of no claim, on made-up claims
// (the aliases, descriptions and denials are in conflicts.test.ts).
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../conflicts.ts';
import { initialsOf, parentActor } from './perpetrator.ts';
import { EVENT, SOURCES, attribution, stateOf } from '../../../tests/support/claim-makers.ts';
import type { Actor, Claim } from '../../model/claims.ts';

const book: Actor[] = [
  { id: 'a-is', name: 'Islamic State', aliases: ['ISIS', 'IS'] },
  { id: 'a-hz', name: 'Hezbollah', aliases: [] },
];
const rowOf = (claims: Claim[]) => computeMatrix({ ...stateOf(claims), actors: book }, SOURCES, EVENT).rows.find((r) => r.key === 'perpetrator');
const [A, B, C] = SOURCES.map((s) => s.id);

describe('branches of an actor', () => {
  it('finds the actor a name extends, by a whole name or alias at its head', () => {
    expect(parentActor(book, 'ISIS-K')?.id).toBe('a-is');
    expect(parentActor(book, 'Islamic State in Khorasan (ISIS-K)')?.id).toBe('a-is');
    expect(parentActor(book, 'Islamic State Khyber Pakhtunkhwa')?.id).toBe('a-is');
    expect(parentActor(book, 'Islamic Jihad')).toBeNull();
    expect(parentActor(book, 'ISIS Brigade in Libya')?.id).toBe('a-is');
    expect(parentActor(book, 'Hezbollahi Front')).toBeNull(); // never part of a word
  });

  it('a branch claiming beside its parent is one claim at two levels, not competing claims', () => {
    const r = rowOf([attribution(A, 'ISIS', 'claimed'), attribution(B, 'ISIS-K', 'claimed'), attribution(C, 'Islamic State', 'suspected')]);
    expect(r?.verdict, r?.why).toBe('consistent');
    expect(r?.why).toMatch(/branches of one actor/);
  });

  it('a branch is still another actor than a different group, and two branches without their parent are two', () => {
    expect(rowOf([attribution(A, 'ISIS-K', 'claimed'), attribution(B, 'Tehreek-e-Taliban Pakistan', 'claimed')])?.verdict).toBe('conflict');
    expect(rowOf([attribution(A, 'IS-Sahel', 'claimed'), attribution(B, 'IS-Khorasan', 'claimed')])?.verdict).toBe('conflict');
    // a denial by the parent answers an accusation of its branch
    expect(rowOf([attribution(A, 'ISIS-K', 'accused'), attribution(B, 'Islamic State', 'denied')])?.verdict).toBe('conflict');
  });
});

describe('reports that no one has claimed it', () => {
  it('no claim reported before (or on the day of) a claim is an update', () => {
    const r = rowOf([
      attribution(A, null, 'claimed', { asOf: '2021-02-15' }),
      attribution(B, null, 'claimed', { asOf: '2021-02-16' }),
      attribution(C, 'Saraya Awliya al-Dam', 'claimed', { asOf: '2021-02-16' }),
    ]);
    expect(r?.verdict, r?.why).toBe('update');
    expect(r?.claims).toHaveLength(3);
    expect(r?.why).toMatch(/A later claim, not a contradiction/);
  });

  it('no claim reported after a claim is unclear; beside accusations only, it changes nothing', () => {
    const late = rowOf([attribution(C, 'Saraya Awliya al-Dam', 'claimed', { asOf: '2021-02-16' }), attribution(A, null, 'claimed', { asOf: '2021-02-20' })]);
    expect(late?.verdict).toBe('unclear');
    const accused = rowOf([attribution(A, null, 'claimed', { asOf: '2021-02-15' }), attribution(B, 'Kataib Hezbollah', 'accused', { asOf: '2021-02-16' })]);
    expect(accused?.verdict).toBe('single');
    // and a conflict stays a conflict
    const both = [attribution(A, null, 'claimed'), attribution(B, 'ISIS', 'claimed'), attribution(C, 'Hezbollah', 'claimed')];
    expect(rowOf(both)?.verdict).toBe('conflict');
  });
});

describe('acronyms', () => {
  it('reads initials past the joining words of a name', () => {
    expect(initialsOf('Jama’at Nusrat al-Islam wal-Muslimin')).toBe('jnim');
    expect(initialsOf('Tehreek-e-Taliban Pakistan')).toBe('ttp');
    expect(initialsOf('Hezbollah')).toBeNull();
  });

  it('an acronym is the actor of the row whose initials it is; another acronym is another actor', () => {
    const full = attribution(A, 'Jama’at Nusrat al-Islam wal-Muslimin', 'asserted');
    expect(rowOf([full, attribution(B, 'JNIM', 'claimed')])?.verdict).toBe('consistent');
    expect(rowOf([full, attribution(B, 'ISWAP', 'claimed')])?.verdict).toBe('conflict');
  });
});
