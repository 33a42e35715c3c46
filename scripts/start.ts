// `npm start`: builds what is out of date, then runs Corroborate in Electron where its binary exists,
// and otherwise in browser mode (the same core behind the loopback server, in a Chromium window).
//   npm start -- [--data-dir DIR] [--port N] [--browser]
// --browser asks for browser mode even where Electron exists; --port applies to browser mode only.
// Without a display (a server, CI) browser mode prints its link and serves until Ctrl-C.
// The browser is never given the token on its command line (any local user reads /proc/<pid>/cmdline):
// it opens a launch page in a private folder (0700, the page 0600) that forwards to a one-time launch
// code, which the server trades once for the cookie; the page is deleted as soon as the code is used.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseLaunchArgs, LaunchArgsError } from '../electron/launch-args.ts';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const NO_ELECTRON_LINE = 'Electron is not installed here (its binary could not be downloaded); opening Corroborate in browser mode.';
export const NO_DISPLAY_LINE = 'No display here for an Electron window; serving Corroborate in browser mode instead.';

/**
 * The Electron binary, or null where it was never downloaded. Read from the npm package's path.txt
 * (what its index.js reads), not by loading the package: since Electron 42 that tries to download
 * the binary on the spot, which prints a line and waits on a network this machine may not have.
 */
export function electronBinary(root = repoRoot): string | null {
  try {
    const dir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
    const name = readFileSync(join(dir, 'path.txt'), 'utf8');
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const path = override ? join(override, name || 'electron') : join(dir, 'dist', name);
    return name && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Newest modification time (ms) of the files under `paths`, skipping tests; 0 when none exist. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(p, name));
      }
    } else if (!/\.(test|spec)\.tsx?$/.test(p)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** True when any output is missing or older than the newest input. */
export function isStale(outputs: readonly string[], inputs: readonly string[]): boolean {
  let oldestOutput = Infinity;
  for (const o of outputs) {
    if (!existsSync(o)) return true;
    oldestOutput = Math.min(oldestOutput, statSync(o).mtimeMs);
  }
  return newestMtime(inputs) > oldestOutput;
}

function ensureRendererBuilt(root: string): void {
  const outputs = [join(root, 'dist', 'renderer', 'index.html')];
  const inputs = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
  if (!isStale(outputs, inputs)) return;
  console.log('Building the interface (vite build)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed; see above.');
}

async function ensureElectronBuilt(root: string): Promise<void> {
  const outputs = ['main.cjs', 'preload.cjs'].map((f) => join(root, 'dist-electron', f));
  const inputs = [join(root, 'electron'), join(root, 'shared'), join(root, 'scripts', 'build-electron.ts'), join(root, 'package.json')];
  if (!isStale(outputs, inputs)) return;
  console.log('Building the Electron host…');
  const { buildElectron } = await import('./build-electron.ts');
  await buildElectron({ root, quiet: true });
}

/** Whether a window can be shown: Linux and the BSDs need X11 or Wayland; macOS and Windows always can. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface BrowserCommand {
  name: string;
  command: string;
  args: string[];
  /** A Chromium of our own (runs as long as its window is open), rather than a hand-off to the desktop. */
  chromium: boolean;
}

/** The flags for a Chromium app window of our own: its own profile, nothing fetched in the background. */
export function chromiumArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** What to try, in order, to open `url`: Chromium-family browsers first, then the desktop's opener. */
export function browserCommands(
  url: string,
  profileDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): BrowserCommand[] {
  const app = chromiumArgs(url, profileDir);
  const onPath = (name: string): BrowserCommand[] => {
    const found = which(name, env, platform);
    return found ? [{ name, command: found, args: app, chromium: true }] : [];
  };
  const atPath = (name: string, file: string): BrowserCommand[] => (existsSync(file) ? [{ name, command: file, args: app, chromium: true }] : []);
  const out: BrowserCommand[] = [...onPath('chromium'), ...onPath('chromium-browser'), ...onPath('google-chrome')];
  if (platform === 'darwin') {
    out.push(
      ...atPath('Chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'),
      ...atPath('Google Chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      { name: 'open', command: 'open', args: [url], chromium: false },
    );
  } else if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramFiles, env['ProgramFiles(x86)']].filter((r): r is string =>
      Boolean(r),
    );
    for (const r of roots) out.push(...atPath('Google Chrome', join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')));
    for (const r of roots) out.push(...atPath('Microsoft Edge', join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')));
    // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
    out.push({ name: 'start', command: env.ComSpec || env.COMSPEC || 'cmd.exe', args: ['/d', '/s', '/c', `"start "" "${url}""`], chromium: false });
  } else {
    out.push(...(which('xdg-open', env, platform) ? [{ name: 'xdg-open', command: 'xdg-open', args: [url], chromium: false }] : []));
  }
  // Deduplicate (chromium-browser is often a link to chromium).
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.command) ? false : (seen.add(c.command), true)));
}

