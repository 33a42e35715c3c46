// The Compare view with four sources, looked at by eye at 1280 × 800 and 1920 × 1080: the Camp Taji
// casualty claims of the three seed reports (from the answer key, brought in through Import claims…)
// and an invented fourth wire report. Whole figures as written are visible (nothing clipped) and the
// killed disagreement carries one flag. Screenshots go to the screenshot folder.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { test, expect, seedDocuments } from './fixtures.ts';
import { screenshotDir } from './paths.ts';
import { ComparePage } from './pages/ComparePage.ts';
import { ImportClaimsPage } from './pages/ImportClaimsPage.ts';
import { keyClaims } from './pages/seedKey.ts';

const WIRE = `Four dead in rocket strike on Iraqi base, officials say
Desk Wire, 12 March 2020

Four people were killed, including two American soldiers, when rockets hit Camp Taji north of Baghdad on Wednesday, two officials said.
About fifteen others were wounded.`;

type KeyPart = {
  population?: Record<string, string>;
  figure: { low: number | null; best: number | null; high: number | null; qualifier: string };
  subset?: boolean;
};
const csvCell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
const part = (p: KeyPart) => ({
  population: { nationality: p.population?.nationality ?? null, affiliation: p.population?.affiliation ?? 'unknown', side: p.population?.side ?? null },
  figure: { ...p.figure, raw: String(p.figure.best ?? p.figure.low ?? ''), rules: 'manual' },
  subset: p.subset ?? false,
  ...(p.population?.severity === 'serious' ? { measure: 'wounded_serious' } : {}),
});

test('Compare with four sources at 1280 × 800 and 1920 × 1080: whole figures, one flag for the killed disagreement', async ({ app, start, library }) => {
  test.setTimeout(150_000);
  const seeds = (await seedDocuments()).filter((s) => /^00[024]_/.test(s.file));
  const key = (await keyClaims()).filter((c) => c.kind === 'casualties' && c.event === 'taji-2020-03-11' && seeds.some((s) => s.file === c.doc)) as Array<
    Awaited<ReturnType<typeof keyClaims>>[number] & { population?: Record<string, string>; parts?: KeyPart[] }
  >;
  await start.createCase('Four sources');
  const files = await Promise.all(seeds.map(async (s) => ({ name: basename(s.path), mimeType: 'text/plain', buffer: await readFile(s.path) })));
  await library.importFiles([...files, { name: 'desk-wire.txt', mimeType: 'text/plain', buffer: Buffer.from(WIRE) }]);
  await library.waitForImport();
  for (const s of seeds) await library.select(s.title);
  await library.readSideBySide();

  const header = 'source,kind,quote,measure,low,best,high,nationality,affiliation,side,parts,event';
  const rows = key.map((c) =>
    [
      c.doc,
      'casualties',
      c.quote,
      c.measure,
      c.figure?.low,
      c.figure?.best,
      c.figure?.high,
      c.population?.nationality,
      c.population?.affiliation,
      c.population?.side,
      c.parts ? JSON.stringify(c.parts.map(part)) : null,
      'Rocket attack on Camp Taji',
    ]
      .map(csvCell)
      .join(','),
  );
  const wire = (q: string, measure: string, n: number, parts: string | null) =>
    ['desk-wire.txt', 'casualties', q, measure, n, n, n, null, null, null, parts, 'Rocket attack on Camp Taji'].map(csvCell).join(',');
  rows.push(
    wire(
      'Four people were killed, including two American soldiers',
      'killed',
      4,
      JSON.stringify([
        part({ population: { nationality: 'US', affiliation: 'military' }, figure: { low: 2, best: 2, high: 2, qualifier: 'exact' }, subset: true }),
      ]),
    ),
  );
  rows.push(wire('About fifteen others were wounded', 'wounded', 15, null));
  const sheet = new ImportClaimsPage(app);
  await sheet.open();
  await sheet.choose('taji.csv', [header, ...rows].join('\r\n'));
  await expect(sheet.refused).toHaveCount(0);
  await sheet.importAll();

  const cmp = new ComparePage(app);
  await cmp.show();
  await cmp.openEvent('Rocket attack on Camp Taji');
  await expect(cmp.table.getByRole('columnheader').filter({ hasText: 'Desk Wire' }).first()).toBeVisible();
  const killedFlags = cmp.flagRows.filter({ has: app.getByRole('rowheader', { name: /^killed/ }) });
  await expect(killedFlags).toHaveCount(1);
  await expect(cmp.row('killed').getByRole('img').first()).toHaveAccessibleName(/Desk Wire[^;]*: 4/);
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await app.setViewportSize({ width, height });
    // Nothing clipped: every figure as written shows whole.
    const clipped = await cmp.table
      .locator('.cmp-raw')
      .evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await app.screenshot({ path: join(screenshotDir, `compare-four-${width}x${height}.png`), fullPage: true });
  }
});
