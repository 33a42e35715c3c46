// Shared by the store's tests and benchmark: temp case folders and well-formed sources.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Source, SourceBody } from '../../shared/model/source.ts';

const made: string[] = [];
export async function tempDir(label = 'case'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `corroborate-store-${label}-`));
  made.push(dir);
  return dir;
}
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
}

export function makeSource(n: number, text: string, original = new TextEncoder().encode(text)): { source: Source; body: SourceBody; original: Uint8Array } {
  const id = `s_${n.toString(36).padStart(8, '0')}`;
  const source: Source = {
    id,
    kind: 'text',
    file: `report-${n}.txt`,
    sha256: createHash('sha256').update(original).digest('hex'),
    originalExt: 'txt',
    bytes: original.byteLength,
    importedAt: new Date(0).toISOString(),
    title: { value: `Report ${n}`, confidence: 'medium', how: 'first line' },
    outlet: { value: null, confidence: 'none', how: '' },
    authors: { value: [], confidence: 'none', how: '' },
    published: { value: { date: null, precision: null }, confidence: 'none', how: '' },
    url: null,
    language: 'en',
    direction: 'ltr',
    independenceGroup: null,
    notes: '',
    characters: text.length,
    pages: null,
    warnings: [],
  };
  return { source, body: { id, text, annotations: [], claims: [] }, original };
}

/** Node 24 from the project (it runs .ts directly), for child processes. */
export const projectNode = path.resolve(import.meta.dirname, '../../node_modules/.bin/node');
