// A case's claims as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/), so any
// annotation tool can read where each claim is and what it says.
//
// Choices, and why:
// - One annotation per claim (notes are claims of kind 'note'); a passage shared by two claims gives
//   two annotations with the same target, because each says something different about it.
// - Each passage is a SpecificResource on the source's canonical text with two equivalent selectors:
//   TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector counted in Unicode code points,
//   as the model requires (our stored offsets are UTF-16 units; shared/text/codepoints.ts converts).
//   An orphaned passage (its text changed and it could not be found again) gets the quote only: its
//   old position would point at the wrong words.
// - Bodies: a tagging body with the claim kind, a describing body in plain words, and the structured
//   claim under namespaced keys (crb:claim, crb:figure), typed @json so JSON-LD processors keep them.
// - Ids are URNs built from the case and record ids: stable across exports, so a re-export of the same
//   case gives the same annotation ids, and never a web address nobody serves.
import type { Annotation, Claim, Event, FigureClaim, Part } from '../model/claims.ts';
import { attributionText, isFigureClaim } from '../model/claims.ts';
import type { FigureValue } from '../figures/figures.ts';
import { codePointIndex, type CodePointIndex } from '../text/codepoints.ts';
import type { Source } from '../model/source.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our vocabulary's namespace: a URN, so it never implies a web address. */
export const CRB_NAMESPACE = 'urn:corroborate:vocab:';
export const W3C_CONTEXT = [
  ANNO_CONTEXT,
  {
    '@version': 1.1,
    crb: CRB_NAMESPACE,
    'crb:claim': { '@type': '@json' },
    'crb:figure': { '@type': '@json' },
    'crb:population': { '@type': '@json' },
  },
] as const;

const urnPart = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
export const caseUrn = (caseId: string) => `urn:corroborate:case:${urnPart(caseId)}`;
export const claimUrn = (caseId: string, claimId: string) => `${caseUrn(caseId)}:claim:${urnPart(claimId)}`;
export const sourceUrn = (caseId: string, sourceId: string) => `${caseUrn(caseId)}:source:${urnPart(sourceId)}`;

// ---------------------------------------------------------------- plain words

const n = (x: number) => x.toLocaleString('en-US');
const humanise = (key: string) => key.replace(/_/g, ' ');

const QUALIFIER_WORDS: Record<FigureValue['qualifier'], string> = {
  exact: 'exact',
  approx: 'approximate',
  at_least: 'at least',
  more_than: 'more than',
  nearly: 'nearly',
  up_to: 'up to',
  range: 'range',
  vague: 'vague',
  unspecified: 'no number given',
};
export const qualifierWords = (q: FigureValue['qualifier']): string => QUALIFIER_WORDS[q];

/** A normalised figure in figures: "14", "12 (10–14)", "24 or more", "up to 5". */
export function formatFigure(f: FigureValue): string {
  const { low, best, high } = f;
  if (low === null && best === null && high === null) return '?';
  if (low !== null && low === best && best === high) return n(low);
  if (high === null && low !== null) return best !== null && best !== low ? `${n(best)} (${n(low)} or more)` : `${n(low)} or more`;
  if (low === null && high !== null) return best !== null && best !== high ? `${n(best)} (up to ${n(high)})` : `up to ${n(high)}`;
  const range = `${low === null ? '?' : n(low)}–${high === null ? '?' : n(high)}`;
  return best !== null ? `${n(best)} (${range})` : range;
}

export function populationWords(p: { nationality: string | null; affiliation: string; side: string | null; role?: string | null }): string {
  const bits = [p.nationality, p.affiliation === 'unknown' ? null : p.affiliation, p.role ?? null, p.side ? `(${p.side})` : null].filter(Boolean);
  return bits.join(' ');
}

function partWords(claim: FigureClaim, part: Part): string {
  const num = formatFigure(part.figure);
  let what: string | null = null;
  if (part.measure && part.measure !== claim.measure) {
    const prefix = claim.measure ? `${claim.measure}_` : '';
    const rest = prefix && part.measure.startsWith(prefix) ? part.measure.slice(prefix.length) : part.measure;
    what = rest === 'serious' ? 'seriously' : humanise(rest);
  }
  const who = populationWords(part.population);
  return [num, what, who, part.place ? `in ${part.place}` : null].filter(Boolean).join(' ');
}

/**
 * The claim in plain words, as a reader would say it: "wounded: 14 (5 seriously), exact, said by
 * Gen. Mark Milley". Used for the describing body, the CSV and the report.
 */
