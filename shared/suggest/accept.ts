// Accepting a suggestion: the suggester's proposal (suggest.ts) becomes an annotation over its exact
// span and a claim with the same fields, marked as coming from a suggestion and the rule that made
// it (Origin in claims.ts), so an editor can always tell a machine proposal a human confirmed from
// a claim typed by hand.
//
// Rules, and why:
// - The annotation's target is made with makeTarget (anchor.ts) from the canonical text, so it
//   carries the prefix/suffix context that lets it re-anchor when the text changes, exactly like a
//   selection made by hand. A span across PDF pages becomes one target per page.
// - The annotation's kind is the suggestion's kind: the core hides a suggestion once an annotation
//   of its kind covers it, so the accepted suggestion leaves the list (and comes back on undo).
// - Figure claims keep the suggester's normalised figure and its rule-set version; a munitions
//   passage without a count (a weapon named) gets an unspecified figure, never a zero.
// - A perpetrator is matched against the actors given (the case's, plus any starter actors the
//   caller wants matched), by the whole name or else by the longest run of its words that names an
//   actor ("the militia Kitaeb Hezbollah" is Kata'ib Hezbollah); the name stays as written. An
//   unknown name stays a name with no actor.
// - Timing resolves against the publication date (the reference), as the suggester did.
// - Every text field is cut to its schema's limit, so the result always passes the Claim schema.
import { findActor } from '../model/actors.ts';
import { makeTarget, type TextTarget } from '../text/anchor.ts';
import { FIGURE_RULES_VERSION } from '../figures/figures.ts';
import { UNKNOWN_POPULATION, type Actor, type Annotation, type Claim, type Figure } from '../model/claims.ts';
import type { PageRange } from '../model/source.ts';
import type { Suggestion } from './suggest.ts';

export interface AcceptContext {
  sourceId: string;
  /** The source's canonical text (the suggestion's offsets point into it). */
  text: string;
  ids: { annotationId: string; claimId: string };
  /** ISO timestamp for created / modified. */
  now: string;
  /** Actors to match a perpetrator against. */
  actors: readonly Actor[];
  /** The source's publication date (YYYY-MM-DD) or null: the timing reference. */
  published: string | null;
  eventId?: string | null;
  /** PDF page ranges: a span across a page break becomes one target per page. */
  pages?: readonly PageRange[] | null;
}

const cut = (s: string | null | undefined, max: number): string | null => {
  const t = s?.trim();
  return t ? t.slice(0, max).trim() : null;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The targets of [start, end) in `text`, split at page boundaries when pages are known. */
export function targetsOf(text: string, start: number, end: number, pages?: readonly PageRange[] | null): TextTarget[] {
  const pieces: Array<{ start: number; end: number; page?: number }> = [];
  for (const p of pages ?? []) {
    const s = Math.max(start, p.start);
    const e = Math.min(end, p.end);
    if (e > s) pieces.push({ start: s, end: e, page: p.page });
  }
  if (pieces.length === 0) pieces.push({ start, end });
  const out: TextTarget[] = [];
  for (const piece of pieces) {
    try {
      out.push(makeTarget(text, piece.start, piece.end, piece.page !== undefined ? { page: piece.page } : {}));
    } catch {
      // only whitespace on this page: nothing to anchor there
    }
  }
  if (out.length === 0) throw new RangeError(`the suggestion's span ${start}–${end} holds no text`);
  return out;
}

/** The actor a perpetrator's name refers to: the whole name, else its longest run of words (up to five) that is one. */
export function actorNamed(actors: readonly Actor[], name: string): Actor | null {
  const book = [...actors];
  const whole = findActor(book, name);
  if (whole) return whole;
  const words = name.split(/\s+/).filter(Boolean);
  for (let len = Math.min(5, words.length - 1); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const run = words
        .slice(i, i + len)
        .join(' ')
        .replace(/^[("'“‘]+|[)"'”’.,;:]+$/g, '');
      if (run.length < 3) continue;
      const hit = findActor(book, run);
      if (hit) return hit;
    }
  }
  return null;
}

const noFigure = (raw: string): Figure => ({
  raw: raw.slice(0, 500),
  low: null,
  best: null,
  high: null,
  qualifier: 'unspecified',
  rules: FIGURE_RULES_VERSION,
});

/** The annotation and claim a suggestion becomes when the user accepts it (not yet stored). */
export function acceptSuggestion(s: Suggestion, ctx: AcceptContext): { annotation: Annotation; claim: Claim } {
  const annotation: Annotation = {
    id: ctx.ids.annotationId,
    sourceId: ctx.sourceId,
    targets: targetsOf(ctx.text, s.start, s.end, ctx.pages),
    kind: s.kind,
    created: ctx.now,
    modified: ctx.now,
  };
  const common = {
    id: ctx.ids.claimId,
    sourceId: ctx.sourceId,
    annotationId: annotation.id,
    eventId: ctx.eventId ?? null,
    speaker: cut(s.speaker, 300),
    asOf: null,
    note: '',
    origin: { type: 'suggestion' as const, rule: s.rule.slice(0, 200) || 'suggestion' },
    created: ctx.now,
    modified: ctx.now,
  };
  switch (s.kind) {
    case 'casualties':
    case 'munitions':
    case 'count': {
      const weapon = cut(s.weapon, 200);
      const claim: Claim = {
        kind: s.kind,
        ...common,
        measure: s.measure,
        population: s.population ?? { ...UNKNOWN_POPULATION },
        figure: s.figure ? { ...s.figure, raw: s.figure.raw.slice(0, 500) } : noFigure(''),
        parts: s.parts.slice(0, 100),
        ...(weapon ? { weapon } : {}),
      };
      return { annotation, claim };
    }
    case 'attribution': {
      const name = cut(s.perpetrator, 300);
      const claim: Claim = {
        kind: 'attribution',
        ...common,
        perpetrator: name ? { name, actorId: actorNamed(ctx.actors, name)?.id ?? null } : null,
        attributedBy: cut(s.speaker, 300),
        stance: s.stance ?? 'asserted',
      };
      return { annotation, claim };
    }
    case 'timing': {
      const d = s.date;
      const start = d?.start ?? null;
      const end = d?.end ?? start;
      const resolved = start !== null && end !== null && start <= end;
      const claim: Claim = {
        kind: 'timing',
        ...common,
        expression: cut(d?.expression, 500) ?? cut(s.quote, 500) ?? '(date)',
        reference: ctx.published && ISO_DAY.test(ctx.published) ? ctx.published : null,
        anchorClaimId: null,
        start: resolved ? start : null,
        end: resolved ? end : null,
        precision: resolved ? (d?.precision ?? null) : null,
        method: (d?.method ?? 'not resolved').slice(0, 500),
        relative: d?.relative ?? true,
        approximate: d?.approximate ?? false,
      };
      return { annotation, claim };
    }
  }
}
