// gen-case's seeded wording: the random streams, the vocabulary (places, outlets, names, filler) and text with tracked offsets.
import type { Actor, Population } from '../../shared/model/claims.ts';

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: small, fast, good enough for fixtures, and the same on every platform. */
function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** A per-item stream: the same item gets the same numbers whatever else is generated. */
export const streamFor = (seed: number, kind: number, n: number) =>
  mulberry32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(kind + 1, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35));

export class Rng {
  readonly next: () => number;
  constructor(next: () => number) {
    this.next = next;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- vocabulary

export const PLACES = [
  ['Camp Taji', 'Iraq'],
  ['Al Asad Air Base', 'Anbar, Iraq'],
  ['Erbil airport', 'Erbil, Iraq'],
  ['Ain al-Asad', 'Anbar, Iraq'],
  ['the Green Zone', 'Baghdad, Iraq'],
  ['Balad Air Base', 'Salahuddin, Iraq'],
  ['Harir base', 'Erbil, Iraq'],
  ['Tower 22', 'Jordan'],
  ['al-Tanf garrison', 'Homs, Syria'],
  ['Conoco gas field', 'Deir ez-Zor, Syria'],
  ['Green Village', 'Deir ez-Zor, Syria'],
  ['Mission Support Site Euphrates', 'Deir ez-Zor, Syria'],
  ['Rumalyn Landing Zone', 'Hasakah, Syria'],
  ['Shaddadi base', 'Hasakah, Syria'],
  ['Victory Base Complex', 'Baghdad, Iraq'],
  ['K-1 air base', 'Kirkuk, Iraq'],
  ['Qayyarah airfield', 'Nineveh, Iraq'],
  ['Camp Speicher', 'Salahuddin, Iraq'],
  ['Bashur airfield', 'Erbil, Iraq'],
  ['Mosul airport', 'Nineveh, Iraq'],
  ['Basra palace', 'Basra, Iraq'],
  ['Union III', 'Baghdad, Iraq'],
] as const;
export const TYPES = ['rocket attack', 'drone attack', 'mortar attack', 'rocket and drone attack', 'one-way drone strike'] as const;
export const OUTLETS = [
  'Harbour Tribune',
  'Northern Courier',
  'Gulf Monitor',
  'Levant Ledger',
  'Tigris Times',
  'Euphrates Daily',
  'The Desert Wire',
  'Frontline Post',
  'Capital Observer',
  'Riverside Herald',
  'Crescent Report',
  'Eastern Dispatch',
  'Plains Gazette',
  'Meridian News',
  'The Border Standard',
  'Continental Press',
  'Atlas Review',
  'Coastal Sentinel',
  'Summit Journal',
  'Lowland Chronicle',
  'Granite Record',
  'The Evening Signal',
  'Horizon Bulletin',
  'Pioneer Mail',
  'Westbank Register',
  'Orchard Globe',
  'The Compass',
  'Beacon Weekly',
  'Valley Voice',
  'Citadel Times',
  'Delta Examiner',
  'Mariner Daily',
  'The Lantern',
  'Highland Leader',
  'Northstar Wire',
  'Sandstone Post',
  'Cedar Telegraph',
  'Kestrel News',
];
export const FIRST = [
  'Mina',
  'Daniel',
  'Sara',
  'Omar',
  'Lena',
  'Yusuf',
  'Clara',
  'Ahmed',
  'Priya',
  'Jonas',
  'Hana',
  'Tomas',
  'Leila',
  'Marco',
  'Ines',
  'Karim',
  'Ruth',
  'Samir',
  'Elena',
  'Farid',
];
export const LAST = [
  'Okafor',
  'Reyes',
  'Haddad',
  'Lindqvist',
  'Nasser',
  'Moreau',
  'Kowalski',
  'Rahman',
  'Costa',
  'Jaber',
  'Schulz',
  'Aziz',
  'Duarte',
  'Karimi',
  'Novak',
  'Salem',
  'Bauer',
  'Hamdan',
  'Ortiz',
  'Yilmaz',
];
export const ACTORS: Actor[] = [
  { id: 'actor-kh', name: "Kata'ib Hezbollah", aliases: ['Kataib Hezbollah', 'Kitaeb Hezbollah', 'KH'] },
  { id: 'actor-is', name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'Daesh'] },
  { id: 'actor-aah', name: "Asa'ib Ahl al-Haq", aliases: ['Asaib Ahl al-Haq', 'AAH'] },
  { id: 'actor-hn', name: 'Harakat al-Nujaba', aliases: ['Nujaba', 'al-Nujaba Movement'] },
  { id: 'actor-iri', name: 'Islamic Resistance in Iraq', aliases: ['the Islamic Resistance in Iraq', 'IRI'] },
  { id: 'actor-ksh', name: "Kata'ib Sayyid al-Shuhada", aliases: ['Kataib Sayyid al-Shuhada', 'KSS'] },
];
export const SPEAKERS = [
  'a coalition statement',
  'a Pentagon spokesman',
  'two security sources',
  'an Iraqi military official',
  'local police',
  'a hospital official',
  'the provincial governor',
  'a U.S. defence official',
  'witnesses',
  'a militia spokesman',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

// Filler: sentences that read like conflict reporting but carry no claim. {place}, {country}, {outlet}, {actor}, {person}.
export const FILLER = [
  'The base hosts troops of the U.S.-led coalition that has trained Iraqi forces since 2014.',
  'Sirens sounded across {place} shortly after the first impacts, according to residents.',
  'Iraqi security forces sealed off roads leading to {place} and began a search of nearby farms.',
  'The attack came amid rising tension between Washington and armed factions aligned with Tehran.',
  'A spokesman for the prime minister condemned what he called an assault on the sovereignty of the state.',
  'Officials did not say whether the base air defences had engaged the incoming projectiles.',
  'Footage shared on social media appeared to show plumes of smoke rising over the perimeter wall.',
  'The {outlet} could not independently verify the footage or the accounts of residents.',
  'Diplomats in Baghdad said the government was under pressure to rein in the armed groups.',
  'Analysts said the choice of target suggested the attackers had detailed knowledge of the site.',
  'Previous attacks on {place} in recent months caused damage but no casualties, officials said.',
  'Security sources said the launchers had been fitted to the back of a civilian truck.',
  'A curfew was declared in the surrounding district until further notice.',
  'The coalition said it retained the right to respond at a time and place of its choosing.',
  'Local officials appealed for calm and asked residents to stay away from the area.',
  'Several vehicles parked near the main gate were burned out, according to photographs seen by reporters.',
  'The foreign ministry summoned the ambassador to protest what it described as a violation of its territory.',
  'Medical teams were sent from the provincial capital, a health official said.',
  'Investigators were examining fragments recovered from the impact sites, officials said.',
  'The group has in the past used such statements to claim attacks it did not carry out, analysts noted.',
  'A senior commander said the incident would be reviewed by a joint investigative committee.',
  'It was not immediately clear how many of the projectiles had landed inside the base itself.',
  'Residents of nearby villages reported hearing several loud explosions late in the evening.',
  '{person}, a researcher who tracks armed groups in the region, said the timing was significant.',
  'Flights were briefly suspended at the airport while the runway was inspected for damage.',
  'The attack was the latest in a series that officials have linked to factions backed by Iran.',
  'Parliament is expected to debate the presence of foreign troops when it reconvenes next week.',
  'No civilian structures were hit, the provincial security council said in a brief statement.',
  'Soldiers later found an unused launcher and a timer in an orchard a few kilometres away.',
  'Reporters who reached the area the next morning saw craters in a road outside the perimeter.',
  'The figures could rise as more information becomes available, officials cautioned.',
  'Earlier reports had given a different account of the damage, which officials later corrected.',
  '{actor} has not commented publicly on the incident.',
  'The government spokesman said an investigation was under way and the perpetrators would be pursued.',
  'A statement posted on a channel used by armed factions praised the attack but stopped short of claiming it.',
  'Coalition aircraft were seen over {place} for several hours after the attack.',
  'Hospitals in the area were placed on alert and off-duty staff were called in.',
  'The United Nations mission urged all sides to exercise restraint.',
];
// Compositional filler, so a 6 KB text does not repeat itself: "<who> said <clause>." and "<Clause>, <who> said."
export const WHO = [
  'officials',
  'a senior official',
  'residents',
  'witnesses',
  'a spokesman for the provincial council',
  'a local commander',
  'security sources',
  'a diplomat in Baghdad',
  'an aid worker in the area',
  'a police officer at the scene',
  'the interior ministry',
  'a member of parliament',
  'two people who live nearby',
  'a coalition official who asked not to be named',
  'a doctor at the main hospital',
  'an analyst in Washington',
];
export const CLAUSES = [
  'the area had been quiet for several weeks',
  'patrols would be stepped up around the perimeter',
  'the main road was reopened by the afternoon',
  'the attackers had fled before troops arrived',
  'power was cut to parts of the district for several hours',
  'several homes near the base were damaged',
  'the launch site was an abandoned farm a few kilometres away',
  'the warning system gave troops a few seconds to take cover',
  'the damage was still being assessed',
  'more arrests were expected in the coming days',
  'the government would ask for an urgent meeting of the security council',
  'a similar attack had been foiled in the spring',
  'the projectiles appeared to be of an older type',
  'the timing coincided with a visit by a foreign delegation',
  'schools in the area would stay closed',
  'the attack showed the limits of the current security arrangements',
  'fragments were sent to a laboratory for analysis',
  'the base had been on high alert since the weekend',
  'the families of the victims had been informed',
  'traffic at the checkpoints was backed up for hours',
  'shops in the nearby market closed early',
  'a drone was seen circling the area before the attack',
  'the debris was cleared by the following morning',
  'claims circulating online were exaggerated',
  'a second salvo had been prepared but was never fired',
  'the investigation would take several weeks',
  'the authorities had received warnings of an attack',
  'the site had been targeted at least twice before',
  'the fire took more than an hour to put out',
  'talks on the withdrawal of foreign forces would continue',
];
export const RARE = 'Residents said the blast shattered windows across the old spice market.';

// ---------------------------------------------------------------- text with tracked offsets

export class TextBuilder {
  readonly paragraphs: string[] = [];
  #length = 0;
  #current = '';
  /** Appends words to the current paragraph (a space before them unless it is empty); returns their start offset. */
  add(words: string): number {
    if (this.#current) {
      this.#current += ' ';
    }
    const at = this.#length + (this.paragraphs.length ? 2 : 0) + this.#current.length;
    this.#current += words;
    return at;
  }
  /** Appends words directly after what is there (no space). */
  glue(words: string): number {
    const at = this.#length + (this.paragraphs.length ? 2 : 0) + this.#current.length;
    this.#current += words;
    return at;
  }
  end(): void {
    if (!this.#current) return;
    this.#length += (this.paragraphs.length ? 2 : 0) + this.#current.length;
    this.paragraphs.push(this.#current);
    this.#current = '';
  }
  get chars(): number {
    return this.#length + (this.#current ? (this.paragraphs.length ? 2 : 0) + this.#current.length : 0);
  }
  text(): string {
    this.end();
    return this.paragraphs.join('\n\n');
  }
}

export const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
export const words = (n: number) => (n <= 12 ? NUMBER_WORDS[n] : String(n));

/** A figure's words as a source might write them: exact, about, at least, more than, a range. */
export function figurePhrase(r: Rng, n: number, allowVague: boolean): string {
  const x = r.next();
  if (n === 0) return 'no';
  if (x < 0.45) return r.chance(0.5) ? words(n) : String(n);
  if (x < 0.6 && n >= 3) return `about ${n}`;
  if (x < 0.75) return `at least ${words(n)}`;
  if (x < 0.82 && n >= 3) return `more than ${n - 1}`;
  if (x < 0.92 && n >= 2) return `${Math.max(1, n - r.int(1, 2))} to ${n + r.int(0, 3)}`;
  if (allowVague && x < 0.96 && n >= 24) return 'dozens of';
  return String(n);
}

/** [plural, singular] */
export const POP_WORDS: Record<string, Array<[string, string]>> = {
  unknown: [
    ['people', 'person'],
    ['people', 'person'],
    ['persons', 'person'],
  ],
  'US:military': [
    ['American service members', 'American service member'],
    ['U.S. troops', 'U.S. soldier'],
    ['American soldiers', 'American soldier'],
  ],
  'IQ:civilian': [
    ['civilians', 'civilian'],
    ['Iraqi civilians', 'Iraqi civilian'],
    ['residents', 'resident'],
  ],
  'IQ:military': [
    ['Iraqi soldiers', 'Iraqi soldier'],
    ['members of the Iraqi security forces', 'member of the Iraqi security forces'],
    ['Iraqi troops', 'Iraqi soldier'],
  ],
};
export const popKeyOf = (p: Population) => (p.nationality ? `${p.nationality}:${p.affiliation}` : 'unknown');
