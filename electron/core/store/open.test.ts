// Opening a large case does its housekeeping (the backup of case.json, the temp-file sweep) beside
// the first screen; these tests hold the promises that housekeeping keeps.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { removeTempDirs, tempDir } from '../../../tests/support/store-helpers.ts';
import { CaseStore } from './index.ts';

afterAll(removeTempDirs);

async function closedCase(name: string): Promise<string> {
  const dir = path.join(await tempDir(), 'case');
  const store = await CaseStore.create(dir, { id: 'c1', name }, { backupIntervalMs: 60_000 });
  await store.close();
  await fs.rm(path.join(dir, 'backups'), { recursive: true, force: true });
  return dir;
}

describe('opening a case', () => {
  it('backs up case.json as it was before the first save, even a save made at once', async () => {
    const dir = await closedCase('As it was');
    // A slow disk: the copy is still under way when the first save comes (and with no journal, that
    // save rewrites case.json itself).
    const copyFile = fs.copyFile.bind(fs);
    const slow = vi.spyOn(fs, 'copyFile').mockImplementation(async (...a: Parameters<typeof fs.copyFile>) => {
      await new Promise((r) => setTimeout(r, 150));
      return copyFile(...a);
    });
    const store = await CaseStore.open(dir, { backupIntervalMs: 60_000, journalMaxLines: 0 });
    await store.updateIndex((d) => void (d.name = 'Changed'));
    slow.mockRestore();
    await store.close();
    // The oldest is the one made at open (closing makes another, of the index as it was left).
    const [atOpen] = (await store.listBackups()).reverse();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'backups', atOpen.name), 'utf8')).name).toBe('As it was');
    const reopened = await CaseStore.open(dir);
    expect(reopened.index.name).toBe('Changed');
    await reopened.close();
  });

  it('sweeps the temp files an interrupted write left', async () => {
    const dir = await closedCase('Swept');
    const left = path.join(dir, 'sources', '.s_abcdef1.json.0123456789ab.tmp');
    await fs.writeFile(left, '{"half":');
    const store = await CaseStore.open(dir);
    await store.close(); // waits for the sweep
    await expect(fs.access(left)).rejects.toThrow();
  });
});
