// One pass that brings the case and its local sync database level, for some documents (or all):
// an edit made here is written to the database as the child of the revision the case last matched;
// a revision that arrived from the server is applied to the case through the core's commands (or the
// store, for a source); a document with conflicts is settled three-way (conflicts.ts). Idempotent:
// running it again changes nothing, which is what makes a restart or a kill -9 safe at any point.
import type { Annotation } from '../../../shared/model/claims.ts';
import type { Clash } from '../../../shared/exchange/bundle.ts';
import type { Command } from '../../../shared/model/commands.ts';
import type { Source } from '../../../shared/model/source.ts';
import { writeClashes } from '../bundle/index.ts';
import type { CaseClaims } from '../claims.ts';
import { planCommands, type Incoming } from './apply.ts';
import { clashWrites, settleConflicts } from './conflicts.ts';
import { bodyJson, docId, parseDocId, readDoc, RECORD_TYPES, type RecordType } from './docs.ts';
import type { KnownRevs } from './known.ts';
import type { LocalCase } from './local.ts';
import { bodyAt, revPath, writeRevs, type Db, type RevWrite } from './revs.ts';

export interface PassContext {
  db: Db;
  known: KnownRevs;
  claims: CaseClaims;
  local: LocalCase;
  /** Names the server's database in clash records. */
  from: string;
  /** Removes a source through the core (its claims go with it). */
  deleteSource: (sourceId: string) => Promise<void>;
}

export interface PassResult {
  /** Revisions written to the local database (edits made here, merges). */
  written: number;
  /** Records applied to the case from the database. */
  applied: number;
  /** Documents that could not be applied yet, with why (tried again on the next pass). */
  waiting: Map<string, string>;
  problems: string[];
}

interface Leaf {
  rev: string;
  deleted: boolean;
  doc: { _id: string; _rev: string; _conflicts?: string[]; type?: unknown; record?: unknown } | null;
}

const isRecordType = (t: string): t is RecordType => (RECORD_TYPES as readonly string[]).includes(t);

export async function reconcile(ctx: PassContext, ids: Iterable<string>): Promise<PassResult> {
  const result: PassResult = { written: 0, applied: 0, waiting: new Map(), problems: [] };
  const wanted = [...new Set(ids)].filter((id) => parseDocId(id));
  const leaves = await readLeaves(ctx.db, wanted);

  const writes: RevWrite[] = [];
  const behind: Array<{ id: string; leaf: Leaf | null }> = [];
  const clashes: Clash[] = [];
  for (const id of wanted) {
    const leaf = leaves.get(id) ?? null;
    if (leaf?.doc?._conflicts?.length) {
      const settled = await settleConflicts(ctx.db, leaf.doc, ctx.from);
      writes.push(...settled.writes);
      clashes.push(...settled.clashes);
      result.problems.push(...settled.kept);
      // Settled: the merge is applied on the next pass. Left as it is (both versions kept on the
      // server): the case follows CouchDB's winning version meanwhile.
      if (settled.writes.length) continue;
    }
    const mine = ctx.local.json(id);
    const theirs = leaf && !leaf.deleted && leaf.doc ? bodyJson(leaf.doc.type as never, leaf.doc.record) : null;
    if (mine === theirs) {
      if (leaf) ctx.known.set(id, leaf.rev);
      continue;
    }
    const known = ctx.known.get(id);
    if (leaf && known !== leaf.rev) {
      // The database moved on since the case last matched it: is the case still at that revision?
      const was = known ? await bodyAt(ctx.db, id, known) : null;
      const wasJson = was && !was._deleted ? bodyJson(was.type as never, was.record) : null;
      if ((!known && mine === null) || (known && wasJson === mine)) {
        behind.push({ id, leaf });
        continue;
      }
    }
    // Edited here: the child of the revision the case last matched (a branch if the database moved on).
    const r = ctx.local.records.get(id);
    const parent = known ?? (leaf && !leaf.deleted ? null : (leaf?.rev ?? null));
    writes.push({ id, parent, body: r ? { type: r.type, record: r.record } : null, attachments: r ? await ctx.local.attachments(r) : undefined });
  }

  result.applied += await applyBehind(ctx, behind, result, leaves);
  writes.push(...clashWrites(clashes));
  await carryAttachments(ctx.db, writes);
  const revs = await writeRevs(ctx.db, writes);
  writes.forEach((w, i) => {
    // Only edits made here mark what the case now matches; merges are applied on the next pass.
    if (w.body === null ? ctx.local.json(w.id) === null : ctx.local.json(w.id) === bodyJson(w.body.type, w.body.record)) ctx.known.set(w.id, revs[i]);
  });
  result.written += writes.length;
  await ctx.known.save();
  return result;
}

