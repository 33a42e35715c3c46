// The syncs a core runs for the app (the handler sync.ts speaks to this): at most one per case,
// started from the Share dialog, resumed when a shared case is asked about after a restart (its
// address and user name are kept in the case's `sync/remote.json`; its password, when the user let
// the app remember it, in the CredentialStore, never in the case), stopped on request or when the
// core closes. Every change of a sync's status is pushed on the core's change feed (announce.ts).
// The CLI runs its own CaseSync; both work on the same local database.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SyncLogin, SyncStart, SyncStatusView } from '../../../shared/exchange/sync-status.ts';
import { ApiError } from '../../../shared/errors.ts';
import { readClashes } from '../bundle/index.ts';
import type { Core } from '../core.ts';
import type { OpenCases } from '../session.ts';
import { writeFileDurable } from '../store/index.ts';
import { StatusFeed } from './announce.ts';
import type { CredentialStore } from './credentials.ts';
import { accessOf, databaseUrl, type Credentials } from './address.ts';
import type { CaseSync } from './replicator.ts';

// PouchDB (through replicator.ts) is loaded when a case is first shared or resumed, not when the app starts.
const loadReplicator = () => import('./replicator.ts');

/** What a shared case keeps about its sync: where and as whom (never the password). */
const Remote = z.object({ format: z.literal('corroborate-sync-remote'), database: z.url(), user: z.string().min(1).max(200) });
type Remote = z.infer<typeof Remote>;

interface Running {
  sync: CaseSync;
  remote: Remote;
  access: 'editor' | 'viewer' | null;
}

export class SyncSessions {
  readonly #core: () => Core;
  readonly #open: OpenCases;
  readonly #credentials: CredentialStore | null;
  readonly #running = new Map<string, Running>();
  /** Cases resumed (or tried) in this run: a failed resume is not tried again on every status call. */
  readonly #resumed = new Set<string>();
  /** Why a resume could not start, shown until the user shares again. */
  readonly #notes = new Map<string, string>();
  #queue: Promise<unknown> = Promise.resolve();
  readonly #feed: StatusFeed;
  readonly #unwatch: () => void;

