// Store benchmark: `node_modules/.bin/node scripts/bench-store.ts [sources]`.
// Builds a case of 10,000 short sources and prints open / save times beside the cost of one bare
// durable 1 KB write on the same disk (the floor any save pays). Index saves are shown both ways:
// journaled (a caller says what it changed) and whole (case.json rewritten, the cost before the journal).
import fs from 'node:fs/promises';
import path from 'node:path';
import { CaseStore, writeFileDurable } from '../electron/core/store/index.ts';
import { makeSource, tempDir } from '../tests/support/store-helpers.ts';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = 20;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
async function medianOf(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(() => fn(i)));
  return median(times);
}
const ms = (x: number): string => `${x.toFixed(1)} ms`.padStart(10);

const root = await tempDir('bench');
const dir = path.join(root, 'case');
try {
  // Setup writes the files directly (not through the store): it is not what is measured.
  const store = await CaseStore.create(dir, { id: 'bench', name: 'Benchmark case' });
  const made = Array.from({ length: N }, (_, i) =>
    makeSource(i, `Report ${i}. Officials said ${i % 50} people were wounded in the attack on ${i % 28} March.`),
  );
  for (let i = 0; i < made.length; i += 500) {
    await Promise.all(
      made
        .slice(i, i + 500)
        .flatMap(({ source, body, original }) => [
          fs.writeFile(path.join(dir, 'originals', `${source.sha256}.txt`), original),
          fs.writeFile(path.join(dir, 'sources', `${source.id}.json`), JSON.stringify({ schemaVersion: 1, ...body })),
        ]),
    );
  }
  await store.updateIndex((d) => {
    d.sources = made.map((m) => m.source);
  });
  await store.close();
  const indexBytes = (await fs.stat(path.join(dir, 'case.json'))).size;

  const reference = await medianOf(RUNS, (i) => writeFileDurable(path.join(root, 'ref.json'), 'x'.repeat(1024 - (i % 2))));

  const openFull = await medianOf(3, async () => (await CaseStore.open(dir)).close());
  const openQuick = await medianOf(3, async () => (await CaseStore.open(dir, { checkBodies: false })).close());

  const s = await CaseStore.open(dir);
  const id = made[N >> 1].source.id;
  const editSource = (i: number) => s.updateIndex(() => void (s.source(id)!.notes = `checked ${i}`), { sources: [id] });
  const journaledSave = await medianOf(RUNS, editSource);
  const journaledRename = await medianOf(RUNS, (i) => s.updateIndex((d) => void (d.name = `Benchmark case ${i}`), { fields: ['name'] }));
  const fullSave = await medianOf(RUNS, (i) => s.updateIndex((d) => void (d.name = `Benchmark case ${i}`)));
  const body = await s.readBody(id);
  const bodySave = await medianOf(RUNS, (i) => s.writeBody({ ...body, claims: [{ n: i }] }));

  // A long session: every save journaled, and the one that would pass 1,000 lines rewrites case.json.
  const snapshotsBefore = s.snapshotWrites;
  const session: number[] = [];
  for (let i = 0; i < 1_100; i++) session.push(await time(() => editSource(i)));
  const compactions = s.snapshotWrites - snapshotsBefore;
  const mean = session.reduce((a, b) => a + b, 0) / session.length;

  // Open after a crash with a journal of 999 lines (replayed, then folded into case.json before the open-time backup).
  await s.updateIndex(() => {}); // a fresh snapshot, then 999 lines on it
  for (let i = 0; i < 999; i++) await editSource(i);
  const journalBytes = (await fs.stat(path.join(dir, 'case.journal'))).size;
  const crash = await Promise.all(['case.json', 'case.journal'].map(async (f) => [f, await fs.readFile(path.join(dir, f))] as const));
  const closeWithJournal = await time(() => s.close());
  for (const [f, bytes] of crash) await fs.writeFile(path.join(dir, f), bytes);
  let replayed = 0;
  const openReplay = await time(async () => {
    const r = await CaseStore.open(dir, { checkBodies: false });
    replayed = r.snapshotWrites;
    await r.close();
  });

  console.log(`Case store, ${N.toLocaleString('en')} sources (case.json ${(indexBytes / 1024 / 1024).toFixed(1)} MB), medians of ${RUNS}:`);
  console.log(`${ms(reference)}  reference: one bare durable write of a 1 KB file (writeFileDurable)`);
  console.log(`${ms(journaledSave)}  save one source's metadata (updateIndex with changes: one journal line appended)`);
  console.log(`${ms(journaledRename)}  rename the case (updateIndex with changes: one journal line appended)`);
  console.log(`${ms(fullSave)}  save the index whole (updateIndex without changes: case.json rewritten, as before the journal)`);
  console.log(`${ms(bodySave)}  save one source body (writeBody)`);
  console.log(
    `${ms(mean)}  mean of 1,100 journaled saves in a row, including ${compactions} rewrite${compactions === 1 ? '' : 's'} of case.json at 1,000 lines (slowest ${Math.max(...session).toFixed(1)} ms)`,
  );
  console.log(`${ms(closeWithJournal)}  close with a ${(journalBytes / 1024).toFixed(0)} KB journal (folded into case.json)`);
  console.log(`${ms(openReplay)}  open after a crash with that journal (replayed, case.json rewritten ${replayed}x), source files only checked for presence`);
  console.log(`${ms(openQuick)}  open the case, source files only checked for presence`);
  console.log(`${ms(openFull)}  open the case, every source file read and validated (default)`);
} finally {
  await fs.rm(root, { recursive: true, force: true });
}
