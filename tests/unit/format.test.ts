// `npm test` starts with `npm run lint`, which fails on a file Prettier would format differently.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('formatting', () => {
  it('is checked by the lint step, with the project’s settings', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test.startsWith('npm run lint')).toBe(true);
    expect(pkg.scripts.lint).toContain('prettier --check');
    const filepath = join(root, 'shared', 'probe.ts');
    const options = { ...(await prettier.resolveConfig(filepath)), filepath };
    expect(await prettier.check('const a = {b:1}\n', options)).toBe(false);
    expect(await prettier.check('const a = { b: 1 };\n', options)).toBe(true);
    // The project's own files pass: what `npm run lint` checks, here for one file of each layer.
    for (const f of ['shared/model/changes.ts', 'electron/core/claims.ts', 'renderer/tagging/useClaims.ts']) {
      const text = await readFile(join(root, f), 'utf8');
      expect(await prettier.check(text, { ...(await prettier.resolveConfig(join(root, f))), filepath: join(root, f) }), f).toBe(true);
    }
  });
});
