import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeSet, ClaimsView, ImportResult } from '../../shared/api.ts';
import { applyChanges } from '../../shared/model/changes.ts';
import { makeTarget } from '../../shared/text/anchor.ts';
import type { CaseSummary } from '../../shared/model/case.ts';
import { blankClaim, type Claim } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import { withResolvedTiming } from '../../shared/timing/timing.ts';
import { seedFiles } from '../../tests/unit/corpus.ts';
import { createCore, type Core } from './index.ts';

const tmp = () => mkdtemp(join(tmpdir(), 'corroborate-claims-'));
const viewOf = async (core: Core, caseId: string) => (await core.call('claims.view', { caseId })) as ClaimsView;
const now = () => new Date().toISOString();
let n = 0;

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir, host: 'browser' });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** A case holding seed 004 (The Washington Post, 13 March 2020). */
async function seedCase(core: Core) {
  const c = (await core.call('cases.create', { name: 'Taji' })) as CaseSummary;
  const file = seedFiles().find((f) => f.includes('004_'))!;
  const r = (await core.call('sources.import', { caseId: c.id, name: '004.txt', data: new Uint8Array(await readFile(file)) })) as ImportResult;
  const { text } = (await core.call('sources.get', { caseId: c.id, sourceId: r.source.id })) as { text: string };
  return { caseId: c.id, dir: c.dir, sourceId: r.source.id, text };
}

function tagCommand(sourceId: string, text: string, quote: string, kind: Claim['kind'], tweak: (c: Claim) => Claim = (c) => c): Command {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  const at = now();
  const annotationId = `a_${++n}`;
  const claim = tweak(blankClaim(kind, { id: `c_${n}`, sourceId, annotationId, created: at, text: quote }));
  return {
    type: 'claim.create',
    payload: {
      annotation: { id: annotationId, sourceId, targets: [makeTarget(text, start, start + quote.length)], kind, created: at, modified: at },
      claim,
      at: null,
    },
  };
}

