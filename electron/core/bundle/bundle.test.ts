// Round trip of the seeds case, verify on every export, the W3C MUST assertions on every export,
// idempotent re-import, and merge both ways.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATHS, ClashFile, recordKey, type BundleContents } from '../../../shared/exchange/bundle.ts';
import type { ClaimsView } from '../../../shared/api.ts';
import { parseCsv } from '../../../shared/exchange/csv.ts';
import { canonicalJson } from '../../../shared/exchange/merge.ts';
import { CaseClaims } from '../claims.ts';
import { CaseStore } from '../store/index.ts';
import { exportCase, importAsNewCase, mergeIntoCase, readBundle, readZip, verifyBundle } from './index.ts';
import { buildSeedsCase, seedsKey } from '../../../tests/support/seeds-case.ts';
import { w3cMustFailures } from '../../../tests/support/w3c-suite.ts';

const made: string[] = [];
const tmp = async (label: string) => {
  const d = await mkdtemp(path.join(tmpdir(), `corroborate-bundle-${label}-`));
  made.push(d);
  return d;
};
const open: CaseStore[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

const NOW = new Date('2024-07-01T12:00:00.000Z');

/** Every export in this suite goes through here: it must verify and pass the W3C MUST assertions. */
async function exportChecked(store: CaseStore, claims: CaseClaims, opts: { sourceIds?: string[]; eventIds?: string[] } = {}) {
  const bytes = await exportCase(store, claims.view(), { appVersion: '0.1.0-test', now: NOW, ...opts });
  const v = verifyBundle(bytes);
  expect(v.problems).toEqual([]);
  expect(v.ok).toBe(true);
  const files = readZip(bytes);
  const collection = JSON.parse(new TextDecoder().decode(files.get(BUNDLE_PATHS.annotations)!)) as Record<string, unknown>;
  const w3c = w3cMustFailures(collection);
  expect(w3c.failures).toEqual([]);
  expect(w3c.annotations).toBe(
    claims
      .view()
      .claims.filter((c) => !opts.sourceIds || opts.sourceIds.includes(c.sourceId))
      .filter((c) => !opts.eventIds || (c.eventId && opts.eventIds.includes(c.eventId))).length,
  );
  return { bytes, files };
}

/** The case data a round trip must keep, in a comparable form. */
function caseData(store: CaseStore, view: ClaimsView) {
  const byId = <T extends object>(l: readonly T[]) =>
    [...l].sort((a, b) => recordKey(a).localeCompare(recordKey(b))).map((x) => JSON.parse(canonicalJson(x)) as unknown);
  return {
    sources: byId(store.index.sources),
    annotations: byId(view.annotations),
    claims: byId(view.claims),
    events: byId(view.events),
    actors: byId(view.actors),
    decisions: byId(store.index.decisions as object[]),
    reconciliations: byId(store.index.reconciliations as object[]),
  };
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!e.name.endsWith('.lock') && !p.includes(`${path.sep}backups${path.sep}`))
        out.set(path.relative(dir, p), (await readFile(p)).toString('base64'));
    }
  };
  await walk(dir);
  return out;
}

let seeds: { store: CaseStore; claims: CaseClaims };
let seedsBundle: Uint8Array;

beforeAll(async () => {
  const built = await buildSeedsCase(path.join(await tmp('seeds'), 'case'));
  open.push(built.store);
  seeds = built;
  // Nearly every key claim's quote is found in the imported text; the test would be weak otherwise.
  expect(built.claims.view().claims.length).toBeGreaterThanOrEqual(seedsKey().claims.length - 2);
  seedsBundle = (await exportChecked(seeds.store, seeds.claims)).bytes;
});

