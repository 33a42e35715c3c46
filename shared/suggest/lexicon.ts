// Word lists the suggester's rules read. They are about the LANGUAGE of conflict reporting
// (casualty words, weapons, attack nouns, who counts as a combatant), not about any one story.

/** Singular form of an English plural, good enough for the nouns below. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ch|sh|x)es$/.test(w)) return w.slice(0, -2);
  if (/men$/.test(w)) return w.slice(0, -3) + 'man';
  if (/s$/.test(w) && !/(?:personnel|series)$/.test(w)) return w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------- casualties

/** Nouns that ARE a casualty count ("eight injuries", "12 dead", "three fatalities") → measure. */
export const CASUALTY_NOUNS: Record<string, string> = {
  injury: 'wounded',
  wound: 'wounded',
  wounded: 'wounded',
  injured: 'wounded',
  concussion: 'wounded',
  death: 'killed',
  dead: 'killed',
  fatality: 'killed',
  killed: 'killed',
  body: 'killed',
  life: 'killed',
  casualty: 'casualties',
  missing: 'missing',
  hostage: 'detained',
  captive: 'detained',
  prisoner: 'detained',
};

/** Participles and adjectives predicated of people ("were killed", "died", "was hurt") → measure. */
export const CASUALTY_PREDICATES: Array<[RegExp, string]> = [
  [/^(?:killed|slain|dead|died|perished|murdered|executed|beheaded|martyred|shot dead|gunned down|lost their lives|lost his life|lost her life)\b/i, 'killed'],
  [/^(?:seriously |critically |severely |badly |gravely )?(?:wounded|injured|hurt|maimed|hospitali[sz]ed|taken to hospital)\b/i, 'wounded'],
  [/^(?:suffered|sustained|received|treated for)\s+(?:[\w-]+\s+){0,4}?(?:injuries|injury|wounds|concussions?|burns|trauma)\b/i, 'wounded'],
  [/^(?:missing|unaccounted for)\b/i, 'missing'],
  [/^(?:abducted|kidnapped|detained|captured|arrested|taken hostage|taken prisoner)\b/i, 'detained'],
];

/** Words BEFORE a counted group that make it a casualty count ("killing two", "the deaths of several"). */
// "killed a total of four sailors", "wounding as many as": a total or hedge between verb and number
const TOTAL = String.raw`(?:\s+(?:a total of|in total|in all|an estimated|a further|another|an additional|additional))?`;
export const CASUALTY_BEFORE: Array<[RegExp, string]> = [
  [
    new RegExp(
      String.raw`\b(?:killing|killed|kills|kill|slaying|slew|left dead|leaving dead|claimed the lives of|claiming the lives of|took the lives of|taking the lives of)${TOTAL}\s*$`,
      'i',
    ),
    'killed',
  ],
  [/\b(?:the\s+)?(?:deaths?|killings?|killing|bodies|funerals?)\s+of\s*$/i, 'killed'],
  [new RegExp(String.raw`\b(?:wounding|wounded|injuring|injured|injures|wounds|maiming|hurting|hurt)${TOTAL}\s*$`, 'i'), 'wounded'],
  [/\b(?:the\s+)?(?:injur(?:y|ies)|wounding)\s+(?:of|to)\s*$/i, 'wounded'],
  [/\b(?:abducting|abducted|kidnapping|kidnapped|detaining|detained|capturing|captured|arresting|arrested|seized|seizing)\s*$/i, 'detained'],
  [new RegExp(String.raw`\b(?:the\s+)?(?:kidnappings?|abductions?|capture|detention|arrests?)\s+of${TOTAL}\s*$`, 'i'), 'detained'],
];

// ---------------------------------------------------------------- people

export type Affiliation = 'military' | 'contractor' | 'civilian' | 'militant' | 'police' | 'unknown';

