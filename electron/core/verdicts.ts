// Verdicts kept per event, recomputed only where an edit touched (issue 15). One VerdictCache per
// open case; 'conflicts.compute' reads through it. The result is exactly what computeAll and
// gradeAll (shared/conflicts.ts, shared/grade.ts) return for the whole case or for one event: same
// order, same content; it is those functions, run on one event at a time.
//
// Rules, and why:
// - An event's matrix and grade depend only on its own inputs; what computeAll/gradeAll read
//   case-wide is narrowed to what the event uses, and each becomes part of the event's fingerprint:
//     · the Event record (its id and title are in the matrix), by identity;
//     · its claims, in case order (claims without an event, or whose event is gone, appear nowhere),
//       by identity: ClaimState is immutable with structural sharing, so an edit replaces exactly
//       the records it changes;
//     · the sources its claims cite, by VALUE (name and independence group, as toSourceInfo reads
//       them): a metadata edit patches the Source record in place (handlers/sources.ts), so its
//       identity proves nothing; a source missing from the index counts too (the name falls back
//       to the id), so adding it back recomputes;
//     · the actor book (state.actors), only for events with an attribution claim (perpetrator rows
//       and grades resolve names through it; nothing else does), compared element by element;
//     · the decisions with its eventId, in case order (the last of a duplicate key wins, as in
//       computeAll), and the grade override with its eventId (the last wins, as in gradeAll).
//   Annotations and reconciliations are not read by computeAll or gradeAll, so they are not inputs.
// - Checking fingerprints costs one pass over the claims, decisions, overrides and sources: an edit
//   costs that pass plus the recompute of the events it touched, O(claims of those events).
// - Matrices and grades are shared between calls and with the caller: treat them as read-only.
import type { Actor, Claim, Event } from '../../shared/claims.ts';
import type { ClaimState } from '../../shared/commands.ts';
import { type Decision, type Matrix, type SourceInfo, computeAll, toSourceInfo } from '../../shared/conflicts.ts';
import { type GradeOverride, type GradeResult, gradeAll } from '../../shared/grade.ts';
import type { Source } from '../../shared/source.ts';

/**
 * Computes one event: `state` holds only that event and its claims (plus the case's actors),
 * `sources` the sources those claims cite, `decisions` and `overrides` only that event's.
 */
export type ComputeEvent = (
  state: ClaimState,
  sources: SourceInfo[],
  decisions: Decision[],
  overrides: GradeOverride[],
) => { matrix: Matrix; grade: GradeResult };

/** The default: computeAll and gradeAll themselves, over the one event. */
export const computeEvent: ComputeEvent = (state, sources, decisions, overrides) => ({
  matrix: computeAll(state, sources, decisions)[0],
  grade: gradeAll(state, sources, overrides)[0],
});

export interface Verdicts {
  matrices: Matrix[];
  grades: GradeResult[];
}

export interface VerdictStats {
  /** Events recomputed by the last call. */
  computed: number;
  /** Events whose cached result the last call reused. */
  reused: number;
}

interface Entry {
  event: Event;
  claims: Claim[];
  /** The distinct sources the claims cite, in order of first citation, and what they were. */
  sourceIds: string[];
  sourceInfos: Array<SourceInfo | undefined>;
  decisions: Decision[];
  override: GradeOverride | null;
  /** The actor book's version the result was computed with; -1 when the event does not use it. */
  book: number;
  matrix: Matrix;
  grade: GradeResult;
}

const NONE: never[] = [];

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups records by event id in one pass, keeping case order. */
function byEvent<T extends { eventId: string | null }>(records: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) {
    if (r.eventId === null) continue;
    let g = out.get(r.eventId);
    if (!g) out.set(r.eventId, (g = []));
    g.push(r);
  }
  return out;
}

export class VerdictCache {
  readonly #compute: ComputeEvent;
  readonly #entries = new Map<string, Entry>();
  // The groupings of the last call, reused while the arrays they came from are the same.
  #claimsFrom: readonly Claim[] | null = null;
  #claimsBy = new Map<string, Claim[]>();
  #decisionsFrom: readonly Decision[] | null = null;
  #decisionsBy = new Map<string, Decision[]>();
  #overridesFrom: readonly GradeOverride[] | null = null;
  #overridesBy = new Map<string, GradeOverride>();
  #actors: readonly Actor[] | null = null;
  #book = 0;
  #stats: VerdictStats = { computed: 0, reused: 0 };

  constructor(compute: ComputeEvent = computeEvent) {
    this.#compute = compute;
  }

  get stats(): VerdictStats {
    return this.#stats;
  }

  /** Forgets everything (the case was reloaded or closed). */
  clear(): void {
    this.#entries.clear();
    this.#claimsFrom = this.#decisionsFrom = this.#overridesFrom = this.#actors = null;
  }

