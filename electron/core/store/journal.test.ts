// The index journal, through the store, on real files: what reaches disk, what a reopen replays, and
// what a crash at each point leaves. "Crash" = the files as they were at a moment, put back after close.
import fs from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_FORMAT_VERSION } from '../../../shared/model/case.ts';
import { CaseStore, loadIndex, type StoreOptions } from './case-store.ts';
import { decodeIndex } from './codec.ts';
import { decodeLine, encodeEntry, replayJournal, type JournalEntry } from './journal.ts';
import { readCaseSummary, restoreBackup } from './maintenance.ts';
import { makeSource, projectNode, removeTempDirs, tempDir } from '../../../tests/support/store-helpers.ts';

afterAll(removeTempDirs);
const open: CaseStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (s: CaseStore): CaseStore => (open.push(s), s);
const V1 = { current: CASE_FORMAT_VERSION, table: {} };

async function newCase(sources = 3, options: StoreOptions = {}) {
  const dir = path.join(await tempDir('journal'), 'case');
  const store = track(await CaseStore.create(dir, { id: 'c1', name: 'Rocket attack' }, options));
  const ids: string[] = [];
  for (let i = 1; i <= sources; i++) {
    const s = makeSource(i, `Report ${i}: ${i} people were wounded.`);
    await store.addSource(s.source, s.body, s.original);
    ids.push(s.source.id);
  }
  return { dir, store, ids };
}
const caseFile = (dir: string) => path.join(dir, 'case.json');
const journalFile = (dir: string) => path.join(dir, 'case.journal');
const rawIndex = async (dir: string) => JSON.parse(await fs.readFile(caseFile(dir), 'utf8'));
const journalLines = async (dir: string): Promise<string[]> =>
  (await fs.readFile(journalFile(dir), 'utf8').catch(() => '')).split('\n').filter((l) => l !== '');
const exists = (p: string) =>
  fs.access(p).then(
    () => true,
    () => false,
  );
const setNotes = (store: CaseStore, id: string, notes: string) =>
  store.updateIndex((d) => void (d.sources.find((s) => s.id === id)!.notes = notes), { sources: [id] });
const rename = (store: CaseStore, name: string) => store.updateIndex((d) => void (d.name = name), { fields: ['name'] });

/** The case's index files as they are now; `restore()` puts exactly these bytes back (as a crash would leave them). */
async function crashPoint(dir: string) {
  const saved = await Promise.all([caseFile(dir), journalFile(dir)].map(async (f) => [f, await fs.readFile(f).catch(() => null)] as const));
  return async () => {
    for (const [f, bytes] of saved) {
      if (bytes) await fs.writeFile(f, bytes);
      else await fs.rm(f, { force: true });
    }
  };
}

