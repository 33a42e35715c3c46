import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { push, type UndoEntry, type UndoStack } from '../../shared/model/undo.ts';
import { removeTempDirs, tempDir } from '../../tests/support/store-helpers.ts';
import { HISTORY_FILE, HISTORY_LOG, HistoryFile, listStep } from './history-file.ts';

afterAll(removeTempDirs);

const entry = (n: number): UndoEntry => ({
  command: { type: 'claim.update', payload: { id: `cl_${n}`, set: { note: `edit ${n}` }, unset: [] } },
  inverse: { type: 'claim.update', payload: { id: `cl_${n}`, set: { note: '' }, unset: [] } },
  label: `Edit claim ${n}`,
  at: null,
});
// The stack's own moves, keeping the entries they keep (as shared/model/undo.ts does).
const undoTop = (s: UndoStack): UndoStack => ({ done: s.done.slice(0, -1), undone: [...s.undone, s.done.at(-1)!] });
const redoTop = (s: UndoStack): UndoStack => ({ done: [...s.done, s.undone.at(-1)!], undone: s.undone.slice(0, -1) });
const dropTop = (s: UndoStack): UndoStack => ({ done: s.done.slice(0, -1), undone: s.undone }); // a stale step refused

/** A folder whose history has its snapshot (the first save of a case writes one): later steps are lines. */
async function started(): Promise<{ dir: string; file: HistoryFile; stack: UndoStack }> {
  const dir = await tempDir();
  const { file, stack } = await HistoryFile.read(dir);
  await file.reset(stack);
  return { dir, file, stack };
}

/** Saves each step as the case does, and returns the stack it ends with. */
async function run(file: HistoryFile, from: UndoStack, steps: Array<(s: UndoStack) => UndoStack>): Promise<UndoStack> {
  let stack = from;
  for (const step of steps) {
    const next = step(stack);
    await file.save(stack, next);
    stack = next;
  }
  return stack;
}

const lines = async (dir: string) => (await fs.readFile(path.join(dir, HISTORY_LOG), 'utf8').catch(() => '')).split('\n').filter(Boolean);

describe('the undo history on disk', () => {
  it('a step is one line; reading gives back the stack every kind of step left', async () => {
    const { dir, file, stack: empty } = await started();
    const snapshot = await fs.readFile(path.join(dir, HISTORY_FILE), 'utf8');
    const limit = (s: UndoStack, e: UndoEntry) => push(s, e, 3); // the oldest fall off past the limit
    const end = await run(file, empty, [
      (s) => limit(s, entry(1)),
      (s) => limit(s, entry(2)),
      (s) => limit(s, entry(3)),
      (s) => limit(s, entry(4)),
      undoTop,
      undoTop,
      redoTop,
      dropTop,
      (s) => limit(s, entry(5)), // a new edit clears what could be redone
    ]);
    expect(await lines(dir)).toHaveLength(9);
    expect(await fs.readFile(path.join(dir, HISTORY_FILE), 'utf8')).toBe(snapshot); // not rewritten
    const again = await HistoryFile.read(dir);
    expect(again.stack).toEqual(end);
    expect(again.stack.done.map((e) => e.label)).toEqual(['Edit claim 2', 'Edit claim 5']);
    expect(again.problems).toEqual([]);
  });

  it('a torn last line loses that step only, and the next save starts a clean snapshot', async () => {
    const { dir, file, stack } = await started();
    const two = await run(file, stack, [(s) => push(s, entry(1)), (s) => push(s, entry(2))]);
    const one = { done: two.done.slice(0, 1), undone: [] };
    const log = path.join(dir, HISTORY_LOG);
    const text = await fs.readFile(log, 'utf8');
    const [first, second] = text.split('\n');
    await fs.writeFile(log, `${first}\n${second.slice(0, 40)}`); // the machine stopped mid-append

    const read = await HistoryFile.read(dir);
    expect(read.stack).toEqual(one);
    const after = await run(read.file, read.stack, [(s) => push(s, entry(3))]);
    expect(await lines(dir)).toEqual([]); // folded into history.json, not appended after the fragment
    expect((await HistoryFile.read(dir)).stack).toEqual(after);
  });

  it('ignores lines already folded into a newer snapshot (a stop between writing it and removing the log)', async () => {
    const { dir, file, stack } = await started();
    const limit = (s: UndoStack, e: UndoEntry) => push(s, e, 2);
    const two = await run(file, stack, [(s) => limit(s, entry(1)), (s) => limit(s, entry(2))]);
    await file.reset(two);
    const three = await run(file, two, [(s) => limit(s, entry(3))]); // entry 1 falls off: a line that drops one
    const oldLog = await fs.readFile(path.join(dir, HISTORY_LOG), 'utf8');
    await file.reset(three);
    await fs.writeFile(path.join(dir, HISTORY_LOG), oldLog); // the removal never happened
    expect((await HistoryFile.read(dir)).stack).toEqual(three); // entries 2 and 3, not 3 twice
  });

  it('folds a long log into the snapshot', async () => {
    const { dir, file, stack } = await started();
    const steps = Array.from({ length: 205 }, (_, i) => (s: UndoStack) => push(s, entry(i)));
    const end = await run(file, stack, steps);
    expect((await lines(dir)).length).toBeLessThan(200);
    expect((await HistoryFile.read(dir)).stack).toEqual(end);
  });

  it('reads a history written before the log existed, and keeps it', async () => {
    const dir = await tempDir();
    const before: UndoStack = { done: [entry(1), entry(2)], undone: [entry(3)] };
    await fs.writeFile(path.join(dir, HISTORY_FILE), JSON.stringify(before));
    const read = await HistoryFile.read(dir);
    expect(read.stack).toEqual(before);
    const next = undoTop(read.stack);
    await read.file.save(read.stack, next);
    expect((await HistoryFile.read(dir)).stack).toEqual(next);
  });

  it('describes a step by what it kept of each list', () => {
    const [a, b, c, d] = [entry(1), entry(2), entry(3), entry(4)];
    expect(listStep([a, b, c], [b, c, d])).toEqual([1, 2, [d]]);
    expect(listStep([a, b], [a])).toEqual([0, 1, []]);
    expect(listStep([a], [])).toEqual([1, 0, []]);
    expect(listStep([a, b], [c])).toEqual([2, 0, [c]]);
  });
});
