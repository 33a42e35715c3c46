// What a colleague's edits do here, beyond records merging (sync.test.ts): grade overrides judged on
// both sides clash like decisions; a source a colleague deleted goes to this case's trash with its
// text, off this user's undo stack; and undoing (or redoing) an edit a colleague has since changed is
// a clash, never a silent overwrite of their edit.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clash } from '../../../shared/exchange/bundle.ts';
import type { Claim } from '../../../shared/model/claims.ts';
import { EVENT } from '../../../tests/support/claim-makers.ts';
import { CouchServer } from '../../../tests/support/couch-server.ts';
import { clashKeys, Client, recordsOf, sharedPair, syncAll, TEXT } from '../../../tests/support/sync-clients.ts';

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

  it('puts a source a colleague deleted in this case’s trash, with its text and claims, and off this user’s undo stack', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    const sourceId = await a.sourceId();
    await a.core.call('sources.delete', { caseId: a.caseId, sourceId });
    await syncAll([a, b]);
    const open = (await b.core.call('cases.open', { caseId: b.caseId })) as { dir: string; sources: unknown[] };
    expect(open.sources).toEqual([]);
    const bv = await b.view();
    expect(bv.claims).toEqual([]);
    expect(bv.canUndo).toBe(false);
    const trashed = join(open.dir, 'trash', 'sources', `${sourceId}.body.json`);
    expect(existsSync(trashed)).toBe(true);
    const body = JSON.parse(await readFile(trashed, 'utf8')) as { text: string; claims: Array<{ id: string }> };
    expect(body.text).toBe(TEXT);
    expect(body.claims.map((c) => c.id)).toEqual(ids);
    await expectConverged(a, b);
    // The colleague who deleted it can still undo it, and it comes back here too.
    await a.core.call('claims.undo', { caseId: a.caseId });
    await syncAll([a, b]);
    expect(((await b.core.call('cases.open', { caseId: b.caseId })) as { sources: unknown[] }).sources).toHaveLength(1);
    expect((await b.view()).claims.map((c) => c.id)).toEqual(ids);
    await expectConverged(a, b);
  }, 40_000);

  it('makes an undo over a colleague’s later edit of the same field a clash, both versions kept on both sides, not an overwrite', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    await a.update(ids[0], { note: 'from A' });
    await syncAll([a, b]);
    await b.update(ids[0], { note: 'from B, after A' });
    await syncAll([a, b]);
    expect((await claimOf(a, ids[0])).note).toBe('from B, after A');

    const undo = (await a.core.call('claims.undo', { caseId: a.caseId })) as { problems: string[] };
    expect(undo.problems.join(' ')).toMatch(/A colleague has changed this since.*both versions are kept in Clashes/);
    expect((await claimOf(a, ids[0])).note).toBe('from B, after A');
    const [clash, ...more] = await a.clashes();
    expect(more).toEqual([]);
    expect(clash).toMatchObject({ type: 'claim', recordId: ids[0], resolved: false });
    expect((clash.current as Claim).note).toBe('from B, after A');
    expect((clash.other as Claim).note).not.toBe('from A');
    expect((clash.other as Claim).note).not.toBe('from B, after A');

    await syncAll([a, b]);
    await expectConverged(a, b);
    expect((await claimOf(b, ids[0])).note).toBe('from B, after A');
    expect((await b.clashes()).map((c) => c.id)).toEqual([clash.id]);
  }, 40_000);

  it('lets an undo go ahead where the colleague changed other fields, keeping their edit', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    const before = await claimOf(a, ids[0]);
    await a.update(ids[0], { note: 'from A' });
    await syncAll([a, b]);
    await b.update(ids[0], { speaker: 'the ministry' });
    await syncAll([a, b]);
    const undo = (await a.core.call('claims.undo', { caseId: a.caseId })) as { problems: string[] };
    expect(undo.problems).toEqual([]);
    const now = await claimOf(a, ids[0]);
    expect(now.note).toBe(before.note);
    expect(now.speaker).toBe('the ministry');
    await syncAll([a, b]);
    await expectConverged(a, b);
    expect(await a.clashes()).toEqual([]);
  }, 40_000);

  it('keeps a claim a colleague edited after it was tagged here, when the tagging is undone', async () => {
    const { a, b, ids } = await pair();
    const id = await a.tag('wounding 14 people');
    await syncAll([a, b]);
    await b.update(id, { note: 'checked' });
    await syncAll([a, b]);
    const undo = (await a.core.call('claims.undo', { caseId: a.caseId })) as { problems: string[] };
    expect(undo.problems.join(' ')).toMatch(/did not delete it/);
    expect((await claimOf(a, id)).note).toBe('checked');
    await syncAll([a, b]);
    await expectConverged(a, b);
    expect(ids).toEqual([]);
  }, 40_000);

  it('makes a redo over a colleague’s edit made after the undo a clash too', async () => {
    const { a, b, ids } = await pair(['killing two soldiers']);
    await a.update(ids[0], { note: 'from A' });
    await a.core.call('claims.undo', { caseId: a.caseId });
    await syncAll([a, b]);
    await b.update(ids[0], { note: 'from B, after the undo' });
    await syncAll([a, b]);
    const redo = (await a.core.call('claims.redo', { caseId: a.caseId })) as { problems: string[]; undo: { canRedo: boolean } };
    expect(redo.problems.join(' ')).toMatch(/redoing .*did not write over their edit/);
    expect(redo.undo.canRedo).toBe(false);
    expect((await claimOf(a, ids[0])).note).toBe('from B, after the undo');
    const clashes = await a.clashes();
    expect(clashes.map((c) => (c.other as Claim).note)).toEqual(['from A']);
    await syncAll([a, b]);
    await expectConverged(a, b);
  }, 40_000);
});
