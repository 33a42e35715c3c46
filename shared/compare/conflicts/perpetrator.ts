// The perpetrator-row engine: who each attribution names (through the actor book) and whether they contradict.
import { findActor, foldActorName, normaliseActorName } from '../../model/actors.ts';
import type { Actor, Claim } from '../../model/claims.ts';
import { type ActorRef, type Ctx, list, makeCell, quote, some, sourceName } from './context.ts';
import { NO_CLAIM } from './plain.ts';
import type { Cell, Row } from './schema.ts';

// Lower-case generic group nouns mark a description ("Iranian-backed militia groups"); in a proper
// name they are capitalised ("Popular Mobilization Forces").
const GENERIC =
  /\b(?:militias?|groups?|forces|fighters|gunmen|insurgents|militants|factions?|prox(?:y|ies)|elements|cells|men|attackers|assailants|organi[sz]ations?|networks?|rebels)\b|\b(?:unknown|unidentified)\b/;

/** True when a name describes a kind of group rather than naming one (see the rules at the top of conflicts.ts). */
export function isDescription(name: string, book: Actor[] = []): boolean {
  if (findActor(book, name)) return false;
  return GENERIC.test(name) || /^(?:unknown|unidentified)\b/i.test(name.trim());
}

/**
 * The book's actor a name extends, when the name is not in the book itself: an actor's name or
 * alias followed by more words or a hyphenated suffix names a branch of it ("ISIS-K", "Islamic
 * State in Khorasan", "Islamic State Khyber Pakhtunkhwa" are branches of the Islamic State). The
 * longest such head wins; a head is a whole name, never part of a word.
 */
export function parentActor(book: Actor[], name: string): Actor | null {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/[\s\u2010-\u2015-]+/)
    .filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    const actor = findActor(book, head);
    if (actor) return actor;
  }
  return null;
}

/**
 * Who a perpetrator's name refers to: the book's actor (by id, else by name or alias in any
 * spelling), else a named actor outside the book (a branch of a book actor when it extends one's
 * name), else a description (see the rules at the top of conflicts.ts).
 */
export function resolveActor(book: Actor[], name: string, actorId: string | null): ActorRef {
  const byId = actorId ? book.find((a) => a.id === actorId) : undefined;
  const actor = byId ?? findActor(book, name);
  if (actor) return { identity: `actor:${actor.id}`, label: actor.name, named: true };
  if (isDescription(name, book)) return { identity: `description:${normaliseActorName(name)}`, label: name, named: false };
  const parent = parentActor(book, name);
  return parent
    ? { identity: `name:${normaliseActorName(name)}`, label: `${name}, a branch of ${parent.name}`, named: true, parent: `actor:${parent.id}` }
    : { identity: `name:${normaliseActorName(name)}`, label: name, named: true };
}

function actorRef(ctx: Ctx, name: string, actorId: string | null): ActorRef {
  const cacheKey = `${actorId ?? ''}\u0000${name}`;
  let ref = ctx.actorCache.get(cacheKey);
  if (!ref) ctx.actorCache.set(cacheKey, (ref = resolveActor(ctx.book, name, actorId)));
  return ref;
}

export type Attribution = Extract<Claim, { kind: 'attribution' }>;

export function perpetratorRow(ctx: Ctx, claims: Attribution[]): Omit<Row, 'decision'> | null {
  const row = namedRow(ctx, claims);
  return row && row.verdict !== 'conflict' ? (unclaimedFinding(ctx, claims, row) ?? row) : row;
}

// Words an acronym skips: articles and joining words of the names of armed groups in Arabic, Urdu,
// Persian and English ("Jama'at Nusrat al-Islam wal-Muslimin" is JNIM, "Tehreek-e-Taliban Pakistan" TTP).
const JOINERS = new Set([
  'al',
  'el',
  'ul',
  'wal',
  'wa',
  'w',
  'e',
  'i',
  'ash',
  'ad',
  'as',
  'an',
  'of',
  'the',
  'and',
  'for',
  'in',
  'de',
  'du',
  'des',
  'la',
  'le',
]);

