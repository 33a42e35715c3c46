import { describe, expect, it } from 'vitest';
import {
  ActorBookError,
  STARTER_ACTORS,
  addActor,
  addAlias,
  findActor,
  mergeActors,
  normaliseActorName,
  replaceActorId,
  sameActor,
  type ActorBook,
} from './actors.ts';
import { Actor } from './claims.ts';
import { seedsKey } from '../../tests/unit/corpus.ts';

describe('normaliseActorName', () => {
  it('folds the spellings of one transliterated name to one key', () => {
    const spellings = [
      'Kataib Hezbollah',
      'Kitaeb Hezbollah',
      "Kata'ib Hezbollah",
      'Kata’ib Hezbollah',
      'Kataʼib Hizballah',
      'KATAIB HEZBOLLAH',
      'Kataib Hizbullah',
      'Katāʾib Ḥizballāh',
    ];
    expect(new Set(spellings.map(normaliseActorName)).size).toBe(1);
  });

  it('is general: other groups and names fold the same way', () => {
    expect(normaliseActorName("Asa'ib Ahl al-Haq")).toBe(normaliseActorName('Asaib Ahl al Haqq'));
    expect(normaliseActorName('Usama bin Laden')).toBe(normaliseActorName('Osama bin Ladin'));
    expect(normaliseActorName('Muqtada al-Sadr')).toBe(normaliseActorName('Moqtada Sadr'));
    expect(normaliseActorName('the Islamic State')).toBe(normaliseActorName('Islamic State'));
    expect(normaliseActorName('U.S.')).toBe(normaliseActorName('US'));
  });

  it('keeps different actors apart', () => {
    const distinct = [
      'Kataib Hezbollah',
      'Hezbollah',
      "Kata'ib Sayyid al-Shuhada",
      "Asa'ib Ahl al-Haq",
      'Hamas',
      'Iraq',
      'Iran',
      'US',
      'IS',
      'ISIS',
      'Islamic State',
      'Islamic Jihad',
    ];
    expect(new Set(distinct.map(normaliseActorName)).size).toBe(distinct.length);
  });
});

describe('the actor book', () => {
  const kh: Actor = { id: 'a-kh', name: "Kata'ib Hezbollah", aliases: ['KH'] };
  const aah: Actor = { id: 'a-aah', name: "Asa'ib Ahl al-Haq", aliases: [] };
  const book: ActorBook = [kh, aah];

  it('finds an actor by any alias, in any spelling', () => {
    expect(findActor(book, 'Kitaeb Hezbollah')?.id).toBe('a-kh');
    expect(findActor(book, 'KH')?.id).toBe('a-kh');
    expect(findActor(book, 'Hamas')).toBeNull();
    expect(findActor(book, '')).toBeNull();
  });

  it('says two names are one actor when they are spellings of each other or listed together', () => {
    expect(sameActor('Kataib Hezbollah', 'Kitaeb Hezbollah')).toBe(true);
    expect(sameActor('Kataib Hezbollah', 'Hezbollah Brigades')).toBe(false);
    const withAlias = addAlias(book, 'a-kh', 'Hezbollah Brigades');
    expect(sameActor('Kitaeb Hezbollah', 'Hezbollah Brigades', withAlias)).toBe(true);
    expect(sameActor('KH', "Asa'ib Ahl al-Haq", withAlias)).toBe(false);
  });

  it('adds an alias once, and refuses one that names another actor', () => {
    const b1 = addAlias(book, 'a-kh', 'Hezbollah Brigades');
    expect(b1.find((a) => a.id === 'a-kh')?.aliases).toEqual(['KH', 'Hezbollah Brigades']);
    expect(addAlias(b1, 'a-kh', 'hezbollah brigades')).toBe(b1);
    expect(() => addAlias(book, 'a-kh', 'Asaib Ahl al Haqq')).toThrow(ActorBookError);
    expect(book[0].aliases).toEqual(['KH']); // the input is not changed
  });

  it('refuses to add a second actor under a name the book already has', () => {
    expect(() => addActor(book, { id: 'a-x', name: 'Kitaeb Hezbollah', aliases: [] })).toThrow(/already names/);
    expect(addActor(book, { id: 'a-h', name: 'Hamas', aliases: ['Hamas'] }).at(-1)).toEqual({ id: 'a-h', name: 'Hamas', aliases: [] });
  });

  it('merges two actors: the kept one gains every name of the other', () => {
    const dup: Actor = { id: 'a-kh2', name: 'Hezbollah Brigades', aliases: ['Kata’ib Hizballah'] };
    const merged = mergeActors([...book, dup], 'a-kh', 'a-kh2');
    expect(merged.map((a) => a.id)).toEqual(['a-kh', 'a-aah']);
    expect(findActor(merged, 'Hezbollah Brigades')?.id).toBe('a-kh');
    expect(replaceActorId(['a-kh2', 'a-kh', 'a-aah'], 'a-kh2', 'a-kh')).toEqual(['a-kh', 'a-aah']);
  });

  it('links the seed key perpetrators written in different spellings to one actor', () => {
    const key = seedsKey();
    const quoted = key.claims.filter((c) => c.kind === 'attribution' && /hezbollah/i.test(c.quote)).map((c) => /\S+ Hezbollah/i.exec(c.quote)?.[0] ?? '');
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    for (const name of quoted) expect(findActor(STARTER_ACTORS as Actor[], name)?.id).toBe('starter-kataib-hezbollah');
  });
});

describe('the starter list', () => {
  it('is valid and has no name that two actors share', () => {
    for (const a of STARTER_ACTORS) expect(Actor.safeParse(a).success).toBe(true);
    const owner = new Map<string, string>();
    for (const a of STARTER_ACTORS) {
      for (const n of [a.name, ...a.aliases]) {
        const k = normaliseActorName(n);
        expect(owner.get(k) ?? a.id, `${n} (${a.id}) collides with ${owner.get(k)}`).toBe(a.id);
        owner.set(k, a.id);
      }
    }
  });
});