  constructor(core: () => Core, open: OpenCases, credentials: CredentialStore | null) {
    this.#core = core;
    this.#open = open;
    this.#credentials = credentials;
    this.#feed = new StatusFeed(
      (caseId) => this.#view(caseId),
      (e) => open.emit(e),
    );
    // A clash settled (or a bundle's clashes merged) changes the count the top bar shows.
    this.#unwatch = open.watch((e) => {
      if (e.kind === 'claims' && this.#running.has(e.caseId)) void this.#feed.announce(e.caseId);
    });
  }

  /** What CaseSync calls when its status moves: told on the feed (a sync being stopped is told by stop). */
  #onStatus(caseId: string): (s: { state: string }) => void {
    return (s) => {
      if (s.state !== 'stopped') void this.#feed.announce(caseId);
    };
  }

  status(caseId: string): Promise<SyncStatusView> {
    return this.#serial(async () => {
      if (!this.#running.has(caseId) && !this.#resumed.has(caseId)) await this.#resume(caseId);
      return this.#view(caseId);
    });
  }

  start(caseId: string, input: SyncStart): Promise<SyncStatusView> {
    return this.#serial(async () => {
      const store = await this.#open.store(caseId);
      let url: URL;
      try {
        url = databaseUrl(input.server, store.index.id);
      } catch (e) {
        throw new ApiError('INVALID_INPUT', (e as Error).message);
      }
      const remembered = await this.#credentials?.get(url.href);
      const password = input.password ?? (remembered?.username === input.user ? remembered.password : null);
      if (!password) throw new ApiError('INVALID_INPUT', `Give the password for ${input.user} on ${url.host}.`);
      const credentials: Credentials = { username: input.user, password };
      await this.#stop(caseId);
      const sync = await (await loadReplicator()).CaseSync.open(this.#core(), { caseId, server: url.href, credentials, onStatus: this.#onStatus(caseId) });
      // One round trip first: a wrong password, a server that cannot be reached or a database that
      // does not exist is said here, in the dialog, and nothing is kept.
      try {
        await sync.once();
      } catch (e) {
        const refused = sync.status.state === 'refused';
        await sync.close().catch(() => undefined);
        throw new ApiError(refused ? 'FORBIDDEN' : 'INVALID_INPUT', (e as Error).message);
      }
      const remote: Remote = { format: 'corroborate-sync-remote', database: url.href, user: input.user };
      await writeFileDurable(remotePath(store.dir), `${JSON.stringify(remote, null, 2)}\n`);
      if (this.#credentials) {
        if (input.remember) await this.#credentials.set(url.href, credentials);
        else await this.#credentials.forget(url.href);
      }
      this.#notes.delete(caseId);
      this.#resumed.add(caseId);
      this.#running.set(caseId, { sync, remote, access: await accessOf(url, credentials) });
      await sync.live();
      void this.#feed.announce(caseId);
      return this.#view(caseId);
    });
  }

  /**
   * The name and password to ask a server with (the Share dialog's list of databases): the password
   * given, or the one remembered for the case's database when it is on that server for that user.
   */
  async login(caseId: string, input: SyncLogin): Promise<Credentials> {
    if (input.password) return { username: input.user, password: input.password };
    const remote = await readRemote((await this.#open.store(caseId)).dir);
    const kept = remote ? await this.#credentials?.get(remote.database) : null;
    let sameServer = false;
    try {
      sameServer = !!remote && new URL(remote.database).origin === new URL(input.server).origin;
    } catch {
      // not an address: said by the list itself
    }
    if (kept && sameServer && kept.username === input.user) return kept;
    throw new ApiError('INVALID_INPUT', `Give the password for ${input.user} on that server.`);
  }

  stop(caseId: string, forget: boolean): Promise<SyncStatusView> {
    return this.#serial(async () => {
      const store = await this.#open.store(caseId);
      const remote = this.#running.get(caseId)?.remote ?? (await readRemote(store.dir));
      await this.#stop(caseId);
      this.#resumed.add(caseId); // stopped by the user: not resumed again in this run
      if (forget) {
        await rm(remotePath(store.dir), { force: true });
        if (remote) await this.#credentials?.forget(remote.database);
        this.#notes.delete(caseId);
      } else this.#notes.set(caseId, 'Sync is paused on this computer. Share again to resume it.');
      void this.#feed.announce(caseId);
      return this.#view(caseId);
    });
  }

  /** The case is going (deleted): its sync stops first, so nothing writes into the folder once it is in the trash. */
  forgetCase(caseId: string): Promise<void> {
    return this.#serial(async () => {
      await this.#stop(caseId);
      this.#resumed.delete(caseId);
      this.#notes.delete(caseId);
    });
  }

  async closeAll(): Promise<void> {
    this.#unwatch();
    await this.#queue.catch(() => undefined);
    await Promise.all([...this.#running.keys()].map((id) => this.#stop(id)));
  }

  async #stop(caseId: string): Promise<void> {
    const r = this.#running.get(caseId);
    if (!r) return;
    this.#running.delete(caseId);
    await r.sync.close().catch(() => undefined);
  }

  /** A case shared before a restart syncs again, queued edits first, if its password was remembered. */
  async #resume(caseId: string): Promise<void> {
    this.#resumed.add(caseId);
    const store = await this.#open.store(caseId);
    const remote = await readRemote(store.dir);
    if (!remote) return;
    const credentials = await this.#credentials?.get(remote.database);
    if (!credentials || credentials.username !== remote.user) {
      this.#notes.set(caseId, `Give the password for ${remote.user} again to resume syncing (it was not kept on this computer).`);
      return;
    }
    const sync = await (await loadReplicator()).CaseSync.open(this.#core(), { caseId, server: remote.database, credentials, onStatus: this.#onStatus(caseId) });
    const running: Running = { sync, remote, access: null };
    this.#running.set(caseId, running);
    // Offline at start: told when known.
    void accessOf(sync.url, credentials).then((a) => {
      running.access = a;
      void this.#feed.announce(caseId);
    });
    // Live and retrying: offline at start is a state to show, not an error.
    await sync.live();
  }

  async #view(caseId: string): Promise<SyncStatusView> {
    const store = await this.#open.store(caseId);
    const clashes = (await readClashes(store.dir)).filter((c) => !c.resolved).length;
    const kept = this.#credentials?.box.kind ?? 'none';
    const r = this.#running.get(caseId);
    if (!r) {
      const remote = await readRemote(store.dir);
      const keptHere = remote && (await this.#credentials?.get(remote.database)) ? kept : 'none';
      return {
        state: 'off',
        database: remote?.database ?? null,
        user: remote?.user ?? null,
        pending: 0,
        since: null,
        reason: this.#notes.get(caseId) ?? null,
        clashes,
        problems: [],
        received: 0,
        access: null,
        kept: keptHere,
      };
    }
    const s = r.sync.status;
    const keptHere = (await this.#credentials?.get(r.remote.database)) ? kept : 'none';
    return {
      state: s.state === 'stopped' ? 'off' : s.state,
      database: r.sync.url.href,
      user: r.remote.user,
      pending: s.pending,
      since: s.since,
      reason: s.reason,
      clashes,
      problems: s.problems,
      received: s.received,
      access: r.access,
      kept: keptHere,
    };
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

const remotePath = (caseDir: string) => join(caseDir, 'sync', 'remote.json');

async function readRemote(caseDir: string): Promise<Remote | null> {
  try {
    const r = Remote.safeParse(JSON.parse(await readFile(remotePath(caseDir), 'utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
