// Two app cores, each with its own data folder and its own proxy, syncing one case through a real
// CouchDB-protocol server (pouchdb-server) on 127.0.0.1. Every scenario checks that both sides end
// with the same records and the same clash set, and that every acknowledged edit is there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../shared/model/claims.ts';
import { EVENT } from '../../../tests/support/claim-makers.ts';
import { ADMIN, CouchServer } from '../../../tests/support/couch-server.ts';
import { clashKeys, Client, recordsOf, syncAll } from '../../../tests/support/sync-clients.ts';

let server: CouchServer;
const clients: Client[] = [];
let dbs = 0;

beforeAll(async () => {
  server = await CouchServer.start();
}, 30_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.remove()));
  await server?.stop();
});

const ED = { name: 'ed', password: 'ed-pw', role: 'editor' as const };
const ED2 = { name: 'eve', password: 'eve-pw', role: 'editor' as const };
const VI = { name: 'vic', password: 'vic-pw', role: 'viewer' as const };
const creds = (u: { name: string; password: string }) => ({ username: u.name, password: u.password });

/** A shared case: A holds the source (and `claims` tagged quotes), B an empty case that pulls it. */
async function pair(claims: string[] = []) {
  const db = `case-${++dbs}`;
  await server.createCaseDb(db, [ED, ED2, VI]);
  const a = await Client.make('a', server.port, { withSource: true });
  const b = await Client.make('b', server.port);
  clients.push(a, b);
  const ids = [];
  for (const q of claims) ids.push(await a.tag(q));
  await a.startSync(db, creds(ED));
  await b.startSync(db, creds(ED2));
  await syncAll([a, b]);
  return { a, b, db, ids };
}

async function expectConverged(a: Client, b: Client) {
  expect(await recordsOf(b)).toEqual(await recordsOf(a));
  expect(await clashKeys(b)).toEqual(await clashKeys(a));
}

const claimOf = async (c: Client, id: string) => (await c.view()).claims.find((x) => x.id === id) as Claim;

