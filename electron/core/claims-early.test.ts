// Edits while a case's claims are still being read (claims.ts, claims-ready.ts): those that touch only
// what is read run at once; the rest wait for the read and then run as they would have, never on half
// a case (a claim not read yet is not "gone"), and no source file loses a record.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../shared/model/changes.ts';
import { blankClaim } from '../../shared/model/claims.ts';
import { generateCase } from '../../scripts/gen-case.ts';
import { CaseClaims } from './claims.ts';
import { createCore } from './index.ts';
import { CaseStore } from './store/index.ts';

const SOURCES = 800; // twenty batches of the background read (which waits while edits are queued), so edits arrive while it runs
const dirs: string[] = [];
const stores: CaseStore[] = [];

async function generated(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'corroborate-early-'));
  dirs.push(root);
  return generateCase({ sources: SOURCES, out: join(root, 'case'), seed: 7, claimsPerSource: 3 }).dir;
}

async function openStore(dir: string): Promise<CaseStore> {
  const st = await CaseStore.open(dir, { checkBodies: false });
  stores.push(st);
  return st;
}

afterEach(async () => {
  for (const st of stores.splice(0)) await st.close().catch(() => undefined);
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const noteEdit = (id: string, note: string) => ({ type: 'claim.update' as const, payload: { id, set: { note }, unset: [] } });

describe('edits while the claims are read', () => {
  it('corrects a source and undoes it before the read is done, and the read then holds every claim', async () => {
    const st = await openStore(await generated());
    const cc = await CaseClaims.open(st);
    expect(cc.complete).toBe(false);
    const last = st.index.sources.at(-1)!;
    const from = { notes: last.notes };
    const edit = await cc.execute({ type: 'source.update', payload: { id: last.id, from, to: { notes: 'checked by phone' } } }, 'Correct notes');
    // Committed while the case is being read: the count is not known yet.
    expect(edit.totalClaims).toBeNull();
    expect(edit.sources?.put[0].value.notes).toBe('checked by phone');
    expect(edit.undo).toMatchObject({ canUndo: true, undoLabel: 'Correct notes' });
    const back = await cc.undo();
    expect(back.totalClaims).toBeNull();
    expect(st.source(last.id)?.notes).toBe(from.notes);
    await cc.loaded;
    expect(cc.complete).toBe(true);
    expect(cc.state().claims).toHaveLength(SOURCES * 3);
    expect(cc.undoState()).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('edits and tags in a source read ahead at once; its file keeps every claim it had', async () => {
    const dir = await generated();
    const st = await openStore(dir);
    const other = st.index.sources.at(-1)!.id;
    const body = (await st.readBody(other)) as unknown as { annotations: Array<{ id: string }>; claims: Array<{ id: string }> };
    const cc = await CaseClaims.open(st);
    const target = st.index.sources.at(-2)!.id;
    await cc.readSources([target]);
    const [first] = cc.claimsOf(target);
    const edited = await cc.execute(noteEdit(first.id, 'seen early'), 'Edit claim');
    expect(edited.totalClaims).toBeNull();
    expect(edited.claims.put.map((p) => p.value.id)).toEqual([first.id]);

    // A tag in a source not read yet reads that source first, then runs (still before the read is done).
    const a = body.annotations[0];
    const at = new Date().toISOString();
    const claim = blankClaim('note', { id: 'c_early', sourceId: other, annotationId: a.id, created: at });
    const tagged = await cc.execute({ type: 'claim.create', payload: { annotation: null, claim, at: null } }, 'Tag note');
    expect(tagged.totalClaims).toBeNull();
    expect(cc.claimsOf(other).map((c) => c.id)).toEqual([...body.claims.map((c) => c.id), 'c_early']);

    await cc.loaded;
    expect(cc.state().claims).toHaveLength(SOURCES * 3 + 1);
    // No source read twice, and the files hold what memory holds.
    expect(new Set(cc.state().claims.map((c) => c.id)).size).toBe(SOURCES * 3 + 1);
    await st.close();
    const again = await CaseClaims.load(await openStore(dir));
    expect(again.claimsOf(target).find((c) => c.id === first.id)?.note).toBe('seen early');
    expect(again.claimsOf(other).map((c) => c.id)).toEqual([...body.claims.map((c) => c.id), 'c_early']);
  });

  it('an edit or an undo of a claim not read yet waits for the read and then applies (it is not dropped as stale)', async () => {
    const dir = await generated();
    const st = await openStore(dir);
    const full = await CaseClaims.load(st);
    const lastSource = st.index.sources.at(-1)!.id;
    const far = full.claimsOf(lastSource)[0];
    await full.execute(noteEdit(far.id, 'first session'), 'Edit claim');
    await st.close();

    const st2 = await openStore(dir);
    const cc = await CaseClaims.open(st2);
    const seen: ChangeSet[] = [];
    cc.subscribe((c) => seen.push(c));
    const undone = await cc.undo();
    expect(undone.problems).toEqual([]);
    expect(undone.totalClaims).toBe(SOURCES * 3); // it waited for the read
    expect(undone.claims.put.map((p) => p.value.note)).toEqual([far.note]);
    expect(undone.undo).toMatchObject({ canUndo: false, canRedo: true });
    // The read announced itself first (one change, no records), then the undo.
    expect(seen.map((c) => c.claims.put.length)).toEqual([0, 1]);
    const redone = await cc.execute(noteEdit(far.id, 'second session'));
    expect(redone.claims.put[0].value.note).toBe('second session');
  });

  it('a window catching up while the case is read gets the changes it lacks at once, and one that holds the latest waits for the read', async () => {
    const dir = await generated();
    const core = await createCore({ dataDir: join(dir, '..', 'data'), fixedCaseDir: dir, host: 'cli' });
    try {
      const caseId = core.info.fixedCase ?? '';
      const opened = (await core.call('cases.open', { caseId })) as { sources: Array<{ id: string; notes: string }> };
      const s = opened.sources[0];
      const first = (await core.call('claims.view', { caseId, sourceIds: [s.id] })) as { version: number; totalClaims: number | null };
      expect(first.totalClaims).toBeNull();
      await core.call('sources.update', { caseId, sourceId: s.id, patch: { notes: 'early' } });
      // The correction only: the read is not done, so its announcement is not among them.
      const caught = (await core.call('claims.changes', { caseId, since: first.version })) as { changes: ChangeSet[]; reset: boolean };
      expect(caught.reset).toBe(false);
      expect(caught.changes.map((c) => c.totalClaims)).toEqual([null]);
      const latest = caught.changes[0].version;
      const announced = (await core.call('claims.changes', { caseId, since: latest })) as { changes: ChangeSet[] };
      expect(announced.changes.map((c) => c.totalClaims)).toEqual([SOURCES * 3]);
    } finally {
      await core.close();
    }
  });
});
