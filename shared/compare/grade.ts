// An Airwars-style grade per event: how well the event itself is established, from who reports it
// and who owns it. Airwars' grades (airwars.org methodology), and the rule each becomes here:
// - contested: "competing claims of responsibility". Two attribution claims with stance 'claimed'
//   that name different actors (compared through the actor book, as in conflicts.ts; a description
//   such as "Iranian-backed militias" names no one, so it competes with no named actor).
// - confirmed: "a belligerent has accepted responsibility". An attribution with stance 'claimed'
//   (the perpetrator's own claim), or 'confirmed' when nobody else is said to have confirmed it or
//   the one confirming is the perpetrator itself.
// - fair: reported by two or more independent sources: claims from two or more independence groups
//   (a wire story and its rewrites count once).
// - weak: a single independent source (or none yet).
// - discounted (the event did not happen as reported, or the harm lies elsewhere) is a judgement no
//   rule can make: it is only ever set by the user's override.
// Order: contested, then confirmed, then fair, then weak. The override wins and keeps its note.
import { z } from 'zod';
import { type Claim, RecordId, Timestamp } from '../model/claims.ts';
import type { ClaimState } from '../model/state.ts';
import { Grade, GradeOverride } from '../model/judgements.ts';
import { type SourceInfo, resolveActor, toSourceInfo } from './conflicts.ts';
import type { Source } from '../model/source.ts';

export { Grade, GradeOverride };

export interface GradeResult {
  eventId: string;
  /** What the rules give. */
  computed: Grade;
  /** What is shown: the override's grade when there is one. */
  grade: Grade;
  why: string;
  /** The independence groups that report the event. */
  groups: string[];
  override: GradeOverride | null;
}

type Attribution = Extract<Claim, { kind: 'attribution' }>;

function gradeOf(state: ClaimState, sources: Map<string, SourceInfo>, eventId: string, claims: Claim[], override: GradeOverride | null): GradeResult {
  const name = (id: string) => sources.get(id)?.name ?? id;
  const groups = [...new Set(claims.map((c) => sources.get(c.sourceId)?.independenceGroup ?? `(source ${name(c.sourceId)})`))];
  const attributions = claims.filter((c): c is Attribution => c.kind === 'attribution' && c.perpetrator !== null);
  let computed: Grade;
  let why: string;

  const claimed = new Map<string, Attribution>();
  for (const a of attributions) {
    if (a.stance !== 'claimed') continue;
    const ref = resolveActor(state.actors, a.perpetrator!.name, a.perpetrator!.actorId);
    if (ref.named && !claimed.has(ref.identity)) claimed.set(ref.identity, a);
  }
  const acknowledgement = attributions.find((a) => {
    if (a.stance === 'claimed') return true;
    if (a.stance !== 'confirmed') return false;
    const by = a.attributedBy ?? a.speaker;
    if (by === null) return true;
    const p = resolveActor(state.actors, a.perpetrator!.name, a.perpetrator!.actorId);
    return p.named && resolveActor(state.actors, by, null).identity === p.identity;
  });

  if (claimed.size > 1) {
    const [a, b] = [...claimed.values()];
    computed = 'contested';
    why = `Competing claims of responsibility: ${name(a.sourceId)} reports a claim by ${a.perpetrator!.name}, ${name(b.sourceId)} one by ${b.perpetrator!.name}.`;
  } else if (acknowledgement) {
    computed = 'confirmed';
    why = `${name(acknowledgement.sourceId)} reports that ${acknowledgement.perpetrator!.name} ${acknowledgement.stance === 'claimed' ? 'claimed responsibility' : 'confirmed it'}.`;
  } else if (groups.length >= 2) {
    computed = 'fair';
    why = `Reported by ${groups.length} independent sources: ${groups.join(', ')}.`;
  } else {
    computed = 'weak';
    why = groups.length ? `Reported by one independent source only: ${groups[0]}.` : 'No source reports it yet.';
  }
  if (override) why = `Set by hand to ${override.grade}: ${override.note} (the rules give ${computed}: ${why})`;
  return { eventId, computed, grade: override?.grade ?? computed, why, groups, override };
}

/** The grade of one event. */
export function gradeEvent(state: ClaimState, sources: Array<Source | SourceInfo>, eventId: string, override: GradeOverride | null = null): GradeResult {
  const map = new Map(sources.map((s) => [s.id, toSourceInfo(s)]));
  return gradeOf(
    state,
    map,
    eventId,
    state.claims.filter((c) => c.eventId === eventId),
    override,
  );
}

/** Every event's grade, in the order of state.events. */
export function gradeAll(state: ClaimState, sources: Array<Source | SourceInfo>, overrides: GradeOverride[] = []): GradeResult[] {
  const map = new Map(sources.map((s) => [s.id, toSourceInfo(s)]));
  const byEvent = new Map<string, Claim[]>();
  for (const c of state.claims) {
    if (c.eventId === null) continue;
    let group = byEvent.get(c.eventId);
    if (!group) byEvent.set(c.eventId, (group = []));
    group.push(c);
  }
  const ov = new Map(overrides.map((o) => [o.eventId, o]));
  return state.events.map((e) => gradeOf(state, map, e.id, byEvent.get(e.id) ?? [], ov.get(e.id) ?? null));
}
