import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DurableJsonFile, StoredFileError, writeFileDurable } from './durable.ts';
import { removeTempDirs, tempDir } from '../../../tests/support/store-helpers.ts';

afterAll(removeTempDirs);

/** FileHandle is not exported; its prototype is reachable from any open handle. */
async function fileHandleProto(dir: string): Promise<Record<string, unknown>> {
  const h = await fs.open(path.join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(h) as Record<string, unknown>;
  await h.close();
  await fs.rm(path.join(dir, 'probe'));
  return proto;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeFileDurable', () => {
  it('writes the bytes and leaves no temp file behind', async () => {
    const dir = await tempDir('durable');
    const file = path.join(dir, 'a.json');
    await writeFileDurable(file, 'first');
    await writeFileDurable(file, new Uint8Array([104, 105]));
    expect(await fs.readFile(file, 'utf8')).toBe('hi');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('fsyncs the temp file before renaming it over the target', async () => {
    const dir = await tempDir('durable');
    const proto = await fileHandleProto(dir);
    const order: string[] = [];
    const realSync = proto.sync as () => Promise<void>;
    vi.spyOn(proto as { sync: () => Promise<void> }, 'sync').mockImplementation(function (this: unknown) {
      order.push('sync');
      return realSync.call(this);
    });
    const realRename = fs.rename;
    vi.spyOn(fs, 'rename').mockImplementation(async (a, b) => {
      order.push('rename');
      return realRename(a, b);
    });
    await writeFileDurable(path.join(dir, 'x.json'), '{}');
    // file fsync, rename, then the folder's fsync so the rename itself survives a power cut
    expect(order).toEqual(['sync', 'rename', 'sync']);
  });

  it('a write that fails part-way leaves the old file intact and removes its temp file', async () => {
    const dir = await tempDir('durable');
    const file = path.join(dir, 'case.json');
    await writeFileDurable(file, 'old contents');
    const proto = await fileHandleProto(dir);
    vi.spyOn(proto as { writeFile: () => Promise<void> }, 'writeFile').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    await expect(writeFileDurable(file, 'new contents')).rejects.toThrow('disk full');
    expect(await fs.readFile(file, 'utf8')).toBe('old contents');
    expect(await fs.readdir(dir)).toEqual(['case.json']);
  });

  it('a failed fsync is reported, not acknowledged, and the target keeps its old bytes', async () => {
    const dir = await tempDir('durable');
    const file = path.join(dir, 'case.json');
    await writeFileDurable(file, 'old');
    const proto = await fileHandleProto(dir);
    vi.spyOn(proto as { sync: () => Promise<void> }, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await expect(writeFileDurable(file, 'new')).rejects.toThrow('EIO');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['case.json']);
  });
});

describe('DurableJsonFile (lowdb adapter)', () => {
  const Doc = z.object({ n: z.number() });
  const decode = (doc: unknown, file: string) => {
    const r = Doc.safeParse(doc);
    if (!r.success) throw new StoredFileError(file, 'shape', 'bad shape');
    return r.data;
  };

  it('reads null for a missing file, round-trips a document, and rejects damage by kind', async () => {
    const dir = await tempDir('adapter');
    const file = path.join(dir, 'd.json');
    const a = new DurableJsonFile(file, decode);
    expect(await a.read()).toBeNull();
    await a.write({ n: 3 });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 3 });
    expect(await a.read()).toEqual({ n: 3 });
    await fs.writeFile(file, '{"n": 3');
    await expect(a.read()).rejects.toMatchObject({ problem: 'json' });
    await fs.writeFile(file, '{"n": "three"}');
    await expect(a.read()).rejects.toMatchObject({ problem: 'shape' });
    await fs.writeFile(file, '');
    await expect(a.read()).rejects.toMatchObject({ problem: 'empty' });
  });
});
