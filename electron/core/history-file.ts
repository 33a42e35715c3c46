// The undo history on disk: history.json (a snapshot of the stack) and history.log beside it, one
// line per step since the snapshot. A step appends one small fsynced line instead of rewriting the
// whole stack (up to 500 entries) durably; the snapshot is rewritten only when the log grows long.
//
// A line is `{"sha256":"<hex of the entry text>","entry":{"base":…,"seq":…,"done":[…],"undone":[…]}}`.
// Each list says how the step changed it: `[drop, keep, added]`, the new list being the `keep`
// entries after the first `drop` of the old one, then `added`; every step (a new edit, an undo, a
// redo, a step dropped as stale, the oldest entries falling off) is of that shape. `base` names the
// snapshot a line applies to, so lines already folded into a newer snapshot (a crash between
// writing it and removing the log) are ignored; a torn or damaged line and everything after it is
// ignored (those steps' undo entries are lost, never misapplied).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UndoEntry, emptyStack, loadUndoStack, type UndoStack } from '../../shared/model/undo.ts';
import { appendLine, checkedLine, readCheckedLine, removeJournal } from './store/journal.ts';
import { writeFileDurable } from './store/index.ts';

export const HISTORY_FILE = 'history.json';
export const HISTORY_LOG = 'history.log';
/** The log is folded into a new snapshot past this many lines or bytes. */
const MAX_LINES = 200;
const MAX_BYTES = 1024 * 1024;

const ListStep = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.array(UndoEntry)]);
type ListStep = z.infer<typeof ListStep>;
const LogEntry = z.object({ base: z.string().min(1), seq: z.number().int().positive(), done: ListStep, undone: ListStep });
type LogEntry = z.infer<typeof LogEntry>;

/** How `next` was made from `prev`: entries are compared by identity (steps share the ones they keep). */
export function listStep<T>(prev: readonly T[], next: readonly T[]): [number, number, T[]] {
  const drop = next.length ? prev.indexOf(next[0]) : -1;
  if (drop < 0) return [prev.length, 0, [...next]];
  let keep = 0;
  while (keep < next.length && drop + keep < prev.length && prev[drop + keep] === next[keep]) keep++;
  return [drop, keep, next.slice(keep)];
}

const replay = <T>(prev: readonly T[], [drop, keep, added]: [number, number, T[]]): T[] => [...prev.slice(drop, drop + keep), ...added];

export class HistoryFile {
  readonly #dir: string;
  #base: string | null = null;
  #seq = 0;
  #lines = 0;
  #bytes = 0;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  /** Reads the stack a case's folder holds, with the problems found (a damaged history starts afresh; the case still opens). */
  static async read(dir: string): Promise<{ file: HistoryFile; stack: UndoStack; problems: string[] }> {
    const file = new HistoryFile(dir);
    const problems: string[] = [];
    let stack = emptyStack();
    const raw = await fs.readFile(path.join(dir, HISTORY_FILE), 'utf8').catch(() => null);
    if (raw !== null) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(raw);
      } catch {
        problems.push('The undo history could not be read; it starts afresh. Your claims are not affected.');
      }
      if (parsed !== null) {
        const loaded = loadUndoStack(parsed);
        stack = loaded.stack;
        if (loaded.problem) problems.push(loaded.problem);
        else file.#base = typeof (parsed as { base?: unknown }).base === 'string' ? (parsed as { base: string }).base : null;
      }
    }
    const log = await fs.readFile(path.join(dir, HISTORY_LOG), 'utf8').catch(() => null);
    if (log !== null) {
      file.#bytes = Buffer.byteLength(log);
      for (const line of log.split('\n')) {
        const entry = file.#base === null ? null : decodeLine(line);
        if (!entry || entry.base !== file.#base || entry.seq !== file.#seq + 1) break;
        stack = { done: replay(stack.done, entry.done), undone: replay(stack.undone, entry.undone) };
        file.#seq = entry.seq;
        file.#lines++;
      }
      // Lines not used (another snapshot's, or a torn last append) are gone at the next save: it writes a snapshot.
      if (file.#lines === 0 || Buffer.byteLength(log.split('\n').slice(0, file.#lines).join('\n') + '\n') !== file.#bytes) file.#base = null;
    }
    return { file, stack, problems };
  }

  /** Saves the step from `prev` to `next`: one appended line, or a new snapshot when the log is long (or not ours). */
  async save(prev: UndoStack, next: UndoStack): Promise<void> {
    if (this.#base !== null && this.#lines < MAX_LINES) {
      const entry: LogEntry = { base: this.#base, seq: this.#seq + 1, done: listStep(prev.done, next.done), undone: listStep(prev.undone, next.undone) };
      const line = encodeLine(entry);
      const bytes = Buffer.byteLength(line);
      if (this.#bytes + bytes <= MAX_BYTES && (await appendLine(path.join(this.#dir, HISTORY_LOG), line, this.#bytes))) {
        this.#seq++;
        this.#lines++;
        this.#bytes += bytes;
        return;
      }
    }
    await this.reset(next);
  }

  /** Writes `stack` as the new snapshot, then removes the log it replaces. */
  async reset(stack: UndoStack): Promise<void> {
    const base = randomUUID();
    await writeFileDurable(path.join(this.#dir, HISTORY_FILE), JSON.stringify({ ...stack, base }));
    // From here the log's lines (of the old base) are never replayed, even if removing it fails.
    this.#base = base;
    this.#seq = 0;
    this.#lines = 0;
    try {
      await removeJournal(path.join(this.#dir, HISTORY_LOG));
      this.#bytes = 0;
    } catch {
      this.#base = null; // bytes we cannot account for: the next save writes a snapshot again
    }
  }
}

const encodeLine = (entry: LogEntry): string => checkedLine(entry);

function decodeLine(line: string): LogEntry | null {
  const r = readCheckedLine(line, LogEntry);
  return 'entry' in r ? r.entry : null;
}
