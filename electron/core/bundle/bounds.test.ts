// The bundle reader's bounds: names, sizes and ratios are checked before anything is inflated, and
// originals no source refers to are never unpacked nor written (ignored, and said so).
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseClaims } from '../claims.ts';
import { CaseStore } from '../store/index.ts';
import { exportCase, importAsNewCase, openZip, readBundle, readZip, verifyBundle, writeZip, ZipProblem } from './index.ts';
import { sourceRecord } from '../../../tests/support/bundle-fixtures.ts';
import { zipBomb } from '../../../tests/support/zip-bomb.ts';

const made: string[] = [];
const tmp = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'corroborate-bounds-'));
  made.push(d);
  return d;
};
let good: Uint8Array;
const enc = new TextEncoder();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  const store = await CaseStore.create(path.join(await tmp(), 'c'), { id: 'bounds-case', name: 'Bounds' });
  const text = 'Officials said 12 rockets hit the base.';
  const { source, original } = sourceRecord('s_bound0001', text);
  await store.addSource(source, { id: source.id, text, annotations: [], claims: [] }, original);
  const claims = await CaseClaims.load(store);
  good = await exportCase(store, claims.view(), { appVersion: '0.1.0' });
  await store.close();
});
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

describe('bundle bounds', () => {
  it('refuses 2,040 entries of 1 MiB (a 2 GB zip bomb) from its directory, inflating nothing', () => {
    const bomb = zipBomb({ entries: 2040, entryBytes: 1024 * 1024 });
    const zip = () => openZip(bomb);
    expect(zip).toThrow(ZipProblem);
    expect(zip).toThrow(/expands \d+ times .* past the 200:1 limit: a zip bomb/);
    expect(verifyBundle(bomb).problems.join(' ')).toMatch(/zip bomb/);
  });

  it('refuses many small entries that are harmless one by one but a bomb together', () => {
    // Each 60 KB of zeros sits under the per-entry ratio floor; the archive as a whole does not.
    const bomb = zipBomb({ entries: 400, entryBytes: 60 * 1024 });
    expect(() => openZip(bomb)).toThrow(/expands \d+ times in all/);
  });

  it('refuses an unknown name before inflating anything', () => {
    const bomb = zipBomb({ entries: 3, entryBytes: 1024, name: (i) => (i === 2 ? 'payload/run-me.exe' : `texts/s_abcdef${i}.txt`) });
    expect(verifyBundle(bomb).problems).toEqual([
      expect.stringMatching(/"payload\/run-me\.exe", which is not a file a bundle may contain; it was refused before/),
    ]);
  });

  it('keeps a running cap on the bytes inflated, however often an entry is read', () => {
    const files = readZip(good);
    const zip = openZip(good, {
      maxTotalBytes: [...files.values()].reduce((n, d) => n + d.byteLength, 0),
      maxEntryBytes: 1 << 30,
      maxEntries: 100,
      maxRatio: 200,
      ratioFloorBytes: 1 << 20,
    });
    for (const n of zip.names) zip.read(n);
    expect(() => zip.read(zip.names[0])).toThrow(/expands to more than/);
  });

  it('ignores originals no source refers to: never unpacked, never written, and said so', async () => {
    const files = readZip(good);
    const junk = Array.from({ length: 50 }, (_, i) => enc.encode(`junk ${i}`));
    for (const j of junk) files.set(`originals/${sha(j)}.txt`, j);
    // Listed in the manifest for half of them: listed or not, they are ignored.
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as { files: Array<{ path: string; sha256: string; bytes: number }> };
    for (const j of junk.slice(0, 25)) manifest.files.push({ path: `originals/${sha(j)}.txt`, sha256: sha(j), bytes: j.byteLength });
    files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
    const bytes = writeZip(
      [...files].map(([p, data]) => ({ path: p, data })),
      new Date('2024-01-01T00:00:00Z'),
    );
    const v = verifyBundle(bytes);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.notes).toEqual([expect.stringMatching(/^50 files in originals\/ belong to no source and were ignored \(not unpacked, not written\)/)]);
    const contents = readBundle(bytes);
    expect(contents.originals.size).toBe(1);
    const store = await importAsNewCase(contents, path.join(await tmp(), 'imported'));
    expect(await readdir(path.join(store.dir, 'originals'))).toHaveLength(1);
    await store.close();
  });

  it("refuses a bundle whose source names an earlier version's original outside the case", () => {
    const files = readZip(good);
    const index = JSON.parse(new TextDecoder().decode(files.get('case/case.json')!)) as { sources: Array<Record<string, unknown>> };
    index.sources[0].previousVersions = [
      { sha256: 'b'.repeat(64), originalExt: 'txt/../../../../etc/passwd', bytes: 1, replacedAt: '2024-01-01T00:00:00.000Z' },
    ];
    files.set('case/case.json', enc.encode(JSON.stringify(index)));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as { files: Array<{ path: string; sha256: string; bytes: number }> };
    manifest.files = manifest.files.map((f) =>
      f.path === 'case/case.json' ? { ...f, sha256: sha(files.get(f.path)!), bytes: files.get(f.path)!.byteLength } : f,
    );
    files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
    const bytes = writeZip(
      [...files].map(([p, data]) => ({ path: p, data })),
      new Date('2024-01-01T00:00:00Z'),
    );
    const v = verifyBundle(bytes);
    expect(v.ok).toBe(false);
    expect(v.problems.join(' ')).toMatch(/originalExt/);
  });
});
