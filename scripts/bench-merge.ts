// Merge benchmark: `node_modules/.bin/node scripts/bench-merge.ts [sources]` (default 1,000 sources
// with 10 claims each, made by gen-case.ts). A bundle merge is one undo step (electron/core/bundle/
// import.ts): this prints what that costs beside references measured in the same run, as ratios:
// - a colleague's copy with a tenth of the claims edited, merged back: merge, undo and redo beside
//   exporting the case (what a merge's reading and checking of a bundle is comparable to);
// - the whole case merged into an empty one (every source added, staged first): the same, beside
//   importing the bundle as a new case (the same files written, no undo step);
// - the undo history the merge leaves (bytes, beside the bundle's), and reading the case again with
//   it (CaseClaims.load beside the same load with the history set aside).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CaseClaims } from '../electron/core/claims.ts';
import { exportCase, importAsNewCase, mergeIntoCase, readBundle } from '../electron/core/bundle/index.ts';
import { CaseStore } from '../electron/core/store/index.ts';
import { generateCase } from './gen-case.ts';
import { median, time } from './bench/time.ts';

const N = Number(process.argv[2] ?? 1000);
const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(9);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(7);
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`.padStart(9);

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'corroborate-bench-merge-'));
const open: CaseStore[] = [];
async function load(dir: string) {
  const store = await CaseStore.open(dir);
  open.push(store);
  return { store, claims: await CaseClaims.load(store) };
}
const historyBytes = async (dir: string) => {
  let n = 0;
  for (const f of ['history.json', 'history.log']) n += (await fs.stat(path.join(dir, f)).catch(() => ({ size: 0 }))).size;
  return n;
};

try {
  generateCase({ sources: N, out: path.join(root, 'a') });
  const a = await load(path.join(root, 'a'));
  const claimCount = a.claims.view().claims.length;
  const exportMs: number[] = [];
  let bundle: Uint8Array = new Uint8Array();
  for (let i = 0; i < 3; i++) exportMs.push(await time(async () => (bundle = await exportCase(a.store, a.claims.view(), { appVersion: 'bench' }))));

  // The colleague's copy: every tenth claim gets a note.
  const b = { store: await importAsNewCase(readBundle(bundle), path.join(root, 'b')) } as { store: CaseStore; claims: CaseClaims };
  open.push(b.store);
  b.claims = await CaseClaims.load(b.store);
  const at = new Date().toISOString();
  const edited = b.claims.view().claims.filter((_, i) => i % 10 === 0);
  await b.claims.execute({
    type: 'batch',
    payload: {
      commands: edited.map((c) => ({ type: 'claim.update' as const, payload: { id: c.id, set: { note: 'checked by a colleague', modified: at }, unset: [] } })),
    },
  });
  const theirs = readBundle(await exportCase(b.store, b.claims.view(), { appVersion: 'bench' }));

  const before = await historyBytes(a.store.dir);
  const mergeMs = await time(() => mergeIntoCase(a.store, a.claims, theirs));
  const historyAfter = (await historyBytes(a.store.dir)) - before;
  const undoMs = await time(() => a.claims.undo());
  const redoMs = await time(() => a.claims.redo());

  // Everything new: the whole case merged into an empty one, beside importing it as a new case.
  const empty = { store: await CaseStore.create(path.join(root, 'c'), { id: 'c', name: 'Empty' }) } as { store: CaseStore; claims: CaseClaims };
  open.push(empty.store);
  empty.claims = await CaseClaims.load(empty.store);
  const contents = readBundle(bundle);
  const mergeAllMs = await time(() => mergeIntoCase(empty.store, empty.claims, contents));
  const undoAllMs = await time(() => empty.claims.undo());
  const redoAllMs = await time(() => empty.claims.redo());
  const importNewMs = await time(async () => open.push(await importAsNewCase(contents, path.join(root, 'd'))));

  // Reading the case again, with the merge in its history and without.
  await a.store.close();
  const withHistory: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 3; i++) {
    withHistory.push(
      await time(async () => {
        const s = await CaseStore.open(a.store.dir);
        await CaseClaims.load(s);
        await s.close();
      }),
    );
    for (const f of ['history.json', 'history.log']) await fs.rename(path.join(a.store.dir, f), path.join(root, `${f}.aside`)).catch(() => {});
    without.push(
      await time(async () => {
        const s = await CaseStore.open(a.store.dir);
        await CaseClaims.load(s);
        await s.close();
      }),
    );
    for (const f of ['history.json', 'history.log']) await fs.rename(path.join(root, `${f}.aside`), path.join(a.store.dir, f)).catch(() => {});
  }

  const ref = median(exportMs);
  console.log(`Merge as one undo step: ${N.toLocaleString('en')} sources, ${claimCount.toLocaleString('en')} claims, bundle ${kb(bundle.byteLength).trim()}`);
  console.log(
    `  colleague's copy (${edited.length.toLocaleString('en')} claims edited) merged   ${ms(mergeMs)}  ${ratio(mergeMs, ref)} of an export (${ms(ref).trim()})`,
  );
  console.log(`  its undo                                     ${ms(undoMs)}  ${ratio(undoMs, ref)} of an export`);
  console.log(`  its redo                                     ${ms(redoMs)}  ${ratio(redoMs, ref)} of an export`);
  console.log(`  undo history it added                        ${kb(historyAfter)}  ${ratio(historyAfter, bundle.byteLength)} of the bundle`);
  console.log(
    `  whole case merged into an empty one          ${ms(mergeAllMs)}  ${ratio(mergeAllMs, importNewMs)} of importing it as a new case (${ms(importNewMs).trim()})`,
  );
  console.log(`  its undo                                     ${ms(undoAllMs)}  ${ratio(undoAllMs, importNewMs)} of that import`);
  console.log(`  its redo                                     ${ms(redoAllMs)}  ${ratio(redoAllMs, importNewMs)} of that import`);
  console.log(
    `  reading the case again with the merge in its history ${ms(median(withHistory))}  ${ratio(median(withHistory), median(without))} of reading it without (${ms(median(without)).trim()})`,
  );
} finally {
  await Promise.all(open.map((s) => s.close().catch(() => {})));
  await fs.rm(root, { recursive: true, force: true });
}
