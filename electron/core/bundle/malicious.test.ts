// Bad bundles, crafted byte by byte: each is refused with a message naming the problem, before
// anything is written; an open case stays exactly as it was, and no new case folder is left behind.
import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors.ts';
import { CaseClaims } from '../claims.ts';
import { CaseStore } from '../store/index.ts';
import { exportCase, importAsNewCase, mergeIntoCase, readBundle, readZip, verifyBundle, writeZip, type ZipLimits } from './index.ts';
import { annotationFor, casualtyClaim, eventRecord, sourceRecord } from '../../../tests/support/bundle-fixtures.ts';

const made: string[] = [];
const tmp = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'corroborate-badzip-'));
  made.push(d);
  return d;
};
let store: CaseStore;
let claims: CaseClaims;
let good: Uint8Array;

const TEXT = 'Local officials said 14 people were wounded in the night attack. A later statement said about a dozen.';

beforeAll(async () => {
  store = await CaseStore.create(path.join(await tmp(), 'open-case'), { id: 'open-case', name: 'Open case' });
  const { source, original } = sourceRecord('s_bad00001', TEXT);
  await store.addSource(source, { id: source.id, text: TEXT, annotations: [], claims: [] }, original);
  claims = await CaseClaims.load(store);
  const a = annotationFor('a1', source.id, TEXT, '14 people were wounded');
  await claims.execute({ type: 'event.create', payload: { event: eventRecord('e1', 'Night attack'), at: null, assign: [] } });
  await claims.execute({ type: 'claim.create', payload: { annotation: a, claim: casualtyClaim('c1', a, '14', { eventId: 'e1' }), at: null } });
  good = await exportCase(store, claims.view(), { appVersion: '0.1.0' });
  expect(verifyBundle(good).ok).toBe(true);
});
afterAll(async () => {
  await store.close();
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else
        out.set(
          path.relative(dir, p),
          createHash('sha256')
            .update(await readFile(p))
            .digest('hex'),
        );
    }
  };
  await walk(dir);
  return out;
}