/** A name's initials, skipping joining words ("JNIM"); null for a name of one word. */
export function initialsOf(name: string): string | null {
  const words = foldActorName(name.replace(/\([^)]*\)/g, ' ').replace(/[-‐‑]/g, ' '))
    .split(' ')
    .filter((w) => w && !JOINERS.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : null;
}

/** The acronym a name is written as ("JNIM", "ISKP"), lower-cased; null when it is not one. */
const acronymOf = (name: string): string | null => {
  const t = name.trim().replace(/\./g, '');
  return /^[A-Z]{2,6}$/.test(t) ? t.toLowerCase() : null;
};

function namedRow(ctx: Ctx, claims: Attribution[]): Omit<Row, 'decision'> | null {
  const withName = claims.filter((c) => c.perpetrator !== null);
  if (withName.length === 0) return null;
  const resolved = withName.map((c) => ({ c, ref: actorRef(ctx, c.perpetrator!.name, c.perpetrator!.actorId) }));
  // A branch named beside its parent is the parent at a finer level: it neither competes with it
  // nor names another actor. Two branches without their parent stay two actors.
  const present = new Set(resolved.map((r) => r.ref.identity));
  // An acronym outside the book ("JNIM") is the named actor of the row whose initials it is.
  const byInitials = new Map<string, string>();
  for (const { c, ref } of resolved) {
    const initials = ref.named ? initialsOf(c.perpetrator!.name) : null;
    if (initials && !byInitials.has(initials)) byInitials.set(initials, ref.identity);
  }
  const rootOf = (name: string, ref: ActorRef): string => {
    if (ref.parent && present.has(ref.parent)) return ref.parent;
    const acronym = ref.named && ref.identity.startsWith('name:') ? acronymOf(name) : null;
    return (acronym && byInitials.get(acronym)) || ref.identity;
  };
  const refs = resolved.map(({ c, ref }) => ({ c, ref, root: rootOf(c.perpetrator!.name, ref) }));
  const cells: Cell[] = refs.map(({ c, ref }) =>
    makeCell(ctx, c, 'perpetrator', c.perpetrator!.name, `${c.stance}; ${ref.named ? `named actor ${ref.label}` : 'a description, not a name'}`),
  );
  const who = (c: Claim, name: string) => `${sourceName(ctx, c.sourceId)} ${quote(name)}`;
  const positive = refs.filter((r) => r.c.stance !== 'denied');
  const denials = refs.filter((r) => r.c.stance === 'denied');
  const named = positive.filter((r) => r.ref.named);
  const byIdentity = new Map<string, typeof named>();
  for (const r of named) byIdentity.set(r.root, [...(byIdentity.get(r.root) ?? []), r]);
  const base = { key: 'perpetrator', measure: 'perpetrator', population: '', claims: withName.map((c) => c.id), cells };

  const claimedBy = new Map<string, (typeof named)[number]>();
  for (const r of named) if (r.c.stance === 'claimed' && !claimedBy.has(r.root)) claimedBy.set(r.root, r);
  if (claimedBy.size > 1) {
    const [a, b] = [...claimedBy.values()];
    return {
      ...base,
      verdict: 'conflict',
      why: `Competing claims of responsibility: ${who(a.c, a.c.perpetrator!.name)} and ${who(b.c, b.c.perpetrator!.name)} name different actors.`,
    };
  }
  if (byIdentity.size > 1) {
    const [a, b] = [...byIdentity.values()].map((g) => g[0]);
    return {
      ...base,
      verdict: 'conflict',
      why: `Different actors are named: ${who(a.c, a.c.perpetrator!.name)} (${a.ref.label}) against ${who(b.c, b.c.perpetrator!.name)} (${b.ref.label}).`,
    };
  }
  for (const d of denials) {
    const accused = positive.find((p) => p.root === d.root || p.ref.identity === d.ref.identity);
    if (accused)
      return {
        ...base,
        verdict: 'conflict',
        why: `${who(accused.c, accused.c.perpetrator!.name)} attributes it (${accused.c.stance}); ${who(d.c, d.c.perpetrator!.name)} reports a denial.`,
      };
  }
  if (withName.length === 1 || new Set(withName.map((c) => c.id)).size === 1) {
    return { ...base, verdict: 'single', why: `Only ${who(withName[0], withName[0].perpetrator!.name)} names a perpetrator (${withName[0].stance}).` };
  }
  const parts: string[] = [];
  const spellings = new Set(named.map((r) => r.c.perpetrator!.name.trim()));
  const branch = named.find((r) => r.root !== r.ref.identity);
  if (named.length)
    parts.push(
      `${list([...spellings].map((s) => quote(s)))} ${spellings.size > 1 ? `are ${branch ? 'spellings, aliases or branches' : 'spellings or aliases'} of one actor` : 'names one actor'}${named[0].ref.label !== named[0].c.perpetrator!.name ? ` (${named[0].ref.label})` : ''}`,
    );
  const descs = [...new Set(positive.filter((r) => !r.ref.named).map((r) => r.c.perpetrator!.name.trim()))];
  if (descs.length)
    parts.push(
      `${list(descs.map((s) => quote(s)))} ${descs.length > 1 ? 'are descriptions' : 'is a description'} of a kind of group${named.length ? ', which can include it: the same attribution at a different level of detail' : ', naming no one, so they do not contradict each other'}`,
    );
  return { ...base, verdict: 'consistent', why: `${parts.join('; ')}.` };
}

