// Test support: small synthetic cases in our own words (never the corpus' sentences), built with the
// real schemas and anchoring, for the bundle, W3C, CSV, report and merge tests.
import { createHash } from 'node:crypto';
import { makeTarget } from '../../shared/text/anchor.ts';
import type { Annotation, Claim, Event, Actor } from '../../shared/model/claims.ts';
import { figureFrom } from '../../shared/model/claims.ts';
import type { Source } from '../../shared/model/source.ts';

export const T0 = '2024-05-01T10:00:00.000Z';

export function sourceRecord(
  id: string,
  text: string,
  extra: Partial<Source> = {},
  original = new TextEncoder().encode(text),
): { source: Source; original: Uint8Array } {
  return {
    original,
    source: {
      id,
      kind: 'text',
      file: `${id}.txt`,
      sha256: createHash('sha256').update(original).digest('hex'),
      originalExt: 'txt',
      bytes: original.byteLength,
      importedAt: T0,
      title: { value: `Report ${id}`, confidence: 'medium', how: 'first line' },
      outlet: { value: 'Example Wire', confidence: 'medium', how: 'byline' },
      authors: { value: [], confidence: 'none', how: '' },
      published: { value: { date: '2024-04-30', precision: 'day' }, confidence: 'high', how: 'dateline' },
      url: null,
      language: 'en',
      direction: 'ltr',
      independenceGroup: 'Example Wire',
      notes: '',
      characters: text.length,
      pages: null,
      warnings: [],
      ...extra,
    },
  };
}

export function annotationFor(id: string, sourceId: string, text: string, quote: string, kind: Annotation['kind'] = 'casualties'): Annotation {
  const i = text.indexOf(quote);
  if (i < 0) throw new Error(`test setup: "${quote}" is not in the text`);
  return { id, sourceId, targets: [makeTarget(text, i, i + quote.length)], kind, created: T0, modified: T0 };
}

export function casualtyClaim(id: string, a: Annotation, raw: string, extra: Partial<Extract<Claim, { kind: 'casualties' }>> = {}): Claim {
  return {
    kind: 'casualties',
    id,
    sourceId: a.sourceId,
    annotationId: a.id,
    eventId: null,
    speaker: null,
    asOf: null,
    note: '',
    origin: { type: 'manual' },
    created: T0,
    modified: T0,
    measure: 'wounded',
    population: { nationality: 'US', affiliation: 'military', side: null },
    figure: figureFrom(raw),
    parts: [],
    ...extra,
  };
}

export function eventRecord(id: string, title: string, extra: Partial<Event> = {}): Event {
  return {
    id,
    title,
    start: '2024-04-29',
    end: '2024-04-29',
    precision: 'day',
    place: 'a base in the north',
    placePrecision: 'near',
    type: 'rocket attack',
    actorIds: [],
    aggregate: false,
    note: '',
    created: T0,
    modified: T0,
    ...extra,
  };
}

export const actorRecord = (id: string, name: string, aliases: string[] = []): Actor => ({ id, name, aliases });

export function noteClaim(id: string, a: Annotation, note: string): Claim {
  return {
    kind: 'note',
    id,
    sourceId: a.sourceId,
    annotationId: a.id,
    eventId: null,
    speaker: null,
    asOf: null,
    note,
    origin: { type: 'manual' },
    created: T0,
    modified: T0,
  };
}
