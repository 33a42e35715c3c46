// The store's options and their defaults, apart from the store that reads them.
import { CASE_FORMAT_VERSION } from '../../../shared/model/case.ts';
import { INDEX_MIGRATIONS, BODY_MIGRATIONS, type Versioning } from './migrations.ts';

export interface StoreOptions {
  /** Backups kept per file. */
  maxBackups?: number;
  /** At most one backup of a file per this interval while saving (plus one of case.json at each open). */
  backupIntervalMs?: number;
  /**
   * Read and validate every source file at open, so damage is reported up front (default true). The
   * app opens without (a case of 10,000 sources opens on its index) and reads them as it loads the
   * claims, in the background: readAllBodies reports the damage then.
   */
  checkBodies?: boolean;
  /** Tests only: pretend this build writes another version, with these migrations. */
  versioning?: { index: Versioning; body: Versioning };
  /** The journal is folded into a new case.json before it would pass this many lines… */
  journalMaxLines?: number;
  /** …or this many bytes (see journal.ts). */
  journalMaxBytes?: number;
}
export type Options = Required<StoreOptions>;

const DEFAULTS: Options = {
  maxBackups: 10,
  backupIntervalMs: 5 * 60_000,
  checkBodies: true,
  versioning: {
    index: { current: CASE_FORMAT_VERSION, table: INDEX_MIGRATIONS },
    body: { current: CASE_FORMAT_VERSION, table: BODY_MIGRATIONS },
  },
  journalMaxLines: 1000,
  journalMaxBytes: 2 * 1024 * 1024,
};
export const withDefaults = (o: StoreOptions): Options => ({ ...DEFAULTS, ...o });
