// A case built from the five seed articles and the claims of seeds-key.json, read at test time:
// one source per document, the key's events, one annotation per claim made on its quote in the
// canonical text, and the key's fields converted into the Claim schema. Everything is validated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STARTER_ACTORS, findActor, normaliseActorName } from '../../shared/model/actors.ts';
import { makeTarget } from '../../shared/text/anchor.ts';
import { canonicalize } from '../../shared/text/canonical.ts';
import { type Annotation, type Claim, type ClaimKind, type Event, type Part, type Population, Claim as ClaimSchema } from '../../shared/model/claims.ts';
import { ClaimState } from '../../shared/model/commands.ts';
import type { SourceInfo } from '../../shared/compare/conflicts.ts';
import { FIGURE_RULES_VERSION, type Qualifier } from '../../shared/figures/figures.ts';
import { findTimingExpressions } from '../../shared/timing/timing.ts';
import { corpusDir, seedsDir } from './corpus.ts';

const T = '2024-05-01T10:00:00.000Z';

interface KeyFigure {
  low: number | null;
  best: number | null;
  high: number | null;
  qualifier: string;
}
interface KeyPopulation {
  nationality?: string;
  affiliation?: string;
  side?: string;
  role?: string;
  place?: string;
  severity?: string;
}
interface KeyClaim {
  id: string;
  doc: string;
  event: string | null;
  kind: ClaimKind;
  quote: string;
  measure?: string;
  figure?: KeyFigure;
  population?: KeyPopulation;
  parts?: Array<{ population: KeyPopulation; figure: KeyFigure; subset?: boolean }>;
  perpetrator?: string;
  stance?: string;
  speaker?: string;
  asOf?: string;
  date?: string;
  datePrecision?: string;
  weapon?: string;
  note?: string;
}
interface KeyEvent {
  id: string;
  title: string;
  date?: string;
  datePrecision?: string;
  place?: string;
  aggregate?: boolean;
}
interface KeyDoc {
  outlet: string | null;
  wire?: string;
  title: string;
  published: string | null;
  likelyPublished?: string;
  independenceGroup: string;
}
export interface KeyDisagreement {
  id: string;
  event: string;
  key: string;
  claims: string[];
  verdict: string;
  why: string;
}
export interface FullKey {
  documents: Record<string, KeyDoc>;
  events: KeyEvent[];
  claims: KeyClaim[];
  disagreements: KeyDisagreement[];
}

export interface SeedSource extends SourceInfo {
  title: string;
  outlet: string | null;
  published: string | null;
  file: string;
}

export interface SeedCase {
  state: ClaimState;
  sources: SeedSource[];
  key: FullKey;
  texts: Map<string, string>;
}

/** "000_4515992783bf4428.txt" → "s_4515992783bf4428" (the Source id pattern). */
export const sourceIdOf = (file: string) =>
  `s_${file
    .replace(/^\d+_/, '')
    .replace(/\.txt$/, '')
    .toLowerCase()}`;

const population = (p: KeyPopulation = {}): Population => ({
  nationality: p.nationality ?? null,
  affiliation: (p.affiliation as Population['affiliation']) ?? 'unknown',
  side: p.side ?? null,
  role: p.role ?? null,
});

/** The figure as written: the passage's words (a parser's number span alone would show "a" for "an American contractor"). */
const figure = (f: KeyFigure, quote: string) => ({
  raw: quote,
  low: f.low,
  best: f.best,
  high: f.high,
  qualifier: f.qualifier as Qualifier,
  rules: FIGURE_RULES_VERSION,
});

/** Finds the quote in the canonical text, allowing for whitespace the canonical form changed. */
function locate(text: string, quote: string): [number, number] {
  const at = text.indexOf(quote);
  if (at >= 0) return [at, at + quote.length];
  const re = new RegExp(
    quote
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );
  const m = re.exec(text);
  if (!m) throw new Error(`quote not found: ${quote}`);
  return [m.index, m.index + m[0].length];
}

/** The perpetrator as the quote spells it when it spells the key's name differently ("Kitaeb"). */
function spelledAs(name: string, quote: string): string {
  if (quote.includes(name)) return name;
  const want = normaliseActorName(name);
  const words = quote.split(/\s+/);
  const n = name.split(/\s+/).length;
  for (let i = 0; i + n <= words.length; i++) {
    const candidate = words
      .slice(i, i + n)
      .join(' ')
      .replace(/[.,;:]+$/, '');
    if (normaliseActorName(candidate) === want) return candidate;
  }
  return name;
}