/**
 * The winning leaf of each document (null: not in the database). Many ids are read by walking the
 * database in key order, which LevelDB does far faster than looking each key up; a few by key.
 */
async function readLeaves(db: Db, ids: readonly string[]): Promise<Map<string, Leaf | null>> {
  const leaves = new Map<string, Leaf | null>();
  type Row = { id: string; key: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: Leaf['doc'] };
  const keep = (row: Row) => leaves.set(row.key, row.value ? { rev: row.value.rev, deleted: !!row.value.deleted, doc: row.doc ?? null } : null);
  if (ids.length <= 1000) {
    if (ids.length) for (const row of (await db.allDocs({ keys: [...ids], include_docs: true, conflicts: true })).rows as Row[]) keep(row);
    return leaves;
  }
  const wanted = new Set(ids);
  for (let at: string | undefined; ;) {
    const page = (await db.allDocs({ include_docs: true, conflicts: true, limit: 5000, ...(at ? { startkey: at, skip: 1 } : {}) })).rows as Row[];
    for (const row of page) if (wanted.has(row.id)) keep(row);
    if (page.length < 5000) break;
    at = page[page.length - 1].id;
  }
  // allDocs without keys leaves deleted documents out: ask for those by key.
  const missing = ids.filter((id) => !leaves.has(id));
  for (let i = 0; i < missing.length; i += 1000) {
    for (const row of (await db.allDocs({ keys: missing.slice(i, i + 1000), include_docs: true, conflicts: true })).rows as Row[]) keep(row);
  }
  return leaves;
}

/** A merged source keeps the winner's text: its attachment is read back and written with the merge. */
async function carryAttachments(db: Db, writes: RevWrite[]): Promise<void> {
  for (const w of writes) {
    if (!w.body || w.attachments || !w.parent || (w.body.type !== 'source' && w.body.type !== 'original')) continue;
    const name = w.body.type === 'source' ? 'text' : 'file';
    const data = (await db.getAttachment(w.id, name, { rev: w.parent })) as Buffer;
    w.attachments = { [name]: { content_type: w.body.type === 'source' ? 'text/plain; charset=utf-8' : 'application/octet-stream', data } };
  }
}

/** Applies what arrived: sources through the store, clashes to the clash list, records through commands. */
async function applyBehind(
  ctx: PassContext,
  behind: Array<{ id: string; leaf: Leaf | null }>,
  result: PassResult,
  leaves: Map<string, Leaf | null>,
): Promise<number> {
  let applied = 0;
  const sources: Array<{ id: string; key: string; rev: string; remote: Source | null }> = [];
  const incoming: Incoming[] = [];
  const revOf = new Map<string, string>();
  const newClashes: Clash[] = [];
  for (const { id, leaf } of behind) {
    if (!leaf) continue;
    const parsed = leaf.deleted || !leaf.doc ? null : readDoc(leaf.doc);
    if (parsed && 'problem' in parsed) {
      result.problems.push(parsed.problem);
      continue;
    }
    const { type, key } = parseDocId(id) as { type: string; key: string };
    const remote = parsed ? (parsed.record as object) : null;
    revOf.set(id, leaf.rev);
    if (isRecordType(type)) {
      incoming.push({ type, key, remote, local: (ctx.local.records.get(id)?.record as object) ?? null });
    } else if (type === 'source') {
      sources.push({ id, key, rev: leaf.rev, remote: remote as Source | null });
    } else if (type === 'clash' && remote) {
      newClashes.push(remote as Clash);
    } else ctx.known.set(id, leaf.rev); // an original: read when its source arrives
  }
  // A few at a time: each is an original, a body and an index entry, saved durably (the index saves coalesce).
  for (let i = 0; i < sources.length; i += 8) {
    await Promise.all(
      sources.slice(i, i + 8).map(async (src) => {
        const why = await applySource(ctx, src.key, src.remote);
        if (why) result.waiting.set(src.id, why);
        else {
          ctx.known.set(src.id, src.rev);
          applied++;
        }
      }),
    );
  }
  if (newClashes.length) {
    const all = new Map(ctx.local.clashes);
    for (const c of newClashes) all.set(c.id, c);
    await ctx.claims.exclusive(() => writeClashes(ctx.local.store.dir, [...all.values()]));
    for (const c of newClashes) ctx.known.set(docId('clash', c.id), revOf.get(docId('clash', c.id)) as string);
    applied += newClashes.length;
  }
  if (!incoming.length) return applied;

  const annotations = await annotationsFor(ctx.db, incoming, leaves);
  const plan = planCommands(incoming, ctx.claims.state(), { annotationOf: (a) => annotations.get(a) ?? null, hasSource: (s) => ctx.local.store.hasSource(s) });
  for (const w of plan.waiting) result.waiting.set(w.docId, w.why);
  const done = (docIds: string[]) => {
    for (const d of docIds) {
      const rev = revOf.get(d);
      if (rev) ctx.known.set(d, rev);
    }
  };
  if (!plan.commands.length) return applied;
  const batch: Command = { type: 'batch', payload: { commands: plan.commands.map((c) => c.command) } };
  try {
    await ctx.claims.applyRemote(batch);
    for (const c of plan.commands) done(c.docIds);
    return applied + plan.commands.length;
  } catch {
    // One bad record must not hold back the rest: apply them one by one, and say which failed.
    for (const c of plan.commands) {
      try {
        await ctx.claims.applyRemote(c.command);
        done(c.docIds);
        applied++;
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        for (const d of c.docIds) result.waiting.set(d, why);
      }
    }
    return applied;
  }
}