describe('a journaled save', () => {
  it('of one source’s metadata appends one line holding that record, and leaves case.json untouched', async () => {
    const { dir, store, ids } = await newCase();
    const before = await fs.readFile(caseFile(dir));
    const lines = (await journalLines(dir)).length;
    const snapshots = store.snapshotWrites;
    const h = await fs.open(caseFile(dir), 'r');
    const synced = vi.spyOn(Object.getPrototypeOf(h) as { datasync: () => Promise<void> }, 'datasync');
    await h.close();
    await setNotes(store, ids[1], 'Checked against the ministry statement.');
    expect(synced).toHaveBeenCalledTimes(1); // flushed to the disk before the save resolved
    expect(await fs.readFile(caseFile(dir))).toEqual(before);
    expect(store.snapshotWrites).toBe(snapshots);
    const after = await journalLines(dir);
    expect(after).toHaveLength(lines + 1);
    const decoded = decodeLine(after.at(-1)!);
    if (!('entry' in decoded)) throw new Error(decoded.problem);
    const puts = decoded.entry.ops.filter((o) => o.op === 'put');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ source: { id: ids[1], notes: 'Checked against the ministry statement.' } });
    expect(decoded.entry.base).toBe((await rawIndex(dir)).journalBase);
  });

  it('is replayed at the next open after a crash, then folded into case.json', async () => {
    const { dir, store, ids } = await newCase();
    await setNotes(store, ids[0], 'first');
    await rename(store, 'Renamed');
    const crashed = await crashPoint(dir);
    const expected = structuredClone(store.index);
    await store.close();
    await crashed();
    expect((await rawIndex(dir)).name).toBe('Rocket attack'); // the saves are only in the journal
    const again = track(await CaseStore.open(dir));
    expect(again.warnings).toEqual([]);
    expect(again.index).toEqual(expected);
    expect(await exists(journalFile(dir))).toBe(false);
    expect(decodeIndex(await rawIndex(dir), caseFile(dir), V1).index).toEqual(expected);
    // the open-time backup is a plain, complete case.json
    const [newest] = await again.listBackups();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'backups', newest.name), 'utf8'))).toMatchObject({ name: 'Renamed' });
  });

  it('survives the process being killed the moment it was acknowledged', async () => {
    const { dir, store } = await newCase(1);
    await store.close();
    const proc = spawn(projectNode, [path.join(import.meta.dirname, '..', '..', '..', 'tests', 'support', 'store-child.ts'), 'journal-save-and-die', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    const signal = await new Promise((resolve) => proc.on('exit', (_code, sig) => resolve(sig)));
    expect(signal, err).toBe('SIGKILL');
    expect(await exists(journalFile(dir))).toBe(true);
    // The dead process's lock is still fresh, so read the files as the next open will.
    const { index } = (await loadIndex(dir, V1))!;
    expect(index.name).toBe('Journaled just before the crash');
    expect(index.sources[0].notes).toBe('Noted just before the crash');
  });

  it('adds, replaces and removes sources in the same order as in memory', async () => {
    const { dir, store, ids } = await newCase(3);
    await store.removeSource(ids[0]);
    const s4 = makeSource(4, 'Four were wounded.');
    await store.addSource(s4.source, s4.body, s4.original);
    const replaced = makeSource(2, 'A corrected text: two were wounded.');
    await store.replaceSource(replaced.source, replaced.body, replaced.original);
    const crashed = await crashPoint(dir);
    const expected = structuredClone(store.index);
    expect(expected.sources.map((s) => s.id)).toEqual([ids[1], ids[2], s4.source.id]);
    await store.close();
    await crashed();
    expect((await loadIndex(dir, V1))!.index).toEqual(expected);
    expect(track(await CaseStore.open(dir)).index).toEqual(expected);
  });

  it('concurrent saves all resolve and all land, sharing appends', async () => {
    const { dir, store, ids } = await newCase(10);
    const appends = store.journalAppends;
    await Promise.all([...ids.map((id, i) => setNotes(store, id, `note ${i}`)), rename(store, 'Busy case')]);
    expect(store.journalAppends - appends).toBeGreaterThan(0);
    expect(store.journalAppends - appends).toBeLessThan(ids.length + 1);
    const crashed = await crashPoint(dir);
    await store.close();
    await crashed();
    const again = track(await CaseStore.open(dir));
    expect(again.index.name).toBe('Busy case');
    expect(again.index.sources.map((s) => s.notes)).toEqual(ids.map((_, i) => `note ${i}`));
  });
});