  /**
   * What computeAll(state, sources, decisions) and gradeAll(state, sources, overrides) return, for
   * every event, or (with `eventId`) for the events with that id only (an empty list when none).
   */
  compute(state: ClaimState, sources: ReadonlyArray<Source | SourceInfo>, eventId?: string): Verdicts {
    this.#stats = { computed: 0, reused: 0 };
    const claimsBy = this.#groupClaims(state.claims);
    const decisionsBy = this.#groupDecisions(state.decisions ?? NONE);
    const overridesBy = this.#groupOverrides(state.gradeOverrides ?? NONE);
    this.#checkBook(state.actors);
    const infos = new Map<string, SourceInfo>();
    for (const s of sources) {
      const info = toSourceInfo(s);
      infos.set(info.id, info);
    }

    const events = eventId === undefined ? state.events : state.events.filter((e) => e.id === eventId);
    const matrices: Matrix[] = [];
    const grades: GradeResult[] = [];
    for (const e of events) {
      const entry = this.#entry(state, e, claimsBy.get(e.id) ?? NONE, decisionsBy.get(e.id) ?? NONE, overridesBy.get(e.id) ?? null, infos);
      matrices.push(entry.matrix);
      grades.push(entry.grade);
    }
    if (eventId === undefined && this.#entries.size > state.events.length) {
      const live = new Set(state.events.map((e) => e.id));
      for (const id of this.#entries.keys()) if (!live.has(id)) this.#entries.delete(id);
    }
    return { matrices, grades };
  }

  #entry(state: ClaimState, event: Event, claims: Claim[], decisions: Decision[], override: GradeOverride | null, infos: Map<string, SourceInfo>): Entry {
    const old = this.#entries.get(event.id);
    if (
      old &&
      old.event === event &&
      old.override === override &&
      (old.book === -1 || old.book === this.#book) &&
      sameList(old.claims, claims) &&
      sameList(old.decisions, decisions) &&
      sameSources(old, infos)
    ) {
      this.#stats.reused++;
      return old;
    }
    const sourceIds: string[] = [];
    const seen = new Set<string>();
    let usesBook = false;
    for (const c of claims) {
      if (c.kind === 'attribution') usesBook = true;
      if (!seen.has(c.sourceId)) {
        seen.add(c.sourceId);
        sourceIds.push(c.sourceId);
      }
    }
    // Copies: a SourceInfo passed in may be changed in place later, and the fingerprint must not follow it.
    const sourceInfos = sourceIds.map((id) => {
      const s = infos.get(id);
      return s && { id: s.id, name: s.name, independenceGroup: s.independenceGroup };
    });
    const sub: ClaimState = { annotations: [], claims, events: [event], actors: state.actors };
    const { matrix, grade } = this.#compute(
      sub,
      sourceInfos.filter((s): s is SourceInfo => s !== undefined),
      decisions,
      override ? [override] : [],
    );
    const entry: Entry = { event, claims, sourceIds, sourceInfos, decisions, override, book: usesBook ? this.#book : -1, matrix, grade };
    this.#entries.set(event.id, entry);
    this.#stats.computed++;
    return entry;
  }

  #groupClaims(claims: readonly Claim[]): Map<string, Claim[]> {
    if (claims !== this.#claimsFrom) {
      this.#claimsBy = byEvent(claims);
      this.#claimsFrom = claims;
    }
    return this.#claimsBy;
  }

  #groupDecisions(decisions: readonly Decision[]): Map<string, Decision[]> {
    if (decisions !== this.#decisionsFrom) {
      this.#decisionsBy = byEvent(decisions);
      this.#decisionsFrom = decisions;
    }
    return this.#decisionsBy;
  }

  #groupOverrides(overrides: readonly GradeOverride[]): Map<string, GradeOverride> {
    if (overrides !== this.#overridesFrom) {
      this.#overridesBy = new Map(overrides.map((o) => [o.eventId, o]));
      this.#overridesFrom = overrides;
    }
    return this.#overridesBy;
  }

  /** A new book version when any actor record changed, was added, removed or moved. */
  #checkBook(actors: readonly Actor[]): void {
    if (this.#actors !== null && sameList(this.#actors, actors)) return;
    if (this.#actors !== null) this.#book++;
    this.#actors = actors;
  }
}

function sameSources(old: Entry, infos: Map<string, SourceInfo>): boolean {
  for (let i = 0; i < old.sourceIds.length; i++) {
    const was = old.sourceInfos[i];
    const now = infos.get(old.sourceIds[i]);
    if (was === undefined && now === undefined) continue;
    if (was === undefined || now === undefined || was.name !== now.name || was.independenceGroup !== now.independenceGroup) return false;
  }
  return true;
}
