// A colleague's records, arrived in the local database, turned into the core's own commands: so a
// remote change is checked, saved and announced exactly like a local edit (journal, files, change
// feed), only not put on this user's undo stack (CaseClaims.applyRemote).
import type { Annotation, Claim } from '../../../shared/model/claims.ts';
import type { ClaimState, SimpleCommand } from '../../../shared/model/commands.ts';
import { canonicalJson } from '../../../shared/exchange/merge.ts';
import { COLLECTION_OF, docId, keyOf, type RecordType } from './docs.ts';

/** A record as the database now has it (null: deleted there) and as the case has it (null: not here). */
export interface Incoming {
  type: RecordType;
  key: string;
  remote: object | null;
  local: object | null;
}

const IDENTITY = new Set(['id', 'sourceId', 'annotationId']);

/** The shallow patch that turns `from` into `to`. */
function patchOf(from: object, to: object): { set: Record<string, unknown>; unset: string[] } {
  const a = from as Record<string, unknown>;
  const b = to as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) if (!IDENTITY.has(k) && canonicalJson(v) !== canonicalJson(a[k])) set[k] = v;
  const unset = Object.keys(a).filter((k) => !IDENTITY.has(k) && !(k in b));
  return { set, unset };
}

// Applied in this order inside one batch, so what a record points at is there first (an event before
// the claims assigned to it) and goes last (claims deleted before their event, the event before its actor).
const RANK = { put: { actor: 0, event: 1, annotation: 2, claim: 3, decision: 7, reconciliation: 7, grade: 7 }, del: { claim: 4, event: 5, actor: 6 } };

export interface Planned {
  /** The commands, in the order to apply them. */
  commands: Array<{ docIds: string[]; command: SimpleCommand }>;
  /** Records that cannot be applied yet (a claim whose annotation or source has not arrived): tried again later. */
  waiting: Array<{ docId: string; why: string }>;
}

/**
 * The commands that bring the case's records to the database's. `annotationOf` finds an annotation
 * the database holds (a new claim's annotation arrives as its own document); `hasSource` says whether
 * a claim's source is in the case yet.
 */
export function planCommands(
  incoming: readonly Incoming[],
  state: ClaimState,
  ctx: { annotationOf: (id: string) => Annotation | null; hasSource: (id: string) => boolean },
): Planned {
  const ranked: Array<{ rank: number; docIds: string[]; command: SimpleCommand }> = [];
  const waiting: Planned['waiting'] = [];
  const localAnnotations = new Set(state.annotations.map((a) => a.id));
  const created = new Set<string>();
  for (const r of incoming) {
    const id = docId(r.type, r.key);
    if (r.remote === null) {
      if (r.local === null) continue;
      if (r.type === 'claim') ranked.push({ rank: RANK.del.claim, docIds: [id], command: { type: 'claim.delete', payload: { id: r.key } } });
      else if (r.type === 'event')
        ranked.push({ rank: RANK.del.event, docIds: [id], command: { type: 'event.delete', payload: { id: r.key, modified: null } } });
      else if (r.type === 'actor') ranked.push({ rank: RANK.del.actor, docIds: [id], command: { type: 'actor.delete', payload: { id: r.key } } });
      else if (r.type !== 'annotation') ranked.push({ rank: RANK.put[r.type], docIds: [id], command: recordPut(r.type, r.key, null) });
      // An annotation goes with its last claim (claim.delete removes it).
      continue;
    }
    switch (r.type) {
      case 'claim': {
        const claim = r.remote as Claim;
        if (!ctx.hasSource(claim.sourceId)) {
          waiting.push({ docId: id, why: `its source ${claim.sourceId} has not arrived yet` });
          break;
        }
        if (r.local === null || (r.local as Claim).sourceId !== claim.sourceId || (r.local as Claim).annotationId !== claim.annotationId) {
          const needs = !localAnnotations.has(claim.annotationId) && !created.has(claim.annotationId);
          const annotation = needs ? ctx.annotationOf(claim.annotationId) : null;
          if (needs && !annotation) {
            waiting.push({ docId: id, why: `its annotation ${claim.annotationId} has not arrived yet` });
            break;
          }
          if (annotation) created.add(annotation.id);
          const ids = annotation ? [id, docId('annotation', annotation.id)] : [id];
          const create: SimpleCommand = { type: 'claim.create', payload: { annotation, claim, at: null } };
          if (r.local === null) ranked.push({ rank: RANK.put.claim, docIds: ids, command: create });
          else {
            ranked.push({ rank: RANK.del.claim, docIds: [], command: { type: 'claim.delete', payload: { id: r.key } } });
            ranked.push({ rank: RANK.del.claim + 0.5, docIds: ids, command: create });
          }
          break;
        }
        ranked.push({ rank: RANK.put.claim, docIds: [id], command: { type: 'claim.update', payload: { id: r.key, ...patchOf(r.local, claim) } } });
        break;
      }
      case 'annotation': {
        // A new annotation arrives with the claim that uses it (claim.create carries it).
        if (r.local === null) break;
        const a = r.remote as Annotation;
        ranked.push({
          rank: RANK.put.annotation,
          docIds: [id],
          command: { type: 'annotation.retarget', payload: { id: a.id, targets: a.targets, modified: a.modified, orphan: a.orphan ?? null } },
        });
        break;
      }
      case 'event':
        ranked.push({
          rank: RANK.put.event,
          docIds: [id],
          command:
            r.local === null
              ? { type: 'event.create', payload: { event: r.remote as never, at: null, assign: [] } }
              : { type: 'event.update', payload: { id: r.key, ...patchOf(r.local, r.remote) } },
        });
        break;
      case 'actor':
        ranked.push({ rank: RANK.put.actor, docIds: [id], command: { type: 'actor.put', payload: { actor: r.remote as never, at: null } } });
        break;
      default:
        ranked.push({ rank: RANK.put[r.type], docIds: [id], command: recordPut(r.type, r.key, r.remote) });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return { commands: ranked.map(({ docIds, command }) => ({ docIds, command })), waiting };
}

function recordPut(type: 'decision' | 'reconciliation' | 'grade', key: string, value: object | null): SimpleCommand {
  return { type: 'record.put', payload: { collection: COLLECTION_OF[type], key, value } as never };
}

/** The key of every record of a state of one type (to tell local from remote). */
export const keysOf = (state: ClaimState, type: RecordType): Map<string, object> =>
  new Map(((state[COLLECTION_OF[type]] ?? []) as object[]).map((r) => [keyOf(type, r), r]));
