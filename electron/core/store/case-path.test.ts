import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Source } from '../../../shared/model/source.ts';
import { caseFilePath } from './case-path.ts';
import { bodyBackupsPath, bodyPath, originalPath } from './layout.ts';

const dir = path.resolve('/cases/c1');
const sha = 'a'.repeat(64);

describe('caseFilePath: the one check on paths built from record data', () => {
  it('builds the folder layout for well-formed ids, hashes and extensions', () => {
    expect(caseFilePath(dir, { kind: 'body', sourceId: 's_abc123' })).toBe(path.join(dir, 'sources', 's_abc123.json'));
    expect(caseFilePath(dir, { kind: 'body-backups', sourceId: 's_abc123' })).toBe(path.join(dir, 'backups', 'sources', 's_abc123'));
    expect(caseFilePath(dir, { kind: 'original', sha256: sha, ext: 'pdf' })).toBe(path.join(dir, 'originals', `${sha}.pdf`));
    expect(originalPath(dir, { sha256: sha, originalExt: 'html' })).toBe(path.join(dir, 'originals', `${sha}.html`));
    expect(bodyPath(dir, 's_abc123')).toBe(path.join(dir, 'sources', 's_abc123.json'));
    expect(bodyBackupsPath(dir, 's_abc123')).toBe(path.join(dir, 'backups', 'sources', 's_abc123'));
  });

  it.each([
    ['an extension climbing out', { kind: 'original', sha256: sha, ext: 'txt/../../../etc/passwd' }, /extension of an original/],
    ['an extension with a dot', { kind: 'original', sha256: sha, ext: 'tar.gz' }, /extension/],
    ['an empty extension', { kind: 'original', sha256: sha, ext: '' }, /extension/],
    ['an uppercase or long extension', { kind: 'original', sha256: sha, ext: 'ABCDEFGHIJK' }, /extension/],
    ['a hash that is a path', { kind: 'original', sha256: '../'.repeat(21) + 'x', ext: 'txt' }, /sha256/],
    ['a source id with a separator', { kind: 'body', sourceId: 's_abc/../../x' }, /source id/],
    ['a source id of dots', { kind: 'body-backups', sourceId: '..' }, /source id/],
    ['an absolute source id', { kind: 'body', sourceId: '/etc/passwd' }, /source id/],
    ['a NUL byte', { kind: 'body', sourceId: 's_abcdef\u0000' }, /source id/],
    ['a backslash', { kind: 'original', sha256: sha, ext: 'a\\b' }, /extension/],
  ] as const)('refuses %s, naming the value', (_what, file, message) => {
    expect(() => caseFilePath(dir, file as never)).toThrow(message);
    expect(() => caseFilePath(dir, file as never)).toThrow(/Nothing was read or written/);
  });

  it("a source's earlier versions are held to the same schema, so a bundle cannot name one outside the case", () => {
    const base = { sha256: sha, bytes: 1, replacedAt: '2024-01-01T00:00:00.000Z' };
    const shape = Source.shape.previousVersions.unwrap().element;
    expect(shape.safeParse({ ...base, originalExt: 'txt' }).success).toBe(true);
    expect(shape.safeParse({ ...base, originalExt: 'txt/../../../../etc/passwd' }).success).toBe(false);
    expect(shape.safeParse({ ...base, sha256: 'x', originalExt: 'txt' }).success).toBe(false);
  });
});
