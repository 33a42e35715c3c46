// The case index's journal: `case.journal` beside case.json, one JSON line per index save, each line
// the resulting records (not diffs) of what that save touched. A save then costs one small fsynced
// append instead of rewriting every source's metadata; case.json (the snapshot) is rewritten only at
// compaction. See DESIGN.md "Store".
//
// A line is `{"sha256":"<hex of the entry text>","entry":{"base":…,"seq":…,"ops":[…]}}`. The hash is
// over the entry's exact bytes as written (no re-serialisation), so a torn or damaged line is detected
// and never half-applied. `base` names the snapshot the line applies to: lines of another base are
// already in case.json (a crash between writing a new snapshot and removing the journal) and are ignored.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CaseIndex } from '../../../shared/model/case.ts';
import { Source } from '../../../shared/model/source.ts';
import { syncDir } from './durable.ts';

/** Top-level index fields a caller may say it replaced (whole; they are small). */
export const INDEX_FIELDS = ['events', 'actors', 'decisions', 'reconciliations', 'gradeOverrides', 'name'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];
const SET_FIELDS = [...INDEX_FIELDS, 'modified'] as const;
type SetField = (typeof SET_FIELDS)[number];

/** What an `updateIndex` mutation touched. Anything it changed must be listed, or the journal misses it. */
export interface IndexChanges {
  /** Sources added or whose record changed (by id). */
  sources?: readonly string[];
  /** Sources removed (by id). */
  removedSources?: readonly string[];
  fields?: readonly IndexField[];
}

const JournalOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), source: z.looseObject({ id: z.string() }) }),
  z.object({ op: z.literal('delete'), id: z.string() }),
  z.object({ op: z.literal('set'), field: z.enum(SET_FIELDS), value: z.unknown() }),
]);
export type JournalOp = z.infer<typeof JournalOp>;

