// A case's database address and the user's access to it: what the app needs before (or without)
// syncing, so it is kept apart from remote.ts, which loads PouchDB (a second or more at start, paid
// only once a case is shared).
export interface Credentials {
  username: string;
  password: string;
}

/**
 * The case's database: the URL as given when it names one (http://host:5984/taji-2020), otherwise
 * one named after the case (CouchDB names are lower case, start with a letter, no dots).
 */
export function databaseUrl(server: string, caseId: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`“${server}” is not a server address; give one like http://127.0.0.1:5984/ or https://couch.example.org/case-name.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`“${server}” is not an http(s) address.`);
  if (url.username || url.password)
    throw new Error('Put no name or password in the server address: give the name with --user and the password in CORROBORATE_SYNC_PASSWORD (or when asked).');
  if (url.pathname === '/' || url.pathname === '') {
    const name = `corroborate-${caseId.toLowerCase().replace(/[^a-z0-9_$()+-]/g, '_')}`;
    url.pathname = `/${name}`;
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * Whether the server gives this user the desk's editor role (or is its admin) or only the viewer
 * role, as README's "Run a server for the desk" sets them up; null when it cannot tell (offline, a
 * server that answers _session otherwise). Said in the app beside the status, so a viewer knows
 * before their first edit is refused.
 */
export async function accessOf(url: URL, c: Credentials | null): Promise<'editor' | 'viewer' | null> {
  if (!c) return null;
  try {
    // _session sits beside the database (https://host/couch/_session for https://host/couch/taji-2020).
    const r = await fetch(new URL('_session', new URL('.', url.href)), {
      headers: { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!r.ok) return null;
    const roles = ((await r.json()) as { userCtx?: { roles?: unknown } }).userCtx?.roles;
    if (!Array.isArray(roles)) return null;
    return roles.includes('_admin') || roles.includes('editor') ? 'editor' : 'viewer';
  } catch {
    return null;
  }
}
