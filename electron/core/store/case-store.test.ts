import fs from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_FORMAT_VERSION } from '../../../shared/model/case.ts';
import { ApiError } from '../../../shared/errors.ts';
import { CaseStore, readCaseSummary, restoreBackup, type StoreOptions } from './index.ts';
import { loadIndex } from './case-store.ts';
import { makeSource, projectNode, removeTempDirs, tempDir } from '../../../tests/support/store-helpers.ts';

afterAll(removeTempDirs);

const here = import.meta.dirname;
const open: CaseStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (s: CaseStore): CaseStore => (open.push(s), s);

async function newCase(options: StoreOptions = {}): Promise<{ dir: string; store: CaseStore }> {
  const dir = path.join(await tempDir(), 'case');
  return { dir, store: track(await CaseStore.create(dir, { id: 'c1', name: 'Rocket attack' }, options)) };
}
const readIndexFile = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, 'case.json'), 'utf8'));
const readDiskIndex = async (dir: string) => (await loadIndex(dir, { current: CASE_FORMAT_VERSION, table: {} }))!.index;
const errorOf = async (p: Promise<unknown>): Promise<ApiError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
};

/** Runs tests/support/store-child.ts in its own Node process. */
function child(mode: 'hold' | 'save-and-die' | 'try-open', dir: string) {
  const proc = spawn(projectNode, [path.join(here, '..', '..', '..', 'tests', 'support', 'store-child.ts'), mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', () => out.includes('ready') && resolve());
    void exited.then(() => reject(new Error(`child exited early: ${err}`)));
  });
  ready.catch(() => {}); // only the 'hold' mode waits for it
  return { proc, ready, exited, stdout: () => out, stderr: () => err };
}

