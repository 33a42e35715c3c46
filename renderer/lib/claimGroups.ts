// The claims sidebar's data, without components: lookup maps built in one pass over the claims
// (by id, by source, by event, by annotation), the filters, and the flat list of rows the sidebar
// draws (group headers are rows too, so the list can be virtualised). At 100,000 claims a view
// change costs one pass, not a `find` or `filter` per row.
import type { Annotation, Claim, Event } from '../../shared/model/claims.ts';

/** The key of the "No event" group and filter value. */
export const NO_EVENT = '__none__';

export interface ClaimIndex {
  /** How many claims the index holds. */
  size: number;
  /** Claims per source, in the view's order. */
  bySource: Map<string, Claim[]>;
  /** Claims per event id; claims without an event under NO_EVENT. */
  byEvent: Map<string, Claim[]>;
  /** Every measure used by a claim, sorted. */
  measures: string[];
  /** A claim by id: a scan for the first few look-ups (one drop, one pick), then a map built once per view change. */
  claim(id: string): Claim | undefined;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** Look-ups by id answered by a scan (about 1 ms at 100,000 claims) before a map (about 50 ms) is built. */
const SCANS = 8;

/** One pass over the claims. Grouping by source and event hashes few distinct keys; a map by id of
 * 100,000 claims costs several times more, so it is built only when an id is looked up. */
export function indexClaims(claims: readonly Claim[]): ClaimIndex {
  const bySource = new Map<string, Claim[]>();
  const byEvent = new Map<string, Claim[]>();
  const measures = new Set<string>();
  for (const c of claims) {
    push(bySource, c.sourceId, c);
    push(byEvent, c.eventId ?? NO_EVENT, c);
    if ('measure' in c && c.measure) measures.add(c.measure);
  }
  let byId: Map<string, Claim> | null = null;
  let lookups = 0;
  return {
    size: claims.length,
    bySource,
    byEvent,
    measures: [...measures].sort(),
    claim: (id) => {
      if (byId) return byId.get(id);
      if (++lookups < SCANS) return claims.find((c) => c.id === id);
      return (byId = new Map(claims.map((c) => [c.id, c]))).get(id);
    },
  };
}

export interface AnnotationIndex {
  orphans: Annotation[];
  /** An annotation by its source and id: a small map per source, built when that source is first asked. */
  get(sourceId: string, id: string): Annotation | undefined;
}

export function indexAnnotations(annotations: readonly Annotation[]): AnnotationIndex {
  const bySource = new Map<string, Annotation[]>();
  const orphans: Annotation[] = [];
  for (const a of annotations) {
    push(bySource, a.sourceId, a);
    if (a.orphan) orphans.push(a);
  }
  const maps = new Map<string, Map<string, Annotation>>();
  return {
    orphans,
    get(sourceId, id) {
      let m = maps.get(sourceId);
      if (!m) maps.set(sourceId, (m = new Map((bySource.get(sourceId) ?? []).map((a) => [a.id, a]))));
      return m.get(id);
    },
  };
}

/** The claims an annotation evidences (an orphan's, say), from its source's claims. */
export const claimsOfAnnotation = (index: ClaimIndex, a: Annotation): Claim[] => (index.bySource.get(a.sourceId) ?? []).filter((c) => c.annotationId === a.id);

export interface ClaimFilter {
  /** A claim kind, or '' for all. */
  kind: string;
  /** A measure, or '' for all. */
  measure: string;
  /** An event id, NO_EVENT, or '' for all. */
  event: string;
}

export const NO_FILTER: ClaimFilter = { kind: '', measure: '', event: '' };

export const isFiltered = (f: ClaimFilter): boolean => !!(f.kind || f.measure || f.event);

export function claimMatcher(f: ClaimFilter): (c: Claim) => boolean {
  if (!isFiltered(f)) return () => true;
  return (c) =>
    (!f.kind || c.kind === f.kind) &&
    (!f.measure || ('measure' in c && c.measure === f.measure)) &&
    (!f.event || (f.event === NO_EVENT ? c.eventId === null : c.eventId === f.event));
}

export type ClaimRowItem =
  /** A group's header: a source, an event or "No event". `eventId` is set (null for "No event") when grouping by event. */
  | { type: 'group'; key: string; title: string; count: number; eventId?: string | null }
  | { type: 'claim'; key: string; claim: Claim; group: string; eventId?: string | null }
  /** An event's group with no claim in it: a place to drop one. */
  | { type: 'empty'; key: string; group: string; eventId: string | null };

export interface ClaimRowsInput {
  by: 'source' | 'event';
  filter: ClaimFilter;
  /** 'open': the claims of the sources open in the reading panes only; 'all': the whole case. */
  scope: 'open' | 'all';
  openSourceIds: readonly string[];
  /** How many claims the whole case has (a view scoped to some sources holds fewer); the index's size by default. */
  total?: number;
  /** The case's sources in library order (ids), for the order of source groups in scope 'all'. */
  sourceOrder: readonly string[];
  /** A source group's title. */
  sourceTitle: (id: string) => string;
  events: readonly Event[];
}

export interface ClaimRows {
  rows: ClaimRowItem[];
  /** Claims listed (matching the filters, in scope). */
  shown: number;
  /** Claims of the open sources, whatever the filters. */
  inOpen: number;
  /** The case's other claims: in sources that are not open, whatever the filters. */
  elsewhere: number;
}

/** The rows of the sidebar's list: group headers followed by their claims, in one pass per group. */
export function claimRows(index: ClaimIndex, input: ClaimRowsInput): ClaimRows {
  const match = claimMatcher(input.filter);
  const open = new Set(input.openSourceIds);
  const rows: ClaimRowItem[] = [];
  let shown = 0;

  if (input.by === 'source') {
    const seen = new Set<string>();
    const addSource = (sid: string) => {
      if (seen.has(sid)) return;
      seen.add(sid);
      const list = index.bySource.get(sid);
      if (!list) return;
      const claims = list.filter(match);
      if (!claims.length) return;
      rows.push({ type: 'group', key: `s:${sid}`, title: input.sourceTitle(sid), count: claims.length });
      for (const c of claims) rows.push({ type: 'claim', key: c.id, claim: c, group: `s:${sid}` });
      shown += claims.length;
    };
    for (const sid of input.openSourceIds) addSource(sid);
    if (input.scope === 'all') {
      for (const sid of input.sourceOrder) addSource(sid);
      // Claims of a source the list does not know (it is being deleted, say) still show.
      for (const sid of index.bySource.keys()) addSource(sid);
    }
  } else {
    const inScope = input.scope === 'all' ? match : (c: Claim) => open.has(c.sourceId) && match(c);
    const groups: Array<{ key: string; title: string; eventId: string | null }> = [];
    if (input.filter.event !== NO_EVENT) {
      for (const ev of input.events) if (!input.filter.event || input.filter.event === ev.id) groups.push({ key: ev.id, title: ev.title, eventId: ev.id });
    }
    if (!input.filter.event || input.filter.event === NO_EVENT) groups.push({ key: NO_EVENT, title: 'No event', eventId: null });
    for (const g of groups) {
      const claims = (index.byEvent.get(g.key) ?? []).filter(inScope);
      const key = `e:${g.key}`;
      rows.push({ type: 'group', key, title: g.title, count: claims.length, eventId: g.eventId });
      if (claims.length) for (const c of claims) rows.push({ type: 'claim', key: c.id, claim: c, group: key, eventId: g.eventId });
      else rows.push({ type: 'empty', key: `${key}:empty`, group: key, eventId: g.eventId });
      shown += claims.length;
    }
  }

  let inOpen = 0;
  for (const sid of open) inOpen += index.bySource.get(sid)?.length ?? 0;
  return { rows, shown, inOpen, elsewhere: Math.max(0, (input.total ?? index.size) - inOpen) };
}

/** The claims of one event (or of none), across the case: the Events list's counts. */
export const eventClaimCount = (index: ClaimIndex, eventId: string | null): number => index.byEvent.get(eventId ?? NO_EVENT)?.length ?? 0;

/** Events whose title, place, type or dates contain every word of `query` (case-insensitive). */
export function filterEvents(events: readonly Event[], query: string): Event[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...events];
  return events.filter((e) => {
    const hay = [e.title, e.place ?? '', e.type ?? '', e.start ?? '', e.end ?? ''].join('\n').toLocaleLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
