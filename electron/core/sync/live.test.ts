// Live sync: every edit goes out as it is made and comes in on the other side through the core's
// change feed; with the network cut the edits queue and go out when it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchServer } from '../../../tests/support/couch-server.ts';
import { clashKeys, Client, recordsOf } from '../../../tests/support/sync-clients.ts';

let server: CouchServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await CouchServer.start();
}, 30_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.remove()));
  await server?.stop();
});

async function until(what: string, ok: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live sync', () => {
  it('sends each edit to the other member as it is made, and queues them while offline', async () => {
    const users = [
      { name: 'ed', password: 'ed-pw', role: 'editor' as const },
      { name: 'eve', password: 'eve-pw', role: 'editor' as const },
    ];
    await server.createCaseDb('live', users);
    const a = await Client.make('a', server.port, { withSource: true });
    const b = await Client.make('b', server.port);
    clients.push(a, b);
    await a.startSync('live', { username: 'ed', password: 'ed-pw' });
    await b.startSync('live', { username: 'eve', password: 'eve-pw' });
    await a.sync!.live();
    await b.sync!.live();
    const id = await a.tag('killing two soldiers');
    await until('the claim on B', async () => (await b.view()).claims.some((c) => c.id === id));
    await b.update(id, { note: 'seen on B' });
    await until('B’s note on A', async () => (await a.view()).claims.find((c) => c.id === id)?.note === 'seen on B');

    b.proxy.cut();
    const offline = await b.tag('wounding 14 people');
    await until('B offline', async () => b.sync!.status.state === 'offline');
    expect(b.sync!.status.since).not.toBeNull();
    const online = await a.tag('put the toll at three');
    b.proxy.restore();
    await until('both edits on both sides', async () => {
      const [av, bv] = [await a.view(), await b.view()];
      return [offline, online].every((x) => av.claims.some((c) => c.id === x) && bv.claims.some((c) => c.id === x));
    });
    await a.sync!.idle();
    await b.sync!.idle();
    expect(await recordsOf(b)).toEqual(await recordsOf(a));
    expect(await clashKeys(b)).toEqual(await clashKeys(a));
    // A's own edits are A's to undo; B's arrived ones are not on A's undo stack.
    expect((await a.view()).canUndo).toBe(true);
    await a.core.call('claims.undo', { caseId: a.caseId });
    expect((await a.view()).claims.some((c) => c.id === online)).toBe(false);
    expect((await a.view()).claims.some((c) => c.id === offline)).toBe(true);
    await until('the undo on B', async () => !(await b.view()).claims.some((c) => c.id === online));
  }, 60_000);

  it('follows the case after a bundle is merged into it: the merged records go out too', async () => {
    await server.createCaseDb('live-bundle', [{ name: 'ed', password: 'ed-pw', role: 'editor' }]);
    const a = await Client.make('a', server.port, { withSource: true });
    const b = await Client.make('b', server.port);
    clients.push(a, b);
    await a.startSync('live-bundle', { username: 'ed', password: 'ed-pw' });
    await b.startSync('live-bundle', { username: 'ed', password: 'ed-pw' });
    await a.sync!.live();
    await b.sync!.once();
    await b.sync!.close();
    b.sync = null;
    // B works offline and hands A a bundle instead.
    const fromB = await b.tag('wounding 14 people');
    const bundle = (await b.core.call('bundles.export', { caseId: b.caseId })) as { data: Uint8Array };
    await a.core.call('bundles.import', { caseId: a.caseId, data: bundle.data });
    expect((await a.view()).claims.some((c) => c.id === fromB)).toBe(true);
    await until('the merged claim on the server', async () => {
      const r = await fetch(`${server.url}/live-bundle/claim:${fromB}`, { headers: { authorization: `Basic ${Buffer.from('ed:ed-pw').toString('base64')}` } });
      return r.ok;
    });
  }, 60_000);
});
