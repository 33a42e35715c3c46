// `corroborate sync --case DIR --server URL [--user U] [--once] [--json]` (issue 13): one round trip
// with the case's database, or live until Ctrl-C. The password comes from CORROBORATE_SYNC_PASSWORD
// or a hidden prompt, never a flag.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { askHidden } from './ask-hidden.ts';
import type { CliIo } from './cli-common.ts';
import { parse, requireCase, UsageError, withCore } from './cli-common.ts';
import { CaseSync, type Credentials, type SyncStatus } from './core/sync/index.ts';

export async function syncCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    case: { type: 'string' },
    server: { type: 'string' },
    user: { type: 'string' },
    once: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`Unexpected argument “${positionals[0]}”.`);
  const caseDir = requireCase(values);
  if (typeof values.server !== 'string' || !values.server)
    throw new UsageError('Say which server with --server URL (http://host:5984/ or the case’s database, http://host:5984/taji-2020).');
  if (!(await stat(join(caseDir, 'case.json')).catch(() => null))) {
    io.err(`There is no Corroborate case in ${caseDir}.`);
    return 1;
  }
  const user = typeof values.user === 'string' ? values.user : process.env.CORROBORATE_SYNC_USER;
  let credentials: Credentials | null = null;
  if (user) {
    const password = process.env.CORROBORATE_SYNC_PASSWORD ?? (process.stdin.isTTY ? await askHidden(`Password for ${user}: `) : null);
    if (!password) {
      io.err(`No password for ${user}: set CORROBORATE_SYNC_PASSWORD, or run this in a terminal to be asked.`);
      return 1;
    }
    credentials = { username: user, password };
  }
  const server = values.server;
  return withCore(caseDir, async (core, caseId) => {
    await core.call('cases.open', { caseId });
    const say = (s: SyncStatus) => io.err(`sync: ${s.state}${s.reason ? ` (${s.reason})` : ''}`);
    const sync = await CaseSync.open(core, { caseId, server, credentials, onStatus: values.once ? undefined : say });
    try {
      if (values.once) {
        const r = await sync.once();
        if (values.json) io.out(JSON.stringify({ database: sync.url.host + sync.url.pathname, ...r }));
        else {
          io.out(`Synced with ${sync.url.host}${sync.url.pathname}: ${r.pushed} sent, ${r.pulled} received, ${r.applied} applied.`);
          for (const d of r.denied) io.err(`Refused by the server: ${d.id}: ${d.reason}`);
          for (const w of r.waiting) io.err(`Not applied yet: ${w.id}: ${w.why}`);
          for (const p of r.problems) io.err(p);
        }
        return r.denied.length ? 1 : 0;
      }
      await sync.live();
      io.err(`Syncing ${caseId} with ${sync.url.host}${sync.url.pathname}, live; Ctrl-C stops.`);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      return 0;
    } finally {
      await sync.close();
    }
  });
}