export function describeClaim(claim: Claim, events: ReadonlyMap<string, Event> = new Map()): string {
  const tail: string[] = [];
  if (claim.speaker) tail.push(`said by ${claim.speaker}`);
  if (claim.asOf) tail.push(`as of ${claim.asOf}`);
  const event = claim.eventId ? events.get(claim.eventId) : undefined;
  if (event) tail.push(`event: ${event.title}`);
  let head: string;
  if (isFigureClaim(claim)) {
    const who = populationWords(claim.population);
    const measure = claim.measure ? humanise(claim.measure) : claim.kind;
    const subsets = claim.parts.filter((p) => p.subset).map((p) => partWords(claim, p));
    const added = claim.parts.filter((p) => !p.subset).map((p) => partWords(claim, p));
    const breakdown = [...subsets, ...(added.length ? [added.join(' + ')] : [])];
    head = `${measure}${who ? ` (${who})` : ''}: ${formatFigure(claim.figure)}${breakdown.length ? ` (${breakdown.join('; ')})` : ''}, ${qualifierWords(claim.figure.qualifier)}`;
    if (claim.weapon) head += `, ${claim.weapon}`;
    if (claim.place) head += `, at ${claim.place}`;
  } else if (claim.kind === 'attribution') {
    head = `attribution: ${attributionText(claim.perpetrator?.name, claim.stance, ', ')}`;
    if (claim.attributedBy && claim.attributedBy !== claim.speaker) head += ` by ${claim.attributedBy}`;
  } else if (claim.kind === 'timing') {
    const when = claim.start === null ? 'not resolved' : claim.start === claim.end ? claim.start : `${claim.start} to ${claim.end}`;
    head = `timing: “${claim.expression}” = ${when}${claim.precision ? ` (${claim.precision})` : ''}${claim.approximate ? ', approximate' : ''}`;
  } else {
    head = claim.kind === 'note' ? `note${claim.note ? `: ${oneLine(claim.note, 300)}` : ''}` : `other${claim.note ? `: ${oneLine(claim.note, 300)}` : ''}`;
  }
  return [head, ...tail].join(', ');
}

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

// ---------------------------------------------------------------- the collection

export interface W3cInput {
  caseId: string;
  caseName: string;
  /** The export's time: the collection's and each annotation's `generated`. */
  generated: string;
  appVersion: string;
  sources: Source[];
  texts: ReadonlyMap<string, string>;
  annotations: Annotation[];
  claims: Claim[];
  events: Event[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

/** Builds the AnnotationCollection (one embedded page holding every annotation). */
export function toWebAnnotations(input: W3cInput): { [k: string]: Json } {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const annotations = new Map(input.annotations.map((a) => [a.id, a]));
  const events = new Map(input.events.map((e) => [e.id, e]));
  const indexes = new Map<string, CodePointIndex>();
  const indexOf = (sourceId: string): CodePointIndex | null => {
    const text = input.texts.get(sourceId);
    if (text === undefined) return null;
    let ix = indexes.get(sourceId);
    if (!ix) indexes.set(sourceId, (ix = codePointIndex(text)));
    return ix;
  };
  const generator = { id: `${CRB_NAMESPACE}app`, type: 'Software', name: `Corroborate ${input.appVersion}` };

  const items: Json[] = [];
  for (const claim of input.claims) {
    const annotation = annotations.get(claim.annotationId);
    const source = sources.get(claim.sourceId);
    if (!annotation || !source) continue; // the bundle's reference check refuses such a case before export
    const ix = annotation.orphan ? null : indexOf(source.id);
    const sourceRes: { [k: string]: Json } = { id: sourceUrn(input.caseId, source.id), type: 'Text', format: 'text/plain' };
    if (source.language && LANGUAGE.test(source.language)) sourceRes.language = source.language;
    sourceRes.textDirection = source.direction;
    const title = source.title.value ?? source.file;
    if (title) sourceRes['crb:title'] = title;
    if (source.outlet.value) sourceRes['crb:outlet'] = source.outlet.value;
    if (source.url) sourceRes['crb:url'] = source.url;
    const targets: Json[] = annotation.targets.map((t) => {
      const quote: { [k: string]: Json } = { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix };
      const selector: Json[] = [quote];
      if (ix) selector.push({ type: 'TextPositionSelector', start: ix.toCodePoint(t.start), end: ix.toCodePoint(t.end) });
      const target: { [k: string]: Json } = { type: 'SpecificResource', source: sourceRes, selector };
      if (t.page !== undefined) target['crb:page'] = t.page;
      return target;
    });
    const bodies: Json[] = [
      { type: 'TextualBody', purpose: 'tagging', value: claim.kind, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: describeClaim(claim, events), format: 'text/plain', language: 'en' },
    ];
    if (claim.kind === 'note' && claim.note) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' });
    const item: { [k: string]: Json } = {
      id: claimUrn(input.caseId, claim.id),
      type: 'Annotation',
      motivation: claim.kind === 'note' ? 'commenting' : 'describing',
      created: claim.created,
      modified: claim.modified,
      generated: input.generated,
      generator,
      body: bodies,
      target: targets.length === 1 ? targets[0] : targets,
      'crb:claim': claim as unknown as Json,
    };
    if (isFigureClaim(claim)) {
      item['crb:measure'] = claim.measure;
      item['crb:figure'] = claim.figure as unknown as Json;
      item['crb:population'] = claim.population as unknown as Json;
    }
    if (annotation.orphan) item['crb:orphan'] = annotation.orphan.reason;
    items.push(item);
  }
  return {
    '@context': W3C_CONTEXT as unknown as Json,
    id: `${caseUrn(input.caseId)}:annotations`,
    type: 'AnnotationCollection',
    label: `${input.caseName}: claims`,
    generated: input.generated,
    generator,
    total: items.length,
    first: { id: `${caseUrn(input.caseId)}:annotations:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