/**
 * Reports that no one has claimed the attack (no perpetrator, stance 'claimed') beside a claim of
 * responsibility. A report of no claim as of a day no later than the claim's is what was known
 * then: the claim came later (an update). One dated after every claim is unclear: it may have
 * missed the claim, or doubt it. Undated reports count as no later. Null when there is nothing to
 * compare (no claim of responsibility, or no report of none).
 */
function unclaimedFinding(ctx: Ctx, claims: Attribution[], row: Omit<Row, 'decision'>): Omit<Row, 'decision'> | null {
  const none = claims.filter((c) => c.perpetrator === null && c.stance === 'claimed');
  const claimed = claims.filter((c) => c.perpetrator !== null && c.stance === 'claimed');
  if (!none.length || !claimed.length) return null;
  const latestClaim = claimed.reduce<string | null>((m, c) => (c.asOf === null ? m : m === null || c.asOf > m ? c.asOf : m), null);
  const after = none.filter((c) => c.asOf !== null && latestClaim !== null && c.asOf > latestClaim && !c.asOf.startsWith(latestClaim));
  const cells = [...row.cells, ...none.map((c) => makeCell(ctx, c, 'perpetrator', NO_CLAIM, 'no one has claimed responsibility'))];
  const ids = [...row.claims, ...none.map((c) => c.id)];
  const at = (c: Attribution) => (c.asOf ? ` (${c.asOf})` : '');
  const first = claimed[0];
  const claim = `${sourceName(ctx, first.sourceId)} reports a claim by ${quote(first.perpetrator!.name)}${at(first)}`;
  if (after.length)
    return {
      ...row,
      claims: ids,
      cells,
      verdict: 'unclear',
      why: `${some(after, (c) => `${sourceName(ctx, c.sourceId)}${at(c)}`)} still ${after.length > 1 ? 'report' : 'reports'} that no one has claimed it, after ${claim}: ${after.length > 1 ? 'they' : 'it'} may have missed the claim, or doubt it. ${row.why}`,
    };
  return {
    ...row,
    claims: ids,
    cells,
    verdict: 'update',
    why: `A later claim, not a contradiction: ${some(none, (c) => `${sourceName(ctx, c.sourceId)}${at(c)}`)} ${none.length > 1 ? 'report' : 'reports'} that no one had claimed it; ${claim}. ${row.why}`,
  };
}
