// Sync of one open case with its database on a CouchDB server. The engine is CouchDB's replication
// protocol as PouchDB implements it (Node edition, LevelDB on disk): the case's records are mirrored
// into a local PouchDB beside the case (reconcile.ts), and PouchDB replicates that database with
// the server's, both ways, resuming from its checkpoints after a restart. Sync observes the core
// (the claims' change feed) and changes the case only through the core's own paths, so the files,
// the journal and the change feed keep their promises; remote edits never enter the undo stack.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../core.ts';
import { openCasesOf } from '../core-cases.ts';
import type { OpenCases } from '../session.ts';
import { docIdsOfChanges } from './docs.ts';
import { KnownRevs } from './known.ts';
import { LocalCase } from './local.ts';
import { reconcile, type PassResult } from './reconcile.ts';
import { databaseUrl, describeRemote, openLocal, openRemote, refusalOf, type Credentials } from './remote.ts';
import type { Db, ReplicationResult } from './revs.ts';

export interface SyncStatus {
  state: 'synced' | 'syncing' | 'offline' | 'refused' | 'stopped';
  /** Documents still to replicate in the batch under way, as PouchDB last told (live only). */
  pending: number;
  /** When the connection was lost (offline) or the refusal came (refused). */
  since: string | null;
  reason: string | null;
  /** Records that could not be applied yet, and other problems, in words (the latest few). */
  problems: string[];
  /** Records applied here from the server since this sync started (a window reads the case again when it grows). */
  received: number;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  applied: number;
  written: number;
  /** Writes the server refused (a viewer's edit), with the server's reason. */
  denied: Array<{ id: string; reason: string }>;
  waiting: Array<{ id: string; why: string }>;
  problems: string[];
}

export interface SyncOptions {
  caseId: string;
  /** The server (a database named after the case) or the case's database URL. */
  server: string;
  credentials: Credentials | null;
  onStatus?: (s: SyncStatus) => void;
}

const BATCH = 500;

export class CaseSync {
  readonly url: URL;
  readonly #core: Core;
  readonly #open: OpenCases;
  readonly #caseId: string;
  readonly #db: Db;
  readonly #remote: Db;
  readonly #known: KnownRevs;
  readonly #onStatus: (s: SyncStatus) => void;
  #queue: Promise<unknown> = Promise.resolve();
  #pendingIds = new Set<string>();
  #waiting = new Map<string, string>();
  #status: SyncStatus = { state: 'syncing', pending: 0, since: null, reason: null, problems: [], received: 0 };
  #stops: Array<() => void> = [];

  private constructor(core: Core, open: OpenCases, caseId: string, url: URL, db: Db, remote: Db, known: KnownRevs, onStatus: (s: SyncStatus) => void) {
    this.#core = core;
    this.#open = open;
    this.#caseId = caseId;
    this.url = url;
    this.#db = db;
    this.#remote = remote;
    this.#known = known;
    this.#onStatus = onStatus;
  }

  static async open(core: Core, opts: SyncOptions): Promise<CaseSync> {
    const open = openCasesOf(core);
    const store = await open.store(opts.caseId);
    const url = databaseUrl(opts.server, store.index.id);
    await mkdir(join(store.dir, 'sync'), { recursive: true });
    const db = openLocal(store.dir, url);
    const known = await KnownRevs.open(`${db.name}-known.jsonl`);
    return new CaseSync(core, open, opts.caseId, url, db, openRemote(url, opts.credentials), known, opts.onStatus ?? (() => undefined));
  }

  get status(): SyncStatus {
    return this.#status;
  }