/** Nouns for counted people → the affiliation they imply ('unknown' = a person, affiliation not said). */
export const PERSON_NOUNS: Record<string, Affiliation> = {
  person: 'unknown',
  people: 'unknown',
  individual: 'unknown',
  victim: 'unknown',
  member: 'unknown',
  figure: 'unknown',
  man: 'unknown',
  woman: 'unknown',
  child: 'civilian',
  children: 'civilian',
  civilian: 'civilian',
  resident: 'civilian',
  villager: 'civilian',
  passenger: 'civilian',
  worker: 'civilian',
  journalist: 'civilian',
  student: 'civilian',
  protester: 'civilian',
  pilgrim: 'civilian',
  bystander: 'civilian',
  family: 'civilian',
  employee: 'unknown',
  troop: 'military',
  soldier: 'military',
  'service member': 'military',
  servicemember: 'military',
  serviceman: 'military',
  servicewoman: 'military',
  personnel: 'military',
  marine: 'military',
  sailor: 'military',
  airman: 'military',
  officer: 'military',
  commander: 'military',
  recruit: 'military',
  reservist: 'military',
  guardsman: 'military',
  trainer: 'military',
  adviser: 'military',
  advisor: 'military',
  medic: 'military',
  pilot: 'military',
  crew: 'military',
  contractor: 'contractor',
  interpreter: 'contractor',
  translator: 'contractor',
  mercenary: 'contractor',
  militant: 'militant',
  fighter: 'militant',
  insurgent: 'militant',
  rebel: 'militant',
  militiaman: 'militant',
  gunman: 'militant',
  jihadist: 'militant',
  combatant: 'militant',
  attacker: 'militant',
  operative: 'militant',
  policeman: 'police',
  policewoman: 'police',
  police: 'police',
  guard: 'police',
  official: 'civilian',
  citizen: 'unknown',
  national: 'unknown',
  relative: 'unknown',
  guest: 'unknown',
  suspect: 'unknown',
  doctor: 'civilian',
  nurse: 'civilian',
  paramedic: 'civilian',
  firefighter: 'civilian',
  rescuer: 'civilian',
  'aid worker': 'civilian',
  teacher: 'civilian',
  farmer: 'civilian',
  shepherd: 'civilian',
  fisherman: 'civilian',
  shopper: 'civilian',
  worshipper: 'civilian',
  worshiper: 'civilian',
  mourner: 'civilian',
  patient: 'civilian',
  infant: 'civilian',
  baby: 'civilian',
  boy: 'civilian',
  girl: 'civilian',
  teenager: 'civilian',
  elder: 'civilian',
  reporter: 'civilian',
  photographer: 'civilian',
  cameraman: 'civilian',
  spectator: 'civilian',
  displaced: 'civilian',
  trooper: 'military',
  paratrooper: 'military',
  commando: 'military',
  conscript: 'military',
  cadet: 'military',
  bomber: 'militant',
  sniper: 'militant',
  policemen: 'police',
  constable: 'police',
};

/** Roles worth keeping beside the affiliation ("interpreter"). */
export const ROLES = new Set(['interpreter', 'translator', 'medic', 'pilot', 'journalist', 'child', 'officer', 'commander', 'trainer', 'adviser', 'advisor']);

