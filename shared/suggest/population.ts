// Who was counted, from the words of the counted group: nationality from demonyms and adjectives
// ("U.S.", "British", "Iraqi" → ISO codes), affiliation from the head noun ("troops" → military,
// "contractor" → contractor, "militants" → militant), side from words such as "coalition".
import type { Population } from '../model/claims.ts';
import { NATIONALITIES, PERSON_NOUNS, ROLES, SIDES, singular, type Affiliation } from './lexicon.ts';

/** Nationality codes named in a phrase, in order, without repeats. */
export function nationalitiesIn(phrase: string): string[] {
  const out: string[] = [];
  // "Iranian-backed militants" are not Iranian: a nationality joined to -backed, -led… names a sponsor
  const lower = ` ${phrase
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/\b[a-z.]+-(?:backed|aligned|linked|led|allied|supported|sponsored|affiliated|funded|trained|armed)\b/g, ' ')} `;
  for (const m of lower.matchAll(/(?:u\.s\.|u\.k\.|united states|new zealand|[a-z]+)/g)) {
    let w = m[0];
    const code = NATIONALITIES[w] ?? NATIONALITIES[singular(w)];
    // "US" only counts in capitals (the pronoun "us" is not a nation)
    if (w === 'us' && !/\bUS\b/.test(phrase)) continue;
    if (code && !out.includes(code)) out.push(code);
    w = '';
  }
  return out;
}

/** The population a counted group's words describe; context words (the sentence) can name the affiliation. */
export function populationOf(groupWords: string, head: string, context = ''): Population {
  const nats = nationalitiesIn(groupWords);
  const h = head.toLowerCase();
  let affiliation: Affiliation = PERSON_NOUNS[h] ?? PERSON_NOUNS[singular(h)] ?? 'unknown';
  const lower = groupWords.toLowerCase();
  if (/\bpolice\b/.test(lower) && (h === 'officer' || h === 'member' || h === 'personnel')) affiliation = 'police';
  if (/\bcivilian\b/.test(lower) && affiliation === 'military') affiliation = 'civilian';
  if (/\b(?:militia|militant|insurgent|rebel|hezbollah|faction|group)s?\b/i.test(lower) && (h === 'member' || h === 'fighter')) affiliation = 'militant';
  if (h === 'member' && affiliation === 'unknown' && /\b(?:militia|militant|insurgent|faction|armed group)s?\b/i.test(context)) affiliation = 'militant';
  if (/\b(?:army|military|security forces?|armed forces)\b/.test(lower) && affiliation === 'unknown') affiliation = 'military';
  if (/\bcontractors?\b/.test(lower)) affiliation = 'contractor';
  let side: string | null = null;
  for (const [w, s] of Object.entries(SIDES)) if (new RegExp(`\\b${w}\\b`, 'i').test(lower)) side = s;
  const role = ROLES.has(singular(h)) ? singular(h) : null;
  return { nationality: nats.length === 1 ? nats[0] : null, affiliation, side, ...(role ? { role } : {}) };
}

/** One population for several groups: fields they share, null or 'unknown' where they differ. */
export function commonPopulation(pops: Population[]): Population {
  if (pops.length === 0) return { nationality: null, affiliation: 'unknown', side: null };
  const same = <K extends keyof Population>(k: K) => (pops.every((p) => p[k] === pops[0][k]) ? pops[0][k] : null);
  return {
    nationality: same('nationality') as string | null,
    affiliation: (same('affiliation') as Affiliation | null) ?? 'unknown',
    side: same('side') as string | null,
  };
}
