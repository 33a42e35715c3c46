// Bundles: export a case as one verifiable .zip, verify one, import it as a new case or merge it.
export { exportCase, readClashes, CLASHES_FILE, type ExportOptions } from './export.ts';
export { inspectBundle, readBundle, verifyBundle, type ReadOptions, type VerifyResult } from './read.ts';
export { importAsNewCase, mergeIntoCase, writeClashes, type LocalClaims, type MergeReport } from './import.ts';
export { DEFAULT_ZIP_LIMITS, ZipProblem, openZip, readZip, writeZip, type EntryFilter, type ZipLimits, type ZipReader } from './zip.ts';
