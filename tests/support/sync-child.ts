// Test support: a client process for the kill -9 scenarios. Opens (or makes, with TEXT pasted) the
// case in a data folder, syncs it live with a database, and tags a claim c_<prefix><n> after another,
// printing "ack <id>" only once the core has acknowledged it (saved). With --once it syncs once,
// prints "done" and exits. The password comes from CORROBORATE_SYNC_PASSWORD, as for the CLI.
//
//   node tests/support/sync-child.ts DATA_DIR DB_URL USER PREFIX [--once]
import type { CaseSummary } from '../../shared/model/case.ts';
import { createCore } from '../../electron/core/index.ts';
import { CaseSync } from '../../electron/core/sync/index.ts';
import { tagCommand, TEXT } from './sync-clients.ts';

const [dataDir, dbUrl, user, prefix, mode] = process.argv.slice(2);
const core = await createCore({ dataDir, host: 'cli' });
const cases = (await core.call('cases.list', {})) as CaseSummary[];
const caseId = cases[0]?.id ?? ((await core.call('cases.create', { name: 'Crash case' })) as CaseSummary).id;
const open = (await core.call('cases.open', { caseId })) as { sources: Array<{ id: string }> };
if (!open.sources.length) await core.call('sources.paste', { caseId, text: TEXT, title: 'Wire report' });
const sourceId = ((await core.call('cases.open', { caseId })) as { sources: Array<{ id: string }> }).sources[0].id;
const sync = await CaseSync.open(core, { caseId, server: dbUrl, credentials: { username: user, password: process.env.CORROBORATE_SYNC_PASSWORD ?? '' } });
if (mode === '--once') {
  await sync.once();
  await sync.close();
  await core.close();
  process.stdout.write('done\n');
  process.exit(0);
}
await sync.live();
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const suffix = `${prefix}${n}`;
  await core.call('claims.execute', { caseId, command: tagCommand(sourceId, 'killing two soldiers', suffix) });
  process.stdout.write(`ack c_${suffix}\n`);
  await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
}
