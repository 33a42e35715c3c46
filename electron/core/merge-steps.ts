// The parts of a bundle merge that live outside the claim state (shared/model/commands-schema.ts:
// source.add, source.replace, clashes.put), checked and carried out like source-commands.ts does for
// a deletion, so that a merge is one step on the undo stack and its undo gives the case back exactly.
//
// Files, beside the deleted sources' trash:
// - trash/merged/<id>.json, .body.json, .original: a source the merge brings, staged before the step
//   runs and put back there by its undo (so a redo finds it, after a restart too);
// - trash/versions/<id>.<sha256>.txt: the canonical text of one version of a source whose file the
//   merge replaced (its original stays in originals/, as a replaced text's always does).
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Clash } from '../../shared/exchange/bundle.ts';
import { canonicalJson } from '../../shared/exchange/merge.ts';
import { CommandError, type SimpleCommand } from '../../shared/model/commands.ts';
import type { UndoStack } from '../../shared/model/undo.ts';
import { Source, SourceBody } from '../../shared/model/source.ts';
import { CLASHES_FILE, readClashes } from './bundle/export.ts';
import { originalPath } from './store/layout.ts';
import { type CaseStore, writeFileDurable } from './store/index.ts';

export const MERGED_DIR = path.join('trash', 'merged');
export const VERSIONS_DIR = path.join('trash', 'versions');

type Step<T extends SimpleCommand['type']> = Extract<SimpleCommand, { type: T }>;
export type MergeStep = Step<'source.add'> | Step<'source.replace'> | Step<'clashes.put'>;
export const MERGE_STEPS = new Set<string>(['source.add', 'source.replace', 'clashes.put']);

const stagedPath = (dir: string, id: string, part: 'json' | 'body.json' | 'original') => path.join(dir, MERGED_DIR, `${id}.${part}`);
const versionPath = (dir: string, id: string, sha256: string) => path.join(dir, VERSIONS_DIR, `${id}.${sha256}.txt`);
const nameOf = (s: Source) => `“${s.title.value ?? s.file ?? s.id}”`;
/** The names the two texts of a replace are kept under: each file's sha256, or each text's when the file stays (a re-import). */
const textKeys = (step: Step<'source.replace'>) => step.payload.texts ?? { from: step.payload.from.sha256, to: step.payload.to.sha256 };

/**
 * Stages a source a merge will add: original and text first, the record last (what check() looks for).
 * Durable when an undo puts it back (a redo, after a restart too, reads it); the merge's own staging
 * need not be: the step reads it back at once and removes it, and a step cut short leaves no history
 * entry that names it (the sweep clears it).
 */
export async function stageSource(dir: string, source: Source, body: SourceBody, original: Uint8Array, opts: { durable: boolean }): Promise<void> {
  const write = opts.durable ? writeFileDurable : (file: string, data: string | Uint8Array) => fs.writeFile(file, data);
  await fs.mkdir(path.join(dir, MERGED_DIR), { recursive: true });
  await write(stagedPath(dir, source.id, 'original'), original);
  await write(stagedPath(dir, source.id, 'body.json'), JSON.stringify(body));
  await write(stagedPath(dir, source.id, 'json'), JSON.stringify(source));
}

/** Keeps the text of a version of a source (the one a merge brings, or the one it replaces). */
export async function keepVersion(dir: string, id: string, sha256: string, text: string): Promise<void> {
  const file = versionPath(dir, id, sha256);
  if (existsSync(file)) return;
  await fs.mkdir(path.join(dir, VERSIONS_DIR), { recursive: true });
  await writeFileDurable(file, text);
}

/** Throws CommandError when a merge step no longer fits the case. Synchronous: runs inside undo(). */
export function checkMergeStep(store: CaseStore, step: MergeStep): void {
  switch (step.type) {
    case 'source.add': {
      const { id, present } = step.payload;
      if (present) {
        if (store.hasSource(id)) throw new CommandError(`The source ${id} is already in this case.`);
        if (!existsSync(stagedPath(store.dir, id, 'json'))) throw new CommandError(`The merged source ${id} is no longer kept in this case's trash.`);
      } else if (!store.hasSource(id)) throw new CommandError(`There is no source ${id} in this case (it may have been deleted since).`);
      break;
    }
    case 'source.replace': {
      const { id, from, to } = step.payload;
      const now = store.source(id);
      if (!now) throw new CommandError(`There is no source ${id} in this case (it may have been deleted since).`);
      if (canonicalJson(now) !== canonicalJson(from)) throw new CommandError(`The details of ${nameOf(now)} have changed since.`);
      const keys = textKeys(step);
      if (keys.from !== keys.to) {
        if (!existsSync(versionPath(store.dir, id, keys.to)))
          throw new CommandError(`The other version of ${nameOf(now)} is no longer kept in this case's trash.`);
        if (!existsSync(originalPath(store.dir, to))) throw new CommandError(`The original file of the other version of ${nameOf(now)} is missing.`);
      }
      break;
    }
    case 'clashes.put':
      for (const c of [...step.payload.clashes, ...(step.payload.replaces ?? [])]) {
        const r = Clash.safeParse(c);
        if (!r.success) throw new CommandError(`A clash of the merge cannot be read: ${r.error.issues[0]?.message ?? 'invalid'}`);
      }
      break;
  }
}

