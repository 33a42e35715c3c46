// Opening a large case does its housekeeping (the backup of case.json, the temp-file sweep) beside
// the first screen; these tests hold the promises that housekeeping keeps.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeSource, removeTempDirs, tempDir } from '../../../tests/support/store-helpers.ts';
import { CHECKED_FILE, digestOf, schemaPrint } from './checked-index.ts';
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

  it('a journaled save does not wait for the backup at open (case.json is as the backup copies it); the backup still holds the index as it was', async () => {
    const dir = await closedCase('As it was');
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const copyFile = fs.copyFile.bind(fs);
    const held = vi.spyOn(fs, 'copyFile').mockImplementation(async (...a: Parameters<typeof fs.copyFile>) => {
      await gate; // the copy does not finish until the save below is done: a save that waited for it would never end
      return copyFile(...a);
    });
    const store = await CaseStore.open(dir, { backupIntervalMs: 60_000 });
    await store.updateIndex((d) => void (d.events = []), { fields: ['events'] });
    expect(store.journalAppends).toBe(1);
    release();
    held.mockRestore();
    await store.close();
    const [atOpen] = (await store.listBackups()).reverse();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'backups', atOpen.name), 'utf8')).name).toBe('As it was');
  });

  it('sweeps the temp files an interrupted write left', async () => {
    const dir = await closedCase('Swept');
    const left = path.join(dir, 'sources', '.s_abcdef1.json.0123456789ab.tmp');
    await fs.writeFile(left, '{"half":');
    const store = await CaseStore.open(dir);
    await store.close(); // waits for the sweep
    await expect(fs.access(left)).rejects.toThrow();
  });

  it('trusts only the case.json bytes it validated: an edit by hand afterwards is validated again', async () => {
    const dir = await closedCase('Checked');
    const s = makeSource(1, 'Three soldiers were killed.');
    const store = await CaseStore.open(dir);
    await store.addSource(s.source, s.body, s.original);
    await store.close(); // records the bytes it leaves
    const file = path.join(dir, 'case.json');
    const stamp = JSON.parse(await fs.readFile(path.join(dir, CHECKED_FILE), 'utf8'));
    expect(stamp).toEqual({ digest: digestOf(await fs.readFile(file)), schema: schemaPrint() });

    const again = await CaseStore.open(dir);
    expect(again.index.sources.map((x) => x.id)).toEqual([s.source.id]);
    await again.close();

    // Same JSON shape, one value the schema refuses: opening says the index is damaged.
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    doc.sources[0].sha256 = 'not-a-digest';
    await fs.writeFile(file, JSON.stringify(doc));
    await expect(CaseStore.open(dir)).rejects.toThrow(/does not match the case format/);
  });

  it('does not trust a record of the same bytes made under another schema', async () => {
    const dir = await closedCase('Other build');
    const file = path.join(dir, 'case.json');
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    doc.name = ''; // refused by this schema
    await fs.writeFile(file, JSON.stringify(doc));
    await fs.writeFile(path.join(dir, CHECKED_FILE), JSON.stringify({ digest: digestOf(await fs.readFile(file)), schema: 'another build' }));
    await expect(CaseStore.open(dir)).rejects.toThrow(/does not match the case format/);
  });

  it('on its index alone, leaves a missing source file to the read that follows, which says it is missing', async () => {
    const dir = await closedCase('Missing file');
    const [a, b] = [makeSource(1, 'Kept.'), makeSource(2, 'Lost.')];
    const store = await CaseStore.open(dir);
    for (const m of [a, b]) await store.addSource(m.source, m.body, m.original);
    await store.close();
    await fs.rm(path.join(dir, 'sources', `${b.source.id}.json`));

    const lazy = await CaseStore.open(dir, { checkBodies: false });
    expect(lazy.warnings).toEqual([]);
    const problems: string[] = [];
    const bodies = await lazy.readAllBodies((id, message) => problems.push(`${id}: ${message}`));
    expect([...bodies.keys()]).toEqual([a.source.id]);
    expect(problems).toEqual([`${b.source.id}: its text file sources/${b.source.id}.json is missing.`]);
    await lazy.close();
  });
});
