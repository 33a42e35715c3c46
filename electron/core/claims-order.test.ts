// The case-wide order of claims (what claims.view of the whole case, claims.csv and a bundle follow)
// is the index's order of sources, each source's claims in its file's order (claims-lists.ts): it
// does not depend on which sources a window read ahead of the rest while the case was being read.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimsView } from '../../shared/api.ts';
import { generateCase } from '../../scripts/gen-case.ts';
import { readZip } from './bundle/zip.ts';
import { createCore, type Core } from './index.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** The whole case's claim ids and claims.csv's rows, after reading `ahead` first (as a window showing them does). */
async function exported(dir: string, ahead: string[]): Promise<{ ids: string[]; sourceIds: string[]; csv: string }> {
  const core: Core = await createCore({ dataDir: await mkdtemp(join(tmpdir(), 'corroborate-order-data-')), fixedCaseDir: dir, host: 'cli' });
  try {
    const caseId = core.info.fixedCase ?? '';
    await core.call('cases.open', { caseId });
    if (ahead.length) await core.call('claims.view', { caseId, sourceIds: ahead });
    const whole = (await core.call('claims.view', { caseId })) as ClaimsView;
    const bundle = (await core.call('bundles.export', { caseId })) as { data: Uint8Array };
    const csv = new TextDecoder().decode(readZip(bundle.data).get('claims.csv'));
    return { ids: whole.claims.map((c) => c.id), sourceIds: whole.claims.map((c) => c.sourceId), csv };
  } finally {
    await core.close();
  }
}

describe('the order of a case’s claims', () => {
  it('is the index’s order of sources whichever sources were read first, in the view, claims.csv and the bundle', async () => {
    const root = await mkdtemp(join(tmpdir(), 'corroborate-order-'));
    dirs.push(root);
    // More sources than one batch of the background read, so the ones asked for are read ahead of it.
    const { dir } = generateCase({ sources: 120, out: join(root, 'case'), seed: 3, claimsPerSource: 2 });
    const plain = await exported(dir, []);
    const { sources } = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { sources: Array<{ id: string }> };
    const late = [sources.at(-1)!.id, sources.at(-40)!.id];
    const early = await exported(dir, late);
    expect(early.ids).toHaveLength(240);
    expect(early.ids).toEqual(plain.ids);
    expect(early.csv).toEqual(plain.csv);
    // And that order is the index's: each source's claims together, sources as listed.
    const order = new Map(sources.map((s, i) => [s.id, i]));
    const positions = early.sourceIds.map((id) => order.get(id) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
