import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../shared/text/canonical.ts';
import { KEY_PATH, loadTexts, readAnswers, sha256, type DevDoc } from './texts.ts';

const doc = (text: string): DevDoc => ({
  id: 'x-doc',
  incident: 'x',
  half: 'dev',
  url: 'https://example.org/a',
  query: 'q',
  published: null,
  sha256: sha256(canonicalize(text)),
  characters: text.length,
});

describe('the development corpus texts', () => {
  it('reads saved search answers, whole or as JSON lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suggest-dev-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify({ corpus: 'pages', results: [{ url: 'https://example.org/a', excerpt: 'One.' }] }));
    await writeFile(join(dir, 'b.jsonl'), `${JSON.stringify({ url: 'https://example.org/b', excerpt: 'Two.' })}\n`);
    const answers = readAnswers(dir);
    expect(answers.get('https://example.org/a')).toBe('One.');
    expect(answers.get('https://example.org/b')).toBe('Two.');
  });

  it('refuses a text that is not the one the key was written against', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suggest-dev-'));
    const d = doc('Three people were killed.');
    await writeFile(join(dir, `${d.id}.txt`), 'Four people were killed.');
    expect(() => loadTexts([d], dir)).toThrow(/sha256/);
    await writeFile(join(dir, `${d.id}.txt`), 'Three people were killed.');
    expect(loadTexts([d], dir).texts.get(d.id)).toBe('Three people were killed.');
    expect(loadTexts([{ ...d, id: 'absent' }], dir).missing).toEqual(['absent']);
  });

  it('keeps facts and offsets only: no claim in the key carries words of an article', () => {
    const key = JSON.parse(readFileSync(KEY_PATH, 'utf8')) as { documents: DevDoc[]; claims: Array<Record<string, unknown>> };
    expect(new Set(key.documents.map((d) => d.incident)).size).toBeGreaterThanOrEqual(8);
    expect(key.documents.length).toBeGreaterThanOrEqual(25);
    for (const c of key.claims) {
      expect(c).not.toHaveProperty('quote');
      expect(c.at).toEqual({ start: expect.any(Number), end: expect.any(Number) });
    }
  });
});
