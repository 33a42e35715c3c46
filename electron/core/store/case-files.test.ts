import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../../tests/support/store-helpers.ts';
import { sweepTempFiles } from './case-files.ts';
import { writeFileDurable } from './durable.ts';
import { SOURCES_DIR } from './layout.ts';

afterAll(removeTempDirs);

describe('the temp-file sweep at open', () => {
  it('removes what an interrupted write left, and not a write this process has under way', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, SOURCES_DIR));
    const left = path.join(dir, SOURCES_DIR, '.s1.json.0123456789ab.tmp');
    await fs.writeFile(left, '{"half":');
    const keep = path.join(dir, SOURCES_DIR, 's1.json');
    await fs.writeFile(keep, '{}');

    // A write that is in flight while the sweep lists the folder: its temp file must survive.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const probe = await fs.open(keep, 'r');
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const realSync = proto.sync;
    proto.sync = async function (this: unknown) {
      await gate;
      return realSync.call(this);
    };
    try {
      const writing = writeFileDurable(path.join(dir, SOURCES_DIR, 's2.json'), '{"whole":true}');
      while (!(await fs.readdir(path.join(dir, SOURCES_DIR))).some((n) => n.startsWith('.s2.json.'))) await new Promise((r) => setTimeout(r, 5));
      await sweepTempFiles(dir);
      release();
      await writing;
    } finally {
      proto.sync = realSync;
    }

    const names = await fs.readdir(path.join(dir, SOURCES_DIR));
    expect(names.sort()).toEqual(['s1.json', 's2.json']);
    expect(JSON.parse(await fs.readFile(path.join(dir, SOURCES_DIR, 's2.json'), 'utf8'))).toEqual({ whole: true });
  });
});
