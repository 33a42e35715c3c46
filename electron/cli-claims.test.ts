// corroborate claims / import-claims on a case made from two invented reports (never the seeds).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimsView } from '../shared/api.ts';
import { claimsCsv, CLAIM_COLUMNS } from '../shared/exchange/csv.ts';
import type { ListedClaim } from '../shared/exchange/claims-sheet/list.ts';
import type { Source } from '../shared/model/source.ts';
import { runCli } from './cli.ts';
import { createCore } from './core/index.ts';
import { defaultDataDir } from './core/store/index.ts';

const DEPOT = `Shelling hits fuel depot near Marvale
By A. Writer, Daily Lantern, 4 June 2021

At least 12 people were killed and about two dozen wounded when shells struck the fuel depot outside Marvale on Friday, the regional governor said.
Three of the dead were firefighters, according to the civil defence service.
The Northern Brigade denied firing at the depot.`;
const MONITOR = `Depot strike: monitor counts 15 dead
Field Monitor, 6 June 2021

The monitor recorded 15 people killed in the strike on the Marvale depot, including four firefighters.
Residents said the shelling began shortly after midnight.`;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function makeCase(): Promise<{ dir: string; root: string; sources: Source[] }> {
  const root = await mkdtemp(join(tmpdir(), 'corroborate-claims-'));
  await writeFile(join(root, 'depot.txt'), DEPOT);
  await writeFile(join(root, 'monitor.txt'), MONITOR);
  const dir = join(root, 'case');
  const r = await cli('import', join(root, 'depot.txt'), join(root, 'monitor.txt'), '--case', dir, '--json');
  expect(r.code, r.err).toBe(0);
  return { dir, root, sources: (JSON.parse(r.out) as { sources: Source[] }).sources };
}

const sheet = async (root: string, name: string, text: string) => {
  const file = join(root, name);
  await writeFile(file, text);
  return file;
};
const listed = async (dir: string) => (JSON.parse((await cli('claims', '--case', dir, '--json')).out) as { claims: ListedClaim[] }).claims;

const GOOD = [
  'source,kind,quote,measure,low,best,high,figure_as_written,speaker,event,event_date_start,location,note',
  'depot.txt,casualties,At least 12 people were killed,killed,12,12,,At least 12,the regional governor,Marvale depot shelling,2021-06-04,"Marvale, Ruritania",',
  'depot.txt,casualties,about two dozen wounded,wounded,,,,about two dozen,,Marvale depot shelling,,,=1+1',
  'monitor.txt,casualties,The monitor recorded 15 people killed,killed,15,15,15,15,,Marvale depot shelling,,,',
  'depot.txt,attribution,The Northern Brigade denied firing at the depot,,,,,,,Marvale depot shelling,,,',
].join('\n');

