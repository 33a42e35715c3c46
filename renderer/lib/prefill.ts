// A new claim pre-filled from the words a user selected: what a fact-checker would type anyway
// (the figure, the measure, who was counted, the date), always shown in the form to confirm or edit.
//
// Rules, and why:
// - The figure comes from parseFigure (shared/figures/figures.ts), parts and subsets included, so the form
//   and the suggester agree on what "about a dozen" means.
// - The measure and population are guessed from plain words (killed / wounded / seriously; U.S. /
//   British / Iraqi; soldier / contractor / militants). A guess is a default, never hidden: every
//   guessed value is visible and editable in the form.
// - A part's population is read from the words right after its number ("two U.S. service members");
//   a subset ("five seriously") narrows the measure (wounded → wounded_serious) instead.
// - Timing resolves against the source's publication date, as news is past tense; with no date the
//   claim says so and re-resolves once the date is set in Details.
// - A perpetrator is matched against the case's actor book, else the starter list, by any alias in
//   any spelling (shared/model/actors.ts).
// - One parser: the suggester (shared/suggest/suggest.ts) has already read the source in the core, off the
//   window's thread (the suggestions the pane draws); the best-covering suggestion of the key's kind
//   pre-fills the form (perpetrator, stance, speaker, population, parts, date), so a hand tag is
//   never dumber than a suggestion. The renderer never runs the suggester itself: its NLP model
//   takes a second to set up and reading a long source blocks input. The word guesses below are the
//   fallback for passages it reads nothing in, and for passages whose suggestion is not in the list:
//   one the user accepted (the passage is a claim already) or rejected (the user said it reads
//   wrong), or a list the core has not sent yet.
import { blankClaim, figureFrom, type Actor, type Claim, type Part, type Population } from '../../shared/model/claims.ts';
import { findActor, normaliseActorName } from '../../shared/model/actors.ts';
import { parseFigure } from '../../shared/figures/figures.ts';
import { findTimingExpressions, withResolvedTiming } from '../../shared/timing/timing.ts';
import { partPlace } from '../../shared/compare/places.ts';
import { acceptSuggestion } from '../../shared/suggest/accept.ts';
import type { Suggestion } from '../../shared/suggest/suggest.ts';

type Kind = 'casualties' | 'munitions' | 'attribution' | 'timing' | 'note';

/** The measure a passage counts, from its words; null when nothing says. Order matters: specific first. */
export function guessMeasure(text: string, kind: Kind | 'count'): string | null {
  const t = text.toLowerCase();
  if (kind === 'casualties' || kind === 'count' || kind === 'munitions') {
    if (/\bseriously\b|\bcritically\b|\bserious(ly)? (injur|wound)/.test(t) && !/\b(wound|injur|hurt)/.test(t.replace(/seriously (wounded|injured)/, '')))
      return 'wounded_serious';
    if (/\b(killed|kill|killing|dead|died|deaths?|death toll|fatalit)/.test(t)) return 'killed';
    if (/\b(wound|injur|hurt|concuss|traumatic brain)/.test(t)) return 'wounded';
    if (/\bmissing\b/.test(t)) return 'missing';
    if (/\brockets?\b/.test(t)) {
      if (/\b(landed|struck|impacted|hit|fell)\b/.test(t)) return 'rockets_impacted';
      return 'rockets_fired';
    }
    if (/\bmissiles?\b/.test(t)) return 'missiles';
    if (/\bdrones?\b/.test(t)) return 'drones';
    if (/\bmortars?\b/.test(t)) return 'mortars';
    if (/\b(facilities|sites|targets|bases|positions)\b/.test(t) && /\b(struck|strike|strikes|targeted|hit|bombed|airstrikes?)\b/.test(t))
      return 'targets_struck';
    if (/\b(attacks|assaults|strikes|incidents)\b/.test(t)) return 'attacks';
  }
  return null;
}

// Abbreviations are matched in capitals only ("US", "U.S."), so the pronoun "us" is not a nationality.
const NATIONALITIES: Array<[RegExp, string]> = [
  [/\b(?:[Aa]merican|AMERICAN)s?\b(?!-)|(?<![\w.])(?:U\.S\.|US|USA|United States)(?![\w-])/, 'US'],
  [/\b(?:[Bb]ritish|[Bb]ritons?|BRITISH)\b(?!-)|(?<![\w.])(?:U\.K\.|UK)(?![\w-])/, 'GB'],
  [/\b[Ii]raqis?\b(?!-)/, 'IQ'],
  [/\b[Ii]ranians?\b(?!-)/, 'IR'],
  [/\b[Ss]yrians?\b(?!-)/, 'SY'],
];
const AFFILIATIONS: Array<[RegExp, Population['affiliation']]> = [
  [/\bcontractors?\b/i, 'contractor'],
  [/\b(soldiers?|troops?|service ?members?|servicemen|personnel|marines?|airmen|sailors?|military)\b/i, 'military'],
  [/\b(militants?|militiamen|fighters?|insurgents?|militia members?)\b/i, 'militant'],
  [/\b(police(men|women)?|policemen)\b/i, 'police'],
  [/\b(civilians?|residents?|children|women|villagers?)\b/i, 'civilian'],
];