/** Demonyms and nationality adjectives → ISO 3166 alpha-2. Plural demonyms are also people ("two Americans"). */
export const NATIONALITIES: Record<string, string> = {
  american: 'US',
  'u.s.': 'US',
  us: 'US',
  'united states': 'US',
  british: 'GB',
  briton: 'GB',
  brit: 'GB',
  'u.k.': 'GB',
  uk: 'GB',
  english: 'GB',
  scottish: 'GB',
  welsh: 'GB',
  iraqi: 'IQ',
  iranian: 'IR',
  syrian: 'SY',
  israeli: 'IL',
  palestinian: 'PS',
  lebanese: 'LB',
  jordanian: 'JO',
  saudi: 'SA',
  emirati: 'AE',
  qatari: 'QA',
  kuwaiti: 'KW',
  bahraini: 'BH',
  yemeni: 'YE',
  omani: 'OM',
  egyptian: 'EG',
  libyan: 'LY',
  turkish: 'TR',
  turk: 'TR',
  afghan: 'AF',
  pakistani: 'PK',
  indian: 'IN',
  polish: 'PL',
  pole: 'PL',
  french: 'FR',
  german: 'DE',
  italian: 'IT',
  spanish: 'ES',
  dutch: 'NL',
  danish: 'DK',
  dane: 'DK',
  norwegian: 'NO',
  swedish: 'SE',
  swede: 'SE',
  finnish: 'FI',
  belgian: 'BE',
  canadian: 'CA',
  australian: 'AU',
  'new zealand': 'NZ',
  russian: 'RU',
  ukrainian: 'UA',
  georgian: 'GE',
  armenian: 'AM',
  azerbaijani: 'AZ',
  chinese: 'CN',
  japanese: 'JP',
  korean: 'KR',
  filipino: 'PH',
  nepali: 'NP',
  nepalese: 'NP',
  somali: 'SO',
  sudanese: 'SD',
  malian: 'ML',
  nigerian: 'NG',
  kenyan: 'KE',
  ethiopian: 'ET',
  greek: 'GR',
  portuguese: 'PT',
  romanian: 'RO',
  hungarian: 'HU',
  czech: 'CZ',
  estonian: 'EE',
  latvian: 'LV',
  lithuanian: 'LT',
  albanian: 'AL',
  mexican: 'MX',
  colombian: 'CO',
};

/** Words for a side rather than a nation ("coalition service members"). */
export const SIDES: Record<string, string> = {
  coalition: 'coalition',
  nato: 'NATO',
  allied: 'coalition',
  militia: 'militia',
  government: 'government',
  'pro-government': 'government',
  opposition: 'opposition',
};

// ---------------------------------------------------------------- weapons and attacks

/** Munition nouns → measure stem. Rockets split into fired / impacted; the others keep one measure. */
export const MUNITION_NOUNS: Record<string, string> = {
  rocket: 'rockets',
  katyusha: 'rockets',
  missile: 'missiles',
  drone: 'drones',
  uav: 'drones',
  'one-way attack drone': 'drones',
  mortar: 'mortars',
  'mortar round': 'mortars',
  'mortar shell': 'mortars',
  shell: 'shells',
  'artillery shell': 'shells',
  'artillery round': 'shells',
  projectile: 'projectiles',
  bomb: 'bombs',
  grenade: 'grenades',
  rpg: 'grenades',
  ied: 'ieds',
  'car bomb': 'bombs',
  munition: 'munitions',
};

/** Nouns of attacks and strikes (a count of them is a "count" claim) → measure. */
export const ATTACK_NOUNS: Record<string, string> = {
  attack: 'attacks',
  assault: 'attacks',
  raid: 'attacks',
  ambush: 'attacks',
  bombing: 'attacks',
  incident: 'attacks',
  strike: 'strikes',
  airstrike: 'strikes',
  'air strike': 'strikes',
  'drone strike': 'strikes',
  'missile strike': 'strikes',
  'rocket attack': 'attacks',
  'drone attack': 'attacks',
  'missile attack': 'attacks',
};

/** Nouns of things struck: counted after a strike verb, they are targets_struck. */
export const TARGET_NOUNS = new Set([
  'facility',
  'site',
  'target',
  'base',
  'location',
  'position',
  'depot',
  'compound',
  'building',
  'warehouse',
  'headquarters',
  'installation',
  'outpost',
  'camp',
  'bunker',
  'hideout',
  'vehicle',
  'truck',
  'launcher',
  'convoy',
  'storage',
  'ship',
  'vessel',
  'tanker',
  'freighter',
  'boat',
  'aircraft',
  'plane',
  'helicopter',
  'bridge',
  'power station',
  'plant',
  'substation',
  'hospital',
  'school',
  'house',
  'home',
]);

/** A group of strikes counted as a whole ("two series of strikes", "three waves of attacks"). */
export const SERIES_WORDS = new Set([
  'series',
  'set',
  'sets',
  'wave',
  'waves',
  'round',
  'rounds',
  'salvo',
  'salvos',
  'volley',
  'volleys',
  'barrage',
  'barrages',
]);

