// Place words for grouping suggestions into incidents: base names ("Camp Taji", "Al Asad Air
// Base"), and places introduced by a locative ("in Kirkuk", "north of Baghdad"). The key folds the
// generic words (camp, air base) and spelling, so "Taji base" and "Camp Taji" meet.
import { normaliseActorName } from '../model/actors.ts';
import { NATIONALITIES } from './lexicon.ts';

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:al-|el-)?\\p{Lu}[\\p{L}'’-]*){0,2}?";
const BASE_BEFORE = new RegExp(`\\b(?:Camp|Fort|Forward Operating Base|FOB|Base|Outpost)\\s+(${NAME})`, 'u');
const BASE_AFTER = new RegExp(`\\b(${NAME})\\s+(?:[Aa]ir\\s*[Bb]ase|[Aa]irbase|[Mm]ilitary [Bb]ase|[Bb]ase|[Aa]irport|[Aa]irfield)\\b`, 'u');
const LOCATIVE = new RegExp(
  `\\b(?:in|at|near|outside|on|north of|south of|east of|west of|northern|southern|eastern|western)\\s+(?:the\\s+)?(?:city of\\s+|town of\\s+|province of\\s+)?(${NAME})`,
  'u',
);
const NOT_PLACE =
  /^(?:The|A|An|This|That|U\.S\.|US|American|Iraqi|Iranian|British|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** The most specific place a sentence names, or null: a base, else a town or city, else a country. */
export function placeIn(s: string): string | null {
  let country: string | null = null;
  for (const re of [BASE_BEFORE, BASE_AFTER, LOCATIVE]) {
    for (const m of s.matchAll(new RegExp(re.source, 'gu'))) {
      const name = m[1].replace(/[.,]$/, '');
      const first = name.split(/\s+/)[0];
      if (NOT_PLACE.test(first) || NATIONALITIES[first.toLowerCase()] !== undefined) continue;
      if (isCountry(name)) {
        country ??= name;
        continue;
      }
      return name;
    }
  }
  return country;
}

/** True when the place names a country rather than a spot (too wide to tell incidents apart). */
export const isCountry = (p: string) =>
  /^(?:Iraq|Syria|Iran|Israel|Lebanon|Jordan|Yemen|Afghanistan|Turkey|Kuwait|Saudi Arabia|Gaza|the Middle East|Middle East|the region)$/i.test(p);

// one key per place name, read once: every suggestion's event hint asks for it
const PLACE_KEYS = new Map<string, string | null>();
export const placeKey = (p: string | null): string | null => {
  if (!p) return null;
  let k = PLACE_KEYS.get(p);
  if (k === undefined) {
    if (PLACE_KEYS.size > 4096) PLACE_KEYS.clear();
    k = normaliseActorName(p.replace(/\b(?:camp|air\s*base|airbase|base|airport|airfield)\b/gi, ' ').trim()) || null;
    PLACE_KEYS.set(p, k);
  }
  return k;
};