describe('reading the journal back', () => {
  it('a torn last line is ignored with a warning; the lines before it survive', async () => {
    const { dir, store, ids } = await newCase(2);
    await setNotes(store, ids[0], 'kept');
    await rename(store, 'Kept name');
    const base = (await rawIndex(dir)).journalBase as string;
    const crashed = await crashPoint(dir);
    await store.close();
    await crashed();
    const seq = (await journalLines(dir)).length + 1;
    const torn = encodeEntry({ base, seq, ops: [{ op: 'set', field: 'name', value: 'Never acknowledged' }] });
    await fs.appendFile(journalFile(dir), torn.slice(0, torn.length / 2));
    const again = track(await CaseStore.open(dir));
    expect(again.index.name).toBe('Kept name');
    expect(again.index.sources[0].notes).toBe('kept');
    expect(again.warnings.join('\n')).toMatch(/cut short/);
    expect((await fs.readdir(dir)).filter((n) => n.startsWith('case.journal'))).toEqual([]);
  });

  it('a damaged or invalid line in the middle is skipped with a warning, the rest applied, the journal kept aside', async () => {
    const { dir, store, ids } = await newCase(2);
    await setNotes(store, ids[0], 'one');
    await setNotes(store, ids[1], 'two');
    await rename(store, 'Three');
    const base = (await rawIndex(dir)).journalBase as string;
    const crashed = await crashPoint(dir);
    await store.close();
    await crashed();
    const lines = await journalLines(dir);
    const n = lines.length;
    lines[n - 2] = lines[n - 2].replace('"two"', '"tw0"'); // bit rot: the checksum no longer matches
    const invalid: JournalEntry = { base, seq: n + 1, ops: [{ op: 'put', source: { id: ids[0], title: 42 } }] };
    const text = [...lines, encodeEntry(invalid).trimEnd(), encodeEntry({ base, seq: n + 2, ops: [{ op: 'set', field: 'name', value: 'Four' }] })].join('\n');
    await fs.writeFile(journalFile(dir), text);
    const again = track(await CaseStore.open(dir));
    expect(again.index.sources.map((s) => s.notes)).toEqual(['one', '']);
    expect(again.index.name).toBe('Four');
    expect(again.index.sources[0].title.value).toBe('Report 1');
    const warning = again.warnings.join('\n');
    expect(warning).toMatch(new RegExp(`line ${n - 1} was skipped: its checksum`));
    expect(warning).toMatch(new RegExp(`line ${n + 1} was skipped: source ${ids[0]}`));
    const kept = (await fs.readdir(dir)).filter((f) => f.startsWith('case.journal'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^case\.journal\.bad-/);
    expect(await fs.readFile(path.join(dir, kept[0]), 'utf8')).toBe(text);
  });

  it('lines from an older snapshot are ignored: they are in case.json already', async () => {
    const { dir, store } = await newCase(1);
    await rename(store, 'First');
    const old = await fs.readFile(journalFile(dir));
    await store.updateIndex((d) => void (d.name = 'Second')); // a full write: new snapshot, journal gone
    expect(await exists(journalFile(dir))).toBe(false);
    await store.close();
    await fs.writeFile(journalFile(dir), old);
    const again = track(await CaseStore.open(dir));
    expect(again.index.name).toBe('Second');
    expect(again.warnings).toEqual([]);
    expect(await exists(journalFile(dir))).toBe(false);
  });

  it('a crash between writing the new case.json and removing the journal loses nothing and applies nothing twice', async () => {
    const { dir, store, ids } = await newCase(1);
    const extra = makeSource(9, 'Nine were wounded.');
    await store.addSource(extra.source, extra.body, extra.original);
    await setNotes(store, ids[0], 'noted');
    const expected = structuredClone(store.index);
    // The journal cannot be removed after close's snapshot: the state a crash at that point leaves.
    const rm = fs.rm;
    vi.spyOn(fs, 'rm').mockImplementation(async (p, o) => {
      if (String(p).endsWith('case.journal')) throw new Error('power cut');
      return rm(p, o);
    });
    await store.close();
    vi.restoreAllMocks();
    expect(await exists(journalFile(dir))).toBe(true);
    expect(decodeIndex(await rawIndex(dir), caseFile(dir), V1).index).toEqual(expected);
    const again = track(await CaseStore.open(dir));
    expect(again.index).toEqual(expected);
    expect(again.index.sources.map((s) => s.id)).toEqual([ids[0], extra.source.id]);
    expect(again.warnings).toEqual([]);
    expect(await exists(journalFile(dir))).toBe(false);
  });

  it('replayJournal applies each line whole and only for its base', () => {
    const snapshot = {
      sources: [
        { id: 'a', n: 1 },
        { id: 'b', n: 1 },
      ],
      name: 'x',
    };
    const text = [
      encodeEntry({
        base: 'B',
        seq: 1,
        ops: [
          { op: 'delete', id: 'a' },
          { op: 'put', source: { id: 'c', n: 1 } },
        ],
      }),
      encodeEntry({ base: 'OLD', seq: 1, ops: [{ op: 'set', field: 'name', value: 'stale' }] }),
      encodeEntry({
        base: 'B',
        seq: 2,
        ops: [
          { op: 'put', source: { id: 'b', n: 2 } },
          { op: 'put', source: { id: 'a', n: 3 } },
        ],
      }),
    ].join('');
    const r = replayJournal(snapshot, 'B', text, null);
    expect(r).toMatchObject({ applied: 2, stale: 1, torn: false, problems: [] });
    expect(r.doc).toEqual({
      sources: [
        { id: 'b', n: 2 },
        { id: 'c', n: 1 },
        { id: 'a', n: 3 },
      ],
      name: 'x',
    });
    expect(snapshot.sources).toHaveLength(2); // the snapshot document itself is left as it was
  });
});

describe('compaction', () => {
  it('when the journal reaches its line limit, the next save rewrites case.json and removes the journal', async () => {
    const { dir, store, ids } = await newCase(1, { journalMaxLines: 3 });
    await store.updateIndex(() => {}); // start from a fresh snapshot
    const snapshots = store.snapshotWrites;
    for (let i = 0; i < 3; i++) await setNotes(store, ids[0], `edit ${i}`);
    expect(await journalLines(dir)).toHaveLength(3);
    expect(store.snapshotWrites).toBe(snapshots);
    await setNotes(store, ids[0], 'edit 3');
    expect(store.snapshotWrites).toBe(snapshots + 1);
    expect(await exists(journalFile(dir))).toBe(false);
    expect((await rawIndex(dir)).sources[0].notes).toBe('edit 3');
    await setNotes(store, ids[0], 'edit 4'); // and journaling resumes against the new snapshot
    expect(await journalLines(dir)).toHaveLength(1);
    expect((await loadIndex(dir, V1))!.index.sources[0].notes).toBe('edit 4');
  });

  it('when the journal would pass its byte limit, likewise', async () => {
    const { dir, store } = await newCase(0, { journalMaxBytes: 2500 });
    for (let i = 1; i <= 6; i++) {
      const s = makeSource(i, `Report ${i}`);
      await store.addSource(s.source, s.body, s.original);
      expect((await fs.stat(journalFile(dir)).catch(() => ({ size: 0 }))).size).toBeLessThanOrEqual(2500);
    }
    expect(store.snapshotWrites).toBeGreaterThan(1);
    expect((await loadIndex(dir, V1))!.index.sources).toHaveLength(6);
  });

  it('at close: case.json is complete, there is no journal, and the last backup is that case.json', async () => {
    const { dir, store, ids } = await newCase(2);
    await setNotes(store, ids[1], 'closing note');
    await rename(store, 'Closed case');
    const expected = structuredClone(store.index);
    await store.close();
    expect(await exists(journalFile(dir))).toBe(false);
    const raw = await rawIndex(dir);
    expect(decodeIndex(raw, caseFile(dir), V1).index).toEqual(expected);
    const again = track(await CaseStore.open(dir));
    const [newest] = await again.listBackups();
    expect(await fs.readFile(path.join(dir, 'backups', newest.name), 'utf8')).toBe(await fs.readFile(caseFile(dir), 'utf8'));
    expect(again.snapshotWrites).toBe(0); // nothing to fold in at open
  });

  it('a save without a description of its changes rewrites case.json whole and folds the journal in', async () => {
    const { dir, store, ids } = await newCase(2);
    await setNotes(store, ids[0], 'journaled');
    expect(await exists(journalFile(dir))).toBe(true);
    await store.updateIndex((d) => void d.events.push({ id: 'e1' }));
    expect(await exists(journalFile(dir))).toBe(false);
    expect(await rawIndex(dir)).toMatchObject({ events: [{ id: 'e1' }], sources: [{ notes: 'journaled' }, { notes: '' }] });
  });

  it('a failed append is reported and taken back out of memory; the next save rewrites case.json and nothing is glued to the fragment', async () => {
    const { dir, store, ids } = await newCase(2);
    const h = await fs.open(caseFile(dir), 'r');
    const proto = Object.getPrototypeOf(h) as { writeFile: (this: fs.FileHandle, data: string) => Promise<void> };
    await h.close();
    const write = proto.writeFile;
    vi.spyOn(proto, 'writeFile').mockImplementationOnce(async function (this: fs.FileHandle, data: string) {
      await write.call(this, data.slice(0, 40));
      throw new Error('disk full');
    });
    const notesBefore = store.index.sources[0].notes;
    await expect(setNotes(store, ids[0], 'during')).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(store.index.sources[0].notes).toBe(notesBefore); // memory is the disk again
    await setNotes(store, ids[1], 'after');
    await rename(store, 'After the failure');
    const crashed = await crashPoint(dir);
    await store.close();
    await crashed();
    const again = track(await CaseStore.open(dir));
    expect(again.warnings).toEqual([]);
    expect(again.index.sources.map((s) => s.notes)).toEqual([notesBefore, 'after']);
    expect(again.index.name).toBe('After the failure');
  });
});

describe('beside the open store', () => {
  it('readCaseSummary lists the journaled name and source count', async () => {
    const { dir, store } = await newCase(2);
    await rename(store, 'Listed name');
    expect(await readCaseSummary(dir, 'c1')).toMatchObject({ name: 'Listed name', sources: 2, modified: store.index.modified });
  });

  it('restoring a backup gives exactly the backup; the journal is kept aside, not replayed', async () => {
    const { dir, store, ids } = await newCase(1);
    await store.close();
    const s = track(await CaseStore.open(dir));
    const [backup] = await s.listBackups();
    await setNotes(s, ids[0], 'after the backup');
    const crashed = await crashPoint(dir);
    await s.close();
    open.splice(open.indexOf(s), 1);
    await crashed();
    await restoreBackup(dir, backup.name);
    expect((await fs.readdir(dir)).some((n) => n.startsWith('case.journal.before-restore-'))).toBe(true);
    const again = track(await CaseStore.open(dir));
    expect(again.index.sources[0].notes).toBe('');
  });

  it('an older-format case with a journal: folded in, backed up in its old format, then migrated', async () => {
    const { dir, store, ids } = await newCase(1);
    await setNotes(store, ids[0], 'before the upgrade');
    const crashed = await crashPoint(dir);
    await store.close();
    await crashed();
    const versioning = {
      index: { current: 2, table: { 1: (d: Record<string, unknown>) => ({ ...d, name: `${d.name} (migrated)` }) } },
      body: { current: 2, table: { 1: (d: Record<string, unknown>) => d } },
    };
    const migrated = track(await CaseStore.open(dir, { versioning }));
    expect(migrated.index).toMatchObject({ schemaVersion: 2, name: 'Rocket attack (migrated)', sources: [{ notes: 'before the upgrade' }] });
    const backups = await fs.readdir(path.join(dir, 'backups'));
    const docs = await Promise.all(
      backups.filter((n) => n.endsWith('.json')).map(async (n) => JSON.parse(await fs.readFile(path.join(dir, 'backups', n), 'utf8'))),
    );
    expect(docs).toContainEqual(
      expect.objectContaining({ schemaVersion: 1, name: 'Rocket attack', sources: [expect.objectContaining({ notes: 'before the upgrade' })] }),
    );
  });
});
