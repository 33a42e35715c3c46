// The corpus answer key, read at test time (its quotes select the passages the tests tag), and the
// one way the tests bring seed files into the reader.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedDocument } from '../fixtures.ts';
import { corpusDir } from '../paths.ts';
import type { LibraryPage } from './LibraryPage.ts';

export interface KeyClaim {
  id: string;
  doc: string;
  kind: string;
  event?: string;
  quote: string;
  measure?: string;
  figure?: { low: number | null; best: number | null; high: number | null; qualifier: string };
  parts?: Array<{ subset?: boolean }>;
}

/** The key's claims, all or those of one seed file. */
export async function keyClaims(doc?: string): Promise<KeyClaim[]> {
  const all = (JSON.parse(await readFile(join(corpusDir, 'seeds-key.json'), 'utf8')) as { claims: KeyClaim[] }).claims;
  return doc === undefined ? all : all.filter((c) => c.doc === doc);
}

/** Imports the seeds through the UI and opens them side by side. */
export async function importSeeds(library: LibraryPage, seeds: SeedDocument[]): Promise<void> {
  await library.importFiles(seeds.map((s) => s.path));
  await library.waitForImport();
  for (const s of seeds) await library.select(s.title);
  await library.readSideBySide();
}
