// A bundle merge is one step on the undo stack: undo gives the case back exactly (its sources, texts,
// claims, events, clashes and files), redo merges again, and both work after a restart.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes.ts';
import type { ClaimsView, ImportResult } from '../../../shared/api.ts';
import type { Clash } from '../../../shared/exchange/bundle.ts';
import type { CaseSummary } from '../../../shared/model/case.ts';
import { blankClaim } from '../../../shared/model/claims.ts';
import { makeTarget } from '../../../shared/text/anchor.ts';
import { createCore, openCasesOf } from '../index.ts';

const HERE = 'A rocket attack on the base wounded 14 people, including five seriously, officials said on Tuesday.\n';
const SECOND = 'Militia leaders denied firing the rockets. A spokesman said 18 rockets struck the base overnight.\n';
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

type Core = Awaited<ReturnType<typeof createCore>>;
const bytes = (s: string) => new TextEncoder().encode(s);
let stamp = Date.parse('2025-03-01T10:00:00.000Z');
const at = () => new Date((stamp += 60_000)).toISOString();

async function tag(core: Core, caseId: string, sourceId: string, id: string, quote: string) {
  const { text } = (await core.call('sources.get', { caseId, sourceId })) as { text: string };
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const when = at();
  const claim = blankClaim('casualties', { id: `c-${id}`, sourceId, annotationId: `a-${id}`, created: when, text: quote });
  const annotation = {
    id: `a-${id}`,
    sourceId,
    targets: [makeTarget(text, start, start + quote.length)],
    kind: 'casualties' as const,
    created: when,
    modified: when,
  };
  await core.call('claims.execute', { caseId, command: { type: 'claim.create', payload: { annotation, claim, at: null } } });
}
const note = (core: Core, caseId: string, id: string, text: string) =>
  core.call('claims.execute', { caseId, command: { type: 'claim.update', payload: { id, set: { note: text, modified: at() }, unset: [] } } });

/** What a user of the case sees, and the files that hold it (backups and the undo history aside). */
async function caseState(core: Core, caseId: string) {
  const open = (await core.call('cases.open', { caseId })) as { dir: string; sources: unknown[] };
  const view = (await core.call('claims.view', { caseId })) as ClaimsView;
  const { clashes } = (await core.call('clashes.list', { caseId })) as { clashes: Clash[] };
  const texts: Record<string, string> = {};
  for (const s of open.sources as Array<{ id: string }>) texts[s.id] = ((await core.call('sources.get', { caseId, sourceId: s.id })) as { text: string }).text;
  const files = async (sub: string) => (await readdir(path.join(open.dir, sub)).catch(() => [] as string[])).sort();
  const bodies: Record<string, unknown> = {};
  for (const f of await files('sources')) bodies[f] = JSON.parse(await readFile(path.join(open.dir, 'sources', f), 'utf8'));
  const { version: _v, undoLabel: _u, redoLabel: _r, canUndo: _cu, canRedo: _cr, ...records } = view;
  return { sources: open.sources, texts, records, clashes, bodies, hasClashFile: (await readdir(open.dir)).includes('clashes.json') };
}

