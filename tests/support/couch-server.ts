// Test support: a real CouchDB-protocol server (pouchdb-server, npm) as a child process on
// 127.0.0.1, on a free port, its databases and config in a temporary folder. Apache CouchDB is
// what a desk runs; pouchdb-server speaks the same replication protocol, `_security` and
// `validate_doc_update`, and starts in a second or two, which is what CI needs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectNode } from './store-helpers.ts';

// Through a launcher that fixes a pouchdb-server replication bug in memory (see the file).
const BIN = resolve(import.meta.dirname, 'couch-server-main.cjs');
export const ADMIN = { username: 'admin', password: 'admin-pw' };

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export class CouchServer {
  readonly dir: string;
  readonly port: number;
  #child: ChildProcess | null = null;
  #log = '';

  private constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server with an admin (ADMIN) in a new temporary folder. */
  static async start(): Promise<CouchServer> {
    const s = new CouchServer(await mkdtemp(join(tmpdir(), 'corroborate-couch-')), await freePort());
    await s.restart();
    const r = await fetch(`${s.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    if (!r.ok) throw new Error(`could not make the admin: ${r.status} ${await r.text()}`);
    return s;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the process on the same folder and port: what it saved is kept. */
  async restart(): Promise<void> {
    const child = spawn(
      projectNode,
      [BIN, '--port', String(this.port), '--host', '127.0.0.1', '--dir', this.dir, '--config', join(this.dir, 'config.json'), '--no-stdout-logs'],
      {
        cwd: this.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (d: Buffer) => (this.#log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.#log += d.toString()));
    this.#child = child;
    const until = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${this.#log}`);
      try {
        const r = await fetch(`${this.url}/`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`pouchdb-server did not start: ${this.#log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** kill -9: no chance to flush or close anything. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** An admin request (makes databases, users, _security). Throws on a status other than 2xx. */
  async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const auth = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  }

  /**
   * A case's database as a desk sets it up: editors and viewers as members (by role), and a
   * validate_doc_update that lets only editors (and admins) write.
   */
  async createCaseDb(name: string, users: Array<{ name: string; password: string; role: 'editor' | 'viewer' }>): Promise<string> {
    await this.admin('PUT', `/${name}`);
    for (const u of users) {
      await this.admin('PUT', `/_users/org.couchdb.user:${u.name}`, { name: u.name, password: u.password, roles: [u.role], type: 'user' }).catch((e: Error) => {
        if (!/409/.test(e.message)) throw e;
      });
    }
    await this.admin('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: ['editor', 'viewer'] } });
    await this.admin('PUT', `/${name}/_design/access`, {
      validate_doc_update:
        "function (newDoc, oldDoc, userCtx) { if (userCtx.roles.indexOf('_admin') < 0 && userCtx.roles.indexOf('editor') < 0) throw({ forbidden: 'Only editors can change this case.' }); }",
    });
    return `${this.url}/${name}`;
  }

  async stop(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }
}
