import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenCase } from '../../shared/api.ts';
import type { CaseSummary } from '../../shared/model/case.ts';
import { ApiError } from '../../shared/errors.ts';
import type { Source } from '../../shared/model/source.ts';
import { createCore, type Core } from './index.ts';

const tmp = () => mkdtemp(join(tmpdir(), 'corroborate-core-'));

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir, host: 'browser' });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('core: cases', () => {
  it('creates the sample case once, with three reports of one attack', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const a = (await core.call('cases.createSample', {})) as CaseSummary;
      const b = (await core.call('cases.createSample', {})) as CaseSummary;
      expect(b.id).toBe(a.id);
      const open = (await core.call('cases.open', { caseId: a.id })) as OpenCase;
      expect(open.sources).toHaveLength(3);
      for (const s of open.sources) {
        expect(s.title.value).toBeTruthy();
        expect(s.published.value.date).toMatch(/^2020-03-1[23]$/);
      }
      expect(open.sources.filter((s) => s.outlet.value).length).toBeGreaterThanOrEqual(2);
    });
  });

  it('renames, lists and deletes cases, and keeps them across restarts', async () => {
    const dataDir = await tmp();
    const id = await withCore(dataDir, async (core) => {
      const c = (await core.call('cases.create', { name: 'Taji, March 2020' })) as CaseSummary;
      await core.call('cases.rename', { caseId: c.id, name: 'Camp Taji' });
      return c.id;
    });
    await withCore(dataDir, async (core) => {
      const list = (await core.call('cases.list', {})) as CaseSummary[];
      expect(list.map((c) => [c.id, c.name])).toEqual([[id, 'Camp Taji']]);
      await core.call('cases.delete', { caseId: id });
      expect(await core.call('cases.list', {})).toEqual([]);
    });
    expect((await readdir(join(dataDir, 'trash'))).length).toBe(1);
  });

  it('rejects a wrong form value and changes nothing', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const c = (await core.call('cases.createSample', {})) as CaseSummary;
      const open = (await core.call('cases.open', { caseId: c.id })) as OpenCase;
      const s = open.sources[0];
      const before = await readFile(join(c.dir, 'case.json'), 'utf8');
      const e = await rejects(core.call('sources.update', { caseId: c.id, sourceId: s.id, patch: { published: { date: '13/03/2020', precision: 'day' } } }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/YYYY-MM-DD/);
      expect(await readFile(join(c.dir, 'case.json'), 'utf8')).toBe(before);
    });
  });

  it('keeps a corrected publication date, marked as the user’s', async () => {
    const dataDir = await tmp();
    const [caseId, sourceId] = await withCore(dataDir, async (core) => {
      const c = (await core.call('cases.createSample', {})) as CaseSummary;
      const open = (await core.call('cases.open', { caseId: c.id })) as OpenCase;
      const s = open.sources[0];
      const updated = (await core.call('sources.update', {
        caseId: c.id,
        sourceId: s.id,
        patch: { published: { date: '2020-03-11', precision: 'day' } },
      })) as Source;
      expect(updated.published).toMatchObject({ value: { date: '2020-03-11' }, confidence: 'high', how: 'corrected by user' });
      return [c.id, s.id];
    });
    await withCore(dataDir, async (core) => {
      const doc = (await core.call('sources.get', { caseId, sourceId })) as { source: Source; text: string };
      expect(doc.source.published.value.date).toBe('2020-03-11');
      expect(doc.text.length).toBeGreaterThan(200);
    });
  });

  it('searches the case and points at the passage', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const c = (await core.call('cases.createSample', {})) as CaseSummary;
      const { hits } = (await core.call('search', { caseId: c.id, query: 'five of them seriously' })) as {
        hits: { sourceId: string; start: number; end: number }[];
      };
      expect(hits).toHaveLength(1);
      const doc = (await core.call('sources.get', { caseId: c.id, sourceId: hits[0].sourceId })) as { text: string };
      expect(doc.text.slice(hits[0].start, hits[0].end)).toBe('five of them seriously');
    });
  });

  it('lets only one process write a case at a time', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (first) => {
      const c = (await first.call('cases.create', { name: 'Locked' })) as CaseSummary;
      await withCore(dataDir, async (second) => {
        const e = await rejects(second.call('cases.open', { caseId: c.id }));
        expect(e.code).toBe('CASE_LOCKED');
      });
    });
  });

  it('never overwrites a damaged index and offers the latest backup', async () => {
    const dataDir = await tmp();
    const c = await withCore(dataDir, async (core) => (await core.call('cases.createSample', {})) as CaseSummary);
    const index = join(c.dir, 'case.json');
    await writeFile(index, '{"format":"corroborate-case", "sources": [');
    await withCore(dataDir, async (core) => {
      const [listed] = (await core.call('cases.list', {})) as CaseSummary[];
      expect(listed.problem).toMatch(/damaged|corrupt|could not be read/i);
      const e = await rejects(core.call('cases.open', { caseId: c.id }));
      expect(e.code).toBe('CASE_CORRUPT');
      const backups = e.details?.backups as { name: string }[];
      expect(backups.length).toBeGreaterThan(0);
      expect(await readFile(index, 'utf8')).toBe('{"format":"corroborate-case", "sources": [');
      const restored = (await core.call('cases.restoreBackup', { caseId: c.id, backup: backups[0].name })) as OpenCase;
      expect(restored.id).toBe(c.id);
    });
    const kept = (await readdir(c.dir)).filter((f) => f.startsWith('case.json.damaged'));
    expect(kept).toHaveLength(1);
  });
});