export interface MergeStepChanges {
  put: Source[];
  deleted: string[];
  /** Sources that went back to the stage: their files are not to be written. */
  staged: Set<string>;
}

/** Carries out a checked merge step. */
export async function runMergeStep(store: CaseStore, step: MergeStep, out: MergeStepChanges): Promise<void> {
  const dir = store.dir;
  switch (step.type) {
    case 'source.add': {
      const { id, present } = step.payload;
      if (present) {
        // In the case first, then out of the stage (record first, so a half-emptied stage is never read).
        const source = Source.parse(JSON.parse(readFileSync(stagedPath(dir, id, 'json'), 'utf8')));
        const body = SourceBody.parse(JSON.parse(await fs.readFile(stagedPath(dir, id, 'body.json'), 'utf8')));
        const original = new Uint8Array(await fs.readFile(stagedPath(dir, id, 'original')));
        await store.addSource(source, body, original);
        for (const part of ['json', 'body.json', 'original'] as const) await fs.rm(stagedPath(dir, id, part), { force: true });
        out.put.push(store.source(id)!);
      } else {
        const source = store.source(id)!;
        await stageSource(dir, source, await store.readBody(id), await store.readOriginal(source), { durable: true });
        await store.removeSource(id);
        out.deleted.push(id);
        out.staged.add(id);
      }
      break;
    }
    case 'source.replace': {
      const { id, to } = step.payload;
      const keys = textKeys(step);
      if (keys.from === keys.to) {
        await store.updateIndex(
          (d) => {
            d.sources = d.sources.map((s) => (s.id === id ? structuredClone(to) : s));
          },
          { sources: [id] },
        );
      } else {
        const body = await store.readBody(id);
        await keepVersion(dir, id, keys.from, body.text);
        const text = await fs.readFile(versionPath(dir, id, keys.to), 'utf8');
        await store.replaceSource(to, { ...body, text }, await store.readOriginal(to));
      }
      out.put.push(store.source(id)!);
      break;
    }
    case 'clashes.put': {
      const { clashes, present } = step.payload;
      const list = await readClashes(dir);
      const ids = new Set(clashes.map((c) => c.id));
      // A clash already listed keeps its place (settling one, or undoing that, does not reorder the list).
      const put = new Map(clashes.map((c) => [c.id, Clash.parse(c)]));
      const kept = list.map((c) => put.get(c.id) ?? c);
      const next = present ? [...kept, ...[...put.values()].filter((c) => !list.some((l) => l.id === c.id))] : list.filter((c) => !ids.has(c.id));
      // No clashes left: no clashes file, as before the merge that listed them.
      if (next.length) await writeFileDurable(path.join(dir, CLASHES_FILE), `${JSON.stringify({ format: 'corroborate-clashes', clashes: next }, null, 1)}\n`);
      else await fs.rm(path.join(dir, CLASHES_FILE), { force: true });
      break;
    }
  }
}

/** Staged sources and kept versions that a step in the history (done or undone) still names; the rest can go. */
export async function sweepMerged(dir: string, stack: Readonly<UndoStack>): Promise<void> {
  const staged = new Set<string>();
  const versions = new Set<string>();
  for (const e of [...stack.done, ...stack.undone]) {
    for (const cmd of [e.command, e.inverse]) {
      for (const s of cmd.type === 'batch' ? cmd.payload.commands : [cmd]) {
        if (s.type === 'source.add') staged.add(s.payload.id);
        if (s.type === 'source.replace') {
          const keys = textKeys(s);
          versions.add(`${s.payload.id}.${keys.from}`).add(`${s.payload.id}.${keys.to}`);
        }
      }
    }
  }
  for (const name of await fs.readdir(path.join(dir, MERGED_DIR)).catch(() => [] as string[]))
    if (!staged.has(name.split('.')[0])) await fs.rm(path.join(dir, MERGED_DIR, name), { force: true });
  for (const name of await fs.readdir(path.join(dir, VERSIONS_DIR)).catch(() => [] as string[]))
    if (!versions.has(name.replace(/\.txt$/, ''))) await fs.rm(path.join(dir, VERSIONS_DIR, name), { force: true });
}
