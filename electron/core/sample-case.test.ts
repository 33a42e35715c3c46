// The sample case arrives tagged: three reports with their metadata right, their claims (as the
// suggester proposes them), one event, an open disagreement and a reconciled row, and nothing on
// the undo stack (the sample is where a newcomer starts, not an edit of theirs).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimsView, OpenCase } from '../../shared/api.ts';
import type { CaseSummary } from '../../shared/model/case.ts';
import type { Matrix } from '../../shared/compare/conflicts.ts';
import { createCore } from './index.ts';
import { SAMPLE_RECONCILE, SAMPLE_REPORTS } from './sample.ts';

describe('the sample case', () => {
  it('opens tagged, with one event, an open disagreement and a reconciled row', async () => {
    const core = await createCore({ dataDir: await mkdtemp(join(tmpdir(), 'corroborate-sample-')), host: 'browser' });
    try {
      const c = (await core.call('cases.createSample', {})) as CaseSummary;
      const open = (await core.call('cases.open', { caseId: c.id })) as OpenCase;
      expect(open.sources.map((s) => s.outlet.value)).toEqual(['Harbour Tribune', 'Northern Courier', 'Gulf Monitor']);
      expect(open.warnings).toEqual([]);
      const v = (await core.call('claims.view', { caseId: c.id })) as ClaimsView;
      expect(v.problems).toEqual([]);
      expect(v.claims).toHaveLength(SAMPLE_REPORTS.reduce((n, r) => n + r.tag.length, 0));
      for (const s of open.sources) expect(v.claims.filter((x) => x.sourceId === s.id).length).toBeGreaterThanOrEqual(2);
      expect(v.events).toHaveLength(1);
      expect(v.claims.every((x) => x.eventId === v.events[0].id)).toBe(true);
      expect(v.canUndo).toBe(false);
      // Every claim's quote is the text it points at.
      for (const s of open.sources) {
        const { text } = (await core.call('sources.get', { caseId: c.id, sourceId: s.id })) as { text: string };
        for (const a of v.annotations.filter((x) => x.sourceId === s.id)) expect(text.slice(a.targets[0].start, a.targets[0].end)).toBe(a.targets[0].exact);
      }
      const { matrices } = (await core.call('conflicts.compute', { caseId: c.id })) as { matrices: Matrix[] };
      const rows = matrices[0].rows;
      const open_ = rows.filter((r) => r.verdict === 'conflict' && !r.decision && !v.reconciliations.some((x) => x.rowKey === r.key));
      expect(open_.length).toBeGreaterThanOrEqual(1);
      expect(v.reconciliations.map((r) => [r.rowKey, r.low, r.high])).toEqual([[SAMPLE_RECONCILE.rowKey, 1, 2]]);
      expect(rows.find((r) => r.key === SAMPLE_RECONCILE.rowKey)?.verdict).toBe('conflict');
    } finally {
      await core.close();
    }
  });
});