/** Who was counted, from words such as "two U.S. service members"; unknown where the words do not say. */
export function guessPopulation(text: string): Population {
  const nationality = NATIONALITIES.find(([re]) => re.test(text))?.[1] ?? null;
  const affiliation = AFFILIATIONS.find(([re]) => re.test(text))?.[1] ?? 'unknown';
  const side = /\bcoalition\b/i.test(text) ? 'coalition' : null;
  return { nationality, affiliation, side };
}

/** The population all parts share (for the claim as a whole); unknown/null where they differ. */
function common(pops: Population[]): Population | null {
  if (pops.length === 0) return null;
  const same = <K extends keyof Population>(k: K) => (pops.every((p) => p[k] === pops[0][k]) ? pops[0][k] : null);
  return {
    nationality: same('nationality') ?? null,
    affiliation: (same('affiliation') as Population['affiliation'] | null) ?? 'unknown',
    side: same('side') ?? null,
  };
}

export interface PrefillContext {
  id: string;
  annotationId: string;
  sourceId: string;
  created: string;
  /** The source's publication date (YYYY-MM-DD) or null. */
  published: string | null;
  /** The case's actor book; the starter list is used when it is empty. */
  actors: Actor[];
  starterActors: readonly Actor[];
  /**
   * The source's canonical text, where the selection is in it, and the suggestions the core made of
   * that text (offsets into it): the best-covering one pre-fills the form, so a speaker or a date
   * outside the selected words still comes along.
   */
  within?: { text: string; targets: ReadonlyArray<{ start: number; end: number }>; suggestions: readonly Suggestion[] };
}

/** The words of a part's head up to the next joined group ("British and two U.S." → "British"). */
const headWords = (head: string) => head.split(/\s+(?:and|&|,)\s+|,\s*/)[0] ?? head;

/** The suggestion kinds a tagging key can take: "m" tags munitions and counts of attacks or strikes. */
const KEY_KINDS: Record<Kind, readonly Suggestion['kind'][]> = {
  casualties: ['casualties'],
  munitions: ['munitions', 'count'],
  attribution: ['attribution'],
  timing: ['timing'],
  note: [],
};

/**
 * The claim the suggester made of the selected passage: of the source's suggestions, the one of the
 * key's kind that covers most of the selection (a timing key also takes the date of a figure or
 * attribution suggestion), made a claim exactly as accepting it would (acceptSuggestion), but
 * hand-tagged (origin manual). Null when no suggestion of that kind covers the selection.
 */
export function suggestedClaim(kind: Kind, text: string, ctx: PrefillContext): Claim | null {
  const kinds = KEY_KINDS[kind];
  const w = ctx.within;
  if (kinds.length === 0 || !text.trim() || !w || w.suggestions.length === 0) return null;
  const sel = w.targets.filter((t) => t.start >= 0 && t.end <= w.text.length && t.start < t.end);
  if (sel.length === 0) return null;
  // characters of the selection (all its passages) a span covers
  const covered = (s: { start: number; end: number }) => sel.reduce((n, t) => n + Math.max(0, Math.min(s.end, t.end) - Math.max(s.start, t.start)), 0);
  const rank = (a: Suggestion, b: Suggestion) => covered(b) - covered(a) || b.confidence - a.confidence;
  // a repeated attribution is one suggestion with its later passages as mentions: selecting one of
  // them pre-fills from it as selecting the first would (shared/suggest/attribution/repeats.ts)
  const spans = w.suggestions.flatMap((s) => [
    s,
    ...(s.mentions ?? []).map((m) => ({ ...s, start: m.start, end: m.end, quote: w.text.slice(m.start, m.end), mentions: [] })),
  ]);
  const list = spans.filter((s) => s.start >= 0 && s.end <= w.text.length);
  let best = list.filter((s) => kinds.includes(s.kind) && covered(s) > 0).sort(rank)[0];
  if (!best && kind === 'timing') {
    const dated = list.filter((s) => s.date?.start && covered(s.date.at) > 0).sort((a, b) => covered(b.date!.at) - covered(a.date!.at))[0];
    if (dated?.date) best = { ...dated, kind: 'timing', start: dated.date.at.start, end: dated.date.at.end, quote: dated.date.expression };
  }
  if (!best) return null;
  const { claim } = acceptSuggestion(best, {
    sourceId: ctx.sourceId,
    text: w.text,
    ids: { annotationId: ctx.annotationId, claimId: ctx.id },
    now: ctx.created,
    actors: actorBook(ctx.actors, ctx.starterActors),
    published: ctx.published,
  });
  return { ...claim, origin: { type: 'manual' } };
}