describe('claims in the core', () => {
  it('keeps tagged claims, with undo and redo, across a restart', async () => {
    const dataDir = await tmp();
    const { caseId } = await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      await viewOf(core, s.caseId); // the case read: no change but the edits' comes between them
      const c = (await core.call('claims.execute', {
        caseId: s.caseId,
        command: tagCommand(s.sourceId, s.text, 'wounding 14 people, including five seriously', 'casualties'),
        label: 'Tag casualties',
      })) as ChangeSet;
      expect(c.claims.put).toHaveLength(1);
      expect(c.claims.put[0].value).toMatchObject({ figure: { low: 14, best: 14, high: 14, qualifier: 'exact' } });
      const d = (await core.call('claims.execute', {
        caseId: s.caseId,
        command: tagCommand(s.sourceId, s.text, 'about 30 rockets were fired at Taji', 'munitions'),
      })) as ChangeSet;
      expect(d.undo).toMatchObject({ canUndo: true, canRedo: false });
      expect(d.version).toBe(c.version + 1);
      expect((await viewOf(core, s.caseId)).claims).toHaveLength(2);
      return s;
    });
    await withCore(dataDir, async (core) => {
      expect((await viewOf(core, caseId)).claims.map((c) => c.kind)).toEqual(['casualties', 'munitions']);
      const u = (await core.call('claims.undo', { caseId })) as ChangeSet;
      expect(u.claims.deleted).toHaveLength(1);
      expect(u.undo.undoLabel).toBe('Tag casualties');
      expect((await viewOf(core, caseId)).claims).toHaveLength(1);
      await core.call('claims.redo', { caseId });
      expect((await viewOf(core, caseId)).claims).toHaveLength(2);
      await core.call('claims.undo', { caseId });
      const last = (await core.call('claims.undo', { caseId })) as ChangeSet;
      expect(last.undo.canUndo).toBe(false);
      const v = await viewOf(core, caseId);
      expect(v.claims).toHaveLength(0);
      expect(v.annotations).toHaveLength(0);
    });
    await withCore(dataDir, async (core) => {
      await core.call('claims.redo', { caseId });
      expect((await viewOf(core, caseId)).claims).toHaveLength(1);
    });
  });

  it('answers an edit with the records it changed; a client that applies them holds what the core holds', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      const quotes = ['wounding 14 people, including five seriously', 'about 30 rockets were fired at Taji', 'Twelve to 18 rockets landed on the base'];
      for (const q of quotes) await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, q, 'munitions') });
      let client = await viewOf(core, s.caseId);
      const target = client.claims[1];
      const edit = (await core.call('claims.execute', {
        caseId: s.caseId,
        command: { type: 'claim.update', payload: { id: target.id, set: { note: 'checked', modified: now() }, unset: [] } },
      })) as ChangeSet;
      expect(edit.claims.put.map((p) => p.value.id)).toEqual([target.id]);
      expect(edit.annotations.put).toEqual([]);
      expect(edit.version).toBe(client.version + 1);
      const steps: ChangeSet[] = [edit];
      steps.push(
        (await core.call('claims.execute', { caseId: s.caseId, command: { type: 'claim.delete', payload: { id: client.claims[0].id } } })) as ChangeSet,
      );
      steps.push((await core.call('claims.undo', { caseId: s.caseId })) as ChangeSet);
      const caught = (await core.call('claims.changes', { caseId: s.caseId, since: client.version })) as { changes: ChangeSet[]; reset: boolean };
      expect(caught.reset).toBe(false);
      expect(caught.changes.map((c) => c.version)).toEqual(steps.map((c) => c.version));
      for (const c of steps) client = { ...client, ...applyChanges(client, c) } as ClaimsView;
      const fresh = await viewOf(core, s.caseId);
      expect(client.claims).toEqual(fresh.claims);
      expect(client.annotations).toEqual(fresh.annotations);
      expect((await core.call('claims.changes', { caseId: s.caseId, since: 1 })) as { reset: boolean }).toMatchObject({ reset: true });
    });
  });

  it('opens a case on its index and shows a source’s claims while the rest are read; a client catching up then holds the count and the undo state', async () => {
    const dataDir = await tmp();
    const { caseId, sourceId } = await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      await core.call('claims.execute', {
        caseId: s.caseId,
        command: tagCommand(s.sourceId, s.text, 'about 30 rockets were fired at Taji', 'munitions'),
        label: 'Tag munitions',
      });
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, 'wounding 14 people', 'casualties') });
      return s;
    });
    await withCore(dataDir, async (core) => {
      await core.call('cases.open', { caseId });
      const first = (await core.call('claims.view', { caseId, sourceIds: [sourceId] })) as ClaimsView;
      expect(first.claims.map((c) => c.kind)).toEqual(['munitions', 'casualties']);
      // A preview says it does not know the count yet; the change that follows says the case is read.
      const caught = (await core.call('claims.changes', { caseId, since: first.version })) as { changes: ChangeSet[]; reset: boolean };
      expect(caught.reset).toBe(false);
      const held = caught.changes.reduce(
        (v, c) => ({ ...v, ...applyChanges(v, c), ...c.undo, version: c.version, totalClaims: c.totalClaims }) as ClaimsView,
        first,
      );
      expect(held).toMatchObject({ totalClaims: 2, canUndo: true });
      expect(held.claims).toEqual(((await core.call('claims.view', { caseId, sourceIds: [sourceId] })) as ClaimsView).claims);
      expect(held.version).toBe(((await core.call('claims.view', { caseId })) as ClaimsView).version);
    });
  });

  it('reads the claims of some sources or events only', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, 'about 30 rockets were fired at Taji', 'munitions') });
      const other = (await core.call('sources.paste', { caseId: s.caseId, text: 'Officials said 12 rockets hit the base on Wednesday.' })) as ImportResult;
      const text = 'Officials said 12 rockets hit the base on Wednesday.';
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(other.source.id, text, '12 rockets hit the base', 'munitions') });
      const one = (await core.call('claims.view', { caseId: s.caseId, sourceIds: [other.source.id] })) as ClaimsView;
      expect(one.claims.map((c) => c.sourceId)).toEqual([other.source.id]);
      expect(one.annotations.map((a) => a.sourceId)).toEqual([other.source.id]);
      expect(one.totalClaims).toBe(2);
      expect(one.scope).toEqual({ sourceIds: [other.source.id], eventIds: [] });
      expect(((await core.call('claims.view', { caseId: s.caseId, eventIds: ['e_none'] })) as ClaimsView).claims).toEqual([]);
    });
  });

  it('reports a hand-edited invalid claim, opens the rest, and keeps the bad record in its file', async () => {
    const dataDir = await tmp();
    const s = await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, 'about 30 rockets were fired at Taji', 'munitions') });
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, 'Twelve to 18 rockets landed on the base', 'munitions') });
      return s;
    });
    const file = join(s.dir, 'sources', `${s.sourceId}.json`);
    const body = JSON.parse(await readFile(file, 'utf8'));
    body.claims[0].figure.low = 'thirty'; // what a hand edit can do
    await writeFile(file, JSON.stringify(body));
    await withCore(dataDir, async (core) => {
      const v = (await core.call('claims.view', { caseId: s.caseId })) as ClaimsView;
      expect(v.claims).toHaveLength(1);
      expect(v.problems.join(' ')).toMatch(/figure\.low/);
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, 'wounding 14 people', 'casualties') });
    });
    const after = JSON.parse(await readFile(file, 'utf8'));
    expect(after.claims.some((c: { figure?: { low: unknown } }) => c.figure?.low === 'thirty')).toBe(true);
    expect(after.claims).toHaveLength(3);
  });

  it('re-resolves relative dates when the publication date is corrected', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      const quote = 'had carried out the attack Wednesday';
      const cmd = tagCommand(s.sourceId, s.text, quote, 'timing', (c) =>
        c.kind === 'timing' ? withResolvedTiming({ ...c, expression: 'Wednesday' }, '2020-03-13') : c,
      );
      await core.call('claims.execute', { caseId: s.caseId, command: cmd });
      let v = await viewOf(core, s.caseId);
      expect(v.claims[0]).toMatchObject({ start: '2020-03-11', end: '2020-03-11' });
      await core.call('sources.update', { caseId: s.caseId, sourceId: s.sourceId, patch: { published: { date: '2020-03-20', precision: 'day' } } });
      v = (await core.call('claims.view', { caseId: s.caseId })) as ClaimsView;
      expect(v.claims[0]).toMatchObject({ start: '2020-03-18', reference: '2020-03-20' });
    });
  });

  it('re-anchors annotations on a new version of the text and orphans what is gone', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      await core.call('claims.execute', {
        caseId: s.caseId,
        command: tagCommand(s.sourceId, s.text, 'wounding 14 people, including five seriously', 'casualties'),
      });
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, 'about 30 rockets were fired at Taji', 'munitions') });
      const edited = `Editor's note: this version was updated.\n\n${s.text}`.replace(
        'Milley said that about 30 rockets were fired at Taji, a base',
        'Milley said a base',
      );
      const r = (await core.call('sources.replaceText', {
        caseId: s.caseId,
        sourceId: s.sourceId,
        name: '004-v2.txt',
        data: new TextEncoder().encode(edited),
      })) as {
        anchored: number;
        orphaned: number;
        changes: ChangeSet;
        source: { previousVersions?: unknown[] };
      };
      expect([r.anchored, r.orphaned]).toEqual([1, 1]);
      expect(r.source.previousVersions).toHaveLength(1);
      const { text } = (await core.call('sources.get', { caseId: s.caseId, sourceId: s.sourceId })) as { text: string };
      const view = await viewOf(core, s.caseId);
      const kept = view.annotations.find((a) => !a.orphan)!;
      expect(text.slice(kept.targets[0].start, kept.targets[0].end)).toBe('wounding 14 people, including five seriously');
      expect(view.annotations.find((a) => a.orphan)?.targets[0].exact).toBe('about 30 rockets were fired at Taji');
      expect(r.changes.annotations.put.map((p) => p.value.id).sort()).toEqual(view.annotations.map((a) => a.id).sort());
      expect(r.changes.undo.canUndo).toBe(false);
    });
  });
});

