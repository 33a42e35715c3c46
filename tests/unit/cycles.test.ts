// No import circles: a module's imports can be read before the module itself, so a reader (and a
// bundler's evaluation order) never meets a half-defined export. shared/ is in rooms by feature
// (see README, Development); a circle between rooms usually means a record sits in the wrong room.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('import circles', () => {
  it('the finder reports a circle, and a file importing itself, and nothing in a tree', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['d.ts', 'g.ts']],
      ['g.ts', ['d.ts']],
    ]);
    expect(importCycles(graph).sort()).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('the graph reads static, type-only, re-export and dynamic imports', () => {
    const graph = importGraph(ROOT, ['shared/model', 'shared/compare', 'electron/core/import', 'renderer/components']);
    expect(graph.get('shared/model/commands.ts')).toContain('shared/model/commands-schema.ts'); // import { … } and export { … } from
    expect(graph.get('shared/compare/grade.ts')).toContain('shared/model/state.ts'); // import type
    expect(graph.get('electron/core/import/index.ts')).toContain('electron/core/import/pdf.ts'); // await import(…)
    expect(graph.get('renderer/components/Pane.tsx')).toContain('renderer/components/PdfPages.tsx'); // lazy(() => import(…))
  });

  it('no production module imports itself through others', () => {
    const graph = importGraph(ROOT, ['shared', 'electron', 'renderer', 'scripts'], (f) => /\.test\.tsx?$/.test(f));
    expect(graph.size).toBeGreaterThan(200);
    expect(importCycles(graph)).toEqual([]);
  });
});