/** The annotations new claims need, from the database (each is its own document). */
async function annotationsFor(db: Db, incoming: readonly Incoming[], leaves: Map<string, Leaf | null>): Promise<Map<string, Annotation>> {
  const ids = incoming.filter((r) => r.type === 'claim' && r.remote).map((r) => docId('annotation', (r.remote as { annotationId: string }).annotationId));
  const out = new Map<string, Annotation>();
  const keep = (doc: { _id: string; type?: unknown; record?: unknown } | null | undefined) => {
    if (!doc) return;
    const r = readDoc(doc);
    if (!('problem' in r)) out.set(r.key, r.record as Annotation);
  };
  // Mostly read in this pass already; the others (an annotation that arrived earlier) by key.
  const rest = ids.filter((id) => {
    const leaf = leaves.get(id);
    if (leaf?.doc && !leaf.deleted) keep(leaf.doc);
    return !leaf;
  });
  const deleted: Array<{ id: string; rev: string }> = [];
  if (rest.length)
    for (const row of (await db.allDocs({ keys: rest, include_docs: true })).rows as Array<{
      key: string;
      value?: { rev: string; deleted?: boolean };
      doc?: { _id: string } | null;
    }>) {
      if (row.value?.deleted) deleted.push({ id: row.key, rev: row.value.rev });
      else keep(row.doc);
    }
  const needed = new Set(ids);
  for (const [id, leaf] of leaves) if (leaf?.deleted && needed.has(id)) deleted.push({ id, rev: leaf.rev });
  // A claim edited on one side and deleted on the other comes back (the edit wins), and so does its
  // annotation, deleted with it: its last version before the deletion (written back on the next pass).
  for (const d of deleted) {
    const path = await revPath(db, d.id, d.rev).catch(() => [] as string[]);
    if (path[1]) keep((await bodyAt(db, d.id, path[1])) as { _id: string } | null);
  }
  return out;
}

/** A source from the server: added with its text and original, its metadata updated, or removed. Null when done, else why not yet. */
async function applySource(ctx: PassContext, id: string, remote: Source | null): Promise<string | null> {
  const store = ctx.local.store;
  const here = store.source(id);
  if (!remote) {
    if (here) await ctx.deleteSource(id);
    return null;
  }
  if (!here) {
    let original: Buffer;
    let text: Buffer;
    try {
      original = (await ctx.db.getAttachment(docId('original', remote.sha256), 'file')) as Buffer;
      text = (await ctx.db.getAttachment(docId('source', id), 'text')) as Buffer;
    } catch {
      return `its original file ${remote.sha256.slice(0, 12)}… has not arrived yet`;
    }
    await store.addSource(remote, { id, text: text.toString('utf8'), annotations: [], claims: [] }, new Uint8Array(original));
    return null;
  }
  if (here.sha256 !== remote.sha256) return 'its text was replaced on another machine; replacing a text by sync is not supported yet';
  await store.updateIndex(
    (d) => {
      d.sources = d.sources.map((s) => (s.id === id ? remote : s));
    },
    { sources: [id] },
  );
  return null;
}
