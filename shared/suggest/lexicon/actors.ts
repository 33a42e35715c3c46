// Actors and incidents: armed-group head nouns, state words, sayers, and words that make a clause an incident.

/** Head nouns of armed groups: a noun phrase ending in one of these names a perpetrator. */
export const ARMED_GROUP_NOUNS = new Set([
  'militia',
  'militias',
  'militiamen',
  'group',
  'groups',
  'faction',
  'factions',
  'fighters',
  'insurgents',
  'rebels',
  'militants',
  'gunmen',
  'proxies',
  'proxy',
  'brigade',
  'brigades',
  'battalion',
  'battalions',
  'movement',
  'organization',
  'organisation',
  'network',
  'resistance',
  'jihadists',
  'extremists',
  'terrorists',
  'cell',
  'cells',
  'hezbollah',
  'hizballah',
  'hizbollah',
  'hamas',
  'houthis',
  'houthi',
  'taliban',
  'qaeda',
  'isis',
  'isil',
  'daesh',
  'pmf',
  'pmu',
]);

/** Words that name a state or its forces; an actor, but not one the "asserted" rule reports (see ../attribution.ts). */
export const STATE_WORDS =
  /^(?:the\s+)?(?:U\.S\.|US|United States|America|Iran|Israel|Iraq|Syria|Russia|Turkey|Britain|Washington|Tehran|Baghdad|the Pentagon|Pentagon|coalition|government|military|army|forces|troops)\b/i;

/** Sayers: nouns that make a noun phrase a credible speaker ("U.S. officials", "a coalition statement"). */
export const SPEAKER_NOUNS =
  /\b(?:officials?|spokesm[ae]n|spokeswom[ae]n|spokesperson|statement|ministry|department|military|pentagon|command|centcom|general|secretary|minister|president|commander|police|sources?|witness(?:es)?|residents?|agency|group|militia|army|government|officer|chief|hearing|report|reporters?|outlet|media|accounts|doctors?|medics?|hospital|authorities|council|embassy|coalition|forces|governor|mayor|administration|emergency services?|civil defen[cs]e|paramedics|rescuers|network|committees?)\b/i;

// ---------------------------------------------------------------- incidents

/** A word that makes a clause report an incident (so a date in it is an incident's date). */
export const INCIDENT_WORD =
  /\b(?:attack(?:s|ed)?|assaults?|strikes?|airstrikes?|struck|fired|launched|shot|killed|killing|wounded|injured|died|bomb(?:s|ed|ing)?|raids?|explosions?|ambush(?:ed)?|took place|happened|occurred|saw|hit|targeted|responded|retaliat\w*|shelled|shelling|rockets?|missiles?|drones?|clash(?:es)?|stormed|storming|seized|captured|downed|crashed)\b/i;

/** A past-tense verb of an incident, as the main verb of a reported clause ("jets struck a depot"). */
export const PAST_INCIDENT_VERB =
  /\b(?:struck(?: back)?|attacked|fired|launched|shelled|bombed|raided|stormed|ambushed|targeted|hit|killed|died|wounded|injured|shot down|downed|carried out|conducted|retaliated|responded)\b/i;
