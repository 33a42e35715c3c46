// Sync throughput and latency (issue 13), on loopback against pouchdb-server (tests/support/couch-server.ts):
//   push  a generated case (N sources × 10 claims) from one core to the server: documents per second
//   pull  a new member's first pull of it into an empty case (records applied through the core)
//   edit  the time for one edit to reach the other client, both syncing live (median of 20)
// Each figure is printed beside a reference measured in the same run: PouchDB replicating the same
// number of plain documents (push, pull) and one document between two PouchDBs through the same
// server (edit), so the ratio is what Corroborate adds on top of the replication itself.
//
//   node scripts/bench-sync.ts [--sources 1000]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import PouchDB from 'pouchdb';
import type { ClaimsView } from '../shared/api.ts';
import { createCore } from '../electron/core/index.ts';
import { CaseSync } from '../electron/core/sync/index.ts';
import { CouchServer, ADMIN } from '../tests/support/couch-server.ts';
import { Client } from '../tests/support/sync-clients.ts';
import { generateCase } from './gen-case.ts';
import { fmt, table } from './bench/table.ts';

const { values } = parseArgs({ options: { sources: { type: 'string', default: '1000' } } });
const sources = Number(values.sources);
const root = await mkdtemp(join(tmpdir(), 'corroborate-bench-sync-'));
const server = await CouchServer.start();
const admin = { username: ADMIN.username, password: ADMIN.password };
const rows: string[][] = [];
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

try {
  // ---------------------------------------------------------------- push and first pull
  const gen = generateCase({ sources, out: join(root, 'case-a') });
  const a = await createCore({ dataDir: join(root, 'data-a'), fixedCaseDir: gen.dir, host: 'cli' });
  const caseId = a.info.fixedCase as string;
  await a.call('claims.view', { caseId });
  await server.admin('PUT', '/big');
  const syncA = await CaseSync.open(a, { caseId, server: `${server.url}/big`, credentials: admin });
  let t0 = performance.now();
  const pushed = await syncA.once();
  const pushMs = performance.now() - t0;

  const b = await createCore({ dataDir: join(root, 'data-b'), host: 'cli' });
  const bCase = ((await b.call('cases.create', { name: 'New member' })) as { id: string }).id;
  const syncB = await CaseSync.open(b, { caseId: bCase, server: `${server.url}/big`, credentials: admin });
  t0 = performance.now();
  const pulled = await syncB.once();
  const pullMs = performance.now() - t0;
  const bClaims = ((await b.call('claims.view', { caseId: bCase })) as ClaimsView).claims.length;
  if (bClaims !== gen.claims) throw new Error(`the new member has ${bClaims} claims of ${gen.claims}`);

  // Reference: PouchDB alone, the same number of documents of the same size, pushed and pulled.
  const docs = pushed.pushed;
  const raw = new PouchDB(join(root, 'raw-a'));
  const body = JSON.stringify({ type: 'claim', record: ((await a.call('claims.view', { caseId })) as ClaimsView).claims[0] });
  for (let i = 0; i < docs; i += 1000)
    await raw.bulkDocs(Array.from({ length: Math.min(1000, docs - i) }, (_, j) => ({ _id: `d${i + j}`, ...JSON.parse(body) })));
  await server.admin('PUT', '/raw');
  const remote = new PouchDB(`${server.url}/raw`, { auth: admin, skip_setup: true });
  t0 = performance.now();
  await raw.replicate.to(remote, { batch_size: 500 });
  const rawPushMs = performance.now() - t0;
  const rawB = new PouchDB(join(root, 'raw-b'));
  t0 = performance.now();
  await rawB.replicate.from(remote, { batch_size: 500 });
  const rawPullMs = performance.now() - t0;

  rows.push([
    `push ${docs.toLocaleString('en-US')} documents (${gen.claims.toLocaleString('en-US')} claims)`,
    fmt(pushMs),
    rate(docs, pushMs),
    rate(docs, rawPushMs),
    (pushMs / rawPushMs).toFixed(1),
  ]);
  rows.push([`first pull of them (new member, applied)`, fmt(pullMs), rate(pulled.pulled, pullMs), rate(docs, rawPullMs), (pullMs / rawPullMs).toFixed(1)]);
  await syncA.close();
  await syncB.close();
  await a.close();
  await b.close();

  // ---------------------------------------------------------------- one edit, live, to the other client
  await server.createCaseDb('live', [{ name: 'ed', password: 'ed-pw', role: 'editor' }]);
  const ca = await Client.make('a', server.port, { withSource: true, dataDir: join(root, 'live-a') });
  const cb = await Client.make('b', server.port, { dataDir: join(root, 'live-b') });
  await ca.startSync('live', { username: 'ed', password: 'ed-pw' });
  await cb.startSync('live', { username: 'ed', password: 'ed-pw' });
  await ca.sync?.live();
  await cb.sync?.live();
  const id = await ca.tag('killing two soldiers');
  const arrived = async (note: string) => {
    while (((await cb.view()).claims.find((c) => c.id === id)?.note ?? null) !== note) await new Promise((r) => setTimeout(r, 2));
  };
  await arrived('');
  const lat: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await ca.update(id, { note: `edit ${i}` });
    await arrived(`edit ${i}`);
    lat.push(performance.now() - t);
  }
  // Reference: one document put in one PouchDB, seen in another's changes feed through the same server.
  const p1 = new PouchDB(join(root, 'p1'));
  const p2 = new PouchDB(join(root, 'p2'));
  await server.admin('PUT', '/pair');
  const pair = `${server.url}/pair`;
  const s1 = p1.sync(new PouchDB(pair, { auth: admin, skip_setup: true }), { live: true, retry: true });
  const s2 = p2.sync(new PouchDB(pair, { auth: admin, skip_setup: true }), { live: true, retry: true });
  const ref: number[] = [];
  let rev: string | undefined;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const seen = new Promise<void>((ok) => {
      const feed = p2.changes({ since: 'now', live: true, include_docs: true }).on('change', (c: { doc?: { n?: number } }) => {
        if (c.doc?.n === i) {
          feed.cancel();
          ok();
        }
      });
    });
    rev = (await p1.put({ _id: 'x', n: i, ...(rev ? { _rev: rev } : {}) })).rev;
    await seen;
    ref.push(performance.now() - t);
  }
  s1.cancel();
  s2.cancel();
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  rows.push(['one edit reaches the other client (median of 20)', fmt(med(lat)), '', fmt(med(ref)), (med(lat) / med(ref)).toFixed(1)]);
  await ca.close();
  await cb.close();
  console.log(table(['sync on loopback', 'time', 'Corroborate', 'PouchDB alone', 'ratio'], rows));
} finally {
  await server.stop();
  await rm(root, { recursive: true, force: true });
}