describe('bundle round trip (seeds case)', () => {
  it('exports, imports into an empty data folder, exports again: same case data, both verify', async () => {
    const contents = readBundle(seedsBundle);
    expect(contents.manifest.counts.claims).toBe(seeds.claims.view().claims.length);
    expect(contents.manifest.counts.sources).toBe(5);
    const dataDir = await tmp('roundtrip');
    const store = await importAsNewCase(contents, path.join(dataDir, 'seeds'));
    open.push(store);
    const claims = await CaseClaims.load(store);
    expect(claims.view().problems).toEqual([]);
    expect(caseData(store, claims.view())).toEqual(caseData(seeds.store, seeds.claims.view()));
    for (const s of store.index.sources) expect(await store.readOriginal(s)).toEqual(await seeds.store.readOriginal(s));
    const again = await exportChecked(store, claims);
    const c2 = readBundle(again.bytes);
    const strip = (c: BundleContents) => ({ ...c, manifest: { ...c.manifest, files: [] }, index: { ...c.index, created: '', modified: '' } });
    expect(strip(c2)).toEqual(strip(contents));
  });

  it('the bundle holds what the issue lists, with the sha256 of every file', () => {
    const files = readZip(seedsBundle);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as { files: Array<{ path: string }>; counts: Record<string, number> };
    const names = [...files.keys()];
    for (const must of ['manifest.json', 'case/case.json', 'annotations.jsonld', 'claims.csv', 'reconciliations.csv', 'report.html'])
      expect(names).toContain(must);
    expect(names.filter((n) => n.startsWith('originals/'))).toHaveLength(5);
    expect(names.filter((n) => n.startsWith('texts/'))).toHaveLength(5);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    expect(manifest.counts.reconciliations).toBeGreaterThan(0);
    expect(manifest.counts.decisions).toBeGreaterThan(0);
  });

  it('claims.csv: BOM, one row per claim, analyst columns, quotes from the text', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readZip(seedsBundle).get('claims.csv')!);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    const header = rows[0];
    for (const col of [
      'event',
      'event_date_start',
      'date_precision',
      'source',
      'outlet',
      'measure',
      'affiliation',
      'low',
      'best',
      'high',
      'qualifier',
      'speaker',
      'quote',
    ])
      expect(header).toContain(col);
    expect(rows.length - 1).toBe(seeds.claims.view().claims.length);
    const q = header.indexOf('quote');
    const id = header.indexOf('claim_id');
    const key = new Map(seedsKey().claims.map((c) => [c.id, c.quote]));
    for (const r of rows.slice(1)) expect(r[q]).toBe(key.get(r[id]));
    const recs = parseCsv(new TextDecoder().decode(readZip(seedsBundle).get('reconciliations.csv')!));
    expect(recs.length - 1).toBe(seeds.store.index.reconciliations.length);
  });

  it('exports a chosen set of events or sources, and those bundles verify too', async () => {
    const event = seeds.claims.view().events[0].id;
    const byEvent = readBundle((await exportChecked(seeds.store, seeds.claims, { eventIds: [event] })).bytes);
    expect(byEvent.events.map((e) => e.id)).toEqual([event]);
    expect(byEvent.sources.flatMap((s) => s.body.claims).every((c) => c.eventId === event)).toBe(true);
    const source = seeds.store.index.sources[2].id;
    const bySource = readBundle((await exportChecked(seeds.store, seeds.claims, { sourceIds: [source] })).bytes);
    expect(bySource.sources.map((s) => s.source.id)).toEqual([source]);
  });

  it('writes report.html for a look (REPORT_OUT=path)', async () => {
    const html = new TextDecoder().decode(readZip(seedsBundle).get('report.html')!);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/i);
    expect(html).toContain('Content-Security-Policy');
    for (const c of seeds.claims.view().claims) expect(html).toContain(`id="q-${c.id}"`);
    if (process.env.REPORT_OUT) await writeFile(process.env.REPORT_OUT, html);
  });
});

