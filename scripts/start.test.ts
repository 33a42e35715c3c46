import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCommands, chromiumArgs, electronBinary, hasDisplay, isStale, NO_ELECTRON_LINE } from './start.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const node = join(repoRoot, 'node_modules', '.bin', 'node');
let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'corroborate-start-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('npm start helpers', () => {
  it('finds the Electron binary only where the npm package names a file that exists, without loading the package', async () => {
    const root = join(base, 'electron-root');
    const pkg = join(root, 'node_modules', 'electron');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await writeFile(join(root, 'package.json'), '{}');
    await writeFile(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
    // Loading the real package starts a download where the binary is missing: it must not be loaded.
    await writeFile(join(pkg, 'index.js'), "throw new Error('loaded: this would have tried to download Electron');");
    expect(electronBinary(root)).toBeNull(); // never downloaded: no path.txt
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeNull(); // named, but not there
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(root)).toBe(join(pkg, 'dist', 'electron'));
  });

  it('knows when a window can be shown', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('prefers Chromium in app mode with its own profile, then the desktop opener', async () => {
    const bin = join(base, 'path-bin');
    await mkdir(bin, { recursive: true });
    for (const name of ['google-chrome', 'xdg-open']) {
      await writeFile(join(bin, name), '#!/bin/sh\n');
      await chmod(join(bin, name), 0o755);
    }
    const cmds = browserCommands('http://127.0.0.1:1/?token=t', '/data/browser-profile', { PATH: bin }, 'linux');
    expect(cmds.map((c) => c.name)).toEqual(['google-chrome', 'xdg-open']);
    expect(cmds[0].args).toEqual(chromiumArgs('http://127.0.0.1:1/?token=t', '/data/browser-profile'));
    expect(cmds[0].args).toEqual(
      expect.arrayContaining([
        '--app=http://127.0.0.1:1/?token=t',
        '--user-data-dir=/data/browser-profile',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
    expect(cmds[1].args).toEqual(['http://127.0.0.1:1/?token=t']);
    expect(browserCommands('u', 'p', { PATH: join(base, 'nothing') }, 'linux')).toEqual([]);
    expect(browserCommands('u', 'p', { PATH: '' }, 'darwin').at(-1)?.name).toBe('open');
    expect(browserCommands('u', 'p', { PATH: '' }, 'win32').at(-1)?.name).toBe('start');
  });

  it('rebuilds when an output is missing or older than a source, not otherwise', async () => {
    const src = join(base, 'src');
    await mkdir(join(src, 'deep'), { recursive: true });
    const out = join(base, 'out.html');
    expect(isStale([out], [src])).toBe(true);
    await writeFile(join(src, 'deep', 'a.ts'), 'x');
    await writeFile(out, 'built');
    const past = new Date(Date.now() - 60_000);
    await utimes(join(src, 'deep', 'a.ts'), past, past);
    expect(isStale([out], [src])).toBe(false);
    // A test file changing does not make the app stale; a source file does.
    await writeFile(join(src, 'deep', 'a.test.ts'), 'y');
    expect(isStale([out], [src])).toBe(false);
    await writeFile(join(src, 'deep', 'b.tsx'), 'z');
    await utimes(out, past, past);
    expect(isStale([out], [src])).toBe(true);
  });
});

/** Runs `node scripts/start.ts` until `until` matches its output; returns the child and output so far. */
function runStart(args: string[], env: NodeJS.ProcessEnv, until: RegExp) {
  const child = spawn(node, ['scripts/start.ts', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const matched = new Promise<RegExpExecArray>((ok, fail) => {
    const check = () => {
      const m = until.exec(out);
      if (m) ok(m);
    };
    child.stdout.on('data', (c: Buffer) => ((out += c.toString()), check()));
    child.stderr.on('data', (c: Buffer) => ((out += c.toString()), check()));
    void exited.then((code) => fail(new Error(`start.ts exited (${code}) early:\n${out}`)));
  });
  return { child, matched, exited, output: () => out };
}

// Without Electron here, `npm start` is browser mode; with it, --browser asks for browser mode.
const noElectron = electronBinary(repoRoot) === null;
const modeArgs = noElectron ? [] : ['--browser'];
const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
};

describe('npm start in browser mode', () => {
  it('with no display: says so in one line, prints the URL, serves the UI, and stops cleanly on Ctrl-C', async () => {
    const dataDir = join(base, 'data-headless');
    const run = runStart([...modeArgs, '--data-dir', dataDir, '--port', '0'], baseEnv(), /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+) /);
    const [, url] = await run.matched;
    const lines = run
      .output()
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('Building') && l.trim() !== '');
    if (noElectron) expect(lines[0]).toBe(NO_ELECTRON_LINE);
    expect(lines.filter((l) => l.includes('http://'))).toHaveLength(1);

    // The printed link opens the app (it trades the token for a cookie, then serves index.html).
    const first = await fetch(url, { redirect: 'manual' });
    const cookie = first.headers.get('set-cookie')?.split(';')[0] ?? '';
    const page = first.status >= 300 && first.status < 400 ? await fetch(new URL(first.headers.get('location')!, url), { headers: { cookie } }) : first;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Corroborate</title>');

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  }, 180_000);

  it('with a display: opens Chromium on a private one-time launch page (no token on its command line), and stops when that window closes', async () => {
    const dataDir = join(base, 'data-display');
    const bin = join(base, 'fake-browser-bin');
    const argsFile = join(base, 'chromium-args.txt');
    const seenFile = join(base, 'chromium-saw.json');
    await mkdir(bin, { recursive: true });
    // A stand-in Chromium: records its arguments, follows the launch page as a browser would, stays open
    // for a moment (the user reading), then closes.
    await writeFile(join(bin, 'fake-chromium.mjs'), FAKE_CHROMIUM);
    await writeFile(
      join(bin, 'chromium'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexec '${node}' '${join(bin, 'fake-chromium.mjs')}' '${seenFile}' "$@"\n`,
    );
    await chmod(join(bin, 'chromium'), 0o755);
    const env = { ...baseEnv(), DISPLAY: ':99', PATH: `${bin}:${process.env.PATH}` };
    const run = runStart([...modeArgs, '--data-dir', dataDir, '--port', '0'], env, /open in chromium|No browser could be opened/);
    await run.matched;
    const args = (await readFile(argsFile, 'utf8')).trim().split('\n');
    expect(args[0]).toMatch(/^--app=file:\/\/\/.*corroborate-launch-[^/]+\/open\.html$/);
    expect(args.join(' ')).not.toMatch(/token=|launch=/);
    expect(args).toContain(`--user-data-dir=${join(dataDir, 'browser-profile')}`);
    expect((await stat(join(dataDir, 'browser-profile'))).mode & 0o777).toBe(0o700);
    await until(() => existsSync(seenFile));
    const saw = JSON.parse(await readFile(seenFile, 'utf8')) as {
      dirMode: number;
      fileMode: number;
      first: number;
      cookie: boolean;
      page: number;
      again: number;
    };
    expect(saw).toMatchObject({ dirMode: 0o700, fileMode: 0o600, first: 303, cookie: true, page: 200, again: 401 });
    // The page is read once: gone as soon as its code was used.
    await until(() => !existsSync(fileURLToPath(args[0].slice('--app='.length))));
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('window was closed');
  }, 180_000);

  it('another local user (nobody) cannot reach the API of a running browser mode', async (ctx) => {
    if (process.getuid?.() !== 0 || spawnSync('runuser', ['--help']).status !== 0) {
      console.log('skipped: the second-user test needs root and runuser, to run a probe as "nobody"');
      ctx.skip();
    }
    const dataDir = join(base, 'data-second-user');
    const bin = join(base, 'fake-browser-bin-2');
    const seenFile = join(base, 'chromium-saw-2.json');
    // The probe must be readable by nobody; the fake browser stays open until the probe is done.
    const probeDir = await mkdtemp(join(tmpdir(), 'corroborate-probe-'));
    await chmod(probeDir, 0o755);
    await writeFile(join(probeDir, 'probe.mjs'), PROBE);
    await chmod(join(probeDir, 'probe.mjs'), 0o644);
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'fake-chromium.mjs'), FAKE_CHROMIUM);
    await writeFile(join(bin, 'chromium'), `#!/bin/sh\nexec '${node}' '${join(bin, 'fake-chromium.mjs')}' '${seenFile}' "$@"\n`);
    await chmod(join(bin, 'chromium'), 0o755);
    const env = { ...baseEnv(), DISPLAY: ':99', PATH: `${bin}:${process.env.PATH}`, FAKE_CHROMIUM_HOLD: join(probeDir, 'done') };
    const run = runStart([...modeArgs, '--data-dir', dataDir, '--port', '0'], env, /open in chromium|No browser could be opened/);
    try {
      await run.matched;
      await until(() => existsSync(seenFile));
      const port = (JSON.parse(await readFile(seenFile, 'utf8')) as { port: number }).port;
      // As nobody: every command line and environment it can read, every launch page it can find, tried on the API.
      const probe = spawnSync('runuser', ['-u', 'nobody', '--', node, join(probeDir, 'probe.mjs'), String(port)], { encoding: 'utf8', timeout: 60_000 });
      expect(probe.status, probe.stderr).toBe(0);
      const found = JSON.parse(probe.stdout) as { candidates: string[]; reached: string[]; statuses: number[] };
      expect(found.statuses.length).toBeGreaterThan(0); // it did try
      expect(found.reached).toEqual([]);
      expect(found.statuses.every((s) => s === 401)).toBe(true);
    } finally {
      await writeFile(join(probeDir, 'done'), '');
      await run.exited;
      await rm(probeDir, { recursive: true, force: true });
    }
  }, 180_000);
});

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A stand-in browser: reads the page it is given as a browser would, follows its refresh, keeps the cookie,
// and tries the same link a second time (it must be dead). Records what it saw, then closes.
const FAKE_CHROMIUM = `
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const [seen, ...args] = process.argv.slice(2);
const file = fileURLToPath(args.find((a) => a.startsWith('--app=')).slice(6));
const html = readFileSync(file, 'utf8');
const dirMode = statSync(dirname(file)).mode & 0o777;
const fileMode = statSync(file).mode & 0o777;
const target = /url=([^"]+)"/.exec(html)[1].replace(/&amp;/g, '&');
const first = await fetch(target, { redirect: 'manual' });
const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
const page = await fetch(new URL(first.headers.get('location') ?? '/', target), { headers: { cookie } });
const again = await fetch(target, { redirect: 'manual' });
writeFileSync(seen, JSON.stringify({ dirMode, fileMode, first: first.status, cookie: cookie.length > 0, page: page.status, again: again.status, port: Number(new URL(target).port) }));
const hold = process.env.FAKE_CHROMIUM_HOLD;
const end = Date.now() + 60_000;
if (hold) while (!existsSync(hold) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
else await new Promise((r) => setTimeout(r, 4000)); // longer than start.ts's grace: a window that stayed open
`;

// Run as another user: gathers every token-like string it can read about the running app and tries each.
const PROBE = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const port = process.argv[2];
const texts = [];
const tryRead = (f) => { try { texts.push(readFileSync(f, 'latin1')); } catch {} };
for (const pid of readdirSync('/proc').filter((p) => /^\\d+$/.test(p))) { tryRead('/proc/' + pid + '/cmdline'); tryRead('/proc/' + pid + '/environ'); }
// The launch pages: those named on a command line, and any launch folder in the temp folder.
for (const t of [...texts]) for (const m of t.matchAll(/file:\\/\\/(\\/[^\\0\\s]+)/g)) tryRead(decodeURIComponent(m[1]));
for (const name of readdirSync('/tmp').filter((n) => n.startsWith('corroborate-launch-'))) tryRead(join('/tmp', name, 'open.html'));
const candidates = new Set();
for (const t of texts) for (const m of t.matchAll(/(token|launch)=([A-Za-z0-9_-]{16,})/g)) candidates.add(m[0]);
const statuses = []; const reached = [];
const tryGet = async (q) => { const r = await fetch('http://127.0.0.1:' + port + '/?' + q, { redirect: 'manual' }); statuses.push(r.status); if (r.status < 400) reached.push(q); };
for (const c of candidates) await tryGet(c);
await tryGet('token=guess');
const api = await fetch('http://127.0.0.1:' + port + '/api/cases.list', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(2) });
statuses.push(api.status); if (api.status < 400) reached.push('api');
console.log(JSON.stringify({ candidates: [...candidates], reached, statuses }));
`;
