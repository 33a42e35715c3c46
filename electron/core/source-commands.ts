// The part of a command that lives outside the claim state: a source's metadata (in the index), the
// source itself (deleted to the case's trash, restored from it) and its rejected suggestions (in its
// file). shared/model/commands.ts applies the claims part and computes every inverse; this module checks
// the rest against the case before a step is taken (so a stale undo is refused like any other, and
// dropped with a problem) and then carries it out, reporting what changed for the change set.
//
// The trash is <case>/trash/sources/<id>.json (the index record and where it stood) beside
// <id>.body.json (text, annotations, claims, rejections as they were) and <id>.original (the
// imported bytes, which the store removes when no other source uses them). Undo reads them back,
// so a deletion can be undone after a restart, as long as the history holds it.
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ListChanges } from '../../shared/model/changes.ts';
import { type Command, CommandError, type SimpleCommand, type SourceMeta } from '../../shared/model/commands.ts';
import { type UndoStack } from '../../shared/model/undo.ts';
import { Source, SourceBody } from '../../shared/model/source.ts';
import { type CaseStore, writeFileDurable } from './store/index.ts';
import { checkMergeStep, MERGE_STEPS, type MergeStep, runMergeStep, sweepMerged } from './merge-steps.ts';

export const TRASH_DIR = path.join('trash', 'sources');

export interface OutsideChanges {
  sources: ListChanges<Source>;
  /** Sources whose rejected suggestions changed. */
  suggestions: string[];
  /** Sources that went to the trash in this step: their files are not to be written. */
  trashed: Set<string>;
}

const stepsOf = (cmd: Command): SimpleCommand[] => (cmd.type === 'batch' ? cmd.payload.commands : [cmd]);

const OUTSIDE = new Set<string>(['source.update', 'source.delete', 'source.restore', 'suggestions.reject', ...MERGE_STEPS]);
/** Whether a command has a part outside the claim state. */
export const reachesOutside = (cmd: Command): boolean => stepsOf(cmd).some((s) => OUTSIDE.has(s.type));

/** The sources a command moves to or from the trash (known before it runs, so the claims save can skip or expect them). */
export function movedSources(cmd: Command): { trashed: Set<string>; restored: Set<string> } {
  const trashed = new Set<string>();
  const restored = new Set<string>();
  for (const s of stepsOf(cmd)) {
    if (s.type === 'source.delete') trashed.add(s.payload.id);
    if (s.type === 'source.restore') restored.add(s.payload.id);
    // A merge's source comes from, or goes back to, its stage (merge-steps.ts).
    if (s.type === 'source.add') (s.payload.present ? restored : trashed).add(s.payload.id);
  }
  return { trashed, restored };
}

/** The trashed sources an undo can still bring back: those a done step's inverse restores. */
export function restorable(stack: Readonly<UndoStack>): Set<string> {
  const ids = new Set<string>();
  for (const e of stack.done) for (const s of stepsOf(e.inverse)) if (s.type === 'source.restore') ids.add(s.payload.id);
  return ids;
}

/**
 * Empties the trash of what no undo can reach any more (its step fell off the history, or the
 * history was cleared): the copies would otherwise pile up. Run it in the case's edit queue, so
 * a deletion under way is never swept. Returns the ids removed.
 */
