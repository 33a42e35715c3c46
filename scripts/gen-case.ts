// A generator of monitor-sized cases (issue 15): a real case folder, in the store's on-disk format,
// of N sources with seeded, deterministic news-like text, 10 annotations and 10 claims per source,
// N/2 events (each with claims from several sources, figures that mostly agree and sometimes do not)
// and a few actors with aliases.
//
//   node scripts/gen-case.ts --sources N --out DIR [--claims-per-source 10] [--seed 1] [--force] [--check]
//
// The files are written directly (plain writes, no fsync: this is a fixture, not a save), exactly as
// CaseStore writes them: case.json (with a snapshot id, so index saves are journaled from the first
// one), sources/<id>.json, originals/<sha256>.txt, and empty backups/. No history.json (undo starts
// empty). `--check` then opens the folder with CaseStore.open and CaseClaims.load and reports any
// warning or problem (exit 1 if there is one).
//
// How the claims hang together: sources come in clusters of four that report on the same two
// incidents (events 2c and 2c+1 for cluster c), so every event has claims from four sources; an
// event's facts (place, date, toll, rockets, perpetrator) are drawn from the seed and the event's
// number, and each source reports them with its own wording and, sometimes, its own figure.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { contextOf } from '../shared/anchor.ts';
import { CASE_FORMAT_VERSION, type CaseIndex } from '../shared/case.ts';
import { figureFrom, type Actor, type Annotation, type Claim, type Event, type Figure, type Population } from '../shared/claims.ts';
import type { Source } from '../shared/source.ts';
import { encodeIndex } from '../electron/core/store/codec.ts';
import { BACKUPS_DIR, ORIGINALS_DIR, SOURCES_DIR, bodyPath, indexPath } from '../electron/core/store/layout.ts';
import { fixedCaseId } from '../electron/core/cases.ts';

export interface GenOptions {
  sources: number;
  out: string;
  claimsPerSource?: number;
  seed?: number;
  /** Remove `out` first if it already holds a case. */
  force?: boolean;
}

export interface GenResult {
  dir: string;
  caseId: string;
  sources: number;
  annotations: number;
  claims: number;
  events: number;
  actors: number;
  textChars: number;
  bytes: number;
  ms: number;
  /** A phrase planted in about one source in 50 (for search benchmarks), and how many sources have it. */
  rarePhrase: string;
  rareSources: number;
}

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
const streamFor = (seed: number, kind: number, n: number) =>
  mulberry32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(kind + 1, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35));