describe('corroborate import-claims', () => {
  it('imports a good sheet as one undoable step, creates the named event once, and keeps formula-looking cells as text', async () => {
    const c = await makeCase();
    const r = await cli('import-claims', await sheet(c.root, 'good.csv', GOOD), '--case', c.dir, '--json');
    expect(r.code, r.err).toBe(0);
    const printed = JSON.parse(r.out) as { claims: Array<{ line: number; id: string }>; errors: unknown[]; events: Array<{ title: string }> };
    expect(printed.errors).toEqual([]);
    expect(printed.claims.map((x) => x.line)).toEqual([2, 3, 4, 5]);
    expect(printed.events.map((e) => e.title)).toEqual(['Marvale depot shelling']);
    const claims = await listed(c.dir);
    expect(claims).toHaveLength(4);
    const byQuote = (q: string) => claims.find((x) => x.quote.startsWith(q));
    expect(byQuote('At least 12')).toMatchObject({ kind: 'casualties', measure: 'killed', figure: { low: 12, high: null }, speaker: 'the regional governor' });
    // "about two dozen" normalised by the figure rules; the note '=1+1' is text, not a formula's result.
    expect(byQuote('about two dozen')).toMatchObject({ figure: { raw: 'about two dozen', qualifier: 'approx' }, note: '=1+1' });
    expect(byQuote('The Northern Brigade')).toMatchObject({ kind: 'attribution', perpetrator: null });
    expect(new Set(claims.map((x) => x.eventId)).size).toBe(1);

    // One step on the undo stack: undo takes every imported claim (and the event) back.
    const core = await createCore({ dataDir: defaultDataDir(), fixedCaseDir: c.dir, host: 'cli' });
    try {
      const caseId = core.info.fixedCase as string;
      await core.call('cases.open', { caseId });
      expect(((await core.call('claims.view', { caseId })) as ClaimsView).undoLabel).toMatch(/^Import claims from /);
      await core.call('claims.undo', { caseId });
      const after = (await core.call('claims.view', { caseId })) as ClaimsView;
      expect(after.claims).toHaveLength(0);
      expect(after.events).toHaveLength(0);
    } finally {
      await core.close();
    }
  });

  it('reads columns in another order, a BOM and CRLF line ends, and a source named by its id', async () => {
    const c = await makeCase();
    const id = c.sources.find((s) => s.file?.endsWith('monitor.txt'))!.id;
    const text = `\uFEFFquote,measure,best,kind,source_id\r\nincluding four firefighters,killed,4,casualties,${id}\r\n`;
    const r = await cli('import-claims', await sheet(c.root, 'bom.csv', text), '--case', c.dir, '--json');
    expect(r.code, r.err).toBe(0);
    expect((await listed(c.dir))[0]).toMatchObject({ sourceId: id, figure: { best: 4 }, quote: 'including four firefighters' });
  });

  it('refuses rows it cannot place, each with its line and reason, imports the rest, and exits 1', async () => {
    const c = await makeCase();
    const text = [
      'source,kind,quote,measure,low,best,high',
      'depot.txt,casualties,Three of the dead were firefighters,killed,3,3,3',
      'nowhere.txt,casualties,Three of the dead were firefighters,killed,3,3,3',
      'depot.txt,casualties,"Seven hundred tanks rolled into the square at dawn",killed,700,700,700',
      'depot.txt,casualties,At least 12 people were killed,killed,abc,,',
      'depot.txt,casualties,At least 12 people were killed,killed,14,13,12',
      '"monitor.txt",casualties,"The monitor recorded 15 peopel killed",killed,15,15,15',
    ].join('\r\n');
    const r = await cli('import-claims', await sheet(c.root, 'mixed.csv', text), '--case', c.dir, '--json');
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.out) as { claims: Array<{ line: number; anchor?: string; score?: number }>; errors: Array<{ line: number; message: string }> };
    expect(printed.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(printed.errors[0].message).toMatch(/No source .*“nowhere\.txt”/);
    expect(printed.errors[1].message).toMatch(/not found/);
    expect(printed.errors[2].message).toMatch(/low “abc” is not a number/);
    expect(printed.errors[3].message).toMatch(/in order/);
    // A misspelt quote anchors approximately, with its score.
    expect(printed.claims.map((x) => x.line)).toEqual([2, 7]);
    expect(printed.claims[1]).toMatchObject({ anchor: 'fuzzy' });
    expect(printed.claims[1].score).toBeGreaterThan(0.75);
    expect(r.err).toMatch(/mixed\.csv:3: /);
    expect(await listed(c.dir)).toHaveLength(2);
  });

  it('says what is wrong with a sheet that lacks the required columns, and with bad usage', async () => {
    const c = await makeCase();
    const r = await cli('import-claims', await sheet(c.root, 'cols.csv', 'title,figure\nx,3\n'), '--case', c.dir, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/kind, quote, and source_id or source/) });
    expect((await cli('import-claims', '--case', c.dir)).code).toBe(2);
    expect((await cli('import-claims', join(c.root, 'missing.csv'), '--case', c.dir)).code).toBe(2);
    expect((await cli('claims', '--case', c.dir, '--event', 'no-such-event')).code).toBe(1);
  });

  it('round trip: claims.csv exported from a case imports into a copy without claims as the same claims', async () => {
    const a = await makeCase();
    expect((await cli('import-claims', await sheet(a.root, 'good.csv', GOOD), '--case', a.dir)).code).toBe(0);
    // A breakdown and a role survive too.
    const parts = `source,kind,quote,measure,low,best,high,role,parts\ndepot.txt,casualties,Three of the dead were firefighters,killed,3,3,3,firefighter,"[{""population"":{""nationality"":null,""affiliation"":""civilian"",""side"":null},""figure"":{""low"":3,""best"":3,""high"":3,""qualifier"":""exact"",""raw"":""Three"",""rules"":""manual""},""subset"":false}]"\n`;
    expect((await cli('import-claims', await sheet(a.root, 'parts.csv', parts), '--case', a.dir)).code).toBe(0);
    const core = await createCore({ dataDir: defaultDataDir(), fixedCaseDir: a.dir, host: 'cli' });
    let csv = '';
    try {
      const caseId = core.info.fixedCase as string;
      const open = (await core.call('cases.open', { caseId })) as { sources: Source[] };
      const view = (await core.call('claims.view', { caseId })) as ClaimsView;
      const ann = new Map(view.annotations.map((x) => [x.id, x]));
      csv = claimsCsv({
        sources: open.sources,
        claims: view.claims,
        events: view.events,
        quoteOf: (cl) => {
          const t = ann.get(cl.annotationId)!.targets;
          return { exact: t.map((x) => x.exact).join(' … '), start: t[0].start, end: t.at(-1)!.end };
        },
      });
    } finally {
      await core.close();
    }
    expect(csv.split('\r\n')[0]).toBe('\uFEFF' + CLAIM_COLUMNS.join(','));
    const b = await makeCase();
    const r = await cli('import-claims', await sheet(b.root, 'claims.csv', csv), '--case', b.dir, '--json');
    expect(r.code, r.out + r.err).toBe(0);
    // The same claims, whatever order the two cases list their sources in (`import` reads files side by side).
    const strip = (xs: ListedClaim[]) => xs.map(({ sourceId: _s, ...rest }) => rest).sort((x, y) => x.id.localeCompare(y.id));
    const before = await listed(a.dir);
    const after = await listed(b.dir);
    expect(strip(after)).toEqual(strip(before));
    expect(after.find((x) => x.quote.startsWith('Three of the dead'))).toMatchObject({ population: { role: 'firefighter' } });
    const rawB = await readFile(join(b.dir, 'case.json'), 'utf8');
    expect(rawB).toContain('Marvale depot shelling');
  });
});
