// What a colleague's edits do here, beyond records merging (sync.test.ts): grade overrides judged on
// both sides clash like decisions; a source a colleague deleted goes to this case's trash with its
// text, off this user's undo stack; and undoing an edit a colleague has since changed is a clash,
// never a silent overwrite of their edit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clash } from '../../../shared/exchange/bundle.ts';
import type { Claim } from '../../../shared/model/claims.ts';
import { EVENT } from '../../../tests/support/claim-makers.ts';
import { CouchServer } from '../../../tests/support/couch-server.ts';
import { clashKeys, Client, recordsOf, sharedPair, syncAll } from '../../../tests/support/sync-clients.ts';

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

async function pair(claims: string[] = []) {
  const p = await sharedPair(server, `remote-${++dbs}`, claims);
  clients.push(p.a, p.b);
  return p;
}

async function expectConverged(a: Client, b: Client) {
  expect(await recordsOf(b)).toEqual(await recordsOf(a));
  expect(await clashKeys(b)).toEqual(await clashKeys(a));
}

const claimOf = async (c: Client, id: string) => (await c.view()).claims.find((x) => x.id === id) as Claim;
const offline = (...cs: Client[]) => cs.forEach((c) => c.proxy.cut());
const online = (...cs: Client[]) => cs.forEach((c) => c.proxy.restore());

describe('a colleague’s edits arriving by sync', () => {
  it('never merges a grade override: the same event graded on both sides is one clash, and choosing the other version is undoable', async () => {
    const { a, b } = await pair(['killing two soldiers']);
    const event = { ...EVENT, id: `e_grade${dbs}` };
    await a.core.call('claims.execute', { caseId: a.caseId, command: { type: 'event.create', payload: { event, at: null, assign: [] } } });
    const grade = (c: Client, value: object) =>
      c.core.call('claims.execute', { caseId: c.caseId, command: { type: 'record.put', payload: { collection: 'gradeOverrides', key: event.id, value } } });
    const base = { eventId: event.id, grade: 'fair', note: 'two outlets agree', by: null, at: '2024-05-01T10:00:00.000Z' };
    await grade(a, base);
    await syncAll([a, b]);
    expect((await b.view()).gradeOverrides).toEqual([base]);

    offline(a, b);
    await grade(a, { ...base, grade: 'confirmed', at: '2024-05-02T10:00:00.000Z' });
    await grade(b, { ...base, note: 'the ministry figure is not independent', at: '2024-05-03T10:00:00.000Z' });
    online(a, b);
    await syncAll([a, b]);
    await expectConverged(a, b);
    const clashes = await a.clashes();
    expect(clashes.map((c) => [c.type, c.recordId])).toEqual([['grade', event.id]]);
    const versions = [clashes[0].current, clashes[0].other] as Array<{ grade: string; note: string }>;
    expect(versions.map((v) => `${v.grade}/${v.note}`).sort()).toEqual(['confirmed/two outlets agree', 'fair/the ministry figure is not independent']);

    const r = (await a.core.call('clashes.resolve', { caseId: a.caseId, clashId: clashes[0].id, keep: 'other' })) as { clashes: Clash[] };
    expect(r.clashes[0].resolved).toBe(true);
    expect((await a.view()).gradeOverrides).toEqual([clashes[0].other]);
    await a.core.call('claims.undo', { caseId: a.caseId });
    expect((await a.view()).gradeOverrides).toEqual([clashes[0].current]);
  }, 40_000);
});
