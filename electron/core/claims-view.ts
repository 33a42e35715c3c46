// The records a scoped read of a case's claims answers with (claims.view): some sources' (a
// reader's open sources), some events' (one event's matrix), or the whole case; and a source's
// annotations re-anchored in a new version of its text.
import type { ClaimsView } from '../../shared/api.ts';
import type { Annotation } from '../../shared/model/claims.ts';
import type { PageRange } from '../../shared/model/source.ts';
import { reanchorAnnotations } from '../../shared/text/anchor.ts';
import type { CaseLists } from './claims-lists.ts';

export interface Scope {
  sourceIds?: string[];
  eventIds?: string[];
}

export function scopedRecords(lists: CaseLists, scope?: Scope): Pick<ClaimsView, 'scope' | 'annotations' | 'claims'> {
  const records = lists.records;
  if (!scope || (!scope.sourceIds && !scope.eventIds)) {
    const st = lists.full();
    return { scope: null, annotations: st.annotations, claims: st.claims };
  }
  const sourceIds = scope.sourceIds ?? [];
  const eventIds = scope.eventIds ?? [];
  let claims = [];
  let annotations = [];
  if (!eventIds.length) {
    // Some sources: their own lists, not a filter of every record of the case.
    for (const id of new Set(sourceIds)) {
      const mine = records.get(id);
      claims.push(...mine.claims);
      annotations.push(...mine.annotations);
    }
  } else {
    // An event's claims, and the annotations they stand on, from any source.
    const st = lists.full();
    const sources = new Set(sourceIds);
    const events = new Set(eventIds);
    claims = st.claims.filter((c) => sources.has(c.sourceId) || (c.eventId !== null && events.has(c.eventId)));
    const used = new Set(claims.map((c) => c.annotationId));
    annotations = st.annotations.filter((a) => sources.has(a.sourceId) || used.has(a.id));
  }
  return { scope: { sourceIds, eventIds }, annotations, claims };
}

/** A source's annotations in `text`: found again, or kept with their old passage and marked orphans. */
export function reanchored(
  all: readonly Annotation[],
  text: string,
  pages: PageRange[] | null,
): { annotations: Annotation[]; anchored: number; orphaned: number } {
  const { anchored, orphans } = reanchorAnnotations(
    text,
    all.filter((a) => !a.orphan),
    { pages: pages ?? undefined },
  );
  const now = new Date().toISOString();
  const byId = new Map<string, Annotation>();
  for (const a of anchored) byId.set(a.annotation.id, { ...a.annotation, targets: a.targets });
  for (const o of orphans) byId.set(o.annotation.id, { ...o.annotation, orphan: { reason: o.reason, since: now } });
  return { annotations: all.map((a) => byId.get(a.id) ?? a), anchored: anchored.length, orphaned: orphans.length };
}