export async function sweepTrash(dir: string, stack: Readonly<UndoStack>): Promise<string[]> {
  const folder = path.join(dir, TRASH_DIR);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const keep = restorable(stack);
  const gone = new Set<string>();
  for (const name of names) {
    const id = name.split('.')[0];
    if (keep.has(id)) continue;
    await fs.rm(path.join(folder, name), { force: true });
    gone.add(id);
  }
  await sweepMerged(dir, stack);
  return [...gone];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const nameOf = (s: Source) => `“${s.title.value ?? s.file ?? s.id}”`;

export class SourceCommands {
  readonly #store: CaseStore;

  constructor(store: CaseStore) {
    this.#store = store;
  }

  #trashPath(id: string, part: 'json' | 'body.json' | 'original'): string {
    return path.join(this.#store.dir, TRASH_DIR, `${id}.${part}`);
  }

  #source(id: string): Source {
    const s = this.#store.source(id);
    if (!s) throw new CommandError(`There is no source ${id} in this case (it may have been deleted since).`);
    return s;
  }

  /** Throws CommandError when the command's outside part no longer fits the case. Synchronous: runs inside undo(). */
  check(cmd: Command): void {
    for (const step of stepsOf(cmd)) {
      switch (step.type) {
        case 'source.update': {
          const s = this.#source(step.payload.id);
          for (const [key, was] of Object.entries(step.payload.from)) {
            if (!same(s[key as keyof SourceMeta], was)) throw new CommandError(`The ${key} of ${nameOf(s)} has changed since.`);
          }
          break;
        }
        case 'source.delete':
        case 'suggestions.reject':
          this.#source(step.type === 'source.delete' ? step.payload.id : step.payload.sourceId);
          break;
        case 'source.restore': {
          const id = step.payload.id;
          if (this.#store.hasSource(id)) throw new CommandError(`The source ${id} is already in this case.`);
          if (!existsSync(this.#trashPath(id, 'json'))) throw new CommandError(`The source ${id} is no longer in this case's trash.`);
          const source = this.#readTrashed(id);
          const twin = this.#store.findBySha256(source.sha256);
          if (twin) throw new CommandError(`The same file was imported again as ${nameOf(twin)}; delete that one to bring ${nameOf(source)} back.`);
          break;
        }
        default:
          if (MERGE_STEPS.has(step.type)) checkMergeStep(this.#store, step as MergeStep);
          break;
      }
    }
  }

  #readTrashed(id: string): Source {
    const file = this.#trashPath(id, 'json');
    try {
      return Source.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      throw new CommandError(`The trashed source ${id} could not be read (${file}): ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Carries out the outside part of a checked command, step by step, in order. */
  async run(cmd: Command): Promise<OutsideChanges> {
    const out: OutsideChanges = { sources: { put: [], deleted: [] }, suggestions: [], trashed: new Set() };
    for (const step of stepsOf(cmd)) {
      switch (step.type) {
        case 'source.update': {
          const { id, to } = step.payload;
          await this.#store.updateIndex(() => Object.assign(this.#source(id), structuredClone(to)), { sources: [id] });
          out.sources.put.push({ value: this.#source(id), after: this.#before(id) });
          break;
        }
        case 'source.delete':
          await this.#trash(step.payload.id);
          out.sources.deleted.push(step.payload.id);
          out.trashed.add(step.payload.id);
          break;
        case 'source.restore': {
          const source = await this.#restore(step.payload.id);
          out.sources.put.push({ value: source, after: this.#before(source.id) });
          break;
        }
        case 'suggestions.reject': {
          const { sourceId, keys, restore } = step.payload;
          const body = await this.#store.readBody(sourceId);
          const set = new Set(body.rejectedSuggestions ?? []);
          for (const k of keys) {
            if (restore) set.delete(k);
            else set.add(k);
          }
          await this.#store.writeBody({ ...body, rejectedSuggestions: [...set] });
          out.suggestions.push(sourceId);
          break;
        }
        default:
          if (MERGE_STEPS.has(step.type)) {
            const merged = { put: [] as Source[], deleted: [] as string[], staged: out.trashed };
            await runMergeStep(this.#store, step as MergeStep, merged);
            for (const p of merged.put) out.sources.put.push({ value: p, after: this.#before(p.id) });
            out.sources.deleted.push(...merged.deleted);
          }
          break;
      }
    }
    return out;
  }

  /** The id of the source listed before this one (where a client puts it back), or null. */
  #before(id: string): string | null {
    const i = this.#store.positionOfSource(id) ?? -1; // through the id map: a scan of 10,000 sources was a fifth of a correction's CPU
    return i > 0 ? this.#store.index.sources[i - 1].id : null;
  }

  // Crash-safe order: the trash copy is complete (record last) before the source leaves the case.
  async #trash(id: string): Promise<void> {
    const source = this.#source(id);
    const body = await this.#store.readBody(id);
    const original = await this.#store.readOriginal(source);
    await fs.mkdir(path.join(this.#store.dir, TRASH_DIR), { recursive: true });
    await writeFileDurable(this.#trashPath(id, 'original'), original);
    await writeFileDurable(this.#trashPath(id, 'body.json'), JSON.stringify(body));
    await writeFileDurable(this.#trashPath(id, 'json'), JSON.stringify(source));
    await this.#store.removeSource(id);
  }

  // The reverse: back in the case first, then out of the trash (record first, so a half-emptied trash is never read).
  async #restore(id: string): Promise<Source> {
    const source = this.#readTrashed(id);
    const body = SourceBody.parse(JSON.parse(await fs.readFile(this.#trashPath(id, 'body.json'), 'utf8')));
    const original = new Uint8Array(await fs.readFile(this.#trashPath(id, 'original')));
    await this.#store.addSource(source, body, original);
    for (const part of ['json', 'body.json', 'original'] as const) await fs.rm(this.#trashPath(id, part), { force: true });
    return this.#source(id);
  }
}