function which(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      try {
        accessSync(file, constants.X_OK);
        if (statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export interface LaunchPage {
  /** The page's file: URL, safe to put on a command line (it names a file only this user can read). */
  fileUrl: string;
  dir: string;
  remove(): void;
}

/** A page only this user can read that forwards the browser to `launchUrl` (a one-time code). */
export function writeLaunchPage(launchUrl: string, parent = tmpdir()): LaunchPage {
  const dir = mkdtempSync(join(parent, 'corroborate-launch-')); // created 0700
  chmodSync(dir, 0o700);
  const file = join(dir, 'open.html');
  const href = launchUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const html = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>Opening Corroborate…</title><p>Opening Corroborate…</p>\n`;
  writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return { fileUrl: pathToFileURL(file).href, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The browser profile holds the session cookie: a folder only this user can enter. */
export function privateProfileDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

/** How long a browser must stay up to count as "opened" rather than failed to start. */
const STARTUP_GRACE_MS = 3000;

type Launched = { name: string; child: ChildProcess | null };

/** Opens `url` with the first command that works; null when none did. */
async function openBrowser(commands: readonly BrowserCommand[]): Promise<Launched | null> {
  for (const c of commands) {
    const outcome = await new Promise<{ state: 'running' | 'done' | 'failed'; child?: ChildProcess }>((settle) => {
      let child: ChildProcess;
      try {
        child = spawn(c.command, c.args, { stdio: 'ignore', windowsVerbatimArguments: c.name === 'start' });
      } catch {
        settle({ state: 'failed' });
        return;
      }
      const timer = setTimeout(() => settle({ state: 'running', child }), c.chromium ? STARTUP_GRACE_MS : 30_000);
      child.once('error', () => {
        clearTimeout(timer);
        settle({ state: 'failed' });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        // An opener (xdg-open, open, start) exits 0 once it has handed the page over; so does a Chromium
        // that passed the URL to an instance already running on this profile.
        settle({ state: code === 0 ? 'done' : 'failed' });
      });
    });
    if (outcome.state === 'running') return { name: c.name, child: outcome.child ?? null };
    if (outcome.state === 'done') return { name: c.name, child: null };
  }
  return null;
}

async function startElectron(electron: string, root: string, argv: readonly string[]): Promise<number> {
  ensureRendererBuilt(root);
  await ensureElectronBuilt(root);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  const child = spawn(electron, [root, ...argv], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((done) => {
    child.once('error', (e) => {
      console.error(`Could not start Electron: ${e.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 0 : 1)));
  });
}

async function startBrowserMode(root: string, argv: readonly string[]): Promise<void> {
  const args = parseLaunchArgs(argv);
  ensureRendererBuilt(root);
  const [{ createCore }, { startServer, LAUNCH_CODE_TTL_MS }, { defaultDataDir }] = await Promise.all([
    import('../electron/core/index.ts'),
    import('../electron/serve.ts'),
    import('../electron/core/store/index.ts'),
  ]);
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  const core = await createCore({ dataDir, host: 'browser' });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ core, staticDir: join(root, 'dist', 'renderer'), port: args.port });
  } catch (e) {
    await core.close();
    throw e;
  }

  let stopping = false;
  const stop = async (why?: string): Promise<void> => {
    if (stopping) {
      process.exit(130); // a second Ctrl-C: the user insists
    }
    stopping = true;
    if (why) console.log(why);
    try {
      await server.close();
    } finally {
      await core.close(); // flushes pending writes, releases the case locks
    }
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());

  const stillServing = `Corroborate is running at ${server.url} (press Ctrl-C to stop).`;
  if (!hasDisplay()) {
    console.log(stillServing);
    return;
  }
  const page: LaunchPage = writeLaunchPage(server.launchUrl(() => page.remove()));
  setTimeout(() => page.remove(), LAUNCH_CODE_TTL_MS).unref(); // the code is dead by then anyway
  process.once('exit', () => page.remove());
  const opened = await openBrowser(browserCommands(page.fileUrl, privateProfileDir(join(dataDir, 'browser-profile'))));
  if (!opened) {
    page.remove();
    console.log(`No browser could be opened. ${stillServing}`);
  } else if (opened.child) {
    console.log(`Corroborate is open in ${opened.name}; closing its window (or Ctrl-C here) stops it.`);
    opened.child.once('exit', () => void stop('Corroborate’s window was closed.'));
  } else {
    console.log(`Opened with ${opened.name}. ${stillServing}`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  parseLaunchArgs(argv); // report a bad option before building anything
  const wantBrowser = argv.includes('--browser');
  const electron = wantBrowser ? null : electronBinary(repoRoot);
  if (electron && hasDisplay()) {
    process.exitCode = await startElectron(electron, repoRoot, argv);
    return;
  }
  if (electron) console.log(NO_DISPLAY_LINE);
  else if (!wantBrowser) console.log(NO_ELECTRON_LINE);
  await startBrowserMode(repoRoot, argv);
}

if (import.meta.main) {
  main().catch((e: unknown) => {
    console.error(`corroborate: ${e instanceof LaunchArgsError || e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
