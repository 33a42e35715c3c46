// Access to the shared development corpus, read at test time (never copied into the project).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const corpusDir = resolve(repoRoot, '../shared/corpus');
export const seedsDir = join(corpusDir, 'seeds');

export interface KeyDocument {
  outlet: string | null;
  wire?: string;
  title: string;
  published: string | null;
  authors?: string[];
  independenceGroup: string;
}

export interface SeedsKey {
  documents: Record<string, KeyDocument>;
  claims: Array<Record<string, unknown> & { id: string; doc: string; kind: string; quote: string }>;
  disagreements: Array<Record<string, unknown> & { id: string; verdict: string }>;
}

export const seedsKey = (): SeedsKey => JSON.parse(readFileSync(join(corpusDir, 'seeds-key.json'), 'utf8')) as SeedsKey;

export const seedFiles = (): string[] =>
  readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(seedsDir, f));
