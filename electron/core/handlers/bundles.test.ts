import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimsView, ImportResult } from '../../../shared/api.ts';
import { makeTarget } from '../../../shared/text/anchor.ts';
import type { Clash } from '../../../shared/exchange/bundle.ts';
import type { CaseSummary } from '../../../shared/model/case.ts';
import { blankClaim } from '../../../shared/model/claims.ts';
import { seedFiles } from '../../../tests/unit/corpus.ts';
import { createCore } from '../index.ts';

describe('merge clashes', () => {
  it('lists an edit made on both sides, and puts the other version in place on request (undoably)', async () => {
    const core = await createCore({ dataDir: await mkdtemp(join(tmpdir(), 'corroborate-clash-')), host: 'browser' });
    try {
      const a = (await core.call('cases.create', { name: 'Here' })) as CaseSummary;
      const file = seedFiles().find((f) => f.includes('004_'))!;
      const imported = (await core.call('sources.import', { caseId: a.id, name: '004.txt', data: new Uint8Array(await readFile(file)) })) as ImportResult;
      const sourceId = imported.source.id;
      const { text } = (await core.call('sources.get', { caseId: a.id, sourceId })) as { text: string };
      const quote = 'wounding 14 people, including five seriously';
      const at = new Date().toISOString();
      const claim = blankClaim('casualties', { id: 'c-1', sourceId, annotationId: 'a-1', created: at, text: quote });
      const start = text.indexOf(quote);
      await core.call('claims.execute', {
        caseId: a.id,
        command: {
          type: 'claim.create',
          payload: {
            annotation: { id: 'a-1', sourceId, targets: [makeTarget(text, start, start + quote.length)], kind: 'casualties', created: at, modified: at },
            claim,
            at: null,
          },
        },
      });
      const exported = (await core.call('bundles.export', { caseId: a.id })) as { data: Uint8Array };

      // A colleague opens the bundle and writes one note; here, another note is written.
      const b = (await core.call('bundles.import', { data: exported.data, name: 'There' })) as { case: CaseSummary };
      const edit = async (caseId: string, note: string) =>
        core.call('claims.execute', {
          caseId,
          command: { type: 'claim.update', payload: { id: 'c-1', set: { note, modified: new Date().toISOString() }, unset: [] } },
        });
      await edit(b.case.id, 'Colleague: Milley briefing, 13 March');
      await new Promise((r) => setTimeout(r, 5));
      await edit(a.id, 'Mine: cross-checked with the coalition statement');
      const theirs = (await core.call('bundles.export', { caseId: b.case.id })) as { data: Uint8Array };

      const merged = (await core.call('bundles.import', { data: theirs.data, caseId: a.id })) as { merge: { clashes: number } };
      expect(merged.merge.clashes).toBeGreaterThanOrEqual(1);
      const { clashes } = (await core.call('clashes.list', { caseId: a.id })) as { clashes: Clash[] };
      const clash = clashes.find((c) => c.type === 'claim' && c.recordId === 'c-1' && !c.resolved)!;
      expect(clash).toBeDefined();
      const notes = [(clash.current as { note: string }).note, (clash.other as { note: string }).note].sort();
      expect(notes).toEqual(['Colleague: Milley briefing, 13 March', 'Mine: cross-checked with the coalition statement']);

      const other = (clash.other as { note: string }).note;
      const after = (await core.call('clashes.resolve', { caseId: a.id, clashId: clash.id, keep: 'other' })) as { clashes: Clash[] };
      expect(after.clashes.find((c) => c.id === clash.id)?.resolved).toBe(true);
      let view = (await core.call('claims.view', { caseId: a.id })) as ClaimsView;
      expect(view.claims.find((c) => c.id === 'c-1')?.note).toBe(other);
      await core.call('claims.undo', { caseId: a.id });
      view = (await core.call('claims.view', { caseId: a.id })) as ClaimsView;
      expect(view.claims.find((c) => c.id === 'c-1')?.note).toBe((clash.current as { note: string }).note);
    } finally {
      await core.close();
    }
  });
});
