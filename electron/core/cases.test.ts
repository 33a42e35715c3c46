import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../tests/support/store-helpers.ts';
import { storedCaseId } from './cases.ts';

afterAll(removeTempDirs);

const caseIn = async (content: string) => {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'case.json'), content);
  return dir;
};

describe('the id a case folder is known by', () => {
  const index = { format: 'corroborate-case', schemaVersion: 1, id: 'taji-2020', name: 'Camp Taji', sources: [{ id: 's_1' }] };

  it('is read from case.json as Corroborate writes it', async () => {
    expect(storedCaseId(await caseIn(JSON.stringify(index)))).toBe('taji-2020');
  });

  it('is read from a case.json laid out by hand, wherever its id is', async () => {
    const { id, ...rest } = index;
    expect(storedCaseId(await caseIn(JSON.stringify({ ...rest, id }, null, 2)))).toBe('taji-2020');
  });

  it('is null for a damaged or missing case.json, or an id the app would refuse', async () => {
    expect(storedCaseId(await caseIn('{"format":"corroborate-case","schemaVersion":1,"id":"taji'))).toBeNull();
    expect(storedCaseId(await tempDir())).toBeNull();
    expect(storedCaseId(await caseIn(JSON.stringify({ ...index, id: '../elsewhere' })))).toBeNull();
  });
});
