// Run as a separate process by the store's tests: `node tests/support/store-child.ts <mode> <dir>`.
//   hold <dir>          open the case, print "ready", keep it open until killed
//   save-and-die <dir>  open, save a change, and SIGKILL itself the moment the save is acknowledged
//   journal-save-and-die <dir>  the same with a journaled save (one source's metadata and the case name)
//   try-open <dir>      try to open the case and print the error code it got (or "opened")
import { isApiError } from '../../shared/errors.ts';
import { CaseStore } from '../../electron/core/store/index.ts';

const [mode, dir] = process.argv.slice(2);
if (mode === 'try-open') {
  const outcome = await CaseStore.open(dir).then(
    async (s) => (await s.close(), 'opened'),
    (e: unknown) => (isApiError(e) ? e.code : String(e)),
  );
  process.stdout.write(`${outcome}\n`);
  process.exit(0);
}
const store = await CaseStore.open(dir);
if (mode === 'hold') {
  process.stdout.write('ready\n');
  setInterval(() => {}, 1000);
} else if (mode === 'save-and-die') {
  await store.updateIndex((d) => {
    d.name = 'Saved just before the crash';
  });
  process.kill(process.pid, 'SIGKILL');
} else if (mode === 'journal-save-and-die') {
  const id = store.index.sources[0].id;
  await store.updateIndex(
    (d) => {
      d.sources[0].notes = 'Noted just before the crash';
      d.name = 'Journaled just before the crash';
    },
    { sources: [id], fields: ['name'] },
  );
  process.kill(process.pid, 'SIGKILL');
} else {
  throw new Error(`unknown mode ${mode}`);
}