describe('saves are durable', () => {
  it('once updateIndex resolves, the change is in case.json on disk', async () => {
    const { dir, store } = await newCase();
    await store.updateIndex((d) => {
      d.name = 'Renamed';
    });
    const onDisk = await readIndexFile(dir);
    expect(onDisk.name).toBe('Renamed');
    expect(onDisk.modified).toBe(store.index.modified);
  });

  it('a process killed right after a save was acknowledged loses nothing', async () => {
    const { dir, store } = await newCase();
    await store.close();
    const c = child('save-and-die', dir);
    const { signal } = await c.exited;
    expect(signal, c.stderr()).toBe('SIGKILL');
    expect((await readIndexFile(dir)).name).toBe('Saved just before the crash');
  });

  it('100 concurrent updates all land, in fewer than 100 writes', async () => {
    const { dir, store } = await newCase();
    const before = store.indexWrites;
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.updateIndex((d) => {
          d.events.push({ n: i });
        }),
      ),
    );
    const writes = store.indexWrites - before;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(100);
    const events = (await readIndexFile(dir)).events as { n: number }[];
    expect(events.map((e) => e.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('changes made while a write is running go out in the next write, and each caller waits for its own', async () => {
    const { dir, store } = await newCase();
    const first = store.updateIndex((d) => void d.events.push('a'));
    await new Promise((r) => setImmediate(r)); // the first write is now under way
    const second = store.updateIndex((d) => void d.events.push('b'));
    await second;
    expect((await readIndexFile(dir)).events).toEqual(['a', 'b']);
    await first;
  });

  it('a save that fails part-way is reported, keeps the old file, and memory goes back to it (a failed edit never goes out with a later save)', async () => {
    const { dir, store } = await newCase();
    await store.updateIndex((d) => void (d.name = 'Before'));
    const h = await fs.open(path.join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(h) as { writeFile: () => Promise<void> };
    await h.close();
    await fs.rm(path.join(dir, 'probe'));
    const spy = vi.spyOn(proto, 'writeFile').mockRejectedValueOnce(new Error('disk full'));
    await expect(store.updateIndex((d) => void (d.name = 'During'))).rejects.toThrow('disk full');
    spy.mockRestore();
    expect((await readIndexFile(dir)).name).toBe('Before');
    expect(store.index.name).toBe('Before');
    await store.updateIndex((d) => void d.events.push('later'));
    expect(await readIndexFile(dir)).toMatchObject({ name: 'Before', events: ['later'] });
  });

  it('leaves no temp files behind', async () => {
    const { dir, store } = await newCase();
    const { source, body, original } = makeSource(1, 'Three soldiers were killed.');
    await store.addSource(source, body, original);
    await store.writeBody({ ...body, text: 'Two soldiers and a contractor were killed.' });
    const all = await fs.readdir(dir, { recursive: true });
    expect(all.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('sources', () => {
  it('adds a source as original, body and index entry, and reads each back after reopening', async () => {
    const { dir, store } = await newCase();
    const { source, body, original } = makeSource(1, 'Fourteen were wounded, five seriously.');
    await store.addSource(source, body, original);
    await store.close();
    const again = track(await CaseStore.open(dir));
    expect(again.warnings).toEqual([]);
    expect(again.index.sources.map((s) => s.id)).toEqual([source.id]);
    expect(await again.readBody(source.id)).toEqual(body);
    expect(await again.readOriginal(source)).toEqual(original);
    expect(again.findBySha256(source.sha256)?.id).toBe(source.id);
    await again.writeBody({ ...body, claims: [{ kind: 'casualties' }] });
    const file = JSON.parse(await fs.readFile(path.join(dir, 'sources', `${source.id}.json`), 'utf8'));
    expect(file).toMatchObject({ schemaVersion: CASE_FORMAT_VERSION, id: source.id, claims: [{ kind: 'casualties' }] });
  });

  it('refuses an original whose bytes do not match its sha256, writing nothing', async () => {
    const { dir, store } = await newCase();
    const { source, body } = makeSource(1, 'text');
    const err = await errorOf(store.addSource(source, body, new TextEncoder().encode('other bytes')));
    expect(err.code).toBe('INVALID_INPUT');
    expect(await fs.readdir(path.join(dir, 'originals'))).toEqual([]);
    expect(store.index.sources).toEqual([]);
  });

  it('removes a source: index entry, body, and the original only when no other source shares it', async () => {
    const { dir, store } = await newCase();
    const a = makeSource(1, 'same file');
    const b = makeSource(2, 'same file');
    await store.addSource(a.source, a.body, a.original);
    await store.addSource(b.source, b.body, b.original);
    const orig = path.join(dir, 'originals', `${a.source.sha256}.txt`);
    await store.removeSource(a.source.id);
    // Removal is journaled: read what case.json and the journal hold together, as the next open would.
    expect((await readDiskIndex(dir)).sources.map((s) => s.id)).toEqual([b.source.id]);
    await expect(fs.access(path.join(dir, 'sources', `${a.source.id}.json`))).rejects.toThrow();
    await expect(fs.access(orig)).resolves.toBeUndefined();
    await store.removeSource(b.source.id);
    await expect(fs.access(orig)).rejects.toThrow();
    expect((await errorOf(store.readBody(a.source.id))).code).toBe('NOT_FOUND');
  });

  it('a hand-damaged source file: the case opens with a warning naming it, and reading it gives a clear error', async () => {
    const { dir, store } = await newCase();
    const good = makeSource(1, 'fine');
    const bad = makeSource(2, 'will be damaged');
    await store.addSource(good.source, good.body, good.original);
    await store.addSource(bad.source, bad.body, bad.original);
    await store.close();
    await fs.writeFile(path.join(dir, 'sources', `${bad.source.id}.json`), '{"schemaVersion":1,"id":"s_');
    const again = track(await CaseStore.open(dir));
    expect(again.warnings).toHaveLength(1);
    expect(again.warnings[0]).toContain(bad.source.id);
    expect(again.warnings[0]).toContain('Report 2');
    expect(await again.readBody(good.source.id)).toEqual(good.body);
    const err = await errorOf(again.readBody(bad.source.id));
    expect(err.code).toBe('CASE_CORRUPT');
    expect(err.message).toContain(`sources/${bad.source.id}.json`);
    expect(err.message).toContain('Report 2');
  });

  it('a missing source file is a warning, not a failure to open', async () => {
    const { dir, store } = await newCase();
    const s = makeSource(1, 'text');
    await store.addSource(s.source, s.body, s.original);
    await store.close();
    await fs.rm(path.join(dir, 'sources', `${s.source.id}.json`));
    const again = track(await CaseStore.open(dir));
    expect(again.warnings.join('\n')).toMatch(/missing/);
    expect((await errorOf(again.readBody(s.source.id))).code).toBe('CASE_CORRUPT');
  });
});

describe('sources by id, texts and the bodies read at open', () => {
  async function caseOf(n: number, options: StoreOptions = {}) {
    const { dir, store } = await newCase();
    const made = Array.from({ length: n }, (_, i) => makeSource(i, `Report ${i}: ${i} people were wounded.`));
    for (const m of made) await store.addSource(m.source, m.body, m.original);
    await store.close();
    return { dir, made, store: track(await CaseStore.open(dir, options)) };
  }
  const ids = (st: CaseStore) => st.index.sources.map((s) => s.id);
  /** Every listed source is found by id as a scan finds it, and a few that are not listed are not. */
  const inStep = (st: CaseStore, gone: string[] = []) => {
    for (const s of st.index.sources) expect(st.source(s.id)).toBe(st.index.sources.find((x) => x.id === s.id));
    for (const id of gone) expect([st.source(id), st.hasSource(id)]).toEqual([undefined, false]);
  };

  it('finds sources by id in step with every change to the index', async () => {
    const { dir, made, store } = await caseOf(5);
    inStep(store, ['s_nope']);
    const [a, b, c] = made;
    // A journaled metadata save, in place.
    await store.updateIndex((d) => void (d.sources[1].notes = 'checked'), { sources: [b.source.id] });
    expect(store.source(b.source.id)?.notes).toBe('checked');
    // A record replaced by a new object in place, and a new version of a source.
    await store.updateIndex((d) => void (d.sources[0] = { ...d.sources[0], notes: 'new object' }), { sources: [a.source.id] });
    expect(store.source(a.source.id)?.notes).toBe('new object');
    await store.replaceSource({ ...c.source, notes: 'replaced' }, c.body, c.original);
    expect(store.source(c.source.id)?.notes).toBe('replaced');
    expect(ids(store)).toEqual(made.map((m) => m.source.id));
    // Removed; added; the list rebuilt whole (a merge), reordered; a mutation that threw half-way.
    await store.removeSource(b.source.id);
    inStep(store, [b.source.id]);
    const f = makeSource(9, 'a new one');
    await store.addSource(f.source, f.body, f.original);
    inStep(store, [b.source.id]);
    await store.updateIndex((d) => void d.sources.reverse());
    inStep(store, [b.source.id]);
    await expect(
      store.updateIndex((d) => {
        d.sources.splice(0, 1);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    inStep(store, [b.source.id, f.source.id]);
    // An unreported in-place change is caught, never answered from a stale map.
    (store.index.sources as unknown[]).push(b.source);
    expect(store.source(b.source.id)?.id).toBe(b.source.id);
    (store.index.sources as unknown[]).pop();
    // After reopening (the journal replayed), the same.
    await store.updateIndex((d) => void (d.sources[0].notes = 'last'), { sources: [store.index.sources[0].id] });
    await store.updateIndex(() => {}); // the half-done change above goes out with a whole save
    const before = ids(store);
    await store.close();
    const again = track(await CaseStore.open(dir));
    expect(ids(again)).toEqual(before);
    inStep(again, [b.source.id, f.source.id]);
  });

  it('a journaled save of several sources writes them in index order', async () => {
    const { dir, made, store } = await caseOf(4);
    await store.updateIndex(
      (d) => {
        d.sources[3].notes = 'three';
        d.sources[0].notes = 'zero';
      },
      { sources: [made[3].source.id, made[0].source.id] },
    );
    expect((await readDiskIndex(dir)).sources.map((s) => [s.id, s.notes])).toEqual(
      made.map((m, i) => [m.source.id, i === 0 ? 'zero' : i === 3 ? 'three' : '']),
    );
  });

  it('keeps every text read at open, so search reads no file, and keeps each in step with writes and removals', async () => {
    const { dir, made, store } = await caseOf(3);
    const [a, b, c] = made;
    for (const m of made) expect(store.cachedText(m.source.id)).toBe(m.body.text);
    // Proof that nothing is read again: the files can go and the texts are still there.
    await fs.rm(path.join(dir, 'sources', `${a.source.id}.json`));
    expect(await store.readText(a.source.id)).toBe(a.body.text);
    await store.writeBody({ ...b.body, text: 'New text of b.' });
    expect(store.cachedText(b.source.id)).toBe('New text of b.');
    await store.replaceSource(c.source, { ...c.body, text: 'Version two of c.' }, c.original);
    expect(await store.readText(c.source.id)).toBe('Version two of c.');
    await store.removeSource(b.source.id);
    expect(store.cachedText(b.source.id)).toBeUndefined();
    expect((await errorOf(store.readText(b.source.id))).code).toBe('NOT_FOUND');
  });

  it('without the check at open, a text is read on first use, then cached; a damaged file is a clear error', async () => {
    const { dir, made, store } = await caseOf(2, { checkBodies: false });
    const [a, b] = made;
    expect(store.cachedText(a.source.id)).toBeUndefined();
    expect(await store.readText(a.source.id)).toBe(a.body.text);
    expect(store.cachedText(a.source.id)).toBe(a.body.text);
    await fs.writeFile(path.join(dir, 'sources', `${b.source.id}.json`), '{"schemaVersion":1,');
    const err = await errorOf(store.readText(b.source.id));
    expect(err.code).toBe('CASE_CORRUPT');
    expect(store.cachedText(b.source.id)).toBeUndefined();
    expect(store.takeOpenedBodies().size).toBe(0);
  });

  it('hands over the bodies read at open once, leaving out any read or rewritten since', async () => {
    const { dir, made, store } = await caseOf(4);
    const [a, b, c, d] = made;
    // A body read at open is not read again from disk by readBody either.
    await fs.rm(path.join(dir, 'sources', `${a.source.id}.json`));
    expect(await store.readBody(a.source.id)).toEqual(a.body);
    await store.writeBody({ ...b.body, claims: [{ n: 1 }] });
    await store.removeSource(c.source.id);
    const taken = store.takeOpenedBodies();
    expect([...taken.keys()]).toEqual([d.source.id]);
    expect(taken.get(d.source.id)).toEqual(d.body);
    expect(store.takeOpenedBodies().size).toBe(0);
    // The rest come from readBody, as they are now.
    expect(await store.readBody(b.source.id)).toEqual({ ...b.body, claims: [{ n: 1 }] });
    expect(await store.readBody(d.source.id)).toEqual(d.body);
    expect(store.cachedText(d.source.id)).toBe(d.body.text);
  });

  it('reads every body at once, from memory where it can and from disk for the rest, leaving out an unreadable one', async () => {
    const { dir, made, store } = await caseOf(4, { checkBodies: false });
    const [a, b, c, d] = made;
    await store.writeBody({ ...a.body, claims: [{ n: 2 }] });
    await fs.writeFile(path.join(dir, 'sources', `${c.source.id}.json`), '{"schemaVersion":1,');
    const all = await store.readAllBodies();
    expect([...all.keys()].sort()).toEqual([a, b, d].map((m) => m.source.id).sort());
    expect(all.get(a.source.id)).toEqual({ ...a.body, claims: [{ n: 2 }] });
    expect(all.get(b.source.id)).toEqual(b.body);
    expect(store.cachedText(d.source.id)).toBe(d.body.text);
    // After the bodies read at open were handed over, the same call reads them from disk.
    await store.close();
    const again = track(await CaseStore.open(dir));
    expect(again.takeOpenedBodies().size).toBe(3);
    expect((await again.readAllBodies()).get(d.source.id)).toEqual(d.body);
  });

  it('a damaged body is not handed over; the case opens with its warning as before', async () => {
    const { dir, store } = await newCase();
    const good = makeSource(1, 'fine');
    const bad = makeSource(2, 'will be damaged');
    await store.addSource(good.source, good.body, good.original);
    await store.addSource(bad.source, bad.body, bad.original);
    await store.close();
    await fs.writeFile(path.join(dir, 'sources', `${bad.source.id}.json`), '{"schemaVersion":1,"id":"s_');
    const again = track(await CaseStore.open(dir));
    expect(again.warnings).toHaveLength(1);
    expect([...again.takeOpenedBodies().keys()]).toEqual([good.source.id]);
    expect(again.cachedText(bad.source.id)).toBeUndefined();
  });
});

describe('lock', () => {
  it('a second open in the same process gets CASE_LOCKED; after close it opens', async () => {
    const { dir, store } = await newCase();
    const err = await errorOf(CaseStore.open(dir));
    expect(err.code).toBe('CASE_LOCKED');
    expect(err.message).toMatch(/open in another/);
    await store.close();
    track(await CaseStore.open(dir));
  });

  it('a case held by another process gets CASE_LOCKED', async () => {
    const { dir, store } = await newCase();
    await store.close();
    const c = child('hold', dir);
    try {
      await c.ready;
      expect((await errorOf(CaseStore.open(dir))).code).toBe('CASE_LOCKED');
      expect((await readCaseSummary(dir, 'c1')).problem).toMatch(/another/);
    } finally {
      c.proc.kill('SIGKILL');
      await c.exited;
    }
  });

  it('another process cannot open a case this process holds', async () => {
    const { dir, store } = await newCase();
    const c = child('try-open', dir);
    await c.exited;
    expect(c.stdout().trim(), c.stderr()).toBe('CASE_LOCKED');
    await store.close();
    const d = child('try-open', dir);
    await d.exited;
    expect(d.stdout().trim(), d.stderr()).toBe('opened');
  });

  it('the lock of a process killed a moment ago (its pid gone) is taken over at once, not after the stale age', async () => {
    const { dir, store } = await newCase();
    await store.close();
    const c = child('hold', dir);
    await c.ready;
    c.proc.kill('SIGKILL');
    await c.exited;
    // Its lock is still fresh (refreshed moments ago), so only the dead pid lets this open succeed.
    track(await CaseStore.open(dir));
    expect(await fs.readdir(dir)).not.toContainEqual(expect.stringMatching(/^\.lock-dead-/));
  });

  it('a stale lock left by a dead process is taken over', async () => {
    const { dir, store } = await newCase();
    await store.close();
    const lock = path.join(dir, '.lock');
    await fs.mkdir(lock);
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    track(await CaseStore.open(dir));
  });
});

describe('damaged or foreign case files', () => {
  async function caseWithBackups() {
    const { dir, store } = await newCase({ backupIntervalMs: 0 });
    const s = makeSource(1, 'text');
    await store.addSource(s.source, s.body, s.original);
    await store.updateIndex((d) => void (d.name = 'Good name'));
    await store.close();
    return dir;
  }

  for (const [label, damage] of [
    ['truncated JSON', (t: string) => t.slice(0, t.length / 2)],
    ['a wrong schema', (t: string) => t.replace('"sources":', '"sourcez":')],
  ] as const) {
    it(`${label}: CASE_CORRUPT naming the file, backups offered, bytes untouched; restoring a backup opens it`, async () => {
      const dir = await caseWithBackups();
      const file = path.join(dir, 'case.json');
      await fs.writeFile(file, damage(await fs.readFile(file, 'utf8')));
      const before = await fs.readFile(file);
      const err = await errorOf(CaseStore.open(dir));
      expect(err.code).toBe('CASE_CORRUPT');
      expect(err.message).toContain('case.json');
      const backups = err.details!.backups as { name: string; created: string; sources: number | null }[];
      expect(backups.length).toBeGreaterThan(0);
      expect(backups.map((b) => b.created)).toEqual([...backups.map((b) => b.created)].sort().reverse());
      expect(await fs.readFile(file)).toEqual(before);
      expect(await fs.readdir(dir)).not.toContain('.lock');
      expect((await readCaseSummary(dir, 'c1')).problem).toMatch(/Damaged/);

      await restoreBackup(dir, backups[0].name);
      const store = track(await CaseStore.open(dir));
      expect(store.index.name).toBe('Good name'); // the copy taken when the case was last closed
      const aside = (await fs.readdir(dir)).filter((n) => n.startsWith('case.json.damaged-'));
      expect(aside).toHaveLength(1);
      expect(await fs.readFile(path.join(dir, aside[0]))).toEqual(before);
    });
  }

  it('restoreBackup refuses names outside the backups folder and damaged backups', async () => {
    const dir = await caseWithBackups();
    expect((await errorOf(restoreBackup(dir, '../case.json'))).code).toBe('NOT_FOUND');
    const store = await CaseStore.open(dir);
    const [newest] = await store.listBackups();
    await store.close();
    await fs.writeFile(path.join(dir, 'backups', newest.name), '{');
    expect((await errorOf(restoreBackup(dir, newest.name))).code).toBe('CASE_CORRUPT');
  });

  it('a case from a newer Corroborate: CASE_TOO_NEW, file unchanged', async () => {
    const { dir, store } = await newCase();
    await store.close();
    const file = path.join(dir, 'case.json');
    const doc = await readIndexFile(dir);
    await fs.writeFile(file, JSON.stringify({ ...doc, schemaVersion: CASE_FORMAT_VERSION + 1, somethingNew: [] }));
    const before = await fs.readFile(file);
    const err = await errorOf(CaseStore.open(dir));
    expect(err.code).toBe('CASE_TOO_NEW');
    expect(err.message).toMatch(/newer Corroborate/);
    expect(await fs.readFile(file)).toEqual(before);
    expect((await readCaseSummary(dir, 'c1')).problem).toMatch(/newer/);
  });

  it('a case from an older version is backed up, then migrated', async () => {
    const { dir, store } = await newCase();
    await store.close();
    const v1 = await fs.readFile(path.join(dir, 'case.json'), 'utf8');
    const backupsBefore = await fs.readdir(path.join(dir, 'backups'));
    // Pretend this build writes version 2, whose migration renames the case.
    const versioning = {
      index: { current: 2, table: { 1: (d: Record<string, unknown>) => ({ ...d, name: `${d.name} (migrated)` }) } },
      body: { current: 2, table: { 1: (d: Record<string, unknown>) => d } },
    };
    const migrated = track(await CaseStore.open(dir, { versioning }));
    expect(migrated.index).toMatchObject({ schemaVersion: 2, name: 'Rocket attack (migrated)' });
    expect(await readIndexFile(dir)).toMatchObject({ schemaVersion: 2, name: 'Rocket attack (migrated)' });
    // The version-1 file is kept among the backups (taken at close, or just before migrating).
    const names = await fs.readdir(path.join(dir, 'backups'));
    const contents = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => fs.readFile(path.join(dir, 'backups', n), 'utf8')));
    expect(contents).toContain(v1);
    expect(names.length).toBeGreaterThanOrEqual(backupsBefore.length);
  });
});

describe('backups', () => {
  it('keep a bounded number per file', async () => {
    const { dir, store } = await newCase({ backupIntervalMs: 0, maxBackups: 3 });
    const s = makeSource(1, 'text');
    await store.addSource(s.source, s.body, s.original);
    for (let i = 0; i < 8; i++) {
      await store.updateIndex((d) => void (d.name = `Name ${i}`));
      await store.writeBody({ ...s.body, text: `version ${i}` });
    }
    expect((await store.listBackups()).length).toBe(3);
    expect((await fs.readdir(path.join(dir, 'backups'))).filter((n) => n.startsWith('case-'))).toHaveLength(3);
    expect(await fs.readdir(path.join(dir, 'backups', 'sources', s.source.id))).toHaveLength(3);
    // the newest backup is the version before the last save
    const [newest] = await store.listBackups();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'backups', newest.name), 'utf8')).name).toBe('Name 6');
    expect(newest.sources).toBe(1);
  });

  it('are throttled: many saves within the interval make no new backup', async () => {
    const { store } = await newCase({ backupIntervalMs: 60_000 });
    for (let i = 0; i < 5; i++) await store.updateIndex((d) => void (d.name = `Name ${i}`));
    expect(await store.listBackups()).toHaveLength(0);
  });
});

describe('create and list', () => {
  it('create refuses a folder that already holds a case', async () => {
    const { dir, store } = await newCase();
    await store.close();
    expect((await errorOf(CaseStore.create(dir, { id: 'c2', name: 'Other' }))).code).toBe('ALREADY_EXISTS');
  });

  it('open on a folder without a case is NOT_FOUND and leaves the folder as it was', async () => {
    const dir = await tempDir('empty');
    expect((await errorOf(CaseStore.open(dir))).code).toBe('NOT_FOUND');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('readCaseSummary lists a healthy case, including one open in this process', async () => {
    const { dir, store } = await newCase();
    const s = makeSource(1, 'text');
    await store.addSource(s.source, s.body, s.original);
    expect(await readCaseSummary(dir, 'c1')).toEqual({
      id: 'c1',
      name: 'Rocket attack',
      dir,
      sources: 1,
      modified: store.index.modified,
      problem: null,
    });
  });

  it('close waits for saves already asked for', async () => {
    const { dir, store } = await newCase();
    const s = makeSource(1, 'text');
    const pending = [store.updateIndex((d) => void (d.name = 'Last words')), store.addSource(s.source, s.body, s.original)];
    await store.close();
    await Promise.all(pending);
    expect(await readIndexFile(dir)).toMatchObject({ name: 'Last words', sources: [{ id: s.source.id }] });
  });

  it('after close, writes are refused', async () => {
    const { store } = await newCase();
    await store.close();
    await expect(store.updateIndex(() => {})).rejects.toThrow(/closed/);
  });
});
