// Test support for sync: app cores with their own data folders, each syncing one case through its
// own TCP proxy to a shared CouchDB-protocol server, and what "converged" means for them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimsView, ImportResult } from '../../shared/api.ts';
import { makeTarget } from '../../shared/text/anchor.ts';
import type { Clash } from '../../shared/exchange/bundle.ts';
import type { CaseSummary } from '../../shared/model/case.ts';
import { blankClaim, type Claim } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import { canonicalJson } from '../../shared/exchange/merge.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { CaseSync, type Credentials } from '../../electron/core/sync/index.ts';
import type { CouchServer } from './couch-server.ts';
import { TcpProxy } from './tcp-proxy.ts';

export const TEXT =
  'Officials said 12 rockets hit the base on Wednesday, killing two soldiers and wounding 14 people. A militia denied any role. Later reports put the toll at three.';

export class Client {
  readonly core: Core;
  readonly caseId: string;
  readonly proxy: TcpProxy;
  readonly dataDir: string;
  sync: CaseSync | null = null;
  #n = 0;
  readonly label: string;

  private constructor(label: string, core: Core, caseId: string, proxy: TcpProxy, dataDir: string) {
    this.label = label;
    this.core = core;
    this.caseId = caseId;
    this.proxy = proxy;
    this.dataDir = dataDir;
  }

  /** A core with a new case; `withSource` pastes TEXT into it. */
  static async make(label: string, serverPort: number, opts: { withSource?: boolean; dataDir?: string; caseId?: string } = {}): Promise<Client> {
    const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), `corroborate-sync-${label}-`)));
    const core = await createCore({ dataDir, host: 'browser' });
    const caseId = opts.caseId ?? ((await core.call('cases.create', { name: `Taji ${label}` })) as CaseSummary).id;
    if (opts.withSource) await core.call('sources.paste', { caseId, text: TEXT, title: 'Wire report' });
    return new Client(label, core, caseId, await TcpProxy.start(serverPort), dataDir);
  }

  /** The case's database through this client's proxy. */
  dbUrl(name: string): string {
    return `${this.proxy.url}/${name}`;
  }

  async startSync(dbName: string, credentials: Credentials | null): Promise<CaseSync> {
    this.sync = await CaseSync.open(this.core, { caseId: this.caseId, server: this.dbUrl(dbName), credentials });
    return this.sync;
  }

  view(): Promise<ClaimsView> {
    return this.core.call('claims.view', { caseId: this.caseId }) as Promise<ClaimsView>;
  }

  async sourceId(): Promise<string> {
    const open = (await this.core.call('cases.open', { caseId: this.caseId })) as { sources: Array<{ id: string }> };
    return open.sources[0].id;
  }

  async clashes(): Promise<Clash[]> {
    return ((await this.core.call('clashes.list', { caseId: this.caseId })) as { clashes: Clash[] }).clashes;
  }

  /** Tags a casualties claim on a quote of TEXT; returns its id. */
  async tag(quote: string, tweak: (c: Claim) => Claim = (c) => c): Promise<string> {
    const n = ++this.#n;
    const command = tagCommand(await this.sourceId(), quote, `${this.label}${n}`, tweak);
    await this.core.call('claims.execute', { caseId: this.caseId, command });
    return `c_${this.label}${n}`;
  }

  async update(claimId: string, set: Record<string, unknown>): Promise<void> {
    await this.core.call('claims.execute', {
      caseId: this.caseId,
      command: { type: 'claim.update', payload: { id: claimId, set: { ...set, modified: new Date().toISOString() }, unset: [] } },
    });
  }

  async close(): Promise<void> {
    await this.sync?.close().catch(() => undefined);
    await this.proxy.close();
    await this.core.close();
  }

  async remove(): Promise<void> {
    await this.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** The command that tags a casualties claim c_<suffix> (annotation a_<suffix>) on a quote of TEXT. */
export function tagCommand(sourceId: string, quote: string, suffix: string, tweak: (c: Claim) => Claim = (c) => c): Command {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`not in TEXT: ${quote}`);
  const at = new Date().toISOString();
  const annotationId = `a_${suffix}`;
  const claim = tweak(blankClaim('casualties', { id: `c_${suffix}`, sourceId, annotationId, created: at, text: quote }));
  return {
    type: 'claim.create',
    payload: {
      annotation: { id: annotationId, sourceId, targets: [makeTarget(TEXT, start, start + quote.length)], kind: 'casualties', created: at, modified: at },
      claim,
      at: null,
    },
  };
}

/** The case's records, in an order that does not depend on how they arrived, for comparing two clients. */
export async function recordsOf(c: Client): Promise<Record<string, string[]>> {
  const v = await c.view();
  const sorted = (xs: object[]) => xs.map((x) => canonicalJson(x)).sort();
  return {
    annotations: sorted(v.annotations),
    claims: sorted(v.claims),
    events: sorted(v.events),
    actors: sorted(v.actors),
    decisions: sorted(v.decisions),
    reconciliations: sorted(v.reconciliations),
    gradeOverrides: sorted(v.gradeOverrides),
  };
}

export const clashKeys = async (c: Client): Promise<string[]> => (await c.clashes()).map((x) => `${x.id} ${canonicalJson([x.current, x.other])}`).sort();

/** Syncs every client once, in turn, until a whole round moves nothing (at most `rounds`). */
export async function syncAll(clients: Client[], rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    let moved = 0;
    for (const c of clients) {
      const r = await (c.sync as CaseSync).once();
      moved += r.pushed + r.pulled + r.applied;
    }
    if (!moved) return;
  }
}

export type { ImportResult };

export const EDITOR_A = { name: 'ed', password: 'ed-pw', role: 'editor' as const };
export const EDITOR_B = { name: 'eve', password: 'eve-pw', role: 'editor' as const };
export const VIEWER = { name: 'vic', password: 'vic-pw', role: 'viewer' as const };
export const credentialsOf = (u: { name: string; password: string }): Credentials => ({ username: u.name, password: u.password });

/**
 * A shared case on a new database `db` (members EDITOR_A, EDITOR_B, VIEWER): A holds the source (and
 * tags `claims`, quotes of TEXT), B starts empty and pulls it; both synced once. Close them with remove().
 */
export async function sharedPair(server: CouchServer, db: string, claims: string[] = []): Promise<{ a: Client; b: Client; ids: string[] }> {
  await server.createCaseDb(db, [EDITOR_A, EDITOR_B, VIEWER]);
  const a = await Client.make('a', server.port, { withSource: true });
  const b = await Client.make('b', server.port);
  const ids = [];
  for (const q of claims) ids.push(await a.tag(q));
  await a.startSync(db, credentialsOf(EDITOR_A));
  await b.startSync(db, credentialsOf(EDITOR_B));
  await syncAll([a, b]);
  return { a, b, ids };
}
