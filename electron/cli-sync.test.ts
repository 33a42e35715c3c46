// `corroborate sync` against a real CouchDB-protocol server (tests/support/couch-server.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchServer } from '../tests/support/couch-server.ts';
import { runCli } from './cli.ts';

let server: CouchServer;
let root: string;
const env = { ...process.env };

beforeAll(async () => {
  server = await CouchServer.start();
  root = await mkdtemp(join(tmpdir(), 'corroborate-cli-sync-'));
  process.env.CORROBORATE_DATA_DIR = join(root, 'data');
}, 30_000);
afterAll(async () => {
  process.env = env;
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function caseWith(name: string, text: string): Promise<string> {
  const file = join(root, `${name}.txt`);
  await writeFile(file, text);
  const dir = join(root, name);
  expect((await cli('import', file, '--case', dir, '--json')).code).toBe(0);
  return dir;
}

describe('corroborate sync', () => {
  it('syncs two case folders through the case’s database, the password from the environment', async () => {
    const db = await server.createCaseDb('desk-case', [{ name: 'ed', password: 'ed-pw', role: 'editor' }]);
    const a = await caseWith('a', 'A convoy was hit near the crossing on Monday; four drivers were hurt.');
    const b = await caseWith('b', 'The ministry said two drivers died in the convoy attack.');
    process.env.CORROBORATE_SYNC_PASSWORD = 'ed-pw';
    const ra = await cli('sync', '--case', a, '--server', db, '--user', 'ed', '--once', '--json');
    expect(ra.err).toBe('');
    expect(ra.code).toBe(0);
    expect(JSON.parse(ra.out)).toMatchObject({ database: expect.stringContaining('/desk-case'), denied: [] });
    expect((await cli('sync', '--case', b, '--server', db, '--user', 'ed', '--once')).code).toBe(0);
    expect((await cli('sync', '--case', a, '--server', db, '--user', 'ed', '--once')).code).toBe(0);
    for (const dir of [a, b]) {
      const { sources } = JSON.parse((await cli('sources', '--case', dir, '--json')).out) as { sources: Array<{ characters: number }> };
      expect(sources.map((s) => s.characters).sort()).toEqual([56, 69]);
    }
  }, 30_000);

  it('takes no password as a flag or in the address, and says where to put it', async () => {
    const a = await caseWith('c', 'Shelling was reported overnight.');
    expect((await cli('sync', '--case', a, '--server', server.url, '--password', 'x')).code).toBe(2);
    const inUrl = await cli('sync', '--case', a, '--server', `http://ed:pw@127.0.0.1:${server.port}/x`, '--once');
    expect(inUrl.code).toBe(1);
    expect(inUrl.err).toMatch(/CORROBORATE_SYNC_PASSWORD/);
    delete process.env.CORROBORATE_SYNC_PASSWORD;
    const none = await cli('sync', '--case', a, '--server', server.url, '--user', 'ed', '--once');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/CORROBORATE_SYNC_PASSWORD/);
  }, 30_000);
});
