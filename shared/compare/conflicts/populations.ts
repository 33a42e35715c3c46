// Populations of figure rows: normalising, keying, nesting (places included) and naming them; the hot path of a large case.
import type { Population } from '../../model/claims.ts';
import { normalisePlace, placesApart, placeWithin } from '../places.ts';

export interface Pop {
  nationality: string | null;
  affiliation: string | null;
  side: string | null;
  role: string | null;
  place: string | null;
}

// The population helpers below are spelled out field by field: they run for every row × claim of
// a 100,000-claim case, and loops over a field list with closures cost more than the rest.
const clean = (s: string | null | undefined): string | null => {
  if (!s) return null;
  const t = /\s\s|[\t\n\r]/.test(s) ? s.trim().replace(/\s+/g, ' ') : s.trim();
  return t ? t : null;
};
const enc = (s: string) => (/^[A-Za-z0-9 _.-]*$/.test(s) ? s : encodeURIComponent(s));

export function toPop(p: Population, place: string | null = null): Pop {
  return {
    nationality: clean(p.nationality)?.toUpperCase() ?? null,
    affiliation: p.affiliation === 'unknown' ? null : p.affiliation,
    side: clean(p.side)?.toLowerCase() ?? null,
    role: clean(p.role)?.toLowerCase() ?? null,
    place: place && place.trim() ? normalisePlace(place) : null,
  };
}
/** A part's population: what it says, and the claim's population where it says nothing. */
export function mergePop(outer: Pop, inner: Pop): Pop {
  return {
    nationality: inner.nationality ?? outer.nationality,
    affiliation: inner.affiliation ?? outer.affiliation,
    side: inner.side ?? outer.side,
    role: inner.role ?? outer.role,
    place: inner.place ?? outer.place,
  };
}
/** The population part of a row key: the set fields in a fixed order, values escaped; 'all' when none. */
export function popKey(p: Pop): string {
  let k = '';
  if (p.nationality !== null) k += `;nationality=${enc(p.nationality)}`;
  if (p.affiliation !== null) k += `;affiliation=${enc(p.affiliation)}`;
  if (p.side !== null) k += `;side=${enc(p.side)}`;
  if (p.role !== null) k += `;role=${enc(p.role)}`;
  if (p.place !== null) k += `;place=${enc(p.place)}`;
  return k ? k.slice(1) : 'all';
}
export const specificity = (p: Pop) =>
  (p.nationality === null ? 0 : 1) + (p.affiliation === null ? 0 : 1) + (p.side === null ? 0 : 1) + (p.role === null ? 0 : 1) + (p.place === null ? 0 : 1);
/** True when everyone in `a` is in `b` (a is b or narrower). */
export const within = (a: Pop, b: Pop) =>
  (b.nationality === null || a.nationality === b.nationality) &&
  (b.affiliation === null || a.affiliation === b.affiliation) &&
  (b.side === null || a.side === b.side) &&
  (b.role === null || a.role === b.role) &&
  (b.place === null || (a.place !== null && placeWithin(a.place, b.place)));
/** True when no one can be in both: nationality (ISO codes), affiliation (a closed list) or country differ. */
export const apart = (a: Pop, b: Pop) =>
  (a.nationality !== null && b.nationality !== null && a.nationality !== b.nationality) ||
  (a.affiliation !== null && b.affiliation !== null && a.affiliation !== b.affiliation) ||
  (a.place !== null && b.place !== null && placesApart(a.place, b.place));

export function popLabel(p: Pop, display: Map<string, string>): string {
  const words: string[] = [];
  if (p.nationality) words.push(p.nationality);
  if (p.affiliation) words.push(p.affiliation);
  if (p.side) words.push(p.side);
  if (p.role) words.push(p.role);
  if (p.place) words.push(`in ${display.get(p.place) ?? p.place}`);
  return words.join(' ') || 'all';
}

export const rowKeyOf = (measure: string, population: Population, place: string | null = null) => `${measure}|${popKey(toPop(population, place))}`;