describe('sync through a CouchDB server', () => {
  it('gives a new member the whole case: the source with its text and original, annotations and claims', async () => {
    const { a, b, ids } = await pair(['killing two soldiers', 'wounding 14 people']);
    const bv = await b.view();
    expect(bv.claims.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(bv.annotations).toHaveLength(2);
    const sid = await a.sourceId();
    expect(await b.sourceId()).toBe(sid);
    const doc = (await b.core.call('sources.get', { caseId: b.caseId, sourceId: sid })) as { text: string };
    expect(doc.text).toContain('12 rockets hit the base');
    await expectConverged(a, b);
    // Remote edits are not the new member's to undo.
    expect(bv.canUndo).toBe(false);
  }, 30_000);

  it('carries edits both ways, and edits made on both sides while the network is cut', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    a.proxy.cut();
    b.proxy.cut();
    const fromA = await a.tag('wounding 14 people');
    const fromB = await b.tag('put the toll at three');
    await b.update(ids[0], { note: 'checked against the ministry statement' });
    await expect(a.sync!.once()).rejects.toThrow(/Could not reach/);
    expect(a.sync!.status.state).toBe('offline');
    a.proxy.restore();
    b.proxy.restore();
    await syncAll([a, b]);
    const av = await a.view();
    expect(av.claims.map((c) => c.id).sort()).toEqual([ids[0], fromA, fromB].sort());
    expect((await claimOf(a, ids[0])).note).toBe('checked against the ministry statement');
    await expectConverged(a, b);
    expect(await a.clashes()).toEqual([]);
  }, 30_000);

  it('merges different fields of one claim changed on both sides, without a clash', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    a.proxy.cut();
    b.proxy.cut();
    await a.update(ids[0], { note: 'from A' });
    await b.update(ids[0], { speaker: 'the ministry' });
    a.proxy.restore();
    b.proxy.restore();
    await syncAll([a, b]);
    const merged = await claimOf(a, ids[0]);
    expect(merged.note).toBe('from A');
    expect(merged.speaker).toBe('the ministry');
    await expectConverged(a, b);
    expect(await a.clashes()).toEqual([]);
  }, 30_000);

  it('keeps both versions of a field changed on both sides as one clash, listed on both sides', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    a.proxy.cut();
    b.proxy.cut();
    await a.update(ids[0], { note: 'two soldiers, per the army', speaker: 'the army' });
    await b.update(ids[0], { note: 'two contractors, per the company' });
    a.proxy.restore();
    b.proxy.restore();
    await syncAll([a, b]);
    await expectConverged(a, b);
    const clashes = await a.clashes();
    expect(clashes).toHaveLength(1);
    const [clash] = clashes;
    expect(clash).toMatchObject({ type: 'claim', recordId: ids[0], resolved: false });
    const notes = [(clash.current as Claim).note, (clash.other as Claim).note].sort();
    expect(notes).toEqual(['two contractors, per the company', 'two soldiers, per the army']);
    // The field changed on one side only merged into both versions.
    expect((clash.current as Claim).speaker).toBe('the army');
    expect((clash.other as Claim).speaker).toBe('the army');
    expect((await claimOf(a, ids[0])).note).toBe((clash.current as Claim).note);
  }, 30_000);

  it('keeps a claim edited on one side and deleted on the other, with its annotation, on both sides', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    a.proxy.cut();
    b.proxy.cut();
    await a.core.call('claims.execute', { caseId: a.caseId, command: { type: 'claim.delete', payload: { id: ids[0] } } });
    await b.update(ids[0], { note: 'still needed' });
    a.proxy.restore();
    b.proxy.restore();
    await syncAll([a, b]);
    await expectConverged(a, b);
    const av = await a.view();
    expect(av.claims.map((c) => c.note)).toEqual(['still needed']);
    expect(av.annotations.map((x) => x.id)).toEqual([av.claims[0].annotationId]);
  }, 30_000);

  it('never merges a decision: the same row judged on both sides is a clash even when different fields changed', async () => {
    const { a, b } = await pair(['killing two soldiers']);
    const event = { ...EVENT, id: `e_sync${dbs}` };
    await a.core.call('claims.execute', { caseId: a.caseId, command: { type: 'event.create', payload: { event, at: null, assign: [] } } });
    const decision = { eventId: event.id, rowKey: 'killed|civilians', status: 'confirmed' as const, note: '', at: '2024-05-01T10:00:00.000Z' };
    const put = (c: Client, value: object) =>
      c.core.call('claims.execute', {
        caseId: c.caseId,
        command: { type: 'record.put', payload: { collection: 'decisions', key: `${event.id}|killed|civilians`, value } },
      });
    await put(a, decision);
    await syncAll([a, b]);
    expect((await b.view()).decisions).toEqual([decision]);
    a.proxy.cut();
    b.proxy.cut();
    await put(a, { ...decision, status: 'explained', at: '2024-05-02T10:00:00.000Z' });
    await put(b, { ...decision, note: 'the ministry counts soldiers only', at: '2024-05-03T10:00:00.000Z' });
    a.proxy.restore();
    b.proxy.restore();
    await syncAll([a, b]);
    await expectConverged(a, b);
    const clashes = await a.clashes();
    expect(clashes.map((c) => c.type)).toEqual(['decision']);
    const versions = [clashes[0].current, clashes[0].other] as Array<{ status: string; note: string }>;
    expect(versions.map((v) => `${v.status}/${v.note}`).sort()).toEqual(['confirmed/the ministry counts soldiers only', 'explained/']);
  }, 30_000);

  it('refuses a viewer’s edit at the server and says so; the viewer still reads the case', async () => {
    const { a, db } = await pair(['killing two soldiers']);
    const v = await Client.make('v', server.port);
    clients.push(v);
    await v.startSync(db, creds(VI));
    await v.sync!.once();
    expect((await v.view()).claims).toHaveLength(1);
    await v.tag('wounding 14 people');
    const r = await v.sync!.once();
    expect(r.denied.length).toBeGreaterThan(0);
    expect(r.denied[0].reason).toMatch(/Only editors/);
    expect(v.sync!.status.state).toBe('refused');
    await a.sync!.once();
    expect((await a.view()).claims).toHaveLength(1);
  }, 30_000);

  it('stops the sync of someone removed from the case, and says so', async () => {
    const { db } = await pair(['killing two soldiers']);
    const gone = { name: `gone${dbs}`, password: 'gone-pw', role: 'editor' as const };
    await server.createCaseDb(`${db}-x`, [gone]);
    const x = await Client.make('x', server.port);
    clients.push(x);
    await x.startSync(db, creds(gone));
    await x.sync!.once();
    expect((await x.view()).claims).toHaveLength(1);
    const user = (await server.admin('GET', `/_users/org.couchdb.user:${gone.name}`)) as Record<string, unknown>;
    await server.admin('PUT', `/_users/org.couchdb.user:${gone.name}`, { ...user, roles: [] });
    await expect(x.sync!.once()).rejects.toThrow(/401|403/);
    expect(x.sync!.status.state).toBe('refused');
    expect(x.sync!.status.reason).toMatch(/403|401/);
    // What was synced before stays in the case.
    expect((await x.view()).claims).toHaveLength(1);
  }, 30_000);

  it('refuses a wrong password with 401, and a stranger’s read with 401 or 403', async () => {
    const { db } = await pair();
    const x = await Client.make('x', server.port);
    clients.push(x);
    await x.startSync(db, { username: ED.name, password: 'wrong' });
    await expect(x.sync!.once()).rejects.toThrow(/401|403/);
    expect(x.sync!.status.state).toBe('refused');
    expect(ADMIN.username).toBe('admin');
  }, 30_000);
});