/** The whole import path, both ways; asserts the refusal, its message, and that nothing was written. */
async function refused(bytes: Uint8Array, message: RegExp, limits?: Partial<ZipLimits>) {
  const v = verifyBundle(bytes, { limits });
  expect(v.ok).toBe(false);
  expect(v.problems.join('\n')).toMatch(message);

  const before = await snapshot(store.dir);
  let error: unknown = null;
  try {
    await mergeIntoCase(store, claims, readBundle(bytes, { limits }));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe('INVALID_INPUT');
  expect((error as ApiError).message).toMatch(message);
  expect(await snapshot(store.dir)).toEqual(before);

  const target = path.join(await tmp(), 'new-case');
  await expect(Promise.resolve().then(async () => importAsNewCase(readBundle(bytes, { limits }), target))).rejects.toThrow(message);
  await expect(access(target)).rejects.toThrow();
}

// ------------------------------------------------------------------ crafting helpers

const enc = new TextEncoder();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The good bundle with its entries changed; the manifest re-hashed when `fix` (so only the change itself is wrong). */
function tampered(change: (files: Map<string, Uint8Array>) => void, fix = true): Uint8Array {
  const files = readZip(good);
  change(files);
  if (fix) {
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as { files: Array<{ path: string; sha256: string; bytes: number }> };
    manifest.files = [...files.keys()]
      .filter((n) => n !== 'manifest.json')
      .map((p) => ({ path: p, sha256: sha(files.get(p)!), bytes: files.get(p)!.byteLength }));
    files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
  }
  return writeZip(
    [...files].map(([p, data]) => ({ path: p, data })),
    new Date('2024-01-01T00:00:00Z'),
  );
}

const editJson = (files: Map<string, Uint8Array>, name: string, edit: (v: Record<string, unknown>) => void) => {
  const v = JSON.parse(new TextDecoder().decode(files.get(name)!)) as Record<string, unknown>;
  edit(v);
  files.set(name, enc.encode(JSON.stringify(v)));
};

/** The good bundle's entries plus one extra entry, zipped by fflate with the given attributes. */
function withEntry(name: string, data: Uint8Array, attrs: { os?: number; attrs?: number; level?: 0 | 6 } = {}): Uint8Array {
  const files: Zippable = {};
  for (const [p, d] of readZip(good)) files[p] = d;
  files[name] = [data, { level: attrs.level ?? 6, os: attrs.os, attrs: attrs.attrs }];
  return zipSync(files);
}

/** Central-directory entries of a zip: name and offset, for patching fields in place. */
function centralEntries(buf: Uint8Array): Array<{ name: string; at: number; local: number }> {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = buf.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = v.getUint16(p + 28, true);
    out.push({ name: Buffer.from(buf.subarray(p + 46, p + 46 + n)).toString('utf8'), at: p, local: v.getUint32(p + 42, true) });
    p += 46 + n + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

function patch(buf: Uint8Array, name: string, fn: (v: DataView, central: number, local: number) => void): Uint8Array {
  const out = buf.slice();
  const e = centralEntries(out).find((x) => x.name === name);
  if (!e) throw new Error(`test setup: no entry ${name}`);
  fn(new DataView(out.buffer), e.at, e.local);
  return out;
}

// ------------------------------------------------------------------ the cases

describe('refused bundles', () => {
  it('a path that climbs out of the case folder (../)', async () => {
    await refused(withEntry('../../escape.txt', enc.encode('x')), /escape\.txt.*contains "\.\."/);
    await refused(withEntry('texts/../../escape.txt', enc.encode('x')), /escapes the folder/);
  });

  it('an absolute path, a drive letter, a backslash path, a NUL byte', async () => {
    await refused(withEntry('/tmp/corroborate-evil.txt', enc.encode('x')), /is an absolute path/);
    await refused(withEntry('C:/Users/Public/evil.txt', enc.encode('x')), /drive letter/);
    await refused(withEntry('texts\\..\\..\\evil.txt', enc.encode('x')), /backslash/);
    await refused(withEntry('case/case.json\u0000.txt', enc.encode('x')), /NUL byte/);
  });

  it('a symbolic link entry (unix mode 0o120000 in the external attributes)', async () => {
    const link = withEntry('texts/s_link0001.txt', enc.encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 });
    await refused(link, /symbolic link/);
  });

  it('a zip bomb: a huge compression ratio is refused before inflating', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    await refused(withEntry('texts/s_bomb0001.txt', zeros), /expands \d+ times .* zip bomb/);
  });

  it('a zip bomb: a total past the limit', async () => {
    const filler = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    await refused(withEntry('texts/s_big00001.txt', filler), /expands to more than 256 KB in all/, { maxTotalBytes: 256 * 1024 });
  });

  it('an entry that inflates past the size it declares (sizes lie)', async () => {
    const text = enc.encode('wounded '.repeat(50_000));
    const lying = patch(withEntry('texts/s_lies0001.txt', text), 'texts/s_lies0001.txt', (v, c, l) => {
      v.setUint32(c + 24, 1000, true);
      v.setUint32(l + 22, 1000, true);
    });
    await refused(lying, /expands to more than the 1000 bytes it declares/);
  });

  it('a file whose hash does not match the manifest', async () => {
    const bytes = tampered((f) => editJson(f, 'case/sources/s_bad00001.json', (b) => ((b.claims as Array<{ note: string }>)[0].note = 'changed later')), false);
    await refused(bytes, /case\/sources\/s_bad00001\.json does not match manifest\.json/);
  });

  it('a manifest from a newer format version', async () => {
    await refused(
      tampered((f) => editJson(f, 'manifest.json', (m) => (m.formatVersion = 7)), false),
      /newer Corroborate \(bundle format version 7/,
    );
  });

  it('a truncated zip', async () => {
    await refused(good.slice(0, Math.floor(good.length / 2)), /truncated/);
    await refused(good.slice(0, good.length - 30), /truncated/);
  });

  it('invalid JSON', async () => {
    await refused(
      tampered((f) => f.set('case/case.json', enc.encode('{"format": "corroborate-case", '))),
      /case\/case\.json is not valid JSON/,
    );
  });

  it('claims that point at a missing source, annotation or event', async () => {
    await refused(
      tampered((f) => editJson(f, 'case/sources/s_bad00001.json', (b) => ((b.claims as Array<{ sourceId: string }>)[0].sourceId = 's_missing001'))),
      /points at source s_missing001, which is not in the bundle/,
    );
    await refused(
      tampered((f) => editJson(f, 'case/sources/s_bad00001.json', (b) => ((b.claims as Array<{ eventId: string }>)[0].eventId = 'nowhere'))),
      /points at event nowhere, which is not in the bundle/,
    );
    await refused(
      tampered((f) =>
        editJson(f, 'case/sources/s_bad00001.json', (b) => ((b.annotations as Array<{ targets: Array<{ start: number }> }>)[0].targets[0].start = 0)),
      ),
      /annotation|end − start/i,
    );
  });

  it('a record that fails its schema', async () => {
    await refused(
      tampered((f) => editJson(f, 'case/sources/s_bad00001.json', (b) => ((b.claims as Array<{ figure: { low: number } }>)[0].figure.low = 99))),
      /claim 1 \(c1\) is invalid: figure.best: low, best and high must be in order/,
    );
  });

  it('duplicate entry names, encryption, unknown files, a damaged checksum, not a zip, no manifest', async () => {
    const dup = patch(withEntry('texts/s_dupl0001.txt', enc.encode('x')), 'texts/s_dupl0001.txt', () => {});
    // Rename the extra entry to an existing name of the same length, in both headers.
    const target = 'texts/s_bad00001.txt';
    const renamed = patch(dup, 'texts/s_dupl0001.txt', (v, c, l) => {
      const b = new Uint8Array(v.buffer);
      b.set(enc.encode(target), c + 46);
      b.set(enc.encode(target), l + 30);
    });
    await refused(renamed, /lists "texts\/s_bad00001\.txt" twice/);
    await refused(
      patch(good, 'case/case.json', (v, c, l) => (v.setUint16(c + 8, v.getUint16(c + 8, true) | 1, true), v.setUint16(l + 6, 1, true))),
      /encrypted/,
    );
    await refused(
      tampered((f) => f.set('run-me.exe', enc.encode('MZ'))),
      /"run-me\.exe", which is not a file a bundle may contain/,
    );
    const stored = withEntry('texts/s_crc00001.txt', enc.encode('some plain words'), { level: 0 });
    const e = centralEntries(stored).find((x) => x.name === 'texts/s_crc00001.txt')!;
    const flipped = stored.slice();
    flipped[e.local + 30 + 'texts/s_crc00001.txt'.length + 2] ^= 0xff;
    await refused(flipped, /fails its checksum/);
    await refused(
      new Uint8Array(4096).map((_, i) => (i * 31) % 256),
      /not a zip archive/,
    );
    await refused(zipSync({ 'case/case.json': enc.encode('{}') }), /no manifest\.json/);
  });

  it('the good bundle still merges cleanly after all that (and changes nothing: same ids)', async () => {
    const r = await mergeIntoCase(store, claims, readBundle(good));
    expect(r.nothingChanged).toBe(true);
  });
});
