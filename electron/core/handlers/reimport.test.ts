// Re-import with the current rules: the kept original read again; a different text is a new version
// (one undoable step, annotations re-anchored or orphaned), the same text changes nothing, and a
// missing original says so. The "old rules" text is written into the case as an earlier importer
// left it: a link with a furniture-sounding class taken out of the middle of a sentence.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeSet, ClaimsView, ImportResult } from '../../../shared/api.ts';
import type { CaseSummary } from '../../../shared/model/case.ts';
import { blankClaim } from '../../../shared/model/claims.ts';
import type { Command } from '../../../shared/model/commands.ts';
import { makeTarget } from '../../../shared/text/anchor.ts';
import { withCore } from '../../../tests/support/with-core.ts';
import type { Core } from '../index.ts';

const page = `<!DOCTYPE html><html><head><title>Strike on the market</title></head><body><main><article><h1>Strike on the market</h1>
<p>According to <a class="popup" href="/people/ahmed-saleh">Ahmed Saleh</a>, at least 40 civilians were killed when the market was hit on Tuesday morning.</p>
<p>The district hospital said it had received 63 wounded people by the evening, most of them with shrapnel injuries.</p>
<p>Residents said the stalls had reopened only two weeks before, after months of closures during the fighting.</p>
</article></main></body></html>`;
const NAME = 'Ahmed Saleh';

type Reimported = { status: 'unchanged'; message: string } | { status: 'replaced'; anchored: number; orphaned: number; changes: ChangeSet };

const textOf = async (core: Core, caseId: string, sourceId: string) => ((await core.call('sources.get', { caseId, sourceId })) as { text: string }).text;
const viewOf = async (core: Core, caseId: string) => (await core.call('claims.view', { caseId })) as ClaimsView;

function tag(sourceId: string, text: string, quote: string, n: number): Command {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  const at = new Date().toISOString();
  return {
    type: 'claim.create',
    payload: {
      annotation: { id: `a-${n}`, sourceId, targets: [makeTarget(text, start, start + quote.length)], kind: 'note', created: at, modified: at },
      claim: blankClaim('note', { id: `c-${n}`, sourceId, annotationId: `a-${n}`, created: at, text: quote }),
      at: null,
    },
  };
}

/** A case with the page imported, its stored text as the old rules left it, and two annotations on that text. */
async function oldCase(dataDir: string) {
  return withCore(dataDir, async (core) => {
    const c = (await core.call('cases.create', { name: 'Market' })) as CaseSummary;
    const r = (await core.call('sources.import', { caseId: c.id, name: 'market.html', data: new TextEncoder().encode(page) })) as ImportResult;
    const sourceId = r.source.id;
    const today = await textOf(core, c.id, sourceId);
    expect(today).toContain(`According to ${NAME}, at least 40 civilians`);
    return { caseId: c.id, dir: c.dir, sourceId, today };
  }).then(async (s) => {
    // What the importer of an earlier session stored: the name gone from the sentence.
    const file = join(s.dir, 'sources', `${s.sourceId}.json`);
    const body = JSON.parse(await readFile(file, 'utf8')) as { text: string };
    const old = s.today.replace(NAME, '');
    await writeFile(file, JSON.stringify({ ...body, text: old }));
    await withCore(dataDir, async (core) => {
      await core.call('claims.execute', { caseId: s.caseId, command: tag(s.sourceId, old, 'had received 63 wounded people', 1) });
      await core.call('claims.execute', { caseId: s.caseId, command: tag(s.sourceId, old, 'According to , at least', 2) });
    });
    return { ...s, old };
  });
}

// Each test starts the core two or three times and imports through the worker pool: slow on a loaded machine.
describe('sources.reimport', () => {
  it('reads the kept original with the current rules: a new version in one undoable step, annotations re-anchored, across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'corroborate-reimport-'));
    const s = await oldCase(dataDir);
    await withCore(dataDir, async (core) => {
      const r = (await core.call('sources.reimport', { caseId: s.caseId, sourceId: s.sourceId })) as Reimported;
      expect(r.status).toBe('replaced');
      if (r.status !== 'replaced') return;
      expect([r.anchored, r.orphaned]).toEqual([1, 1]);
      expect(r.changes.undo.undoLabel).toMatch(/Re-import “Strike on the market” with the current rules/);
      expect(await textOf(core, s.caseId, s.sourceId)).toBe(s.today);
      const view = await viewOf(core, s.caseId);
      const kept = view.annotations.find((a) => a.id === 'a-1')!;
      expect(s.today.slice(kept.targets[0].start, kept.targets[0].end)).toBe('had received 63 wounded people');
      expect(view.annotations.find((a) => a.id === 'a-2')?.orphan).toBeTruthy();
      expect(view.claims).toHaveLength(2);
    });
    // After a restart, Undo gives the earlier text and anchors back; Redo the new version again.
    await withCore(dataDir, async (core) => {
      const u = (await core.call('claims.undo', { caseId: s.caseId })) as ChangeSet;
      expect(u.problems).toEqual([]);
      expect(u.sources?.put.map((p) => p.value.reimportedAt)).toEqual([undefined]);
      expect(await textOf(core, s.caseId, s.sourceId)).toBe(s.old);
      const view = await viewOf(core, s.caseId);
      const a2 = view.annotations.find((a) => a.id === 'a-2')!;
      expect(a2.orphan).toBeFalsy();
      expect(s.old.slice(a2.targets[0].start, a2.targets[0].end)).toBe('According to , at least');
      await core.call('claims.redo', { caseId: s.caseId });
      expect(await textOf(core, s.caseId, s.sourceId)).toBe(s.today);
      expect((await viewOf(core, s.caseId)).annotations.find((a) => a.id === 'a-2')?.orphan).toBeTruthy();
    });
  }, 120_000);

  it('changes nothing when the current rules give the same text, and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'corroborate-reimport-'));
    const s = await oldCase(dataDir);
    await withCore(dataDir, async (core) => {
      await core.call('sources.reimport', { caseId: s.caseId, sourceId: s.sourceId });
      const again = (await core.call('sources.reimport', { caseId: s.caseId, sourceId: s.sourceId })) as Reimported;
      expect(again).toEqual({
        status: 'unchanged',
        message: 'Read again with the current rules, “Strike on the market” gives the same text; nothing changed.',
      });
      // Still the re-import on top of the history: the unchanged reading added no step.
      expect((await viewOf(core, s.caseId)).undoLabel).toMatch(/^Re-import/);
    });
  }, 120_000);

  it('says the original is missing, and changes nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'corroborate-reimport-'));
    const s = await oldCase(dataDir);
    await withCore(dataDir, async (core) => {
      const { source } = (await core.call('sources.get', { caseId: s.caseId, sourceId: s.sourceId })) as { source: { sha256: string } };
      await rm(join(s.dir, 'originals', `${source.sha256}.html`));
      const err = (await core.call('sources.reimport', { caseId: s.caseId, sourceId: s.sourceId }).catch((e: unknown) => e)) as {
        code: string;
        message: string;
      };
      expect(err.code).toBe('NOT_FOUND');
      expect(err.message).toMatch(/original file of “Strike on the market” is missing from this case .*nothing changed/);
      expect(await textOf(core, s.caseId, s.sourceId)).toBe(s.old);
    });
  }, 120_000);
});