/** Verbs before a munition count that make it fired ("launched 33 rockets"). */
export const FIRE_BEFORE =
  /\b(?:fired|firing|fires|fire|launched|launching|launches|launch|shot|shooting|shoots|lobbed|lobbing|hurled|sent|unleashed|used|using)\s+(?:[\w-]+\s+){0,2}$/i;
/** Verbs after a munition count: fired, or landed (impacted), or intercepted. */
export const FIRE_AFTER =
  /^(?:were|was|had been|have been|are|is|been)?\s*(?:\w+ly\s+)?(shot down|fired|launched|shot|lobbed|landed|struck|hit|impacted|fell|exploded|slammed|crashed|intercepted|downed|destroyed)\b/i;
export const INTERCEPT_BEFORE = /\b(?:intercepted|intercepting|shot down|shooting down|downed|downing|destroyed)\s+(?:[\w-]+\s+){0,2}$/i;

/** Strike verbs before a count of targets ("targeted five facilities", "airstrikes on five sites"). */
export const STRIKE_BEFORE =
  /\b(?:struck|strikes?|striking|hit|hitting|targeted|targeting|targets?|bombed|bombing|raided|raiding|shelled|shelling|attacked|attacking|destroyed|destroying|air ?strikes?\s+(?:on|against)|strikes?\s+(?:on|against)|attacks?\s+(?:on|against))\s+(?:on\s+|against\s+)?(?:[\w-]+\s+){0,1}$/i;

/** Verbs that keep troops somewhere ("has 900 troops in Syria", "with 2,500 troops in Iraq"). */
export const DEPLOY_BEFORE =
  /\b(?:has|have|had|keeps?|kept|maintains?|maintained|deploy(?:s|ed|ing)?|station(?:s|ed|ing)?|sen[dt]|sending|with|withdraw(?:s|n|ing)?|pull(?:s|ed|ing)? out)\s+(?:about|some|around|roughly|approximately|nearly|almost|more than|over|at least|up to|the\s+)?$/i;

// ---------------------------------------------------------------- actors

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

/** Words that name a state or its forces; an actor, but not one the "asserted" rule reports (see attribution.ts). */
export const STATE_WORDS =
  /^(?:the\s+)?(?:U\.S\.|US|United States|America|Iran|Israel|Iraq|Syria|Russia|Turkey|Britain|Washington|Tehran|Baghdad|the Pentagon|Pentagon|coalition|government|military|army|forces|troops)\b/i;

/** Sayers: nouns that make a noun phrase a credible speaker ("U.S. officials", "a coalition statement"). */
export const SPEAKER_NOUNS =
  /\b(?:officials?|spokesm[ae]n|spokeswom[ae]n|spokesperson|statement|ministry|department|military|pentagon|command|centcom|general|secretary|minister|president|commander|police|sources?|witness(?:es)?|residents?|agency|group|militia|army|government|officer|chief|hearing|report|reporters?|outlet|media|accounts|doctors?|medics?|hospital|authorities|council|embassy|coalition|forces)\b/i;

// ---------------------------------------------------------------- incidents

/** A word that makes a clause report an incident (so a date in it is an incident's date). */
export const INCIDENT_WORD =
  /\b(?:attack(?:s|ed)?|assaults?|strikes?|airstrikes?|struck|fired|launched|shot|killed|killing|wounded|injured|died|bomb(?:s|ed|ing)?|raids?|explosions?|ambush(?:ed)?|took place|happened|occurred|saw|hit|targeted|responded|retaliat\w*|shelled|shelling|rockets?|missiles?|drones?|clash(?:es)?|stormed|storming|seized|captured|downed|crashed)\b/i;

/** A past-tense verb of an incident, as the main verb of a reported clause ("jets struck a depot"). */
export const PAST_INCIDENT_VERB =
  /\b(?:struck(?: back)?|attacked|fired|launched|shelled|bombed|raided|stormed|ambushed|targeted|hit|killed|died|wounded|injured|shot down|downed|carried out|conducted|retaliated|responded)\b/i;
