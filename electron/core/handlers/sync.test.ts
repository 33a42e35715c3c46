// The app's sync operations (sync.status / sync.start / sync.stop) against a real CouchDB-protocol
// server: what the Share dialog and the top bar rely on.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/exchange/sync-status.ts';
import type { CaseSummary } from '../../../shared/model/case.ts';
import type { SyncChanged } from '../../../shared/api.ts';
import { ADMIN, CouchServer, freePort } from '../../../tests/support/couch-server.ts';
import { tagCommand, TEXT } from '../../../tests/support/sync-clients.ts';
import { TcpProxy } from '../../../tests/support/tcp-proxy.ts';
import { createCore, type Core } from '../index.ts';
import { CredentialStore } from '../sync/credentials.ts';
import { databaseUrl, openLocal } from '../sync/remote.ts';

let server: CouchServer;
const dirs: string[] = [];
const cores: Core[] = [];
const ED = { name: 'ed', password: 'ed-pw', role: 'editor' as const };
const VI = { name: 'vic', password: 'vic-pw', role: 'viewer' as const };

beforeAll(async () => {
  server = await CouchServer.start();
  await server.createCaseDb('shared-case', [ED, VI]);
}, 30_000);
afterAll(async () => {
  await Promise.all(cores.map((c) => c.close().catch(() => undefined)));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  await server?.stop();
});

async function app(dataDir?: string): Promise<{ core: Core; dataDir: string }> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'corroborate-sync-app-')));
  if (!dataDir) dirs.push(dir);
  const core = await createCore({ dataDir: dir, host: 'browser' });
  cores.push(core);
  return { core, dataDir: dir };
}

