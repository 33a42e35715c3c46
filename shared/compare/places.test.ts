import { describe, expect, it } from 'vitest';
import { normalisePlace, placesApart, placeWithin } from './places.ts';

describe('places written narrowest first', () => {
  const n = normalisePlace;
  it('normalises case, spaces and commas', () => {
    expect(n('  Al Asad  Air Base ,Anbar,  IRAQ ')).toBe('al asad air base, anbar, iraq');
  });
  it('puts a place inside the places its tail names, and not the other way round', () => {
    expect(placeWithin(n('Al Asad Air Base, Anbar, Iraq'), n('Iraq'))).toBe(true);
    expect(placeWithin(n('Al Asad Air Base, Anbar, Iraq'), n('Anbar, Iraq'))).toBe(true);
    expect(placeWithin(n('Iraq'), n('Al Asad Air Base, Iraq'))).toBe(false);
    expect(placeWithin(n('Camp Taji, Iraq'), n('Syria'))).toBe(false);
    // a tail must be whole parts: "…, Northern Iraq" is not inside "Iraq" by spelling alone
    expect(placeWithin(n('Erbil, Northern Iraq'), n('Iraq'))).toBe(false);
  });
  it('takes two places apart only when they end in two different countries', () => {
    expect(placesApart(n('Al Asad Air Base, Iraq'), n('Syria'))).toBe(true);
    expect(placesApart(n('Deir ez-Zor, Syria'), n('Rafah, Gaza'))).toBe(true);
    expect(placesApart(n('Al Asad Air Base, Iraq'), n('Iraq'))).toBe(false);
    expect(placesApart(n('Iraq and Syria'), n('Syria'))).toBe(false);
    expect(placesApart(n('north of Baghdad'), n('Anbar'))).toBe(false);
  });
});
