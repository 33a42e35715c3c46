// Picking or creating a case's database from the Share dialog (sync.databases, sync.createDatabase)
// against a real CouchDB-protocol server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDatabases, SyncStatusView } from '../../../shared/exchange/sync-status.ts';
import type { CaseSummary } from '../../../shared/model/case.ts';
import { ADMIN, CouchServer, freePort } from '../../../tests/support/couch-server.ts';
import { createCore, type Core } from '../index.ts';

let server: CouchServer;
let core: Core;
let dir: string;
let caseId: string;
const ED = { name: 'ed', password: 'ed-pw', role: 'editor' as const };

beforeAll(async () => {
  server = await CouchServer.start();
  await server.createCaseDb('taji-2020', [ED]);
  // A database ed is no member of.
  await server.admin('PUT', '/payroll');
  await server.admin('PUT', '/payroll/_security', { admins: { names: [], roles: [] }, members: { names: ['zed'], roles: [] } });
  dir = await mkdtemp(join(tmpdir(), 'corroborate-sync-dbs-'));
  core = await createCore({ dataDir: dir, host: 'browser' });
  caseId = ((await core.call('cases.create', { name: 'Taji' })) as CaseSummary).id;
}, 30_000);
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
  await server?.stop();
});

describe('the server’s databases in the Share dialog', () => {
  it('lists the databases a member may use, from the server or any database address on it, and not the others', async () => {
    for (const address of [server.url, `${server.url}/`, `${server.url}/taji-2020`]) {
      expect(await core.call('sync.databases', { caseId, server: address, user: ED.name, password: ED.password })).toEqual({
        databases: [{ name: 'taji-2020', url: `${server.url}/taji-2020` }],
        listed: true,
        canCreate: false,
        note: null,
      });
    }
  }, 30_000);

  it('says a wrong password, a server it cannot reach, and a missing password in words', async () => {
    await expect(core.call('sync.databases', { caseId, server: server.url, user: ED.name, password: 'wrong' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/did not accept this name and password/),
    });
    await expect(
      core.call('sync.databases', { caseId, server: `http://127.0.0.1:${await freePort()}`, user: ED.name, password: ED.password }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Could not reach 127\.0\.0\.1:\d+/) });
    await expect(core.call('sync.databases', { caseId, server: server.url, user: ED.name })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Give the password for ed/),
    });
  }, 30_000);

  it('refuses a member’s new database with why and what to do; an admin’s is set up for the desk, and a member can share a case with it', async () => {
    await expect(
      core.call('sync.createDatabase', { caseId, server: server.url, user: ED.name, password: ED.password, name: 'kyiv-2024' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only the server’s admins can create databases.*Ask the desk’s admin/) });
    await expect(
      core.call('sync.createDatabase', { caseId, server: server.url, user: ADMIN.username, password: ADMIN.password, name: 'Kyiv 2024' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/cannot be a database name/) });

    const admin = { caseId, server: server.url, user: ADMIN.username, password: ADMIN.password };
    expect(await core.call('sync.createDatabase', { ...admin, name: 'kyiv-2024' })).toEqual({ name: 'kyiv-2024', url: `${server.url}/kyiv-2024` });
    await expect(core.call('sync.createDatabase', { ...admin, name: 'kyiv-2024' })).rejects.toThrow(/has a database named “kyiv-2024” already/);
    expect(await server.admin('GET', '/kyiv-2024/_security')).toMatchObject({ members: { roles: ['editor', 'viewer'] } });
    expect(await core.call('sync.databases', admin)).toMatchObject({ listed: true, canCreate: true });

    // The desk's editor sees it and shares the case with it.
    const listed = (await core.call('sync.databases', { caseId, server: server.url, user: ED.name, password: ED.password })) as SyncDatabases;
    expect(listed.databases.map((d) => d.name)).toEqual(['kyiv-2024', 'taji-2020']);
    const started = (await core.call('sync.start', { caseId, server: listed.databases[0].url, user: ED.name, password: ED.password })) as SyncStatusView;
    expect(started).toMatchObject({ database: `${server.url}/kyiv-2024`, access: 'editor' });
    // The remembered password now serves the list on that server.
    expect(await core.call('sync.databases', { caseId, server: server.url, user: ED.name })).toMatchObject({ listed: true });
    await core.call('sync.stop', { caseId, forget: true });
  }, 60_000);
});
