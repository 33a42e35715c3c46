// The case store: how a case lives on disk. See DESIGN.md "Store".
export { CaseStore, listCaseBackups, type StoreOptions } from './case-store.ts';
export type { IndexChanges, IndexField } from './journal.ts';
export { readCaseSummary, restoreBackup } from './maintenance.ts';
export { writeFileDurable } from './durable.ts';
export { defaultDataDir } from './data-dir.ts';
