// Merging a colleague's case into ours, record by record, by id. Pure: the core reads both sides,
// calls mergeCases, and writes what it returns.
//
// Rules, and why:
// - Records are matched by id (decisions and reconciliations by event and matrix row: recordKey).
// - Only on one side → added. Same content on both → unchanged (key order never matters).
// - Different content on both sides → both versions are kept: the later edit (`modified`, or `at`)
//   becomes the record the case uses and the other is kept in a Clash for the user to settle. Without
//   a common ancestor we cannot tell "edited here" from "edited there", so any difference is flagged;
//   flagging too much loses nothing, guessing could.
// - The choice depends only on the two versions, never on which side is "local", so merging A into B
//   and B into A give the same records and the same clashes. When `modified` ties (or there is none:
//   sources, actors) a later version of a source's file wins (its previousVersions lists the other's
//   sha256), and otherwise the larger canonical JSON — arbitrary but the same both ways.
// - Clashes already recorded are not recorded again, so importing the same bundle twice changes
//   nothing. Records whose versions differ only in key order count as the same.
import type { Annotation, Claim, Event, Actor } from '../model/claims.ts';
import { recordKey, type Clash, type ClashRecordType } from './bundle.ts';
import type { Decision } from '../compare/conflicts.ts';
import type { Reconciliation } from '../compare/reconcile.ts';
import type { Source } from '../model/source.ts';

export interface MergeSide {
  sources: Source[];
  annotations: Annotation[];
  claims: Claim[];
  events: Event[];
  actors: Actor[];
  /** Keyed by (eventId, rowKey): see recordKey. */
  decisions: Decision[];
  reconciliations: Reconciliation[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  clashes: number;
}

export interface MergeResult {
  merged: MergeSide;
  /** Per record type, and in total. */
  counts: Record<ClashRecordType, MergeCounts>;
  total: MergeCounts;
  /** New clashes only (those not already in `existingClashes`). */
  clashes: Clash[];
  /** Ids of records whose stored version changed or was added, per type: what must be written. */
  changed: Record<ClashRecordType, Set<string>>;
}

/** JSON with object keys sorted, so two equal records always serialise the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const stamp = (r: Record<string, unknown>): number | null => {
  const v = typeof r.modified === 'string' ? r.modified : typeof r.at === 'string' ? r.at : null;
  const t = v === null ? NaN : Date.parse(v);
  return Number.isNaN(t) ? null : t;
};

/** Which of two different versions the case uses: positive when `a` wins. Symmetric by construction. */
function compareVersions(type: ClashRecordType, a: Record<string, unknown>, b: Record<string, unknown>, ja: string, jb: string): number {
  const ta = stamp(a);
  const tb = stamp(b);
  if (ta !== null && tb !== null && ta !== tb) return ta - tb;
  if (ta !== null && tb === null) return 1;
  if (tb !== null && ta === null) return -1;
  if (type === 'source') {
    const prev = (s: Record<string, unknown>) => ((s.previousVersions as Array<{ sha256: string }> | undefined) ?? []).map((v) => v.sha256);
    if (prev(a).includes(b.sha256 as string)) return 1;
    if (prev(b).includes(a.sha256 as string)) return -1;
  }
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

const clashId = (type: ClashRecordType, recordId: string, x: string, y: string) => {
  const [p, q] = [x, y].sort();
  return `clash.${type}.${fingerprint(recordId)}.${fingerprint(p + '\u0000' + q)}`;
};

function mergeList<T extends object>(
  type: ClashRecordType,
  local: readonly T[],
  incoming: readonly T[],
  ctx: { found: string; from: string; known: Set<string>; clashes: Clash[] },
): { list: T[]; counts: MergeCounts; changed: Set<string> } {
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, clashes: 0 };
  const changed = new Set<string>();
  const incomingById = new Map<string, T>();
  for (const r of incoming) if (!incomingById.has(recordKey(r))) incomingById.set(recordKey(r), r);
  const localIds = new Set(local.map(recordKey));
  const list: T[] = local.map((mine) => {
    const key = recordKey(mine);
    const theirs = incomingById.get(key);
    if (!theirs) return mine;
    const jm = canonicalJson(mine);
    const jt = canonicalJson(theirs);
    if (jm === jt) {
      counts.unchanged++;
      return mine;
    }
    const theirsWin = compareVersions(type, theirs as Record<string, unknown>, mine as Record<string, unknown>, jt, jm) > 0;
    const [current, other] = theirsWin ? [theirs, mine] : [mine, theirs];
    const id = clashId(type, key, jm, jt);
    if (!ctx.known.has(id)) {
      ctx.known.add(id);
      ctx.clashes.push({ id, type, recordId: key, current, other, found: ctx.found, from: ctx.from, resolved: false });
      counts.clashes++;
    }
    if (theirsWin) {
      counts.updated++;
      changed.add(key);
    } else counts.unchanged++;
    return current;
  });
  for (const r of incoming) {
    const key = recordKey(r);
    if (localIds.has(key)) continue;
    localIds.add(key);
    list.push(r);
    changed.add(key);
    counts.added++;
  }
  return { list, counts, changed };
}

/**
 * Merges `incoming` into `local`. `existingClashes` are those the case already records (so they are
 * not recorded twice); `from` says where the incoming side came from, for the user.
 */
export function mergeCases(local: MergeSide, incoming: MergeSide, opts: { found: string; from: string; existingClashes?: readonly Clash[] }): MergeResult {
  const ctx = { found: opts.found, from: opts.from, known: new Set((opts.existingClashes ?? []).map((c) => c.id)), clashes: [] as Clash[] };
  const sources = mergeList('source', local.sources, incoming.sources, ctx);
  const annotations = mergeList('annotation', local.annotations, incoming.annotations, ctx);
  const claims = mergeList('claim', local.claims, incoming.claims, ctx);
  const events = mergeList('event', local.events, incoming.events, ctx);
  const actors = mergeList('actor', local.actors, incoming.actors, ctx);
  const decisions = mergeList('decision', local.decisions, incoming.decisions, ctx);
  const reconciliations = mergeList('reconciliation', local.reconciliations, incoming.reconciliations, ctx);
  const parts = { source: sources, annotation: annotations, claim: claims, event: events, actor: actors, decision: decisions, reconciliation: reconciliations };
  const counts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.counts])) as Record<ClashRecordType, MergeCounts>;
  const changed = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.changed])) as Record<ClashRecordType, Set<string>>;
  const total = Object.values(counts).reduce(
    (t, c) => ({ added: t.added + c.added, updated: t.updated + c.updated, unchanged: t.unchanged + c.unchanged, clashes: t.clashes + c.clashes }),
    { added: 0, updated: 0, unchanged: 0, clashes: 0 },
  );
  return {
    merged: {
      sources: sources.list,
      annotations: annotations.list,
      claims: claims.list,
      events: events.list,
      actors: actors.list,
      decisions: decisions.list,
      reconciliations: reconciliations.list,
    },
    counts,
    total,
    clashes: ctx.clashes,
    changed,
  };
}
