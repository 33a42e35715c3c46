// Bundles the Electron host for `npm run build` (after `vite build`):
//   dist-electron/main.cjs          the main process (electron/main.ts + the core)
//   dist-electron/preload.cjs       the sandboxed preload: one CommonJS file, needs only `electron`
//   dist-electron/<dir>-<name>.cjs  every worker the core starts (e.g. import-worker.cjs)
//
// Workers and files found relative to the source (`new URL('./worker.ts', import.meta.url)`,
// `new URL('../../package.json', import.meta.url)`) would point to the wrong place once everything is
// one file in dist-electron/. So the build rewrites such literal URLs: a .ts target becomes its
// bundled worker beside main.cjs, anything else is re-aimed from dist-electron/. The core keeps
// writing ordinary ESM and needs to know nothing about the bundle.
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** `new URL('<relative>', import.meta.url)` with a plain string literal. */
const RELATIVE_URL = /new\s+URL\(\s*(['"])(\.{1,2}\/[^'"\n]*)\1\s*,\s*import\.meta\.url\s*\)/g;

export interface BuildOptions {
  root?: string;
  outDir?: string;
  quiet?: boolean;
}

export interface BuildResult {
  outDir: string;
  files: string[];
  /** Worker source (absolute) → its bundle's file name in outDir. */
  workers: Map<string, string>;
}

export async function buildElectron(opts: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(opts.root ?? repoRoot);
  const outDir = resolve(opts.outDir ?? join(root, 'dist-electron'));
  const electronDir = join(root, 'electron');
  const log = opts.quiet ? () => undefined : (line: string) => console.log(line);

  const workers = await findWorkers(electronDir);
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  // Production dependencies ship in node_modules (electron-builder packs them), so they load as in
  // development: jsdom's and pdf.js's own worker and data files stay where those packages expect them.
  const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

  await rm(outDir, { recursive: true, force: true });

  const nodeEntries: Record<string, string> = { main: join(electronDir, 'main.ts') };
  for (const [src, file] of workers) nodeEntries[file.replace(/\.cjs$/, '')] = src;

  const common = {
    bundle: true,
    format: 'cjs' as const,
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    sourcemap: true,
    logLevel: 'warning' as const,
    // An ESM feature with no CommonJS meaning must fail the build rather than become `{}` at run time.
    logOverride: { 'empty-import-meta': 'error' as const },
    metafile: true,
    absWorkingDir: root,
  };

  const main = await build({
    ...common,
    entryPoints: nodeEntries,
    platform: 'node',
    target: 'node22',
    external,
    plugins: [rewriteRelativeUrls(root, outDir, workers)],
    define: {
      'import.meta.url': '__corroborate_import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
      'import.meta.resolve': '__corroborate_import_meta_resolve',
    },
    banner: {
      js: [
        '"use strict";',
        'const __corroborate_import_meta_url = require("node:url").pathToFileURL(__filename).href;',
        'const __corroborate_import_meta_resolve = (s) => require("node:url").pathToFileURL(require.resolve(s)).href;',
      ].join('\n'),
    },
  });

  // The sandboxed preload has no Node: built for the browser, it fails the build if anything but
  // `electron` would be required at run time.
  const preload = await build({
    ...common,
    entryPoints: { preload: join(electronDir, 'preload.ts') },
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
  });

  const outputs = { ...main.metafile?.outputs, ...preload.metafile?.outputs };
  const files = Object.keys(outputs)
    .filter((f) => f.endsWith('.cjs'))
    .map((f) => resolve(root, f));
  await checkBundles(outDir, files);
  for (const f of files) {
    const bytes = outputs[relative(root, f).split(sep).join('/')]?.bytes ?? 0;
    log(`built ${relative(root, f)} (${Math.max(1, Math.round(bytes / 1024))} KB)`);
  }
  return { outDir, files, workers };
}

/** Source files under `dir` that start a worker from a sibling .ts file, mapped to bundle names. */
async function findWorkers(dir: string): Promise<Map<string, string>> {
  const workers = new Map<string, string>();
  const used = new Set<string>();
  for (const file of await tsSources(dir)) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(RELATIVE_URL)) {
      const rel = m[2];
      if (!rel.endsWith('.ts')) continue;
      const src = resolve(dirname(file), rel);
      if (workers.has(src)) continue;
      let name = `${basename(dirname(src))}-${basename(src, '.ts')}`;
      for (let i = 2; used.has(name); i++) name = `${basename(dirname(src))}-${basename(src, '.ts')}-${i}`;
      used.add(name);
      workers.set(src, `${name}.cjs`);
    }
  }
  return workers;
}

async function tsSources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name.endsWith('.d.ts')) continue;
    out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

function rewriteRelativeUrls(root: string, outDir: string, workers: Map<string, string>): Plugin {
  return {
    name: 'corroborate-relative-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(root + sep) || args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const contents = text.replace(RELATIVE_URL, (whole, quote: string, rel: string) => {
          const target = resolve(dirname(args.path), rel);
          const worker = workers.get(target);
          let next: string;
          if (worker) next = `./${worker}`;
          else {
            next = relative(outDir, target).split(sep).join(posix.sep);
            if (!next.startsWith('.')) next = `./${next}`;
            if (rel.endsWith('/') && !next.endsWith('/')) next += '/';
          }
          return whole.replace(`${quote}${rel}${quote}`, JSON.stringify(next));
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Fails the build on bundles that would only break at run time. */
async function checkBundles(outDir: string, files: string[]): Promise<void> {
  for (const f of files) {
    const code = await readFile(f, 'utf8');
    const strayTs = /new URL\("\.{1,2}\/[^"]*\.ts"/.exec(code);
    if (strayTs) throw new Error(`${basename(f)} still loads a .ts file at run time (${strayTs[0]}); bundle it as a worker entry.`);
    if (basename(f) === 'preload.cjs') {
      const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]).filter((r) => r !== 'electron');
      if (required.length) throw new Error(`preload.cjs requires ${required.join(', ')}; a sandboxed preload can load only "electron".`);
    }
  }
  if (!files.some((f) => basename(f) === 'main.cjs') || !files.some((f) => basename(f) === 'preload.cjs')) {
    throw new Error(`Expected main.cjs and preload.cjs in ${outDir}.`);
  }
}

if (import.meta.main) {
  buildElectron().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
