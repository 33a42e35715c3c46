import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/api.ts';
import { makeTarget } from '../../../shared/text/anchor.ts';
import type { CaseSummary } from '../../../shared/model/case.ts';
import { blankClaim } from '../../../shared/model/claims.ts';
import { createCore } from '../index.ts';

const body = (n: number) =>
  `Paragraph ${n}: the district council published its own tally on Thursday evening, and the figures differed from the ministry's count in several places that the reporters checked.`;
const comment = 'I drove over this bridge every day for twenty years and I never once thought it would be closed for this long, shame on them all.';
const page = `<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body><main><article><h1>Bridge reopens after repairs</h1>${[1, 2, 3]
  .map((n) => `<p>${body(n)}</p>`)
  .join('')}</article></main><div class="related-stories"><h2>More from the Ledger</h2><ul>${Array.from(
  { length: 10 },
  (_, i) => `<li><a href="/s/${i}">Another headline about something else entirely, number ${i + 1}</a></li>`,
).join('')}</ul></div><div id="comments"><p>${comment}</p></div></body></html>`;

describe('left-out passages', () => {
  it('lists what an HTML import left out, and puts chosen passages back as a new text with annotations re-anchored', async () => {
    const core = await createCore({ dataDir: await mkdtemp(join(tmpdir(), 'corroborate-leftout-')), host: 'browser' });
    try {
      const c = (await core.call('cases.create', { name: 'Left out' })) as CaseSummary;
      const imported = (await core.call('sources.import', { caseId: c.id, name: 'bridge.html', data: new TextEncoder().encode(page) })) as ImportResult;
      const sourceId = imported.source.id;
      expect(imported.source.warnings.join(' ')).toMatch(/left out as site furniture/);
      const before = ((await core.call('sources.get', { caseId: c.id, sourceId })) as { text: string }).text;

      // An annotation on the article, to see it survive the restore.
      const quote = 'the figures differed from the ministry';
      const at = new Date().toISOString();
      const start = before.indexOf(quote);
      await core.call('claims.execute', {
        caseId: c.id,
        command: {
          type: 'claim.create',
          payload: {
            annotation: { id: 'a-1', sourceId, targets: [makeTarget(before, start, start + quote.length)], kind: 'note', created: at, modified: at },
            claim: blankClaim('note', { id: 'c-1', sourceId, annotationId: 'a-1', created: at, text: quote }),
            at: null,
          },
        },
      });

      const left = (await core.call('sources.leftOut', { caseId: c.id, sourceId })) as { share: number; passages: { text: string; restored: boolean }[] };
      expect(left.share).toBeGreaterThan(0.2);
      const i = left.passages.findIndex((p) => p.text === comment);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(left.passages[i].restored).toBe(false);

      const r = (await core.call('sources.restoreLeftOut', { caseId: c.id, sourceId, passages: [i] })) as {
        restored: number;
        anchored: number;
        orphaned: number;
      };
      expect(r).toMatchObject({ restored: 1, anchored: 1, orphaned: 0 });
      const after = ((await core.call('sources.get', { caseId: c.id, sourceId })) as { text: string }).text;
      // Every character of the earlier text stays, in order; the passage comes back where the page has it (after the article).
      expect(after).toBe(`${before}\n\n${comment}`);
      const again = (await core.call('sources.leftOut', { caseId: c.id, sourceId })) as { passages: { text: string; restored: boolean }[] };
      expect(again.passages[i]).toEqual({ text: comment, restored: true });
      await expect(core.call('sources.restoreLeftOut', { caseId: c.id, sourceId, passages: [i] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      await core.close();
    }
  });
});