export const JournalEntry = z.object({
  base: z.string().min(1),
  seq: z.number().int().positive(),
  ops: z.array(JournalOp).min(1),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const newSnapshotId = (): string => randomUUID();

const PREFIX = '{"sha256":"';
const MIDDLE = '","entry":';
const HEAD = PREFIX.length + 64 + MIDDLE.length;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A checksummed line (newline included) holding `entry`: the journal's, and the undo history's (history-file.ts). */
export function checkedLine(entry: unknown): string {
  const payload = JSON.stringify(entry);
  return `${PREFIX}${sha256(payload)}${MIDDLE}${payload}}\n`;
}

/** The entry a checked line holds, validated by `schema`, or why it cannot be trusted. */
export function readCheckedLine<T>(line: string, schema: z.ZodType<T>): { entry: T } | { problem: string } {
  if (!line.startsWith(PREFIX) || line.slice(PREFIX.length + 64, HEAD) !== MIDDLE || !line.endsWith('}')) {
    return { problem: 'it is not a journal line' };
  }
  const payload = line.slice(HEAD, -1);
  if (sha256(payload) !== line.slice(PREFIX.length, PREFIX.length + 64)) return { problem: 'its checksum does not match' };
  let doc: unknown;
  try {
    doc = JSON.parse(payload);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  const parsed = schema.safeParse(doc);
  return parsed.success ? { entry: parsed.data } : { problem: 'it is not a journal entry' };
}

/** One journal line, newline included. */
export const encodeEntry = (entry: JournalEntry): string => checkedLine(entry);

/** The entry a line holds, or why it cannot be trusted. */
export const decodeLine = (line: string): { entry: JournalEntry } | { problem: string } => readCheckedLine(line, JournalEntry);

/**
 * The ops that write the current state of everything `changes` names, read from `index` as it is
 * now. Removals come first, then puts in the index's order, so a source appended in memory is
 * appended on replay too (and one removed and re-added in the same batch moves to the end, as in memory).
 * `positionOf` gives where a source id is first listed in the index (the store's id map), so a save
 * costs the same whatever the number of sources; without it the index's sources are scanned.
 */
export function opsFor(
  index: CaseIndex,
  changes: { sources: ReadonlySet<string>; removed: ReadonlySet<string>; fields: ReadonlySet<SetField> },
  positionOf?: (id: string) => number | undefined,
): JournalOp[] {
  const ops: JournalOp[] = [];
  const wanted = new Set([...changes.sources, ...changes.removed]);
  const present = new Map<string, Source>();
  if (positionOf) {
    const at: number[] = [];
    for (const id of wanted) {
      const i = positionOf(id);
      if (i !== undefined) at.push(i);
    }
    for (const i of at.sort((x, y) => x - y)) present.set(index.sources[i].id, index.sources[i]);
  } else if (wanted.size) for (const s of index.sources) if (wanted.has(s.id) && !present.has(s.id)) present.set(s.id, s);
  for (const id of wanted) if (changes.removed.has(id) || !present.has(id)) ops.push({ op: 'delete', id });
  for (const s of present.values()) ops.push({ op: 'put', source: s });
  for (const field of SET_FIELDS) if (changes.fields.has(field)) ops.push({ op: 'set', field, value: index[field] });
  return ops;
}

/** Changes asked for since the last write; `full` means "rewrite the snapshot". */
export class PendingChanges {
  full = false;
  readonly sources = new Set<string>();
  readonly removed = new Set<string>();
  readonly fields = new Set<SetField>(['modified']);
  add(changes: IndexChanges | undefined): void {
    if (!changes) {
      this.full = true;
      return;
    }
    for (const id of changes.sources ?? []) this.sources.add(id);
    for (const id of changes.removedSources ?? []) this.removed.add(id);
    for (const f of changes.fields ?? []) this.fields.add(f);
  }
}

/** Checks an op against this build's schemas; null when it is fine. */
export function checkOp(op: JournalOp): string | null {
  const result = op.op === 'put' ? Source.safeParse(op.source) : op.op === 'set' ? CaseIndex.shape[op.field].safeParse(op.value) : null;
  if (!result || result.success) return null;
  const issue = result.error.issues[0];
  const where = op.op === 'put' ? `source ${op.source.id}` : op.op === 'set' ? op.field : op.id;
  return `${where}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

export interface Replayed {
  /** The snapshot document with the journal's lines of its base applied. */
  doc: Record<string, unknown>;
  applied: number;
  /** Lines of another base (already in the snapshot). */
  stale: number;
  /** The last line was cut short (a save interrupted before it was acknowledged). */
  torn: boolean;
  /** Lines skipped because they were damaged or invalid: the journal should be kept for inspection. */
  problems: string[];
}

/**
 * Applies the journal's lines for `base` to a copy of the snapshot document, line by line and each
 * line whole or not at all. `check` (this build's schemas) is applied only when the snapshot is in
 * the current format; an older one is validated as a whole after migration.
 */
export function replayJournal(
  snapshot: Record<string, unknown>,
  base: string | null,
  text: string,
  check: ((op: JournalOp) => string | null) | null,
): Replayed {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const draft = new Draft(snapshot);
  const out: Replayed = { doc: snapshot, applied: 0, stale: 0, torn: false, problems: [] };
  let lastSeq = 0;
  lines.forEach((line, i) => {
    const decoded = decodeLine(line);
    if ('problem' in decoded) {
      // Only the last line can be torn by a crash: appends are sequential and each is fsynced before the next.
      if (i === lines.length - 1) out.torn = true;
      else out.problems.push(`line ${i + 1} was skipped: ${decoded.problem}`);
      return;
    }
    const { entry } = decoded;
    if (entry.base !== base) {
      out.stale++;
      return;
    }
    if (entry.seq <= lastSeq) {
      out.problems.push(`line ${i + 1} was skipped: it repeats an earlier save (seq ${entry.seq})`);
      return;
    }
    const invalid = check ? entry.ops.map(check).find((p) => p !== null) : undefined;
    if (invalid) {
      out.problems.push(`line ${i + 1} was skipped: ${invalid}`);
      return;
    }
    lastSeq = entry.seq;
    for (const op of entry.ops) draft.apply(op);
    out.applied++;
  });
  if (out.applied) out.doc = draft.result();
  return out;
}

/** The snapshot's sources as a list with positions by id, so replaying 1,000 lines over 10,000 sources stays linear. */
class Draft {
  readonly #doc: Record<string, unknown>;
  readonly #items: unknown[] | null;
  readonly #where = new Map<string, number[]>();
  readonly #fields: Record<string, unknown> = {};
  constructor(doc: Record<string, unknown>) {
    this.#doc = doc;
    this.#items = Array.isArray(doc.sources) ? [...(doc.sources as unknown[])] : null;
    this.#items?.forEach((s, i) => {
      const id = (s as { id?: unknown } | null)?.id;
      if (typeof id === 'string') this.#where.set(id, [...(this.#where.get(id) ?? []), i]);
    });
  }
  apply(op: JournalOp): void {
    if (op.op === 'set') {
      this.#fields[op.field] = op.value;
      return;
    }
    if (!this.#items) return; // a snapshot without a sources list fails validation anyway
    const id = op.op === 'put' ? op.source.id : op.id;
    const at = this.#where.get(id);
    if (op.op === 'delete') {
      for (const i of at ?? []) this.#items[i] = REMOVED;
      this.#where.delete(id);
    } else if (at) {
      for (const i of at) this.#items[i] = op.source;
    } else {
      this.#where.set(id, [this.#items.push(op.source) - 1]);
    }
  }
  result(): Record<string, unknown> {
    const doc = { ...this.#doc, ...this.#fields };
    if (this.#items) doc.sources = this.#items.filter((s) => s !== REMOVED);
    return doc;
  }
}
const REMOVED = Symbol('removed');

/**
 * Appends `line` and fsyncs it. Returns false, writing nothing, when the file is not `expectedBytes`
 * long (something other than our own acknowledged appends is in it, such as the fragment of an append
 * that failed): the caller then writes a snapshot instead of appending after unknown bytes.
 */
export async function appendLine(file: string, line: string, expectedBytes: number): Promise<boolean> {
  const handle = await fs.open(file, 'a');
  try {
    if ((await handle.stat()).size !== expectedBytes) return false;
    await handle.writeFile(line);
    // datasync flushes the data and the new length (what a reader needs), not the timestamps.
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (expectedBytes === 0) await syncDir(path.dirname(file)); // the file itself is new
  return true;
}

/** Removes the journal durably (its lines are in the snapshot now). */
export async function removeJournal(file: string): Promise<void> {
  await fs.rm(file, { force: true });
  await syncDir(path.dirname(file));
}

/** Keeps a journal under a new, unused name (`<file>.<label>-<time>`) for inspection; never overwrites. */
export async function moveJournalAside(file: string, label: string): Promise<string | null> {
  const base = `${file}.${label}-${new Date().toISOString().replace(/:/g, '-')}`;
  for (let n = 0; ; n++) {
    const aside = n ? `${base}-${n}` : base;
    try {
      await fs.access(aside);
      continue;
    } catch {
      // free
    }
    try {
      await fs.rename(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    await syncDir(path.dirname(file));
    return aside;
  }
}

/** The journal's text, or null when there is none. */
export async function readJournal(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
