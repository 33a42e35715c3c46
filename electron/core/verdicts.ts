// Verdicts kept per event, recomputed only where an edit touched (issue 15). One VerdictCache per
// open case; 'conflicts.compute' reads through it. The result is exactly what computeAll and
// gradeAll (shared/compare/conflicts.ts, shared/compare/grade.ts) return for the whole case or for one event: same
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
// - Checking fingerprints is cheap where nothing changed: the claims are compared with the last
//   call's array by identity from both ends, and only the groups of the records in between change
//   (patched in place for edits, appends and deletions; else one pass collects the events touched;
//   a whole regroup when the change is wide, as deleting an event is); sources are
//   compared by value once per call, each change stamped with the call's number, so an event looks
//   at its sources only when some source changed since it was last checked. An edit costs those
//   pointer scans plus the recompute of the events it touched, O(claims of those events).
// - Matrices and grades are shared between calls and with the caller: treat them as read-only.
import type { Actor, Claim, Event } from '../../shared/model/claims.ts';
import type { ClaimState } from '../../shared/model/commands.ts';
import { type Decision, type Matrix, type SourceInfo, computeAll, toSourceInfo } from '../../shared/compare/conflicts.ts';
import { type GradeOverride, type GradeResult, gradeAll } from '../../shared/compare/grade.ts';
import type { Source } from '../../shared/model/source.ts';

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
  /** The distinct sources the claims cite. */
  sourceIds: string[];
  decisions: Decision[];
  override: GradeOverride | null;
  /** The actor book's version the result was computed with; -1 when the event does not use it. */
  book: number;
  /** The call that last computed or checked this entry against the sources. */
  checked: number;
  matrix: Matrix;
  grade: GradeResult;
}