describe('merging a bundle is one undoable step', () => {
  it('undo gives the case back exactly, redo merges again, after a restart too', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'corroborate-merge-undo-'));
    made.push(dataDir);
    let core = await createCore({ dataDir, host: 'browser' });
    let caseId = '';
    let before: Awaited<ReturnType<typeof caseState>>;
    let after: Awaited<ReturnType<typeof caseState>>;
    try {
      const a = (await core.call('cases.create', { name: 'Here' })) as CaseSummary;
      caseId = a.id;
      const s1 = ((await core.call('sources.import', { caseId, name: 'here.txt', data: bytes(HERE) })) as ImportResult).source.id;
      await tag(core, caseId, s1, '1', 'wounded 14 people');
      const exported = (await core.call('bundles.export', { caseId })) as { data: Uint8Array };

      // The colleague's copy: a second source with a claim, an event, their note on the shared claim, and a new version of the first text.
      const b = ((await core.call('bundles.import', { data: exported.data, name: 'There' })) as { case: CaseSummary }).case.id;
      const s2 = ((await core.call('sources.import', { caseId: b, name: 'second.txt', data: bytes(SECOND) })) as ImportResult).source.id;
      await tag(core, b, s2, '2', '18 rockets');
      const event = { id: 'ev-1', title: 'Rocket attack on the base', start: null, end: null, precision: null, place: null, placePrecision: null, type: null };
      await core.call('claims.execute', {
        caseId: b,
        command: {
          type: 'event.create',
          payload: { event: { ...event, actorIds: [], aggregate: false, note: '', created: at(), modified: at() }, at: null, assign: [] },
        },
      });
      await core.call('sources.replaceText', { caseId: b, sourceId: s1, name: 'here-v2.txt', data: bytes(`${HERE}The toll was revised later.\n`) });
      await note(core, b, 'c-1', 'Colleague: checked with the hospital');
      // Here, a later note on the same claim: a clash.
      await note(core, caseId, 'c-1', 'Mine: from the coalition statement');
      const theirs = (await core.call('bundles.export', { caseId: b })) as { data: Uint8Array };

      before = await caseState(core, caseId);
      const merged = (await core.call('bundles.import', { data: theirs.data, caseId })) as { merge: { added: number; clashes: number } };
      expect(merged.merge.added).toBeGreaterThan(0);
      expect(merged.merge.clashes).toBeGreaterThan(0);
      after = await caseState(core, caseId);
      expect(after.sources).toHaveLength(2);
      expect(after.texts[s1]).toContain('revised later');
      expect(after.clashes.length).toBeGreaterThan(0);
      expect(after.records.events.map((e) => e.id)).toEqual(['ev-1']);

      const view = (await core.call('claims.view', { caseId })) as ClaimsView;
      expect(view.undoLabel).toBe('Merge bundle “There”');
      // The edit before the merge is still on the stack, below it.
      const undone = (await core.call('claims.undo', { caseId })) as ChangeSet;
      expect(undone.problems).toEqual([]);
      expect(await caseState(core, caseId)).toEqual(before);
      expect(undone.undo.undoLabel).not.toBe('Merge bundle “There”');
      expect(undone.undo.redoLabel).toBe('Merge bundle “There”');

      await core.call('claims.redo', { caseId });
      expect(await caseState(core, caseId)).toEqual(after);
    } finally {
      await core.close();
    }

    // After a restart the history still holds the merge: undo, then redo, from the files alone.
    core = await createCore({ dataDir, host: 'browser' });
    try {
      await core.call('cases.open', { caseId });
      expect(((await core.call('claims.view', { caseId })) as ClaimsView).undoLabel).toBe('Merge bundle “There”');
      await core.call('claims.undo', { caseId });
      expect(await caseState(core, caseId)).toEqual(before);
      await core.call('claims.redo', { caseId });
      expect(await caseState(core, caseId)).toEqual(after);
    } finally {
      await core.close();
    }
  });

  it('an edit made after the merge is never overwritten by its undo: that step is refused as stale', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'corroborate-merge-stale-'));
    made.push(dataDir);
    const core = await createCore({ dataDir, host: 'browser' });
    try {
      const caseId = ((await core.call('cases.create', { name: 'Here' })) as CaseSummary).id;
      const s1 = ((await core.call('sources.import', { caseId, name: 'here.txt', data: bytes(HERE) })) as ImportResult).source.id;
      await tag(core, caseId, s1, '1', 'wounded 14 people');
      const exported = (await core.call('bundles.export', { caseId })) as { data: Uint8Array };
      const b = ((await core.call('bundles.import', { data: exported.data, name: 'There' })) as { case: CaseSummary }).case.id;
      await note(core, b, 'c-1', 'Colleague: checked with the hospital');
      const theirs = (await core.call('bundles.export', { caseId: b })) as { data: Uint8Array };
      await core.call('bundles.import', { data: theirs.data, caseId });

      // The merged claim is edited without the undo stack knowing (as a colleague's edit arriving by sync would be).
      const claims = await openCasesOf(core).claims(caseId);
      const view = claims.view();
      expect(view.claims[0].note).toBe('Colleague: checked with the hospital');
      await claims.applyRemote({ type: 'claim.update', payload: { id: 'c-1', set: { note: 'Third: from the wire', modified: at() }, unset: [] } });
      const undone = (await core.call('claims.undo', { caseId })) as ChangeSet;
      expect(undone.problems.join(' ')).toMatch(/can no longer be undone: The claim c-1 has changed since the merge/);
      expect(((await core.call('claims.view', { caseId })) as ClaimsView).claims[0].note).toBe('Third: from the wire');

      // A merge's parts are made by merging a bundle, never accepted as an edit from a client.
      for (const command of [
        { type: 'records.merge', payload: { claims: [{ value: { ...view.claims[0], note: 'Forged' }, was: claims.view().claims[0] }] } },
        { type: 'clashes.put', payload: { clashes: [], present: true } },
        { type: 'batch', payload: { commands: [{ type: 'source.add', payload: { id: view.claims[0].sourceId, present: false } }] } },
      ]) {
        await expect(core.call('claims.execute', { caseId, command } as never), command.type).rejects.toThrow(/A merge comes from a bundle/);
      }
      expect(((await core.call('claims.view', { caseId })) as ClaimsView).claims[0].note).toBe('Third: from the wire');
    } finally {
      await core.close();
    }
  });

  it('settling a clash over a source’s details is undoable, and undo opens the clash again', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'corroborate-merge-source-clash-'));
    made.push(dataDir);
    const core = await createCore({ dataDir, host: 'browser' });
    try {
      const caseId = ((await core.call('cases.create', { name: 'Here' })) as CaseSummary).id;
      const s1 = ((await core.call('sources.import', { caseId, name: 'here.txt', data: bytes(HERE) })) as ImportResult).source.id;
      const exported = (await core.call('bundles.export', { caseId })) as { data: Uint8Array };
      const b = ((await core.call('bundles.import', { data: exported.data, name: 'There' })) as { case: CaseSummary }).case.id;
      await core.call('sources.update', { caseId, sourceId: s1, patch: { outlet: 'Northern Courier' } });
      await core.call('sources.update', { caseId: b, sourceId: s1, patch: { outlet: 'The Northern Courier' } });
      const theirs = (await core.call('bundles.export', { caseId: b })) as { data: Uint8Array };
      await core.call('bundles.import', { data: theirs.data, caseId });
      const outlet = async () =>
        ((await core.call('cases.open', { caseId })) as { sources: Array<{ outlet: { value: string | null } }> }).sources[0].outlet.value;
      const inUse = await outlet();
      const { clashes } = (await core.call('clashes.list', { caseId })) as { clashes: Clash[] };
      const clash = clashes.find((c) => c.type === 'source')!;
      const other = (clash.other as { outlet: { value: string } }).outlet.value;
      expect([inUse, other].sort()).toEqual(['Northern Courier', 'The Northern Courier']);

      const open = async () => ((await core.call('clashes.list', { caseId })) as { clashes: Clash[] }).clashes.filter((c) => !c.resolved).map((c) => c.id);
      const settled = (await core.call('clashes.resolve', { caseId, clashId: clash.id, keep: 'other' })) as { clashes: Clash[] };
      expect(settled.clashes.map((c) => c.id)).toEqual(clashes.map((c) => c.id)); // settled in place, not moved
      expect(await outlet()).toBe(other);
      expect(await open()).not.toContain(clash.id);
      const view = (await core.call('claims.view', { caseId })) as ClaimsView;
      expect(view.undoLabel).toBe('Use the merged source');
      await core.call('claims.undo', { caseId });
      expect(await outlet()).toBe(inUse);
      expect(await open()).toContain(clash.id); // the clash is open again, to be settled another way
      await core.call('claims.redo', { caseId });
      expect(await outlet()).toBe(other);
      expect(await open()).not.toContain(clash.id);
      await core.call('claims.undo', { caseId });

      // Keeping the version in use settles the clash too, and undo opens it again.
      await core.call('clashes.resolve', { caseId, clashId: clash.id, keep: 'current' });
      expect(await outlet()).toBe(inUse);
      expect(await open()).not.toContain(clash.id);
      expect(((await core.call('claims.view', { caseId })) as ClaimsView).undoLabel).toBe('Keep the source in use');
      await core.call('claims.undo', { caseId });
      expect(await open()).toContain(clash.id);
      await core.call('claims.undo', { caseId }); // and the merge before it
      expect(await outlet()).toBe('Northern Courier');
    } finally {
      await core.close();
    }
  });
});
