// What the UI is told about a case's sync with its CouchDB database (the top bar's status, the Share
// dialog), and what it sends to start one. The password crosses the contract once, in `sync.start`,
// and is never sent back: the status says only whether one is remembered.
import { z } from 'zod';

export const SyncState = z.enum(['off', 'synced', 'syncing', 'offline', 'refused']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatusView = z.object({
  state: SyncState,
  /** The case's database address (never with credentials: the core refuses them in it), or null when the case is not shared. */
  database: z.string().nullable(),
  user: z.string().nullable(),
  /** Documents still to go or come in the batch under way. */
  pending: z.number().int().nonnegative(),
  /** Since when offline, or when the refusal came (ISO time). */
  since: z.string().nullable(),
  /** Why offline or refused, in words the user can act on. */
  reason: z.string().nullable(),
  /** Clashes waiting for a choice. */
  clashes: z.number().int().nonnegative(),
  /** Records that could not be applied yet, and other problems (the latest few). */
  problems: z.array(z.string()),
  /** Records applied here from the server since the sync started: when it grows, a window reads the case again (new sources, clashes). */
  received: z.number().int().nonnegative(),
  /** The user's role on the server as the desk sets it up (editor, or viewer: reads, cannot change), null when unknown. */
  access: z.enum(['editor', 'viewer']).nullable(),
  /** Where the password is kept between runs: the OS keychain, a private file, or nowhere (asked again next time). */
  kept: z.enum(['keychain', 'file', 'none']),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const SyncStart = z.object({
  /** The server (http://host:5984/) or the case's database on it (https://couch.example.org/taji-2020). */
  server: z.string().trim().min(1, 'Give the server’s address.').max(2000),
  user: z.string().trim().min(1, 'Give your user name on the server.').max(200),
  /** Omitted when one is remembered for this database and user. */
  password: z.string().min(1).max(1000).optional(),
  /** Keep the password for the next start (keychain in Electron, a private file in browser mode). */
  remember: z.boolean().default(true),
});
export type SyncStart = z.infer<typeof SyncStart>;

/** Who asks the server for its databases (the Share dialog, before a case is shared). */
export const SyncLogin = z.object({
  /** The server, or any database on it. */
  server: SyncStart.shape.server,
  user: SyncStart.shape.user,
  /** Omitted when one is remembered for the case's database on this server and this user. */
  password: z.string().min(1).max(1000).optional(),
});
export type SyncLogin = z.infer<typeof SyncLogin>;

/** The databases on a server that the user may sync with, to pick the case's from. */
export const SyncDatabases = z.object({
  databases: z.array(z.object({ name: z.string(), url: z.string() })),
  /** False when the server lists its databases to its admins only (the address is typed instead). */
  listed: z.boolean(),
  /** Whether this user may create a database (a server admin). */
  canCreate: z.boolean(),
  /** What to do when the list is empty or not shown, in words. */
  note: z.string().nullable(),
});
export type SyncDatabases = z.infer<typeof SyncDatabases>;