const NONE: never[] = [];
/** A change wider than this many claims regroups every claim (cheaper than patching). */
const PATCH_LIMIT = 512;

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
  // The sources as the last call saw them (copies: records are changed in place), and when each changed.
  #call = 0;
  readonly #sources = new Map<string, SourceInfo & { seen: number }>();
  readonly #sourceChanged = new Map<string, number>();
  #lastSourceChange = 0;
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
    this.#sources.clear();
    this.#sourceChanged.clear();
  }

  /**
   * What computeAll(state, sources, decisions) and gradeAll(state, sources, overrides) return, for
   * every event, or (with `eventId`) for the events with that id only (an empty list when none).
   */
  compute(state: ClaimState, sources: ReadonlyArray<Source | SourceInfo>, eventId?: string): Verdicts {
    this.#stats = { computed: 0, reused: 0 };
    this.#call++;
    this.#groupClaims(state.claims);
    const decisionsBy = this.#groupDecisions(state.decisions ?? NONE);
    const overridesBy = this.#groupOverrides(state.gradeOverrides ?? NONE);
    this.#checkBook(state.actors);
    this.#checkSources(sources);

    const events = eventId === undefined ? state.events : state.events.filter((e) => e.id === eventId);
    const matrices: Matrix[] = [];
    const grades: GradeResult[] = [];
    for (const e of events) {
      const entry = this.#entry(state, e, this.#claimsBy.get(e.id) ?? NONE, decisionsBy.get(e.id) ?? NONE, overridesBy.get(e.id) ?? null);
      matrices.push(entry.matrix);
      grades.push(entry.grade);
    }
    if (eventId === undefined && this.#entries.size > state.events.length) {
      const live = new Set(state.events.map((e) => e.id));
      for (const id of this.#entries.keys()) if (!live.has(id)) this.#entries.delete(id);
    }
    return { matrices, grades };
  }

  #entry(state: ClaimState, event: Event, claims: Claim[], decisions: Decision[], override: GradeOverride | null): Entry {
    const old = this.#entries.get(event.id);
    if (
      old &&
      old.event === event &&
      old.override === override &&
      (old.book === -1 || old.book === this.#book) &&
      sameList(old.claims, claims) &&
      sameList(old.decisions, decisions) &&
      this.#sourcesUnchanged(old)
    ) {
      old.checked = this.#call;
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
    const infos: SourceInfo[] = [];
    for (const id of sourceIds) {
      const info = this.#sources.get(id);
      if (info) infos.push(info);
    }
    const sub: ClaimState = { annotations: [], claims, events: [event], actors: state.actors };
    const { matrix, grade } = this.#compute(sub, infos, decisions, override ? [override] : []);
    const entry: Entry = { event, claims, sourceIds, decisions, override, book: usesBook ? this.#book : -1, checked: this.#call, matrix, grade };
    this.#entries.set(event.id, entry);
    this.#stats.computed++;
    return entry;
  }

  #sourcesUnchanged(old: Entry): boolean {
    if (this.#lastSourceChange <= old.checked) return true;
    for (const id of old.sourceIds) if ((this.#sourceChanged.get(id) ?? 0) > old.checked) return false;
    return true;
  }

  /** The claims grouped by event; after an edit, only the events of the claims that changed are regrouped. */
  #groupClaims(claims: readonly Claim[]): void {
    const prev = this.#claimsFrom;
    if (claims === prev) return;
    this.#claimsFrom = claims;
    if (prev === null) {
      this.#claimsBy = byEvent(claims);
      return;
    }
    // The records in between the common head and the common tail are the ones that changed.
    const max = Math.min(prev.length, claims.length);
    let head = 0;
    while (head < max && prev[head] === claims[head]) head++;
    let endPrev = prev.length;
    let endNow = claims.length;
    while (endPrev > head && endNow > head && prev[endPrev - 1] === claims[endNow - 1]) {
      endPrev--;
      endNow--;
    }
    if (endPrev - head + (endNow - head) > PATCH_LIMIT) {
      this.#claimsBy = byEvent(claims);
      return;
    }
    // An edit in place (same claims' events), an append, a deletion: patch the groups they are in.
    if (this.#patchGroups(prev, claims, head, endPrev, endNow)) return;
    const touched = new Set<string>();
    for (let i = head; i < endPrev; i++) if (prev[i].eventId !== null) touched.add(prev[i].eventId!);
    for (let i = head; i < endNow; i++) if (claims[i].eventId !== null) touched.add(claims[i].eventId!);
    if (touched.size === 0) return;
    // New arrays for the touched events (entries hold the old ones), in case order.
    const ids = [...touched];
    const groups = ids.map((): Claim[] => []);
    if (ids.length === 1) {
      const id = ids[0];
      const g = groups[0];
      for (const c of claims) if (c.eventId === id) g.push(c);
    } else {
      const at = new Map(ids.map((id, i) => [id, groups[i]]));
      for (const c of claims) if (c.eventId !== null) at.get(c.eventId)?.push(c);
    }
    for (let i = 0; i < ids.length; i++) {
      if (groups[i].length) this.#claimsBy.set(ids[i], groups[i]);
      else this.#claimsBy.delete(ids[i]);
    }
  }

  /**
   * Patches the groups without a pass over the claims when the changed records keep their event and
   * their place (edits), are only added at the end, or are only removed. False: not such a change.
   */
  #patchGroups(prev: readonly Claim[], claims: readonly Claim[], head: number, endPrev: number, endNow: number): boolean {
    const copies = new Map<string, Claim[]>();
    const copy = (id: string): Claim[] => {
      let g = copies.get(id);
      if (!g) copies.set(id, (g = [...(this.#claimsBy.get(id) ?? NONE)]));
      return g;
    };
    if (endPrev - head === endNow - head) {
      for (let i = head; i < endPrev; i++) if (prev[i].eventId !== claims[i].eventId) return false;
      for (let i = head; i < endPrev; i++) {
        if (claims[i].eventId === null) continue;
        const g = copy(claims[i].eventId!);
        const at = g.indexOf(prev[i]);
        if (at < 0) return false;
        g[at] = claims[i];
      }
    } else if (endPrev === head && endNow === claims.length) {
      for (let i = head; i < endNow; i++) if (claims[i].eventId !== null) copy(claims[i].eventId!).push(claims[i]);
    } else if (endNow === head) {
      for (let i = head; i < endPrev; i++) {
        if (prev[i].eventId === null) continue;
        const g = copy(prev[i].eventId!);
        const at = g.indexOf(prev[i]);
        if (at < 0) return false;
        g.splice(at, 1);
      }
    } else return false;
    for (const [id, g] of copies) {
      if (g.length) this.#claimsBy.set(id, g);
      else this.#claimsBy.delete(id);
    }
    return true;
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

  /** Compares the sources with the last call's by value (name, independence group, presence); stamps each change. */
  #checkSources(sources: ReadonlyArray<Source | SourceInfo>): void {
    const call = this.#call;
    let seen = 0;
    for (const s of sources) {
      const info = toSourceInfo(s);
      const was = this.#sources.get(info.id);
      if (was && was.seen !== call) {
        was.seen = call;
        seen++;
      }
      // The last of a duplicate id wins, as in computeAll.
      if (was && was.name === info.name && was.independenceGroup === info.independenceGroup) continue;
      if (!was) seen++;
      this.#sources.set(info.id, { id: info.id, name: info.name, independenceGroup: info.independenceGroup, seen: call });
      this.#sourceChanged.set(info.id, call);
      this.#lastSourceChange = call;
    }
    if (seen < this.#sources.size) {
      for (const [id, was] of this.#sources) {
        if (was.seen === call) continue;
        this.#sources.delete(id);
        this.#sourceChanged.set(id, call);
        this.#lastSourceChange = call;
      }
    }
  }
}
