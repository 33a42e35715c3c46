// The claims-sheet import at spreadsheet size: a 10,000-row sheet (claims.csv's columns) over 200
// invented sources, through the core's API as `corroborate import-claims` runs it (read, plan: find
// each source and anchor each quote, then one batch command). Printed beside references measured in
// the same run: parsing the sheet alone (papaparse).
// Run: node_modules/.bin/node scripts/bench-import-claims.ts [rows]
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '../shared/api.ts';
import { readSheet } from '../shared/exchange/claims-sheet/read.ts';
import { importClaimsSheet } from '../shared/exchange/claims-sheet/run.ts';
import { runCli } from '../electron/cli.ts';
import { createCore } from '../electron/core/index.ts';
import { defaultDataDir } from '../electron/core/store/index.ts';

const rows = Number(process.argv[2] ?? 10_000);
const SOURCES = 200;
const root = await mkdtemp(join(tmpdir(), 'bench-import-claims-'));
const sentence = (i: number, j: number) =>
  `In incident ${i}-${j} at least ${(i * 7 + j) % 90} people were killed and ${(i + j) % 40} wounded, officials in district ${j} said.`;
const per = Math.ceil(rows / SOURCES);
const files: string[] = [];
for (let i = 0; i < SOURCES; i++) {
  const lines = [`Report ${i}: shelling in the north`, '', ...Array.from({ length: per }, (_, j) => sentence(i, j))];
  const file = join(root, `report-${String(i).padStart(3, '0')}.txt`);
  await writeFile(file, lines.join('\n'));
  files.push(file);
}
const dir = join(root, 'case');
const quiet = { out: () => {}, err: (s: string) => console.error(`  import: ${s}`) };
if ((await runCli(['import', ...files, '--case', dir], quiet)) !== 0) throw new Error('import failed');

const header = 'source,kind,quote,measure,low,best,high,event';
const body: string[] = [];
for (let n = 0; n < rows; n++) {
  const i = n % SOURCES;
  const j = Math.floor(n / SOURCES);
  const k = (i * 7 + j) % 90;
  body.push(`report-${String(i).padStart(3, '0')}.txt,casualties,at least ${k} people were killed,killed,${k},${k},,Incident ${j}`);
}
const csv = [header, ...body].join('\r\n');

const t0 = performance.now();
readSheet(csv);
const parseMs = performance.now() - t0;

const core = await createCore({ dataDir: defaultDataDir(), fixedCaseDir: dir, host: 'cli' });
try {
  const caseId = core.info.fixedCase as string;
  const client = core as unknown as Client;
  const newId = (p: string) => `${p}-${randomBytes(8).toString('hex')}`;
  const tp = performance.now();
  await importClaimsSheet(client, caseId, csv, { newId, now: new Date().toISOString(), preview: true });
  const planMs = performance.now() - tp;
  const t1 = performance.now();
  const out = await importClaimsSheet(client, caseId, csv, { newId, now: new Date().toISOString() });
  const importMs = performance.now() - t1;
  console.log(
    `  ${rows.toLocaleString('en-US')} rows over ${SOURCES} sources: ${out.claims.length.toLocaleString('en-US')} imported, ${out.errors.length} refused, ${out.events.length} events created`,
  );
  console.log(`  import-claims (read, anchor every quote, one batch): ${importMs.toFixed(0)} ms`);
  console.log(`  of which reading and planning (a preview, as the Import claims… dialog shows): ${planMs.toFixed(0)} ms`);
  console.log(`  reference, parsing the sheet alone (papaparse): ${parseMs.toFixed(0)} ms — ratio ${(importMs / parseMs).toFixed(1)}×`);
} finally {
  await core.close();
}
