// Which sources' annotations and claims a command may read or change: the core applies a command to
// those sources' records only (claims-lists.ts), not to the case's 100,000, so an edit of one claim
// copies its source's few records. Every record a command names is found by id (source-records.ts):
// the records it creates or puts back by their sourceId and, when the id is taken already, where it
// is (so apply() refuses it as it would on the whole case). The commands that reach claims by
// their event or actor (an event deleted, an actor deleted) walk every claim once to find them.
//
// A command and its inverse have the same scope (a delete names the claim, the create that undoes it
// carries it), so the positions an inverse remembers are positions in the same records.
import type { Claim } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';

export interface Finder {
  sourceOf(kind: 'annotations' | 'claims', id: string): string | undefined;
  sourcesWithClaim(match: (c: Claim) => boolean): Iterable<string>;
}

type Rec = { id?: unknown; sourceId?: unknown } | null | undefined;

export function scopeOf(command: Command, find: Finder): Set<string> {
  const out = new Set<string>();
  const add = (sid: unknown) => {
    if (typeof sid === 'string') out.add(sid);
  };
  const claim = (id: string) => add(find.sourceOf('claims', id));
  const annotation = (id: string) => add(find.sourceOf('annotations', id));
  // A record brought in: its own source, and the source already holding its id, if any.
  const record = (kind: 'annotations' | 'claims', r: Rec) => {
    if (!r) return;
    add(r.sourceId);
    if (typeof r.id === 'string') add(find.sourceOf(kind, r.id));
  };
  const visit = (c: Command): void => {
    switch (c.type) {
      case 'claim.create':
        record('claims', c.payload.claim);
        record('annotations', c.payload.annotation);
        annotation(c.payload.claim.annotationId);
        return;
      case 'claim.delete':
      case 'claim.update':
        return claim(c.payload.id);
      case 'annotation.retarget':
        return annotation(c.payload.id);
      case 'claim.assign':
        for (const a of c.payload.assignments) claim(a.claimId);
        return;
      case 'event.create':
        for (const a of c.payload.assign) claim(a.claimId);
        return;
      case 'event.delete':
        for (const sid of find.sourcesWithClaim((x) => x.eventId === c.payload.id)) add(sid);
        return;
      case 'actor.delete':
        for (const sid of find.sourcesWithClaim((x) => x.kind === 'attribution' && x.perpetrator?.actorId === c.payload.id)) add(sid);
        return;
      case 'source.delete':
        return add(c.payload.id);
      case 'source.restore':
        add(c.payload.id);
        for (const p of c.payload.annotations) record('annotations', p.value);
        for (const p of c.payload.claims) record('claims', p.value);
        return;
      case 'records.merge':
        for (const e of c.payload.annotations ?? []) (record('annotations', e.value), record('annotations', e.was));
        for (const e of c.payload.claims ?? []) (record('claims', e.value), record('claims', e.was));
        return;
      case 'batch':
        for (const step of c.payload.commands) visit(step);
        return;
      default:
        // Events, actors, judgements and the parts outside the claims read no annotation or claim.
        return;
    }
  };
  visit(command);
  return out;
}
