// bundles.import says what it ignored (originals no source refers to), as a new case and in a merge,
// so the UI can show it where the user looks (issue 12).
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/model/case.ts';
import { seedFiles } from '../../../tests/unit/corpus.ts';
import { readZip, writeZip } from '../bundle/index.ts';
import { createCore } from '../index.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('bundles.import notes', () => {
  it('names the originals it ignored, importing as a new case and merging; a clean bundle has none', async () => {
    const core = await createCore({ dataDir: await mkdtemp(join(tmpdir(), 'corroborate-notes-')), host: 'browser' });
    try {
      const a = (await core.call('cases.create', { name: 'Here' })) as CaseSummary;
      const file = seedFiles().find((f) => f.includes('004_'))!;
      await core.call('sources.import', { caseId: a.id, name: '004.txt', data: new Uint8Array(await readFile(file)) });
      const exported = (await core.call('bundles.export', { caseId: a.id })) as { data: Uint8Array };
      const clean = (await core.call('bundles.import', { data: exported.data, name: 'Clean copy' })) as { notes?: string[] };
      expect(clean.notes).toEqual([]);

      const files = readZip(exported.data);
      for (let i = 0; i < 3; i++) {
        const junk = new TextEncoder().encode(`junk ${i}`);
        files.set(`originals/${sha(junk)}.txt`, junk);
      }
      const withJunk = writeZip(
        [...files].map(([path, data]) => ({ path, data })),
        new Date('2024-01-01T00:00:00Z'),
      );
      const asNew = (await core.call('bundles.import', { data: withJunk, name: 'With junk' })) as { notes?: string[] };
      expect(asNew.notes).toEqual([expect.stringMatching(/^3 files in originals\/ belong to no source and were ignored/)]);
      const merged = (await core.call('bundles.import', { data: withJunk, caseId: a.id })) as { notes?: string[] };
      expect(merged.notes).toEqual(asNew.notes);
    } finally {
      await core.close();
    }
  });
});