describe('suggestions in the core', () => {
  type Listed = { suggestions: Array<{ key: string; kind: Claim['kind']; quote: string; start: number; end: number }>; hidden: number; rules: string };

  it('proposes claims, hides what is tagged or rejected, and remembers rejections across a restart', async () => {
    const dataDir = await tmp();
    const s = await withCore(dataDir, async (core) => {
      const s = await seedCase(core);
      const first = (await core.call('suggestions.list', { caseId: s.caseId, sourceId: s.sourceId })) as Listed;
      expect(first.rules).toMatch(/^suggest\//);
      const wounded = first.suggestions.find((x) => x.kind === 'casualties' && x.quote.includes('14 people'))!;
      expect(wounded).toBeDefined();
      await core.call('claims.execute', { caseId: s.caseId, command: tagCommand(s.sourceId, s.text, wounded.quote, 'casualties') });
      const rejected = first.suggestions.find((x) => x.kind === 'munitions')!;
      await core.call('suggestions.reject', { caseId: s.caseId, sourceId: s.sourceId, keys: [rejected.key] });
      const after = (await core.call('suggestions.list', { caseId: s.caseId, sourceId: s.sourceId })) as Listed;
      expect(after.suggestions.map((x) => x.key)).not.toContain(wounded.key);
      expect(after.suggestions.map((x) => x.key)).not.toContain(rejected.key);
      expect(after.hidden).toBe(first.hidden + 2);
      return { ...s, rejected: rejected.key };
    });
    await withCore(dataDir, async (core) => {
      const listed = (await core.call('suggestions.list', { caseId: s.caseId, sourceId: s.sourceId })) as Listed;
      expect(listed.suggestions.map((x) => x.key)).not.toContain(s.rejected);
      await core.call('suggestions.reject', { caseId: s.caseId, sourceId: s.sourceId, keys: [s.rejected], restore: true });
      const back = (await core.call('suggestions.list', { caseId: s.caseId, sourceId: s.sourceId })) as Listed;
      expect(back.suggestions.map((x) => x.key)).toContain(s.rejected);
    });
  });
});
