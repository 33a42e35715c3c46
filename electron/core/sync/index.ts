// Sync of a case with a CouchDB database (replicator.ts); see the README's "Working as a team".
export { CaseSync, type SyncOptions, type SyncReport, type SyncStatus } from './replicator.ts';
export { databaseUrl, refusalOf, type Credentials } from './remote.ts';
