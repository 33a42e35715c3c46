// Names for line-end hyphens whose second part is a word ("Ger-" / "many", "Aus-" / "tria",
// "Bah-" / "rain"): the word list has no names, and a part after the hyphen that is a word on its
// own looks like a real hyphen ("Saudi-" / "led"), so without a lexicon the name stays cut. A
// capitalised first part that joins into a known name is the name. The names are the countries,
// their demonyms and capitals of the region lexicon (shared/suggest/region/countries.json, generated
// from Intl.DisplayNames and the world-countries package, not typed by hand), each word of them
// with four letters or more ("Sudan" of "South Sudan"). The examples are checked by the tests.
import countries from '../../../shared/suggest/region/countries.json' with { type: 'json' };

/** A line end and the next line's start, and the text they make (pdf-fidelity.test.ts runs each). */
export const HYPHEN_NAME_EXAMPLES: ReadonlyArray<{ lines: [string, string]; text: string }> = [
  { lines: ['Flights to Ger-', 'many resumed'], text: 'Flights to Germany resumed' },
  { lines: ['the ambassador of Aus-', 'tria said'], text: 'the ambassador of Austria said' },
  { lines: ['protests in Bah-', 'rain grew'], text: 'protests in Bahrain grew' },
  { lines: ['the Ger-', 'man minister'], text: 'the German minister' },
  { lines: ['talks in Ye-', 'men stalled'], text: 'talks in Yemen stalled' },
  // A part after the hyphen that is a word, with no name to join into: the hyphen is real.
  { lines: ['a Saudi-', 'led coalition'], text: 'a Saudi-led coalition' },
  { lines: ['an Iran-', 'backed group'], text: 'an Iran-backed group' },
  { lines: ['the well-', 'known crossing'], text: 'the well-known crossing' },
];

const WORD = /^\p{Lu}\p{Ll}{3,}$/u;

let names: Set<string> | null = null;
function nameSet(): Set<string> {
  if (names) return names;
  names = new Set();
  for (const c of countries.countries as Array<{ name: string; common?: string; demonyms?: string[]; capitals?: string[] }>)
    for (const n of [c.name, c.common, ...(c.demonyms ?? []), ...(c.capitals ?? [])])
      for (const w of n?.split(/[\s\-‐’'.,()]+/u) ?? []) if (WORD.test(w)) names.add(w.toLowerCase());
  return names;
}

/** Whether a line-end split's parts make a known name: the first part capitalised, the joined form in the lexicon. */
export function joinsIntoName(head: string, tail: string): boolean {
  return /^\p{Lu}/u.test(head) && nameSet().has((head + tail).toLowerCase());
}
