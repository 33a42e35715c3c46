// gen-case's records: each event's facts, and one source's text with its annotation and claim records.
import { createHash } from 'node:crypto';
import { contextOf } from '../../shared/text/anchor.ts';
import { CASE_FORMAT_VERSION } from '../../shared/model/case.ts';
import { figureFrom, type Actor, type Annotation, type Claim, type Event, type Figure, type Population } from '../../shared/model/claims.ts';
import type { Source } from '../../shared/model/source.ts';
import {
  ACTORS,
  CLAUSES,
  FILLER,
  FIRST,
  LAST,
  MONTHS,
  OUTLETS,
  PLACES,
  POP_WORDS,
  RARE,
  Rng,
  SPEAKERS,
  TYPES,
  TextBuilder,
  WEEKDAYS,
  WHO,
  cap,
  figurePhrase,
  popKeyOf,
  streamFor,
  words,
} from './text.ts';

// ---------------------------------------------------------------- events

export interface EventFacts {
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

export const T0 = Date.UTC(2019, 9, 1); // 2019-10-01
export const DAY = 86_400_000;
export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const STAMP = '2024-05-01T10:00:00.000Z';
export const POPULATIONS: Population[] = [
  { nationality: null, affiliation: 'unknown', side: null },
  { nationality: 'US', affiliation: 'military', side: 'coalition' },
  { nationality: 'IQ', affiliation: 'civilian', side: null },
  { nationality: 'IQ', affiliation: 'military', side: null },
];

export function eventFacts(seed: number, e: number): EventFacts {
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

const figureCache = new Map<string, Figure>();
export function figureOf(raw: string): Figure {
  let f = figureCache.get(raw);
  if (!f) {
    f = figureFrom(raw === 'no' ? '0' : raw.replace(/ of$/, ''));
    f = { ...f, raw };
    figureCache.set(raw, f);
  }
  return f;
}

/** What a source says about one figure: the event's number, or (sometimes) its own. */
export function reported(r: Rng, n: number): number {
  if (r.chance(0.75)) return n;
  return Math.max(0, n + r.pick([-2, -1, 1, 2, 3, 5]));
}

// ---------------------------------------------------------------- one source

export interface SourceOut {
  source: Source;
  bodyJson: string;
  text: string;
  original: Uint8Array;
  annotations: number;
  claims: number;
  rare: boolean;
}

export function makeSourceFiles(seed: number, i: number, eventCount: number, claimsPerSource: number): SourceOut {
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
