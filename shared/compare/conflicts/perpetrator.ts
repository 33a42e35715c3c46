// The perpetrator-row engine: who each attribution names (through the actor book) and whether they contradict.
import { findActor, normaliseActorName } from '../../model/actors.ts';
import type { Actor, Claim } from '../../model/claims.ts';
import { type ActorRef, type Ctx, list, makeCell, quote, sourceName } from './context.ts';
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
 * Who a perpetrator's name refers to: the book's actor (by id, else by name or alias in any
 * spelling), else a named actor outside the book, else a description (see the rules at the top of conflicts.ts).
 */
export function resolveActor(book: Actor[], name: string, actorId: string | null): ActorRef {
  const byId = actorId ? book.find((a) => a.id === actorId) : undefined;
  const actor = byId ?? findActor(book, name);
  return actor
    ? { identity: `actor:${actor.id}`, label: actor.name, named: true }
    : isDescription(name, book)
      ? { identity: `description:${normaliseActorName(name)}`, label: name, named: false }
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
  const withName = claims.filter((c) => c.perpetrator !== null);
  if (withName.length === 0) return null;
  const refs = withName.map((c) => ({ c, ref: actorRef(ctx, c.perpetrator!.name, c.perpetrator!.actorId) }));
  const cells: Cell[] = refs.map(({ c, ref }) =>
    makeCell(ctx, c, 'perpetrator', c.perpetrator!.name, `${c.stance}; ${ref.named ? `named actor ${ref.label}` : 'a description, not a name'}`),
  );
  const who = (c: Claim, name: string) => `${sourceName(ctx, c.sourceId)} ${quote(name)}`;
  const positive = refs.filter((r) => r.c.stance !== 'denied');
  const denials = refs.filter((r) => r.c.stance === 'denied');
  const named = positive.filter((r) => r.ref.named);
  const byIdentity = new Map<string, typeof named>();
  for (const r of named) byIdentity.set(r.ref.identity, [...(byIdentity.get(r.ref.identity) ?? []), r]);
  const base = { key: 'perpetrator', measure: 'perpetrator', population: '', claims: withName.map((c) => c.id), cells };

  const claimedBy = new Map<string, (typeof named)[number]>();
  for (const r of named) if (r.c.stance === 'claimed' && !claimedBy.has(r.ref.identity)) claimedBy.set(r.ref.identity, r);
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
    const accused = positive.find((p) => p.ref.identity === d.ref.identity);
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
  if (named.length)
    parts.push(
      `${list([...spellings].map((s) => quote(s)))} ${spellings.size > 1 ? 'are spellings or aliases of one actor' : 'names one actor'}${named[0].ref.label !== named[0].c.perpetrator!.name ? ` (${named[0].ref.label})` : ''}`,
    );
  const descs = [...new Set(positive.filter((r) => !r.ref.named).map((r) => r.c.perpetrator!.name.trim()))];
  if (descs.length)
    parts.push(
      `${list(descs.map((s) => quote(s)))} ${descs.length > 1 ? 'are descriptions' : 'is a description'} of a kind of group${named.length ? ', which can include it: the same attribution at a different level of detail' : ', naming no one, so they do not contradict each other'}`,
    );
  return { ...base, verdict: 'consistent', why: `${parts.join('; ')}.` };
}