/** A new claim of `kind` from the selected `text`, pre-filled as described at the top. */
export function prefillClaim(kind: Kind, text: string, ctx: PrefillContext): Claim {
  // one parser: what the suggester read in the passage is what the form starts from; the word
  // guesses below are only the fallback for a passage it has no suggestion for
  const suggested = suggestedClaim(kind, text, ctx);
  if (suggested) return suggested;
  const claim = blankClaim(kind, { id: ctx.id, sourceId: ctx.sourceId, annotationId: ctx.annotationId, created: ctx.created, text });
  const quote = text.replace(/\s+/g, ' ').trim();
  if (claim.kind === 'casualties' || claim.kind === 'munitions' || claim.kind === 'count') {
    const parsed = parseFigure(quote);
    const measure = guessMeasure(quote, claim.kind) ?? claim.measure;
    const parts: Part[] = (parsed?.parts ?? []).map((p) => {
      const figure = figureFrom(p.raw);
      const narrowed = p.subset ? guessMeasure(p.head, claim.kind) : null;
      return {
        population: p.subset ? guessPopulation('') : guessPopulation(headWords(p.head)),
        figure: { ...figure, low: p.low, best: p.best, high: p.high, qualifier: p.qualifier },
        subset: p.subset,
        ...(p.subset ? { measure: narrowed ?? (measure === 'wounded' && /serious/i.test(p.head) ? 'wounded_serious' : null) } : {}),
        // a breakdown by place, as the suggester reads it: "with 57 in Iraq and 83 in Syria"
        ...(!p.subset && partPlace(p.head) ? { place: partPlace(p.head) } : {}),
      };
    });
    // "one British and two U.S. service members": the noun at the end counts for every group.
    const groups = parts.filter((p) => !p.subset);
    const lastAffiliation = groups.at(-1)?.population.affiliation ?? 'unknown';
    if (lastAffiliation !== 'unknown') {
      for (const p of groups) if (p.population.affiliation === 'unknown') p.population = { ...p.population, affiliation: lastAffiliation };
    }
    const whole = groups;
    const population = whole.length ? { ...(common(whole.map((p) => p.population)) as Population), side: guessPopulation(quote).side } : guessPopulation(quote);
    const figure = parsed
      ? { raw: parsed.raw, low: parsed.low, best: parsed.best, high: parsed.high, qualifier: parsed.qualifier, rules: parsed.rules }
      : figureFrom('');
    // When every part has the same population, the breakdown adds nothing beyond the total.
    const informative = parts.length > 1 || parts.some((p) => p.subset) ? parts : [];
    return { ...claim, measure, population, figure, parts: informative };
  }
  if (claim.kind === 'timing') {
    const found = findTimingExpressions(quote)[0];
    const expression = found ? found.text : quote.slice(0, 500) || '(date)';
    return withResolvedTiming({ ...claim, expression }, ctx.published);
  }
  if (claim.kind === 'attribution') {
    const book = actorBook(ctx.actors, ctx.starterActors);
    const match = findActorIn(book, quote);
    const stance = guessStance(quote);
    return { ...claim, stance, perpetrator: match ? { name: match.written, actorId: match.actor.id } : null };
  }
  return claim;
}

/**
 * The actors to match against: the case's own first, then starter actors none of whose names the
 * case already uses (a starter actor joins the case when a claim names it).
 */
export function actorBook(caseActors: readonly Actor[], starters: readonly Actor[]): Actor[] {
  const used = new Set(caseActors.flatMap((a) => [a.name, ...a.aliases].map(normaliseActorName)));
  const extra = starters.filter((s) => !caseActors.some((a) => a.id === s.id) && ![s.name, ...s.aliases].some((n) => used.has(normaliseActorName(n))));
  return [...caseActors, ...extra];
}

/** Stance from the verb: "claimed responsibility", "blamed", "believed responsible", "denied". */
export function guessStance(text: string): 'claimed' | 'accused' | 'suspected' | 'presumed' | 'confirmed' | 'denied' | 'asserted' {
  const t = text.toLowerCase();
  if (/\bden(y|ied|ies)\b/.test(t)) return 'denied';
  if (/\bclaim(ed)? responsibility\b/.test(t)) return 'claimed';
  if (/\b(believed|suspected|thought to be|likely)\b/.test(t)) return 'suspected';
  if (/\bpresumed\b/.test(t)) return 'presumed';
  if (/\b(blamed|accused|attributed)\b/.test(t)) return 'accused';
  if (/\bconfirmed\b/.test(t)) return 'confirmed';
  return 'asserted';
}

/**
 * The first actor of the book named in a passage, with the words as the passage writes them:
 * tries every run of 1–5 words, longest first, so "Kitaeb Hezbollah" wins over "Hezbollah".
 */
export function findActorIn(book: readonly Actor[], text: string): { actor: Actor; written: string } | null {
  const words = [...text.matchAll(/[\p{L}\p{N}'’.-]+/gu)];
  for (let len = Math.min(5, words.length); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const from = words[i].index ?? 0;
      const last = words[i + len - 1];
      const written = text.slice(from, (last.index ?? 0) + last[0].length).replace(/[.,;:]+$/, '');
      if (len === 1 && written.length < 2) continue;
      const actor = findActor([...book], written);
      if (actor) return { actor, written };
    }
  }
  return null;
}