class Rng {
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

const PLACES = [
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
const TYPES = ['rocket attack', 'drone attack', 'mortar attack', 'rocket and drone attack', 'one-way drone strike'] as const;
const OUTLETS = [
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
const FIRST = [
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
const LAST = [
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
const ACTORS: Actor[] = [
  { id: 'actor-kh', name: "Kata'ib Hezbollah", aliases: ['Kataib Hezbollah', 'Kitaeb Hezbollah', 'KH'] },
  { id: 'actor-is', name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'Daesh'] },
  { id: 'actor-aah', name: "Asa'ib Ahl al-Haq", aliases: ['Asaib Ahl al-Haq', 'AAH'] },
  { id: 'actor-hn', name: 'Harakat al-Nujaba', aliases: ['Nujaba', 'al-Nujaba Movement'] },
  { id: 'actor-iri', name: 'Islamic Resistance in Iraq', aliases: ['the Islamic Resistance in Iraq', 'IRI'] },
  { id: 'actor-ksh', name: "Kata'ib Sayyid al-Shuhada", aliases: ['Kataib Sayyid al-Shuhada', 'KSS'] },
];
const SPEAKERS = [
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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

// Filler: sentences that read like conflict reporting but carry no claim. {place}, {country}, {outlet}, {actor}, {person}.
const FILLER = [
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
const WHO = [
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
const CLAUSES = [
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
const RARE = 'Residents said the blast shattered windows across the old spice market.';

// ---------------------------------------------------------------- events

interface EventFacts {
  event: Event;
  place: string;
  short: string;
  date: Date;
  killed: number;
  wounded: number;
  rockets: number;
  actor: Actor;
  population: Population;
}

const T0 = Date.UTC(2019, 9, 1); // 2019-10-01
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const STAMP = '2024-05-01T10:00:00.000Z';
const POPULATIONS: Population[] = [
  { nationality: null, affiliation: 'unknown', side: null },
  { nationality: 'US', affiliation: 'military', side: 'coalition' },
  { nationality: 'IQ', affiliation: 'civilian', side: null },
  { nationality: 'IQ', affiliation: 'military', side: null },
];

function eventFacts(seed: number, e: number): EventFacts {
  const r = new Rng(streamFor(seed, 1, e));
  const [short, region] = r.pick(PLACES);
  // The two events a cluster of sources reports on are days apart: the second 0–3 days before the first.
  const clusterDay = new Rng(streamFor(seed, 3, Math.floor(e / 2))).int(0, 1600);
  const date = new Date(T0 + (clusterDay - (e % 2 ? r.int(0, 3) : 0)) * DAY);
  const type = r.pick(TYPES);
  const actor = r.pick(ACTORS);
  const place = `${short}, ${region}`;
  const event: Event = {
    id: `ev_${e.toString(36).padStart(6, '0')}`,
    title: `${type[0].toUpperCase()}${type.slice(1)} on ${short}, ${iso(date)}`,
    start: iso(date),
    end: iso(date),
    precision: 'day',
    place,
    placePrecision: 'exact',
    type,
    actorIds: [actor.id],
    aggregate: false,
    note: '',
    created: STAMP,
    modified: STAMP,
  };
  return {
    event,
    place,
    short,
    date,
    killed: r.chance(0.3) ? 0 : r.int(1, 14),
    wounded: r.int(0, 40),
    rockets: r.int(4, 36),
    actor,
    population: r.pick(POPULATIONS),
  };
}

// ---------------------------------------------------------------- text with tracked offsets

class TextBuilder {
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

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const words = (n: number) => (n <= 12 ? NUMBER_WORDS[n] : String(n));

/** A figure's words as a source might write them: exact, about, at least, more than, a range. */
function figurePhrase(r: Rng, n: number, allowVague: boolean): string {
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

const figureCache = new Map<string, Figure>();
function figureOf(raw: string): Figure {
  let f = figureCache.get(raw);
  if (!f) {
    f = figureFrom(raw === 'no' ? '0' : raw.replace(/ of$/, ''));
    f = { ...f, raw };
    figureCache.set(raw, f);
  }
  return f;
}

/** What a source says about one figure: the event's number, or (sometimes) its own. */
function reported(r: Rng, n: number): number {
  if (r.chance(0.75)) return n;
  return Math.max(0, n + r.pick([-2, -1, 1, 2, 3, 5]));
}

/** [plural, singular] */
const POP_WORDS: Record<string, Array<[string, string]>> = {
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
const popKeyOf = (p: Population) => (p.nationality ? `${p.nationality}:${p.affiliation}` : 'unknown');

// ---------------------------------------------------------------- one source

interface SourceOut {
  source: Source;
  bodyJson: string;
  text: string;
  original: Uint8Array;
  annotations: number;
  claims: number;
  rare: boolean;
}

function makeSourceFiles(seed: number, i: number, eventCount: number, claimsPerSource: number): SourceOut {
  const r = new Rng(streamFor(seed, 2, i));
  const id = `s_${i.toString(36).padStart(8, '0')}`;
  const cluster = Math.floor(i / 4);
  const evs = [eventFacts(seed, (2 * cluster) % eventCount), eventFacts(seed, (2 * cluster + 1) % eventCount)];
  const lead = evs[0];
  const outlet = OUTLETS[(i * 7 + r.int(0, 2)) % OUTLETS.length];
  const author = `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const published = new Date(lead.date.getTime() + r.int(1, 3) * DAY);
  const pubIso = iso(published);
  const pubWords = `${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()}, ${published.getUTCFullYear()}`;
  const fill = (s: string) =>
    s
      .replace('{place}', lead.short)
      .replace('{outlet}', outlet)
      .replace('{actor}', lead.actor.name)
      .replace('{person}', `${r.pick(FIRST)} ${r.pick(LAST)}`);

  const tb = new TextBuilder();
  const title = r.pick([
    lead.killed
      ? `${cap(lead.event.type ?? 'attack')} on ${lead.short} leaves ${words(lead.killed)} dead`
      : `No casualties in ${lead.event.type} on ${lead.short}`,
    `${lead.short} hit in ${lead.event.type}, officials say`,
    `Casualties reported after ${lead.event.type} on ${lead.short}`,
    `${lead.actor.aliases[0]} blamed for ${lead.event.type} on ${lead.short}`,
  ]);
  tb.add(title);
  tb.end();
  tb.add(`By ${author} · ${outlet}`);
  tb.end();
  tb.add(pubWords);
  tb.end();

  const annotations: Annotation[] = [];
  const claims: Claim[] = [];
  // A claim's passage (where it starts, its words) and its kind-specific fields; ids and stamps come later.
  type Pending = { k: number; start: number; exact: string; fields: Record<string, unknown> & { kind: Claim['kind'] } };
  const pending: Pending[] = [];
  const mark = (k: number, start: number, exact: string, fields: Pending['fields']) => pending.push({ k, start, exact, fields });

  // Fixed filler sentences without repeats (a shuffled deck), then compositional ones.
  const deck = FILLER.map((f) => [r.next(), f] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, f]) => f);
  const fillers = (n: number) => {
    for (let j = 0; j < n; j++) {
      const next =
        deck.length && r.chance(0.6)
          ? deck.pop()!
          : r.chance(0.5)
            ? `${cap(r.pick(WHO))} said ${r.pick(CLAUSES)}.`
            : `${cap(r.pick(CLAUSES))}, ${r.pick(WHO)} said.`;
      tb.add(fill(next));
    }
  };

  // The claims: for each of the source's two events, a rotating set of kinds (casualties, munitions,
  // attribution, timing), until claimsPerSource are written.
  const kinds = ['killed', 'wounded', 'rockets', 'attribution', 'timing'] as const;
  for (let k = 0; k < claimsPerSource; k++) {
    const ev = evs[k < Math.ceil(claimsPerSource / 2) ? 0 : 1];
    const kind = kinds[k % kinds.length];
    const speaker = r.pick(SPEAKERS);
    const dateline = k === 0 ? `${ev.short.replace(/^the /, '').toUpperCase()} — ` : '';
    if (k === Math.ceil(claimsPerSource / 2)) {
      tb.end();
      tb.add(
        r.pick([
          `In a separate incident, ${ev.short} also came under fire.`,
          `Separately, ${ev.short} was attacked.`,
          `Elsewhere, an attack was reported on ${ev.short}.`,
        ]),
      );
    }
    const pop =
      kind === 'killed' || kind === 'wounded'
        ? r.chance(0.85)
          ? ev.population
          : r.pick(POPULATIONS)
        : { nationality: null, affiliation: 'unknown' as const, side: null };
    const nouns = r.pick(POP_WORDS[popKeyOf(pop)]);
    let who = nouns[0];
    let were = 'were';
    const figureClaim = (
      measure: string,
      n: number,
      claimKind: 'casualties' | 'munitions',
      sentence: (fig: string) => { before: string; exact: string; after: string },
    ) => {
      const phrase = figurePhrase(r, reported(r, n), measure === 'rockets_fired');
      const one = /^(?:at least )?(?:one|1)$/.test(phrase);
      who = one ? nouns[1] : nouns[0];
      were = one ? 'was' : 'were';
      const s = sentence(phrase);
      const start = tb.add(dateline + s.before) + dateline.length + s.before.length;
      tb.glue(s.exact + s.after);
      mark(k, start, s.exact, {
        kind: claimKind,
        speaker,
        measure,
        population: claimKind === 'casualties' ? pop : { nationality: null, affiliation: 'unknown', side: null },
        figure: figureOf(phrase),
        parts: [],
      });
    };
    if (kind === 'killed') {
      figureClaim('killed', ev.killed, 'casualties', (f) =>
        r.pick([
          { before: '', exact: `${cap(f)} ${who} ${were} killed`, after: ` when the ${ev.event.type} struck ${ev.short}, ${speaker} said.` },
          { before: `The ${ev.event.type} on ${ev.short} `, exact: `killed ${f} ${who}`, after: `, according to ${speaker}.` },
          { before: `According to ${speaker}, `, exact: `${f} ${who} died`, after: ` in the attack.` },
        ]),
      );
    } else if (kind === 'wounded') {
      figureClaim('wounded', ev.wounded, 'casualties', (f) =>
        r.pick([
          { before: '', exact: `${cap(f)} ${who} ${were} wounded`, after: `, ${speaker} said.` },
          {
            before: `Medics treated the injured; `,
            exact: `${f} ${who} ${were} hurt`,
            after: `, ${r.chance(0.5) ? 'some of them seriously' : 'none critically'}.`,
          },
          { before: `The attack also `, exact: `wounded ${f} ${who}`, after: `, ${speaker} told reporters.` },
        ]),
      );
    } else if (kind === 'rockets') {
      figureClaim('rockets_fired', ev.rockets, 'munitions', (f) =>
        r.pick([
          {
            before: '',
            exact: `${cap(f)} ${f === 'one' || f === '1' ? 'rocket was' : 'rockets were'} fired`,
            after: ` at ${ev.short} from a truck parked nearby, ${speaker} said.`,
          },
          { before: `According to ${speaker}, `, exact: `${f} Katyusha rockets were launched`, after: ` towards the base.` },
          { before: `The attackers `, exact: `fired ${f} rockets`, after: `, ${speaker} said.` },
        ]),
      );
    } else if (kind === 'attribution') {
      const name = r.chance(0.6) ? ev.actor.name : r.pick(ev.actor.aliases);
      const stance = r.pick(['accused', 'suspected', 'claimed', 'denied', 'asserted'] as const);
      const s =
        stance === 'claimed'
          ? { before: '', exact: `${name} claimed responsibility`, after: ` for the attack in a statement on its channels.` }
          : stance === 'denied'
            ? { before: `A spokesman said `, exact: `${name} had no part in the attack`, after: ` and accused Washington of seeking a pretext.` }
            : stance === 'suspected'
              ? { before: `Officials `, exact: `suspect ${name}`, after: ` of carrying out the attack, ${speaker} said.` }
              : stance === 'accused'
                ? { before: `${cap(speaker)} `, exact: `blamed ${name}`, after: ` for the attack.` }
                : { before: `The attack bore the hallmarks of `, exact: name, after: `, which has struck the area before.` };
      const start = tb.add(dateline + s.before) + dateline.length + s.before.length;
      tb.glue(s.exact + s.after);
      const by = stance === 'claimed' || stance === 'asserted' ? null : speaker;
      mark(k, start, s.exact, { kind: 'attribution', speaker: by, perpetrator: { name, actorId: ev.actor.id }, attributedBy: by, stance });
    } else {
      // News is past tense: a weekday resolves to the latest such day on or before publication, which is
      // the event's date when it is 0–6 days before; otherwise the source writes the date out.
      const daysBefore = Math.round((published.getTime() - ev.date.getTime()) / DAY);
      const day = WEEKDAYS[ev.date.getUTCDay()];
      const written = `${MONTHS[ev.date.getUTCMonth()]} ${ev.date.getUTCDate()}`;
      const when =
        daysBefore >= 0 && daysBefore <= 6
          ? r.pick([day, `early ${day}`, `late on ${day}`, `${day} night`, written])
          : `${written}, ${ev.date.getUTCFullYear()}`;
      const relative = !/\d/.test(when);
      const s = r.pick([
        { before: relative ? `The attack took place ` : `The attack took place on `, exact: when, after: `, ${speaker} said.` },
        { before: relative ? `The first impacts were reported ` : `The first impacts were reported on `, exact: when, after: ` near ${ev.short}.` },
      ]);
      const start = tb.add(dateline + s.before) + dateline.length + s.before.length;
      tb.glue(s.exact + s.after);
      mark(k, start, s.exact, {
        kind: 'timing',
        speaker,
        expression: when,
        reference: pubIso,
        anchorClaimId: null,
        start: iso(ev.date),
        end: iso(ev.date),
        precision: 'day',
        method: relative ? `the latest ${day} on or before publication` : 'the date as written',
        relative,
        approximate: /early|late|night/.test(when),
      });
    }
    // Between claims: a few filler sentences, and now and then a paragraph break.
    fillers(r.int(1, 3));
    if (r.chance(0.55)) tb.end();
  }
  const rare = r.chance(0.02);
  if (rare) tb.add(RARE);
  // Pad to 3–6 KB with filler paragraphs.
  const target = r.int(3000, 6000);
  while (tb.chars < target) {
    fillers(r.int(2, 4));
    tb.end();
  }
  const built = tb.text();

  for (const p of pending) {
    if (built.slice(p.start, p.start + p.exact.length) !== p.exact) throw new Error(`gen-case: source ${i} claim ${p.k}: offsets do not match the text`);
    const annotationId = `an_${id.slice(2)}_${p.k}`;
    const { prefix, suffix } = contextOf(built, p.start, p.start + p.exact.length);
    annotations.push({
      id: annotationId,
      sourceId: id,
      targets: [{ start: p.start, end: p.start + p.exact.length, exact: p.exact, prefix, suffix }],
      kind: p.fields.kind,
      created: STAMP,
      modified: STAMP,
    });
    const ev = evs[p.k < Math.ceil(claimsPerSource / 2) ? 0 : 1];
    claims.push({
      id: `cl_${id.slice(2)}_${p.k}`,
      sourceId: id,
      annotationId,
      eventId: ev.event.id,
      speaker: null,
      asOf: null,
      note: '',
      origin: p.k % 3 === 0 ? { type: 'suggestion', rule: 'generated' } : { type: 'manual' },
      created: STAMP,
      modified: STAMP,
      ...p.fields,
    } as Claim);
  }

  const original = new TextEncoder().encode(built);
  const source: Source = {
    id,
    kind: 'text',
    file: `report-${String(i).padStart(6, '0')}.txt`,
    sha256: createHash('sha256').update(original).digest('hex'),
    originalExt: 'txt',
    bytes: original.byteLength,
    importedAt: STAMP,
    title: { value: title, confidence: 'medium', how: 'first line' },
    outlet: { value: outlet, confidence: 'medium', how: 'byline' },
    authors: { value: [author], confidence: 'medium', how: 'byline' },
    published: { value: { date: pubIso, precision: 'day' }, confidence: 'high', how: 'dateline' },
    url: `https://news.example/${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}/${pubIso}/${i}`,
    language: 'en',
    direction: 'ltr',
    independenceGroup: outlet,
    notes: '',
    characters: built.length,
    pages: null,
    warnings: [],
  };
  const bodyJson = JSON.stringify({ schemaVersion: CASE_FORMAT_VERSION, id, text: built, annotations, claims }) + '\n';
  return { source, bodyJson, text: built, original, annotations: annotations.length, claims: claims.length, rare };
}

// ---------------------------------------------------------------- the case

export function generateCase(opts: GenOptions): GenResult {
  const t0 = performance.now();
  const n = opts.sources;
  const seed = opts.seed ?? 1;
  const perSource = opts.claimsPerSource ?? 10;
  if (!Number.isInteger(n) || n < 1) throw new Error('--sources must be a positive whole number');
  if (!Number.isInteger(perSource) || perSource < 1 || perSource > 200) throw new Error('--claims-per-source must be between 1 and 200');
  const dir = path.resolve(opts.out);
  if (fs.existsSync(indexPath(dir))) {
    if (!opts.force) throw new Error(`There is already a case in ${dir} (use --force to replace it).`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const sub of [SOURCES_DIR, ORIGINALS_DIR, BACKUPS_DIR]) fs.mkdirSync(path.join(dir, sub), { recursive: true });

  const eventCount = Math.max(1, Math.floor(n / 2));
  const sources: Source[] = [];
  let annotations = 0;
  let claims = 0;
  let textChars = 0;
  let bytes = 0;
  let rareSources = 0;
  for (let i = 0; i < n; i++) {
    const s = makeSourceFiles(seed, i, eventCount, perSource);
    fs.writeFileSync(bodyPath(dir, s.source.id), s.bodyJson);
    fs.writeFileSync(path.join(dir, ORIGINALS_DIR, `${s.source.sha256}.txt`), s.original);
    sources.push(s.source);
    annotations += s.annotations;
    claims += s.claims;
    textChars += s.text.length;
    bytes += s.bodyJson.length + s.original.byteLength;
    if (s.rare) rareSources++;
  }
  // Only events that some source reports on (with fewer than 4 sources, cluster 0 covers events 0 and 1).
  const used = new Set<number>();
  for (let c = 0; c * 4 < n; c++) used.add((2 * c) % eventCount).add((2 * c + 1) % eventCount);
  const events = [...used].sort((a, b) => a - b).map((e) => eventFacts(seed, e).event);

  const caseId = fixedCaseId(dir);
  const now = new Date(STAMP).toISOString();
  const index: CaseIndex = {
    format: 'corroborate-case',
    schemaVersion: CASE_FORMAT_VERSION,
    id: caseId,
    name: `Generated case: ${n.toLocaleString('en-US')} sources (seed ${seed})`,
    created: now,
    modified: now,
    sources,
    events,
    actors: ACTORS,
    decisions: [],
    reconciliations: [],
    gradeOverrides: [],
  };
  const indexText = encodeIndex(index, `generated-${seed}-${n}-${perSource}`);
  fs.writeFileSync(indexPath(dir), indexText);
  bytes += indexText.length;
  return {
    dir,
    caseId,
    sources: n,
    annotations,
    claims,
    events: events.length,
    actors: ACTORS.length,
    textChars,
    bytes,
    ms: performance.now() - t0,
    rarePhrase: 'old spice market',
    rareSources,
  };
}

/** Opens the folder as the app would and lists every warning and problem (an empty list: it is sound). */
export async function checkCase(dir: string): Promise<{ warnings: string[]; problems: string[]; claims: number; annotations: number; ms: number }> {
  const t0 = performance.now();
  const { CaseStore } = await import('../electron/core/store/index.ts');
  const { CaseClaims } = await import('../electron/core/claims.ts');
  const store = await CaseStore.open(dir);
  try {
    const claims = await CaseClaims.load(store);
    const view = claims.view();
    return {
      warnings: [...store.warnings],
      problems: view.problems,
      claims: view.claims.length,
      annotations: view.annotations.length,
      ms: performance.now() - t0,
    };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------- command line

function parseArgs(argv: string[]): GenOptions & { check: boolean } {
  const out: Partial<GenOptions> & { check: boolean } = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sources') out.sources = Number(value().replace(/[_,]/g, ''));
    else if (a === '--out') out.out = value();
    else if (a === '--claims-per-source') out.claimsPerSource = Number(value());
    else if (a === '--seed') out.seed = Number(value());
    else if (a === '--force') out.force = true;
    else if (a === '--check') out.check = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out.sources || !out.out)
    throw new Error('usage: node scripts/gen-case.ts --sources N --out DIR [--claims-per-source 10] [--seed 1] [--force] [--check]');
  return out as GenOptions & { check: boolean };
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const r = generateCase(opts);
  const f = (x: number) => x.toLocaleString('en-US');
  console.log(
    `${r.dir}: ${f(r.sources)} sources, ${f(r.annotations)} annotations, ${f(r.claims)} claims, ${f(r.events)} events, ${r.actors} actors; ` +
      `${(r.textChars / 1e6).toFixed(1)} M characters of text, ${(r.bytes / 1e6).toFixed(1)} MB written in ${(r.ms / 1000).toFixed(1)} s`,
  );
  if (opts.check) {
    const c = await checkCase(r.dir);
    console.log(
      `check: opened with CaseStore.open + CaseClaims.load in ${(c.ms / 1000).toFixed(1)} s: ${f(c.claims)} claims, ${f(c.annotations)} annotations, ${c.warnings.length} warnings, ${c.problems.length} problems`,
    );
    for (const w of [...c.warnings, ...c.problems].slice(0, 20)) console.log(`  ${w}`);
    if (c.warnings.length || c.problems.length || c.claims !== r.claims || c.annotations !== r.annotations) process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
