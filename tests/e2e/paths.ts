import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The development corpus lives beside the repository and is read at test time, never copied. */
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus');
export const seedsDir = resolve(corpusDir, 'seeds');
export const screenshotDir = resolve(repoRoot, 'test-results', 'screenshots');
