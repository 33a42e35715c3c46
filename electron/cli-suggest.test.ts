import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliSource } from './cli.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// A report written for this test (no article text): a breakdown, a Ukrainian governor's toll, a state's own strike.
const REPORT = [
  'Drone strike hits market in Kharkiv region',
  '',
  'Two Ukrainian soldiers and a British volunteer were killed and nine people were wounded when a Russian drone hit a market in the Kharkiv region on Tuesday, the regional governor, Oleh Petrenko, said.',
  '',
  'Moscow said its forces struck a fuel depot near the city overnight.',
].join('\n');

describe('corroborate suggest', () => {
  it('prints a breakdown as parts with their populations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-suggest-'));
    const file = join(dir, 'report.txt');
    await writeFile(file, REPORT);
    const r = await cli('suggest', file, '--published', '2024-05-08', '--json');
    expect(r.code).toBe(0);
    const { suggestions } = JSON.parse(r.out) as {
      suggestions: Array<{
        kind: string;
        figure: { best: number } | null;
        parts: Array<{ figure: { best: number }; population: { nationality: string | null }; subset: boolean }>;
        perpetrator: string | null;
        speaker: string | null;
        date: string | null;
      }>;
    };
    const killed = suggestions.find((s) => s.kind === 'casualties' && s.figure?.best === 3);
    expect(killed?.parts.map((p) => [p.figure.best, p.population.nationality, p.subset])).toEqual([
      [2, 'UA', false],
      [1, 'GB', false],
    ]);
    const attribution = suggestions.filter((s) => s.kind === 'attribution');
    expect(attribution.map((a) => a.perpetrator)).toEqual(['Russia']);
    expect(attribution[0].speaker).toMatch(/governor/);
    expect(killed?.date).toBe('2024-05-07');
  });

  it('accepts a case source’s suggestions as one undoable step and prints the claims made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-suggest-'));
    const file = join(dir, 'report.txt');
    await writeFile(file, REPORT);
    const caseDir = join(dir, 'case');
    const imported = JSON.parse((await cli('import', file, '--case', caseDir, '--json')).out) as { sources: CliSource[] };
    const sourceId = imported.sources[0].id;
    const listed = JSON.parse((await cli('suggest', '--case', caseDir, '--source', sourceId, '--json')).out) as { suggestions: Array<{ confidence: number }> };
    expect(listed.suggestions.length).toBeGreaterThan(1);
    const min = 0.65;
    const r = await cli('suggest', '--case', caseDir, '--source', sourceId, '--accept', '--min-confidence', String(min), '--json');
    expect(r.code).toBe(0);
    const accepted = JSON.parse(r.out) as { accepted: number; claims: Array<{ kind: string; origin: { type: string } }> };
    expect(accepted.accepted).toBe(listed.suggestions.filter((s) => s.confidence >= min).length);
    expect(accepted.claims.every((c) => c.origin.type === 'suggestion')).toBe(true);
    // accepted ones are no longer open
    const after = JSON.parse((await cli('suggest', '--case', caseDir, '--source', sourceId, '--min-confidence', String(min), '--json')).out) as {
      suggestions: unknown[];
    };
    expect(after.suggestions).toEqual([]);
    const claims = JSON.parse((await cli('claims', '--case', caseDir, '--json')).out) as { claims: unknown[] };
    expect(claims.claims).toHaveLength(accepted.accepted);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await cli('suggest', '--accept', 'x.txt')).code).toBe(2);
    expect((await cli('suggest', '--case', '/nonexistent-case-dir', '--source', 's1', '--min-confidence', '2')).code).toBe(2);
  });
});
