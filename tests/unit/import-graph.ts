// The project's import graph, read from the source text: which project file imports which. Type-only
// imports count too: a circle of types is still a circle a reader has to hold in their head.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const SPEC =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^import\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** Files under the given folders (relative to root), each with the project files it imports. */
export function importGraph(root: string, folders: string[], skip: (file: string) => boolean = () => false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = folders
    .flatMap((f) => walk(join(root, f), []))
    .map((f) => relative(root, f))
    .filter((f) => !skip(f));
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(SPEC)) {
      const target = normalize(join(dirname(file), m[1] ?? m[2] ?? m[3]));
      if (existsSync(join(root, target))) deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Every circle of imports (strongly connected component of more than one file, or a file importing itself). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