  /** Brings every record of the case and of the local database level (at start, after a bundle merge). */
  reconcileAll(): Promise<PassResult> {
    return this.#serial(async () => {
      const local = await this.#localCase();
      const ids = new Set(local.records.keys());
      for (let at: string | undefined; ;) {
        const page = await this.#db.allDocs({ limit: 5000, ...(at ? { startkey: at, skip: 1 } : {}) });
        for (const r of page.rows) ids.add(r.id);
        if (page.rows.length < 5000) break;
        at = page.rows[page.rows.length - 1].id;
      }
      return this.#pass(local, ids);
    });
  }

  /** One round trip: push what was edited here, pull what the server has, settle and push merges, until nothing moves. */
  async once(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, pulled: 0, applied: 0, written: 0, denied: [], waiting: [], problems: [] };
    const add = (r: PassResult) => {
      report.applied += r.applied;
      report.written += r.written;
      report.problems.push(...r.problems);
    };
    add(await this.reconcileAll());
    for (let round = 0; round < 5; round++) {
      const push = await this.#replicate('to');
      report.pushed += push.docs_written;
      for (const e of push.errors as Array<{ id?: string; status?: number; message?: string; name?: string }>)
        report.denied.push({ id: e.id ?? '', reason: e.message ?? e.name ?? 'refused' });
      const seq = (await this.#db.info()).update_seq;
      const pull = await this.#replicate('from');
      report.pulled += pull.docs_written;
      const r = await this.#serial(async () => this.#pass(await this.#localCase(), await this.#changedSince(seq)));
      add(r);
      // A pass that wrote (a merge) has something to push, and may have something to apply next round.
      if (!r.written && !r.applied && !pull.docs_written) break;
    }
    report.waiting = [...this.#waiting].map(([id, why]) => ({ id, why }));
    this.#setStatus(
      report.denied.length
        ? { state: 'refused', since: now(), reason: refusalOf({ status: 403, reason: report.denied[0].reason }) }
        : { state: 'synced', since: null, reason: null },
    );
    return report;
  }

  /** Live both ways until stopped: every edit here goes out, every change there comes in; retried while offline. */
  async live(): Promise<void> {
    await this.reconcileAll();
    let cc = await this.#open.claims(this.#caseId);
    let unsubscribe = cc.subscribe((change) => this.#schedule(docIdsOfChanges(change)));
    this.#stops.push(() => unsubscribe());
    // A bundle merge reads the case's claims again (a new CaseClaims): follow it, and compare everything once.
    const unwatch = this.#core.watch((e) => {
      if (e.kind !== 'claims') return;
      void this.#open
        .claims(this.#caseId)
        .then(async (now) => {
          if (now === cc) return;
          unsubscribe();
          cc = now;
          unsubscribe = now.subscribe((change) => this.#schedule(docIdsOfChanges(change)));
          await this.reconcileAll();
        })
        .catch((err: unknown) => this.#setStatus({ state: this.#status.state, since: this.#status.since, reason: describe(err) }));
    });
    this.#stops.push(unwatch);
    const feed = this.#db.changes({ since: 'now', live: true }).on('change', (c: { id: string }) => this.#schedule([c.id]));
    this.#stops.push(() => feed.cancel());
    // Sources' metadata and the clash list change outside the claims feed: looked at now and then.
    const timer = setInterval(() => this.#schedule([]), 2000);
    this.#stops.push(() => clearInterval(timer));
    const sync = this.#db.sync(this.#remote, {
      live: true,
      retry: true,
      batch_size: BATCH,
      back_off_function: (d: number) => (d === 0 ? 250 : Math.min(d * 2, 5000)),
    });
    // The two directions tell their own errors (the combined 'paused' drops them): offline while either
    // fails to reach the server, refused when the server says no, synced when both are idle and well.
    const failing = { push: false, pull: false };
    for (const direction of ['push', 'pull'] as const) {
      const side = sync[direction];
      side
        ?.on('requestError', (err: unknown) => {
          failing[direction] = true;
          this.#trouble(err);
        })
        .on('paused', (err: unknown) => {
          if (err) return this.#trouble(err);
          failing[direction] = false;
          if (!failing.push && !failing.pull && this.#status.state !== 'refused') this.#setStatus({ state: 'synced', since: null, reason: null });
        })
        .on('active', () => {
          if (!failing.push && !failing.pull) this.#setStatus({ state: 'syncing', since: null, reason: null });
        });
    }
    sync.on('change', (info: { change?: { pending?: number } }) => {
      this.#status = { ...this.#status, pending: info.change?.pending ?? 0 };
      this.#onStatus(this.#status);
    });
    // A sync (both ways) tells a refused write as { direction, doc: the error }; one direction tells the error itself.
    sync.on('denied', (e: { doc?: unknown }) => {
      const err = e?.doc ?? e;
      this.#setStatus({ state: 'refused', since: now(), reason: refusalOf({ status: 403, ...(err as object) }) ?? describe(err) });
    });
    sync.on('error', (err: unknown) => this.#trouble(err));
    // The sync and its directions are promises too; their failures are told through the events above,
    // so a rejection (a request cut off while the server was going down) must not go unhandled.
    for (const p of [sync, sync.push, sync.pull, feed]) p?.then(undefined, (err: unknown) => this.#trouble(err));
    this.#stops.push(() => sync.cancel());
  }

  /** Waits until every scheduled pass has run (tests and the CLI use it to know the case is level with its database). */
  async idle(): Promise<void> {
    for (let q = this.#queue; ; q = this.#queue) {
      await q;
      if (q === this.#queue && !this.#pendingIds.size) return;
    }
  }

  async close(): Promise<void> {
    for (const stop of this.#stops.splice(0)) stop();
    await this.#queue.catch(() => undefined);
    this.#setStatus({ state: 'stopped', since: null, reason: null });
    await Promise.all([this.#db.close(), this.#remote.close(), this.#known.close()]);
  }

  #schedule(ids: string[]): void {
    const first = !this.#pendingIds.size;
    for (const id of ids) this.#pendingIds.add(id);
    if (!first) return; // the pass already queued takes these too
    this.#pendingIds.add('\u0000');
    void this.#serial(async () => {
      const batch = [...this.#pendingIds].filter((i) => i !== '\u0000');
      this.#pendingIds.clear();
      const local = await this.#localCase();
      // Sources and clashes change outside the claims feed: those that differ from the last pass's.
      batch.push(...this.#unseen(local));
      await this.#pass(local, batch);
    }).catch((e: unknown) => this.#setStatus({ state: this.#status.state, since: this.#status.since, reason: describe(e) }));
  }

  /** Sources' metadata, originals and clashes seen in the last pass, to tell which changed since. */
  #seen = new Map<string, string>();

  #unseen(local: LocalCase): string[] {
    const changed: string[] = [];
    const now = new Map<string, string>();
    for (const [id, r] of local.records) {
      if (r.type !== 'source' && r.type !== 'original' && r.type !== 'clash') continue;
      const json = local.json(id) as string;
      now.set(id, json);
      if (this.#seen.get(id) !== json) changed.push(id);
    }
    for (const id of this.#seen.keys()) if (!now.has(id)) changed.push(id);
    this.#seen = now;
    return changed;
  }

  async #pass(local: LocalCase, ids: Iterable<string>): Promise<PassResult> {
    // What others point at first (a claim needs its source and event), and what waited last time again.
    const all = [...new Set([...ids, ...this.#waiting.keys()])].sort((x, y) => rank(x) - rank(y));
    const total: PassResult = { written: 0, applied: 0, waiting: new Map(), problems: [] };
    const cc = await this.#open.claims(this.#caseId);
    // A colleague's deletion: to the trash with its text and claims, as a local one, but not on this user's undo stack.
    const deleteSource = async (sourceId: string) => {
      await cc.applyRemote({ type: 'source.delete', payload: { id: sourceId } });
    };
    for (let i = 0; i < all.length || i === 0; i += 20_000) {
      const r = await reconcile(
        { db: this.#db, known: this.#known, claims: cc, local, from: describeRemote(this.url), deleteSource },
        all.slice(i, i + 20_000),
      );
      total.written += r.written;
      total.applied += r.applied;
      total.problems.push(...r.problems);
      for (const [k, v] of r.waiting) total.waiting.set(k, v);
      if (r.applied && i + 20_000 < all.length) local = await this.#localCase();
    }
    for (const id of all) if (!total.waiting.has(id)) this.#waiting.delete(id);
    for (const [k, v] of total.waiting) this.#waiting.set(k, v);
    const problems = [...total.problems, ...[...this.#waiting].slice(0, 5).map(([id, why]) => `${id}: ${why}`)].slice(0, 10);
    const moved = total.applied > 0 || problems.join('\n') !== this.#status.problems.join('\n');
    this.#status = { ...this.#status, problems, received: this.#status.received + total.applied };
    // Records that arrived (or could not be applied yet) are told: a window reads the case again.
    if (moved) this.#onStatus(this.#status);
    return total;
  }

  async #localCase(): Promise<LocalCase> {
    return LocalCase.read(await this.#open.store(this.#caseId), await this.#open.claims(this.#caseId));
  }

  async #changedSince(seq: number | string): Promise<string[]> {
    const ids = new Set<string>();
    for (let since = seq; ;) {
      const page = await this.#db.changes({ since, limit: 5000 });
      for (const c of page.results) ids.add(c.id);
      if (page.results.length < 5000) break;
      since = page.last_seq;
    }
    return [...ids];
  }

  async #replicate(direction: 'to' | 'from'): Promise<ReplicationResult> {
    try {
      const opts = { batch_size: BATCH };
      return direction === 'to' ? await this.#db.replicate.to(this.#remote, opts) : await this.#db.replicate.from(this.#remote, opts);
    } catch (e) {
      const refusal = refusalOf(e);
      this.#setStatus(refusal ? { state: 'refused', since: now(), reason: refusal } : { state: 'offline', since: now(), reason: describe(e) });
      throw new Error(refusal ?? `Could not reach ${describeRemote(this.url)}: ${describe(e)}. Your edits are kept here and go out on the next sync.`);
    }
  }

  /** The server could not be reached (offline, since when it was first lost) or refused (with why). */
  #trouble(err: unknown): void {
    if (this.#status.state === 'stopped') return;
    const refusal = refusalOf(err);
    if (refusal) this.#setStatus({ state: 'refused', since: now(), reason: refusal });
    else
      this.#setStatus({
        state: 'offline',
        since: this.#status.state === 'offline' ? this.#status.since : now(),
        reason: `Could not reach ${describeRemote(this.url)} (${networkWhy(err)}). Your edits are kept here and go out when it answers again`,
      });
  }

  #setStatus(s: Pick<SyncStatus, 'state' | 'since' | 'reason'>): void {
    this.#status = { ...this.#status, ...s };
    this.#onStatus(this.#status);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

const ORDER = ['original', 'source', 'actor', 'event', 'annotation', 'claim'];
const rank = (id: string): number => {
  const i = ORDER.indexOf(id.slice(0, id.indexOf(':')));
  return i < 0 ? ORDER.length : i;
};
const now = () => new Date().toISOString();
const describe = (e: unknown): string => {
  const err = e as { message?: string; reason?: string; name?: string; code?: string };
  return err?.reason ?? err?.message ?? err?.code ?? err?.name ?? String(e);
};
/** "socket hang up" out of "request to http://…/_changes?… failed, reason: socket hang up": the address is said apart. */
const networkWhy = (e: unknown): string => {
  const text = describe(e);
  return /reason: (.*)$/.exec(text)?.[1] ?? text;
};
