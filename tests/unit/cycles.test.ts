// No import circles: a module's imports can be read before the module itself, so a reader (and a
// bundler's evaluation order) never meets a half-defined export. shared/ is in rooms by feature
// (see README, Development); a circle between rooms usually means a record sits in the wrong room.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// shared/'s rooms in the order README's map gives: each imports only the rooms before it. The basics
// (errors, limits) come first; the contract (api.ts and its byte framing) last, as it names every room.
const ROOM_ORDER = ['basics', 'text', 'figures', 'model', 'timing', 'metadata', 'compare', 'suggest', 'exchange', 'contract'];
const roomOf = (file: string) => {
  const [, room, rest] = file.split('/');
  if (rest !== undefined) return room;
  return ['api.ts', 'wire.ts'].includes(room) ? 'contract' : 'basics';
};
// The one room module that drives the contract itself: a claims sheet is run through any host's client.
const CLIENTS_OF_THE_CONTRACT = new Set(['shared/exchange/claims-sheet/run.ts']);

/** Imports that go against ROOM_ORDER, as "from → to". */
export function roomOrderBreaks(graph: Map<string, string[]>): string[] {
  const rank = (file: string) => ROOM_ORDER.indexOf(roomOf(file));
  const breaks: string[] = [];
  for (const [file, deps] of graph)
    for (const dep of deps) {
      if (!dep.startsWith('shared/') || rank(dep) <= rank(file)) continue;
      if (roomOf(dep) === 'contract' && CLIENTS_OF_THE_CONTRACT.has(file)) continue;
      breaks.push(`${file} → ${dep}`);
    }
  return breaks;
}

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

  it('every file of shared/ sits in a room of the map', () => {
    const graph = importGraph(ROOT, ['shared'], (f) => /\.test\.tsx?$/.test(f));
    expect([...graph.keys()].filter((f) => !ROOM_ORDER.includes(roomOf(f)))).toEqual([]);
  });

  it("the rooms of shared/ import only the rooms before them in the map's order", () => {
    const probe = new Map([
      ['shared/model/x.ts', ['shared/compare/y.ts', 'shared/text/z.ts', 'shared/errors.ts']],
      ['shared/compare/y.ts', ['shared/api.ts']],
    ]);
    expect(roomOrderBreaks(probe)).toEqual(['shared/model/x.ts → shared/compare/y.ts', 'shared/compare/y.ts → shared/api.ts']);
    expect(roomOrderBreaks(importGraph(ROOT, ['shared'], (f) => /\.test\.tsx?$/.test(f)))).toEqual([]);
  });

  it('no production module imports itself through others', () => {
    const graph = importGraph(ROOT, ['shared', 'electron', 'renderer', 'scripts'], (f) => /\.test\.tsx?$/.test(f));
    expect(graph.size).toBeGreaterThan(200);
    expect(importCycles(graph)).toEqual([]);
  });
});
