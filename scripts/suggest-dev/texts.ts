// The development corpus's texts: news excerpts from the search tool's `pages` corpus, kept OUT of
// the repo (house rule: real article texts never enter it). The key (tests/fixtures/suggest-dev/
// key.json) holds only facts and offsets; these helpers find each document's text in saved search
// answers and check it is the very text the key's offsets were written against (sha256).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalize } from '../../shared/text/canonical.ts';

export const KEY_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/suggest-dev/key.json');
/** Where gather.ts writes the texts and eval-suggest.ts reads them, unless told otherwise. */
export const DEFAULT_TEXTS_DIR = process.env.SUGGEST_DEV_TEXTS ?? '/tmp/corroborate-suggest-dev';

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Every search result ({url, excerpt}) in a folder of saved answers: whole JSON answers or JSON lines. */
export function readAnswers(dir: string): Map<string, string> {
  const byUrl = new Map<string, string>();
  const take = (r: unknown) => {
    if (r && typeof r === 'object' && 'url' in r && 'excerpt' in r && typeof r.url === 'string' && typeof r.excerpt === 'string') byUrl.set(r.url, r.excerpt);
  };
  for (const f of readdirSync(dir).filter((x) => /\.jsonl?$/.test(x))) {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const values: unknown[] = [];
    try {
      values.push(JSON.parse(raw));
    } catch {
      for (const line of raw.split('\n')) if (line.trim()) values.push(JSON.parse(line));
    }
    for (const v of values) {
      if (v && typeof v === 'object' && 'results' in v && Array.isArray(v.results)) v.results.forEach(take);
      else take(v);
    }
  }
  return byUrl;
}

export type DevHalf = 'dev' | 'heldout' | 'fresh' | 'fresh2';

export interface DevDoc {
  id: string;
  incident: string;
  /** dev: rules may be written looking at it; heldout: scored only; fresh: a later held-out list, coded after the rules it first scored;
   * fresh2: session 6's list, coded and scored once before any rule of that session changed, then only at its end. */
  half: DevHalf;
  url: string;
  query: string;
  published: string | null;
  sha256: string;
  characters: number;
}

/** The canonical texts of the key's documents from a folder gather.ts filled; missing ones are listed. */
export function loadTexts(docs: DevDoc[], dir = DEFAULT_TEXTS_DIR): { texts: Map<string, string>; missing: string[] } {
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const d of docs) {
    const file = path.join(dir, `${d.id}.txt`);
    if (!existsSync(file)) {
      missing.push(d.id);
      continue;
    }
    const text = canonicalize(readFileSync(file, 'utf8'));
    if (sha256(text) !== d.sha256) throw new Error(`${file} is not the text the key was written against (sha256 differs): gather it again`);
    texts.set(d.id, text);
  }
  return { texts, missing };
}