function toClaim(k: KeyClaim, sourceId: string, reference: string | null): Claim {
  const common = {
    id: k.id,
    sourceId,
    annotationId: `an-${k.id}`,
    eventId: k.event,
    speaker: k.speaker ?? null,
    asOf: k.asOf ?? null,
    note: k.note ?? '',
    origin: { type: 'manual' as const },
    created: T,
    modified: T,
  };
  switch (k.kind) {
    case 'casualties':
    case 'munitions':
    case 'count': {
      const measure = k.measure ?? null;
      const parts: Part[] = (k.parts ?? []).map((p) => ({
        population: population(p.population),
        figure: { ...figure(p.figure, ''), raw: '' },
        subset: p.subset === true,
        measure: p.population.severity === 'serious' && measure ? `${measure}_serious`.replace(/^wounded_serious_serious$/, 'wounded_serious') : null,
        place: p.population.place ?? null,
      }));
      const f = k.figure
        ? figure(k.figure, k.quote)
        : { raw: k.quote, low: null, best: null, high: null, qualifier: 'unspecified' as const, rules: FIGURE_RULES_VERSION };
      return ClaimSchema.parse({ kind: k.kind, ...common, measure, weapon: k.weapon ?? null, population: population(k.population), figure: f, parts });
    }
    case 'attribution': {
      const name = k.perpetrator ? spelledAs(k.perpetrator, k.quote) : null;
      const actor = name ? findActor([...STARTER_ACTORS], name) : null;
      return ClaimSchema.parse({
        kind: 'attribution',
        ...common,
        perpetrator: name ? { name, actorId: actor?.id ?? null } : null,
        attributedBy: k.speaker ?? null,
        stance: k.stance,
      });
    }
    case 'timing': {
      const expression =
        findTimingExpressions(k.quote)
          .map((e) => e.text)
          .join(' ') || k.quote;
      return ClaimSchema.parse({
        kind: 'timing',
        ...common,
        expression,
        reference,
        anchorClaimId: null,
        start: k.date ?? null,
        end: k.date ?? null,
        precision: k.date ? 'day' : null,
        method: k.date ? 'manual' : 'not understood as a date',
        relative: false,
        approximate: k.datePrecision === 'approximate',
      });
    }
    default:
      return ClaimSchema.parse({ kind: k.kind, ...common });
  }
}

function toEvent(e: KeyEvent): Event {
  return {
    id: e.id,
    title: e.title,
    start: e.date ?? null,
    end: e.date ?? null,
    precision: e.date ? 'day' : null,
    place: e.place ?? null,
    placePrecision: null,
    type: e.aggregate ? 'running count' : null,
    actorIds: [],
    aggregate: e.aggregate === true,
    note: e.datePrecision ?? '',
    created: T,
    modified: T,
  };
}

/** Builds the seed case. Throws if a quote is missing or a record does not validate. */
export function buildSeedCase(): SeedCase {
  const key = JSON.parse(readFileSync(join(corpusDir, 'seeds-key.json'), 'utf8')) as FullKey;
  const texts = new Map<string, string>();
  const sources: SeedSource[] = [];
  for (const [file, doc] of Object.entries(key.documents)) {
    const id = sourceIdOf(file);
    texts.set(id, canonicalize(readFileSync(join(seedsDir, file), 'utf8')));
    sources.push({
      id,
      file,
      title: doc.title,
      outlet: doc.outlet,
      name: doc.outlet ?? doc.wire ?? doc.title,
      published: doc.published,
      independenceGroup: doc.independenceGroup,
    });
  }
  const annotations: Annotation[] = [];
  const claims: Claim[] = [];
  for (const k of key.claims) {
    const sourceId = sourceIdOf(k.doc);
    const text = texts.get(sourceId);
    if (text === undefined) throw new Error(`${k.id}: no document ${k.doc}`);
    const [start, end] = locate(text, k.quote);
    annotations.push({ id: `an-${k.id}`, sourceId, targets: [makeTarget(text, start, end)], kind: k.kind, created: T, modified: T });
    const doc = key.documents[k.doc];
    claims.push(toClaim(k, sourceId, doc.published ?? doc.likelyPublished ?? null));
  }
  const state = ClaimState.parse({
    annotations,
    claims,
    events: key.events.map(toEvent),
    actors: STARTER_ACTORS.map((a) => ({ ...a, aliases: [...a.aliases] })),
  });
  return { state, sources, key, texts };
}