describe('core: a host on one case folder (serve --case DIR)', () => {
  it('serves a case whose id differs from its folder’s name by the id it has: its sources, texts, claims and search', async () => {
    const { buildSeedsCase } = await import('../../tests/support/seeds-case.ts');
    const root = await tmp();
    const dir = join(root, 'Iraq attacks (copy)');
    const built = await buildSeedsCase(dir, { id: 'seeds-2020' });
    const claimCount = built.claims.view().claims.length;
    await built.store.close();

    const core = await createCore({ dataDir: join(root, 'data'), fixedCaseDir: dir, host: 'browser' });
    try {
      const info = (await core.call('app.info', {})) as { fixedCase: string | null };
      expect(info.fixedCase).toBe('seeds-2020');
      const list = (await core.call('cases.list', {})) as CaseSummary[];
      expect(list.map((c) => c.id)).toEqual(['seeds-2020']);
      const open = (await core.call('cases.open', { caseId: info.fixedCase })) as OpenCase;
      expect(open.id).toBe('seeds-2020');
      expect(open.sources.length).toBe(5);
      // Every op the UI makes with the id it was given succeeds.
      const doc = (await core.call('sources.get', { caseId: open.id, sourceId: open.sources[0].id })) as { text: string };
      expect(doc.text.length).toBeGreaterThan(1000);
      const view = (await core.call('claims.view', { caseId: open.id })) as { claims: unknown[] };
      expect(view.claims.length).toBe(claimCount);
      expect(claimCount).toBeGreaterThan(0);
      const found = (await core.call('search', { caseId: open.id, query: 'rockets' })) as { total: number };
      expect(found.total).toBeGreaterThan(0);
      // The folder-derived name still reaches the same case (one store, one lock), never another folder.
      const byFolder = (await core.call('cases.open', { caseId: 'Iraq-attacks-copy-' })) as OpenCase;
      expect(byFolder.id).toBe('seeds-2020');
      expect((await rejects(core.call('cases.open', { caseId: 'other' }))).code).toBe('NOT_FOUND');
    } finally {
      await core.close();
    }
  });

  it('names a folder that holds no case yet after the folder, and creates the case there on first use', async () => {
    const dir = join(await tmp(), 'new-case');
    const core = await createCore({ dataDir: join(dir, '..', 'data'), fixedCaseDir: dir, host: 'browser' });
    try {
      expect(core.info.fixedCase).toBe('new-case');
      const open = (await core.call('cases.open', { caseId: 'new-case' })) as OpenCase;
      expect(open.id).toBe('new-case');
    } finally {
      await core.close();
    }
  });
});

describe('the change feed', () => {
  it('tells a window each page of a PDF being imported, in order', async () => {
    const { makePdf, loremLines } = await import('../../tests/support/make-pdf.ts');
    const dataDir = await mkdtemp(join(tmpdir(), 'corroborate-feed-'));
    await withCore(dataDir, async (core) => {
      const c = (await core.call('cases.create', { name: 'Feed' })) as CaseSummary;
      const seen: unknown[] = [];
      const stop = core.watch((e) => seen.push(e));
      const pdf = makePdf([1, 2, 3].map((n) => ({ lines: [`Page ${n} of the report.`, ...loremLines(2, n)] })));
      await core.call('sources.import', { caseId: c.id, name: 'report.pdf', data: pdf });
      stop();
      const pages = seen.filter((e) => (e as { kind: string }).kind === 'import') as Array<{ name: string; done: number; total: number }>;
      expect(pages.at(-1)).toEqual({ kind: 'import', caseId: c.id, name: 'report.pdf', done: 3, total: 3 });
      expect(pages.map((p) => p.done)).toEqual([...pages.map((p) => p.done)].sort((a, b) => a - b));
    });
  });
});
