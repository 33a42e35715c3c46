// Word lists the suggester's rules read. They are about the LANGUAGE of conflict reporting
// (casualty words, weapons, attack nouns, who counts as a combatant), not about any one story.
// The lists live by domain under lexicon/; this module re-exports them.

/** Singular form of an English plural, good enough for the nouns of the lists under lexicon/. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ch|sh|x)es$/.test(w)) return w.slice(0, -2);
  if (/men$/.test(w)) return w.slice(0, -3) + 'man';
  if (/s$/.test(w) && !/(?:personnel|series)$/.test(w)) return w.slice(0, -1);
  return w;
}

export { CASUALTY_BEFORE, CASUALTY_NOUNS, CASUALTY_PREDICATES } from './lexicon/casualties.ts';
export { NATIONALITIES, PERSON_NOUNS, ROLES, SIDES, type Affiliation } from './lexicon/people.ts';
export {
  ATTACK_NOUNS,
  DEPLOY_BEFORE,
  FIRE_AFTER,
  FIRE_BEFORE,
  FOUND_AFTER,
  FOUND_BEFORE,
  INTERCEPT_BEFORE,
  MUNITION_NOUNS,
  SERIES_WORDS,
  STRIKE_BEFORE,
  TARGET_NOUNS,
} from './lexicon/weapons.ts';
export { ARMED_GROUP_NOUNS, INCIDENT_WORD, PAST_INCIDENT_VERB, SPEAKER_NOUNS, STATE_WORDS } from './lexicon/actors.ts';
