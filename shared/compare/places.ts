// Places as fact-checkers and event datasets write them: narrowest first, comma-separated, each
// part inside the next ("Al Asad Air Base, Anbar, Iraq"), as ACLED's location / admin1 / country or a
// geocoder's display name. That convention is all we read: a place is inside another when the
// other is its tail ("…, Iraq" is in "Iraq"), and two places are certainly apart only when they end
// in two different countries. Anything else ("Iraq and Syria", "north of Baghdad") is free text
// whose nesting we cannot know, so it is never taken as apart.

/** One spelling for comparing: lower case, single spaces, ", " between parts. */
export const normalisePlace = (p: string): string =>
  p
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/^(?:, )+|(?:, )+$/g, '');

/** True when `a` is `b` or inside it (both normalised). */
export const placeWithin = (a: string, b: string): boolean => a === b || a.endsWith(`, ${b}`);

let countries: Set<string> | null = null;
/** Country and territory names in English, from the platform's own region names (no list to keep up). */
function countryNames(): Set<string> {
  if (countries) return countries;
  countries = new Set();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = names.of(code);
        if (name && name !== code) countries.add(name.toLowerCase());
      } catch {
        // not a region code
      }
    }
  for (const alias of [
    'gaza',
    'the gaza strip',
    'gaza strip',
    'west bank',
    'the west bank',
    'palestine',
    'the united states',
    'usa',
    'us',
    'uk',
    'the uk',
    'britain',
    'great britain',
  ])
    countries.add(alias);
  return countries;
}

const lastPart = (p: string): string => p.slice(p.lastIndexOf(', ') + 1).trim();

/** True when no place can be in both: they end in two different countries (both normalised). */
export function placesApart(a: string, b: string): boolean {
  const ca = lastPart(a);
  const cb = lastPart(b);
  if (ca === cb) return false;
  const known = countryNames();
  return known.has(ca) && known.has(cb);
}

/** The place a breakdown part names after its number ("57 in Iraq", "900 at Camp Harlow"), or null. */
export function partPlace(head: string): string | null {
  return /\b(?:in|at)\s+((?:\p{Lu}[\p{L}'’.-]*\s?){1,3})/u.exec(head)?.[1]?.trim().replace(/[.,]$/, '') ?? null;
}
