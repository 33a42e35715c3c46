// Builds the core for a host: where cases live, which are open, and the handler for every operation
// of the contract (grouped by area in handlers/). Hosts call `core.call` / `core.reply`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppInfo, Handlers } from '../../shared/api.ts';
import { dataDirLocator, fixedCaseLocator } from './cases.ts';
import { makeCore, type Core } from './core.ts';
import { bundleHandlers } from './handlers/bundles.ts';
import { caseHandlers } from './handlers/cases.ts';
import { claimHandlers } from './handlers/claims.ts';
import { compareHandlers } from './handlers/compare.ts';
import { sourceHandlers } from './handlers/sources.ts';
import { leftOutHandlers } from './handlers/left-out.ts';
import { reimportHandlers } from './handlers/reimport.ts';
import { syncHandlers } from './handlers/sync.ts';
import { CredentialStore, type SecretBox } from './sync/credentials.ts';
import { SyncSessions } from './sync/sessions.ts';
import { registerOpenCases } from './core-cases.ts';
import { OpenCases } from './session.ts';

export type { Core } from './core.ts';
export { openCasesOf } from './core-cases.ts';

export interface CoreOptions {
  dataDir: string;
  /** Serve exactly this case folder (created on first use) instead of the data directory's cases. */
  fixedCaseDir?: string;
  host: AppInfo['host'];
  /** Validate even the large replies against the contract (default: CORROBORATE_CHECK_REPLIES=1, as the tests set). */
  checkReplies?: boolean;
  /** Seals remembered sync passwords (the Electron host passes the OS keychain's); default: a private file, see sync/credentials.ts. */
  secretBox?: SecretBox;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const dataDir = resolve(opts.dataDir);
  const locator = opts.fixedCaseDir ? fixedCaseLocator(opts.fixedCaseDir) : dataDirLocator(dataDir);
  const version = await appVersion();
  const info: AppInfo = { version, host: opts.host, dataDir, fixedCase: locator.fixedId };
  const open = new OpenCases(locator, version);
  // Sync reaches the case through the core's own calls; the core exists by the time a sync starts.
  const syncs = new SyncSessions(() => core, open, CredentialStore.forDataDir(dataDir, opts.secretBox));

  const handlers: Handlers = {
    'app.info': async () => info,
    ...withSyncStopped(caseHandlers(open), syncs),
    ...sourceHandlers(open),
    ...leftOutHandlers(open),
    ...reimportHandlers(open),
    ...claimHandlers(open),
    ...compareHandlers(open),
    ...bundleHandlers(open),
    ...syncHandlers(syncs),
  };
  const checkReplies = opts.checkReplies ?? process.env.CORROBORATE_CHECK_REPLIES === '1';
  const core = makeCore(info, handlers, async () => (await syncs.closeAll(), await open.closeAll()), { checkReplies, watch: (fn) => open.watch(fn) });
  registerOpenCases(core, open);
  return core;
}

/** A case deleted while it syncs: its sync stops before the case goes to the trash. */
function withSyncStopped<H extends Pick<Handlers, 'cases.delete'>>(h: H, syncs: SyncSessions): H {
  const remove = h['cases.delete'];
  return { ...h, 'cases.delete': async (input: Parameters<typeof remove>[0]) => (await syncs.forgetCase(input.caseId), remove(input)) };
}

async function appVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
