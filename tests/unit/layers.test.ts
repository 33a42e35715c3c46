// The layer rule of eslint.config.js, proved: each forbidden import, linted as if it were a file in the
// real folder (lintText with a filePath writes nothing), is reported by the boundary rule; the imports
// the layers allow are not. See ../shared/DESIGN.md, Layers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BOUNDARY = 'boundaries/dependencies';
const GLOBALS = 'no-restricted-globals';

// Real files the probes import (an import that resolves nowhere says nothing about layers).
const CORE = 'electron/core/store/index.ts';
const HOST = 'electron/ipc.ts';
const UI = 'renderer/lib/format.ts';
const SHARED = 'shared/model/claims.ts';

type Probe = { file: string; code: string; rule?: string };

/** Each probe is one forbidden import (or global) and must fail lint with the layer rule. */
const FORBIDDEN: Record<string, Probe> = {
  'shared → node:fs': { file: 'shared/__probe_layer__.ts', code: "import { readFileSync } from 'node:fs';" },
  'shared → path (bare built-in)': { file: 'shared/__probe_layer__.ts', code: "import { join } from 'path';" },
  'shared → node:fs (dynamic import)': { file: 'shared/__probe_layer__.ts', code: "export const fs = await import('node:fs');" },
  'shared → electron': { file: 'shared/__probe_layer__.ts', code: "import { app } from 'electron';" },
  'shared → react': { file: 'shared/__probe_layer__.ts', code: "import { useState } from 'react';" },
  'shared → react-dom': { file: 'shared/__probe_layer__.ts', code: "import { createRoot } from 'react-dom/client';" },
  'shared → electron/core': { file: 'shared/__probe_layer__.ts', code: `import * as core from '../${CORE}';` },
  'shared → renderer': { file: 'shared/__probe_layer__.ts', code: `import * as ui from '../${UI}';` },
  'shared → renderer (re-export)': { file: 'shared/__probe_layer__.ts', code: `export * from '../${UI}';` },
  'shared → tests': { file: 'shared/__probe_layer__.ts', code: "import * as corpus from '../tests/unit/corpus.ts';" },
  'shared/suggest → electron/core': { file: 'shared/suggest/__probe_layer__.ts', code: `import type * as core from '../../${CORE}';` },
  'shared uses window': { file: 'shared/__probe_layer__.ts', code: 'export const here = window.location.href;', rule: GLOBALS },
  'shared uses document': { file: 'shared/__probe_layer__.ts', code: 'export const title = document.title;', rule: GLOBALS },
  'shared uses process': { file: 'shared/__probe_layer__.ts', code: 'export const env = process.env;', rule: GLOBALS },
  'electron/core → electron': { file: 'electron/core/__probe_layer__.ts', code: "import { app } from 'electron';" },
  'electron/core → electron (type only)': { file: 'electron/core/store/__probe_layer__.ts', code: "import type { App } from 'electron';" },
  'electron/core → renderer': { file: 'electron/core/__probe_layer__.ts', code: `import * as ui from '../../${UI}';` },
  'electron/core → renderer (dynamic import)': { file: 'electron/core/__probe_layer__.ts', code: `export const ui = await import('../../${UI}');` },
  'electron host other than main/preload → electron': { file: 'electron/__probe_layer__.ts', code: "import { app } from 'electron';" },
  'electron/serve.ts → renderer': { file: 'electron/serve.ts', code: `import * as ui from '../${UI}';` },
  'renderer → electron/core': { file: 'renderer/__probe_layer__.ts', code: `import * as core from '../${CORE}';` },
  'renderer → electron/ (a host file)': { file: 'renderer/__probe_layer__.ts', code: `import type * as ipc from '../${HOST}';` },
  'renderer (tsx) → electron/core': { file: 'renderer/components/__probe_layer__.tsx', code: `import * as core from '../../${CORE}';` },
  'renderer → electron': { file: 'renderer/__probe_layer__.ts', code: "import { ipcRenderer } from 'electron';" },
  'renderer → node:fs': { file: 'renderer/__probe_layer__.ts', code: "import { readFileSync } from 'node:fs';" },
};

/** What the layers allow: these must lint clean. */
const ALLOWED: Record<string, Probe> = {
  'shared → shared and zod': { file: 'shared/__probe_layer__.ts', code: "import { z } from 'zod';\nimport type { Claim } from './claims.ts';" },
  'shared/suggest → shared': { file: 'shared/suggest/__probe_layer__.ts', code: "import type { Claim } from '../claims.ts';" },
  'shared: a local named window is not the global': {
    file: 'shared/__probe_layer__.ts',
    code: 'export function f(text: string) { const window = text.slice(0, 9); return window; }',
  },
  'renderer → shared and react': {
    file: 'renderer/__probe_layer__.tsx',
    code: `import { useState } from 'react';\nimport type { Claim } from '../${SHARED}';`,
  },
  'electron/main.ts → electron': { file: 'electron/main.ts', code: "import { app } from 'electron';" },
  'electron/preload.ts → electron': { file: 'electron/preload.ts', code: "import { contextBridge } from 'electron';" },
  'electron/core → shared and Node': {
    file: 'electron/core/__probe_layer__.ts',
    code: `import { readFile } from 'node:fs/promises';\nimport type { Claim } from '../../${SHARED}';`,
  },
  'electron/serve.ts → core': { file: 'electron/serve.ts', code: `import * as core from './core/store/index.ts';` },
  'a test beside shared code may import anything': {
    file: 'shared/__probe_layer__.test.ts',
    code: `import { readFileSync } from 'node:fs';\nimport * as core from '../${CORE}';\nimport * as ui from '../${UI}';\nexport const env = process.env;`,
  },
  'a test beside renderer code may import anything': {
    file: 'renderer/__probe_layer__.test.ts',
    code: `import { readFileSync } from 'node:fs';\nimport * as core from '../${CORE}';`,
  },
  'tests/ may import anything': {
    file: 'tests/unit/__probe_layer__.ts',
    code: `import { app } from 'electron';\nimport * as core from '../../${CORE}';\nimport * as ui from '../../${UI}';`,
  },
};

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(p: Probe) {
  const [result] = await eslint.lintText(p.code + '\n', { filePath: join(ROOT, p.file) });
  return result.messages;
}

describe('the layer rule (eslint.config.js)', () => {
  it('the probes import files that exist', () => {
    for (const f of [CORE, HOST, UI, SHARED, 'tests/unit/corpus.ts']) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });

  it.each(Object.entries(FORBIDDEN))('reports %s', async (_name, probe) => {
    const messages = await lint(probe);
    const rule = probe.rule ?? BOUNDARY;
    expect(messages.filter((m) => m.ruleId === rule && m.severity === 2).map((m) => m.line)).toEqual([1]);
    if (rule === BOUNDARY) expect(messages[0].message).toContain('DESIGN.md, Layers');
  });

  it.each(Object.entries(ALLOWED))('allows %s', async (_name, probe) => {
    const messages = await lint(probe);
    expect(messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});
