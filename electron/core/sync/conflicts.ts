// CouchDB conflicts (a document edited on two machines between syncs) settled three-way: the
// winning and each losing leaf are merged against the revision they both came from (merge3.ts), the
// merge is written as the next revision of the winner and the loser's branch is closed. A field
// changed on both sides becomes a clash document, so every member lists the same clash, with both
// versions kept. Every step is deterministic (the same winner, ancestor, merge and revision ids on
// every machine), so two members settling the same conflict at once write the same revisions.
import type { Clash, ClashRecordType } from '../../../shared/exchange/bundle.ts';
import { fingerprint, canonicalJson } from '../../../shared/exchange/merge.ts';
import { SCHEMA_OF, docId, parseDocId, type DocType } from './docs.ts';
import { mergeRecord, type Fields } from './merge3.ts';
import { bodyAt, commonAncestor, type Db, type RevWrite } from './revs.ts';

const JUDGEMENTS = new Set<DocType>(['decision', 'reconciliation', 'grade']);
const CLASH_TYPES = new Set<string>(['source', 'annotation', 'claim', 'event', 'actor', 'decision', 'reconciliation', 'grade']);

export interface Settled {
  writes: RevWrite[];
  clashes: Clash[];
  /** Conflicts left as CouchDB keeps them (both versions stay on the server), with why. */
  kept: string[];
}

/** The same id for the same clash on every machine (as shared/exchange/merge.ts names a bundle's clashes). */
export function syncClashId(type: string, recordId: string, a: unknown, b: unknown): string {
  const [p, q] = [canonicalJson(a), canonicalJson(b)].sort();
  return `clash.${type}.${fingerprint(recordId)}.${fingerprint(p + '\u0000' + q)}`;
}

/** When a clash was found, told the same way everywhere: the later of the two versions' stamps. */
function foundAt(a: Fields, b: Fields): string {
  const stamps = [a.modified, b.modified, a.at, b.at].filter((v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)));
  return stamps.length ? new Date(Math.max(...stamps.map((s) => Date.parse(s)))).toISOString() : new Date(0).toISOString();
}

/**
 * Settles a document with conflicts. `doc` is its winning leaf as read with `conflicts: true`
 * (attachments are carried over by the writer, see replicator). `from` names the database.
 */
export async function settleConflicts(
  db: Db,
  doc: { _id: string; _rev: string; _conflicts?: string[]; type?: unknown; record?: unknown },
  from: string,
): Promise<Settled> {
  const out: Settled = { writes: [], clashes: [], kept: [] };
  const id = parseDocId(doc._id);
  if (!id) return out;
  const whole = JUDGEMENTS.has(id.type);
  const schema = SCHEMA_OF[id.type];
  let winner = doc.record as Fields;
  const winnerRev = doc._rev;
  let changed = false;
  for (const loserRev of doc._conflicts ?? []) {
    const loserDoc = await bodyAt(db, doc._id, loserRev);
    if (!loserDoc) continue;
    const ancestor = await commonAncestor(db, doc._id, doc._rev, loserRev);
    const baseDoc = ancestor ? await bodyAt(db, doc._id, ancestor) : null;
    const base = baseDoc && !baseDoc._deleted ? (baseDoc.record as Fields) : null;
    const m = mergeRecord(winner, loserDoc.record as Fields, base, { whole, schema });
    if (m.clashed.length && m.other) {
      if (id.type === 'clash') {
        // Two versions of a clash record (one marked resolved): the merge keeps the winner's fields.
      } else if (!CLASH_TYPES.has(id.type)) {
        out.kept.push(`${doc._id}: both versions are kept on the server (a ${id.type} clash is not listed yet).`);
        continue;
      } else {
        const clash: Clash = {
          id: syncClashId(id.type, id.key, m.merged, m.other),
          type: id.type as ClashRecordType,
          recordId: id.key,
          current: m.merged,
          other: m.other,
          found: foundAt(winner, loserDoc.record as Fields),
          from: `sync: ${from}`,
          resolved: false,
        };
        out.clashes.push(clash);
      }
    }
    out.writes.push({ id: doc._id, parent: loserRev, body: null });
    if (canonicalJson(m.merged) !== canonicalJson(winner)) {
      winner = m.merged;
      changed = true;
    }
  }
  if (changed) out.writes.unshift({ id: doc._id, parent: winnerRev, body: { type: id.type, record: winner } });
  return out;
}

/** The clash documents for clashes, written as first revisions (the same on every machine). */
export const clashWrites = (clashes: readonly Clash[]): RevWrite[] =>
  clashes.map((c) => ({ id: docId('clash', c.id), parent: null, body: { type: 'clash', record: c } }));
