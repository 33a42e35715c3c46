// The databases of a desk's CouchDB server that a user may sync a case with, and a new one made the
// way README's "Working as a team" sets a case's database up (editors and viewers as members, a
// validate_doc_update that lets only editors write). Plain HTTP, no PouchDB: the Share dialog asks
// before any case is shared. CouchDB lets only server admins list every database (3.x by default)
// and create one; a member is told so, and can still type the case's database address.
import type { SyncDatabases } from '../../../shared/exchange/sync-status.ts';
import type { Credentials } from './address.ts';

/** The most databases looked at for one list (a desk's server holds a database per case). */
const MOST = 500;

/** A refusal or a failure to say in the dialog, as is. */
export class DatabaseError extends Error {
  readonly refused: boolean;
  constructor(message: string, refused: boolean) {
    super(message);
    this.refused = refused;
  }
}

/** The server's root for an address of the server or of one of its databases (https://host/couch/taji → https://host/couch/). */
export function serverRoot(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new DatabaseError(`“${address}” is not a server address; give one like https://couch.example.org/.`, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DatabaseError(`“${address}” is not an http(s) address.`, false);
  if (url.username || url.password) throw new DatabaseError('Put no name or password in the server address: give them in their own fields.', false);
  url.search = '';
  url.hash = '';
  // A path whose last part is a database (no trailing slash) names that database: its folder is the server.
  if (!url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  return url;
}

/** CouchDB's rule for a database name (lower case, a letter first). */
export const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

async function ask(url: URL, c: Credentials, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  let r: Response;
  try {
    r = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    const why = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new DatabaseError(`Could not reach ${url.host} (${why}). Check the address, or try again when you are online.`, false);
  }
  const text = await r.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: only the status is read
  }
  return { status: r.status, body };
}

/** Who the server takes the user for: their roles, or a refusal of the name and password. */
async function rolesOf(root: URL, c: Credentials): Promise<string[]> {
  const r = await ask(new URL('_session', root), c);
  const ctx = (r.body as { userCtx?: { name?: string | null; roles?: unknown } } | null)?.userCtx;
  if (r.status === 401 || r.status === 403 || (r.status === 200 && !ctx?.name))
    throw new DatabaseError('The server did not accept this name and password (401). Check them, or ask the desk’s admin.', true);
  if (r.status !== 200 || !ctx)
    throw new DatabaseError(`${root.host} does not answer as a CouchDB server (${r.status} for _session). Check the address.`, false);
  return Array.isArray(ctx.roles) ? ctx.roles.filter((x): x is string => typeof x === 'string') : [];
}

/** The databases this user may open (a member of, or any for an admin), by name, with their addresses. */
export async function listDatabases(address: string, c: Credentials): Promise<SyncDatabases> {
  const root = serverRoot(address);
  const roles = await rolesOf(root, c);
  const canCreate = roles.includes('_admin');
  const all = await ask(new URL('_all_dbs', root), c);
  if (all.status === 401 || all.status === 403 || !Array.isArray(all.body))
    return {
      databases: [],
      listed: false,
      canCreate,
      note: 'This server shows its list of databases to its admins only. Type the case’s database address above (the desk’s admin can tell you it).',
    };
  const names = (all.body as unknown[])
    .filter((n): n is string => typeof n === 'string' && !n.startsWith('_'))
    .sort()
    .slice(0, MOST);
  // A member's database answers its info; another's answers 401 or 403. A few at a time.
  const usable: string[] = [];
  for (let i = 0; i < names.length; i += 8) {
    const answers = await Promise.all(names.slice(i, i + 8).map((n) => ask(new URL(encodeURIComponent(n), root), c).then((r) => r.status === 200)));
    answers.forEach((ok, j) => ok && usable.push(names[i + j]));
  }
  return {
    databases: usable.map((name) => ({ name, url: new URL(encodeURIComponent(name), root).href })),
    listed: true,
    canCreate,
    note: usable.length ? null : 'You are a member of no database on this server yet. Ask the desk’s admin to add you to the case’s database.',
  };
}

/** A new case database, set up as README's "Run a server for the desk" says; refused for a user who is no server admin. */
export async function createDatabase(address: string, c: Credentials, name: string): Promise<{ name: string; url: string }> {
  if (!DB_NAME.test(name))
    throw new DatabaseError(
      `“${name}” cannot be a database name: use lower-case letters, digits and _ $ ( ) + - /, starting with a letter (like taji-2020).`,
      false,
    );
  const root = serverRoot(address);
  // CouchDB lets only server admins create databases: said before asking (a member's PUT is refused anyway).
  if (!(await rolesOf(root, c)).includes('_admin'))
    throw new DatabaseError(
      `Only the server’s admins can create databases, and ${c.username} is not one. Ask the desk’s admin to create “${name}” and add you to it, then pick it here.`,
      true,
    );
  const db = new URL(encodeURIComponent(name), root);
  const made = await ask(db, c, { method: 'PUT' });
  if (made.status === 412) throw new DatabaseError(`The server has a database named “${name}” already: pick it from the list, or choose another name.`, false);
  if (made.status === 401 || made.status === 403)
    throw new DatabaseError(`The server refused to create “${name}” (${made.status}). Ask the desk’s admin to create it.`, true);
  if (made.status !== 201 && made.status !== 202) throw new DatabaseError(`The server could not create “${name}” (${made.status}).`, false);
  const setUp = [
    await ask(new URL(`${encodeURIComponent(name)}/_security`, root), c, {
      method: 'PUT',
      body: { admins: { names: [], roles: [] }, members: { names: [], roles: ['editor', 'viewer'] } },
    }),
    await ask(new URL(`${encodeURIComponent(name)}/_design/access`, root), c, {
      method: 'PUT',
      body: {
        validate_doc_update:
          "function (newDoc, oldDoc, userCtx) { if (userCtx.roles.indexOf('_admin') < 0 && userCtx.roles.indexOf('editor') < 0) throw({ forbidden: 'Only editors can change this case.' }); }",
      },
    }),
  ];
  const failed = setUp.find((r) => r.status >= 300);
  if (failed)
    throw new DatabaseError(
      `“${name}” was created, but its members and write rule could not be set (${failed.status}): set them as README's "Working as a team" says.`,
      false,
    );
  return { name, url: db.href };
}