describe('import and merge', () => {
  it('importing the same bundle twice changes nothing', async () => {
    const store = await importAsNewCase(readBundle(seedsBundle), path.join(await tmp('twice'), 'c'));
    open.push(store);
    const claims = await CaseClaims.load(store);
    const before = await snapshot(store.dir);
    const report = await mergeIntoCase(store, claims, readBundle(seedsBundle));
    expect(report.nothingChanged).toBe(true);
    expect(report.added + report.updated + report.clashes).toBe(0);
    expect(await snapshot(store.dir)).toEqual(before);
  });

  it('two copies edited apart, merged both ways, give the same result with no edit lost', async () => {
    const contents = readBundle(seedsBundle);
    const b = await importAsNewCase(contents, path.join(await tmp('b'), 'c'));
    const c = await importAsNewCase(contents, path.join(await tmp('c'), 'c'));
    open.push(b, c);
    let bc = await CaseClaims.load(b);
    let cc = await CaseClaims.load(c);
    const [first, second] = bc.view().claims;
    // Both edit the first claim (C later); B adds an event; C edits the second claim and deletes nothing.
    await bc.execute({
      type: 'claim.update',
      payload: { id: first.id, set: { note: 'B checked the wire copy', modified: '2024-07-02T10:00:00.000Z' }, unset: [] },
    });
    await bc.execute({
      type: 'event.create',
      payload: {
        event: {
          id: 'ev-b-only',
          title: 'Follow-up strike',
          start: null,
          end: null,
          precision: null,
          place: null,
          placePrecision: null,
          type: null,
          actorIds: [],
          aggregate: false,
          note: '',
          created: '2024-07-02T10:00:00.000Z',
          modified: '2024-07-02T10:00:00.000Z',
        },
        at: null,
        assign: [],
      },
    });
    await cc.execute({
      type: 'claim.update',
      payload: { id: first.id, set: { speaker: 'C: a ministry spokesman', modified: '2024-07-03T10:00:00.000Z' }, unset: [] },
    });
    await cc.execute({ type: 'claim.update', payload: { id: second.id, set: { note: 'C only', modified: '2024-07-03T11:00:00.000Z' }, unset: [] } });
    const fromB = readBundle(await exportCase(b, bc.view(), { appVersion: 't', now: NOW }));
    const fromC = readBundle(await exportCase(c, cc.view(), { appVersion: 't', now: NOW }));

    const rb = await mergeIntoCase(b, bc, fromC);
    const rc = await mergeIntoCase(c, cc, fromB);
    bc = await CaseClaims.load(b);
    cc = await CaseClaims.load(c);
    expect(caseData(b, bc.view())).toEqual(caseData(c, cc.view()));
    const clashesOf = async (dir: string) =>
      ClashFile.parse(JSON.parse(await readFile(path.join(dir, 'clashes.json'), 'utf8')))
        .clashes.map(({ found: _f, from: _fr, ...rest }) => rest)
        .sort((x, y) => x.id.localeCompare(y.id));
    expect(await clashesOf(b.dir)).toEqual(await clashesOf(c.dir));
    expect(rb.clashes).toBeGreaterThan(0);
    expect(rc.added).toBe(1); // B's event reached C

    const merged = bc.view();
    const m1 = merged.claims.find((x) => x.id === first.id)!;
    expect(m1.speaker).toBe('C: a ministry spokesman'); // the later edit is used
    const clash = (await clashesOf(b.dir)).find((x) => x.recordId === first.id)!;
    expect((clash.other as { note: string }).note).toBe('B checked the wire copy'); // and the other is kept
    expect(merged.claims.find((x) => x.id === second.id)!.note).toBe('C only');
    expect(merged.events.some((e) => e.id === 'ev-b-only')).toBe(true);

    // Merging again, either way, changes nothing more.
    expect((await mergeIntoCase(b, bc, fromC)).nothingChanged).toBe(true);
    expect((await mergeIntoCase(c, cc, fromB)).nothingChanged).toBe(true);
    // And a bundle of the merged case (with its clashes) verifies and imports.
    const mergedBundle = await exportChecked(b, bc);
    expect(readBundle(mergedBundle.bytes).clashes.length).toBeGreaterThan(0);
  });
});