const status = (core: Core, caseId: string) => core.call('sync.status', { caseId }) as Promise<SyncStatusView>;
async function until(core: Core, caseId: string, ok: (s: SyncStatusView) => boolean): Promise<SyncStatusView> {
  const end = Date.now() + 15_000;
  for (;;) {
    const s = await status(core, caseId);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`sync status stayed ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('sharing a case from the app', () => {
  it('says a case is not shared, refuses a wrong password, an unreachable server and a password in the address, and keeps nothing', async () => {
    const { core, dataDir } = await app();
    const { id } = (await core.call('cases.create', { name: 'Refusals' })) as CaseSummary;
    expect(await status(core, id)).toMatchObject({ state: 'off', database: null, user: null, clashes: 0 });

    await expect(core.call('sync.start', { caseId: id, server: `${server.url}/shared-case`, user: ED.name, password: 'wrong' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/did not accept this name and password \(401\)/),
    });
    const nowhere = `http://127.0.0.1:${await freePort()}/shared-case`;
    await expect(core.call('sync.start', { caseId: id, server: nowhere, user: ED.name, password: ED.password })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Could not reach 127\.0\.0\.1:\d+\/shared-case/),
    });
    await expect(
      core.call('sync.start', { caseId: id, server: `http://ed:pw@127.0.0.1:${server.port}/x`, user: ED.name, password: 'pw' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/no name or password in the server address/),
    });
    await expect(core.call('sync.start', { caseId: id, server: `${server.url}/no-such-db`, user: ED.name, password: ED.password })).rejects.toThrow(/404/);
    expect(await status(core, id)).toMatchObject({ state: 'off', database: null });
    expect(await readdir(dataDir)).not.toContain('credentials');
  }, 60_000);

  it('shares a case, keeps the password out of the case folder, and resumes after a restart with the edits made meanwhile', async () => {
    const first = await app();
    const { id } = (await first.core.call('cases.create', { name: 'Shared' })) as CaseSummary;
    await first.core.call('sources.paste', { caseId: id, text: TEXT, title: 'Wire report' });
    const started = (await first.core.call('sync.start', {
      caseId: id,
      server: `${server.url}/shared-case`,
      user: ED.name,
      password: ED.password,
    })) as SyncStatusView;
    expect(started).toMatchObject({ database: `${server.url}/shared-case`, user: 'ed', kept: 'file', access: 'editor' });
    await until(first.core, id, (s) => s.state === 'synced');

    // Nothing in the case folder holds the password; the remembered one is in <data>/credentials.
    const caseDir = join(first.dataDir, 'cases', id);
    expect(await readFile(join(caseDir, 'sync', 'remote.json'), 'utf8')).not.toContain(ED.password);
    expect(await CredentialStore.forDataDir(first.dataDir).get(`${server.url}/shared-case`)).toEqual({ username: ED.name, password: ED.password });

    await first.core.call('sync.stop', { caseId: id });
    const sourceId = ((await first.core.call('cases.open', { caseId: id })) as { sources: Array<{ id: string }> }).sources[0].id;
    await first.core.call('claims.execute', { caseId: id, command: tagCommand(sourceId, 'killing two soldiers', 'offline1') });
    await first.core.close();

    const again = await app(first.dataDir);
    await again.core.call('cases.open', { caseId: id });
    await until(again.core, id, (s) => s.state === 'synced');
    const doc = (await server.admin('GET', '/shared-case/claim:c_offline1')) as { record: { id: string } };
    expect(doc.record.id).toBe('c_offline1');

    // Stop and forget: the address and the password go.
    expect(await again.core.call('sync.stop', { caseId: id, forget: true })).toMatchObject({ state: 'off', database: null, kept: 'none' });
    expect(await CredentialStore.forDataDir(first.dataDir).get(`${server.url}/shared-case`)).toBeNull();
  }, 60_000);

  it('shows a viewer’s edit refused by the server, with the server’s reason', async () => {
    const { core } = await app();
    const { id } = (await core.call('cases.create', { name: 'Viewer' })) as CaseSummary;
    await core.call('sync.start', { caseId: id, server: `${server.url}/shared-case`, user: VI.name, password: VI.password, remember: false });
    const s = await until(core, id, (x) => x.state === 'synced');
    expect(s.kept).toBe('none');
    expect(s.access).toBe('viewer');
    const sourceId = ((await core.call('cases.open', { caseId: id })) as { sources: Array<{ id: string }> }).sources[0].id;
    await core.call('claims.execute', { caseId: id, command: tagCommand(sourceId, 'wounding 14 people', 'viewer1') });
    const refused = await until(core, id, (x) => x.state === 'refused');
    expect(refused.reason).toMatch(/Only editors can change this case/);
    expect(ADMIN.username).toBe('admin');
  }, 60_000);

  it('stops a case’s sync when the case is deleted, so nothing more comes into it', async () => {
    const { core, dataDir } = await app();
    const { id } = (await core.call('cases.create', { name: 'Going' })) as CaseSummary;
    await core.call('sources.paste', { caseId: id, text: TEXT, title: 'Wire report' });
    await core.call('sync.start', { caseId: id, server: `${server.url}/shared-case`, user: ED.name, password: ED.password, remember: false });
    await until(core, id, (s) => s.state === 'synced');
    await core.call('cases.delete', { caseId: id });
    const other = await app();
    const { id: id2 } = (await other.core.call('cases.create', { name: 'Other member' })) as CaseSummary;
    await other.core.call('sync.start', { caseId: id2, server: `${server.url}/shared-case`, user: ED.name, password: ED.password, remember: false });
    const sourceId = ((await other.core.call('cases.open', { caseId: id2 })) as { sources: Array<{ id: string }> }).sources[0].id;
    await other.core.call('claims.execute', { caseId: id2, command: tagCommand(sourceId, 'put the toll at three', 'after-delete') });
    await until(other.core, id2, (s) => s.state === 'synced');
    await new Promise((r) => setTimeout(r, 2000)); // a sync still running would have pulled it by now
    // The local database went to the trash with the case, and took nothing more in.
    const [trashed] = (await readdir(join(dataDir, 'trash'))).filter((n) => n.startsWith(id));
    const local = openLocal(join(dataDir, 'trash', trashed), databaseUrl(`${server.url}/shared-case`, id));
    try {
      expect((await local.info()).doc_count).toBeGreaterThan(0);
      await expect(local.get('claim:c_after-delete')).rejects.toMatchObject({ status: 404 });
    } finally {
      await local.close();
    }
    await expect(core.call('sync.status', { caseId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('pushes the status on the change feed as it moves (shared, offline, back, paused), so no window has to ask', async () => {
    const { core } = await app();
    const { id } = (await core.call('cases.create', { name: 'Pushed' })) as CaseSummary;
    const { source } = (await core.call('sources.paste', { caseId: id, text: TEXT, title: 'Wire report' })) as { source: { id: string } };
    const told: SyncChanged[] = [];
    const stopWatching = core.watch((e) => {
      if (e.kind === 'sync' && e.caseId === id) told.push(e);
    });
    /** The first status told from `from` on that passes `ok`. */
    const heard = async (ok: (s: SyncStatusView) => boolean, from = 0): Promise<SyncStatusView> => {
      const end = Date.now() + 20_000;
      for (let seen = from; ;) {
        for (; seen < told.length; seen++) if (ok(told[seen].status)) return told[seen].status;
        if (Date.now() > end) throw new Error(`not told; told ${JSON.stringify(told.map((e) => e.status.state))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const proxy = await TcpProxy.start(server.port);
    try {
      await core.call('sync.start', { caseId: id, server: `${proxy.url}/shared-case`, user: ED.name, password: ED.password, remember: false });
      expect(await heard((s) => s.state === 'synced')).toMatchObject({ user: 'ed', access: 'editor', database: `${proxy.url}/shared-case` });
      proxy.cut();
      await core.call('claims.execute', { caseId: id, command: tagCommand(source.id, 'killing two soldiers', 'pushed1') });
      expect((await heard((s) => s.state === 'offline')).since).toEqual(expect.any(String));
      const back = told.length;
      proxy.restore();
      await heard((s) => s.state === 'synced', back);
      // Told once per change: a status equal to the last one told is not told again.
      for (let i = 1; i < told.length; i++) expect(told[i].status).not.toEqual(told[i - 1].status);
      const stopped = told.length;
      await core.call('sync.stop', { caseId: id });
      expect(await heard((s) => s.state === 'off', stopped)).toMatchObject({ reason: expect.stringMatching(/paused/) });
    } finally {
      stopWatching();
      await proxy.close();
    }
  }, 60_000);
});
