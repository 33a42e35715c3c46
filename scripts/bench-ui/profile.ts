// bench-ui's CPU profiles: a bundle position mapped to its source through the source map, and where a step's time went.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt } from './format.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A position in a built bundle → `file:line` in the sources, and the original name there if the map has one. */
export type SourceMapper = (url: string, line: number, column: number) => { loc: string; name: string | null } | null;

/** Maps a position in a built bundle to its source through the bundle's .map (VLQ mappings decoded once). */
export function sourceMapper(): SourceMapper {
  const cache = new Map<string, { sources: string[]; names: string[]; lines: number[][][] } | null>();
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const load = (file: string) => {
    if (cache.has(file)) return cache.get(file)!;
    let v: { sources: string[]; names: string[]; lines: number[][][] } | null = null;
    const mapFile = path.join(root, 'dist', 'renderer', 'assets', `${file}.map`);
    if (fs.existsSync(mapFile)) {
      const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; names: string[]; mappings: string };
      const lines: number[][][] = [];
      let src = 0,
        sl = 0,
        sc = 0,
        nm = 0;
      for (const line of map.mappings.split(';')) {
        const segs: number[][] = [];
        let col = 0;
        for (const seg of line.split(',')) {
          if (!seg) continue;
          const vals: number[] = [];
          let value = 0,
            shift = 0;
          for (const ch of seg) {
            const d = B64.indexOf(ch);
            value += (d & 31) << shift;
            if (d & 32) shift += 5;
            else {
              vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
              value = 0;
              shift = 0;
            }
          }
          col += vals[0];
          if (vals.length >= 4) {
            src += vals[1];
            sl += vals[2];
            sc += vals[3];
            if (vals.length >= 5) nm += vals[4];
            segs.push([col, src, sl, sc, vals.length >= 5 ? nm : -1]);
          }
        }
        lines.push(segs);
      }
      v = { sources: map.sources, names: map.names, lines };
    }
    cache.set(file, v);
    return v;
  };
  return (url, line, column) => {
    const file = url.split('/').pop()?.split('?')[0];
    if (!file) return null;
    const m = load(file);
    const segs = m?.lines[line];
    if (!m || !segs?.length) return null;
    let best = segs[0];
    for (const s of segs) if (s[0] <= column) best = s;
    const src = m.sources[best[1]].replace(/^(\.\.\/)+/, '');
    return { loc: `${src}:${best[2] + 1}`, name: best[4] >= 0 ? m.names[best[4]] : null };
  };
}

/**
 * The hottest places of a profile, as lines to print: busy time, then the app's functions (in
 * renderer/ or shared/, or a library other than React) that the time was spent under, innermost
 * first, each with what its time went to (itself, React, layout and DOM natives, GC). Time under
 * Playwright's own injected script (its polling) is counted apart.
 */
export function hottest(profile: Profile, map: SourceMapper, n = 6): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const where = (f: ProfileNode['callFrame']) => (f.url && f.url.includes('/assets/') ? (map(f.url, f.lineNumber, f.columnNumber)?.loc ?? null) : null);
  const nameOf = (f: ProfileNode['callFrame']) =>
    (f.url && f.url.includes('/assets/') ? map(f.url, f.lineNumber, f.columnNumber)?.name : null) ?? f.functionName;
  const isReact = (loc: string) => /react-dom|scheduler|\/react\//.test(loc);
  const culprit = new Map<string, { ms: number; parts: Map<string, number> }>();
  let busy = 0,
    total = 0,
    playwright = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(profile.samples[i])!;
    const name = leaf.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    busy += ms;
    // The leaf's kind: the app's own code, React, or a native (layout, DOM) or GC.
    const leafLoc = where(leaf.callFrame);
    const part = name === '(garbage collector)' ? 'GC' : leafLoc ? (isReact(leafLoc) ? 'React' : 'own code') : `${name || '(native)'}`;
    let key: string | null = null;
    let injected = false;
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!f.url && /^(query|evaluate|_querySelector|querySelectorAll|_queryCSS)$/.test(f.functionName)) injected = true;
      const loc = where(f);
      if (loc && !isReact(loc)) {
        key = `${nameOf(f) || '(anonymous)'} ${loc}`;
        break;
      }
    }
    if (!key && injected) {
      playwright += ms;
      continue;
    }
    key ??=
      name === '(garbage collector)'
        ? '(garbage collector)'
        : leafLoc && isReact(leafLoc)
          ? 'React (render and commit)'
          : `${name || '(native)'} (no app code on the stack)`;
    const c = culprit.get(key) ?? { ms: 0, parts: new Map<string, number>() };
    c.ms += ms;
    c.parts.set(part, (c.parts.get(part) ?? 0) + ms);
    culprit.set(key, c);
  }
  return [
    `busy ${fmt(busy)} of ${fmt(total)} sampled${playwright ? `, of which ${fmt(playwright)} Playwright's polling` : ''}`,
    ...[...culprit.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, n)
      .map(([k, c]) => {
        const parts = [...c.parts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([p, ms]) => `${p} ${fmt(ms)}`)
          .join(', ');
        return `${fmt(c.ms).padStart(8)}  ${k}  (${parts})`;
      }),
  ];
}
