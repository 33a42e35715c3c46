import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  it('finds the Electron binary only where the npm package names a file that exists', async () => {
    const root = join(base, 'electron-root');
    const pkg = join(root, 'node_modules', 'electron');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(root, 'package.json'), '{}');
    await writeFile(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
    // As the real package does when its download never happened.
    await writeFile(join(pkg, 'index.js'), "throw new Error('Electron failed to install correctly');");
    expect(electronBinary(root)).toBeNull();

    const bin = join(root, 'electron-binary');
    await writeFile(bin, '');
    await writeFile(join(pkg, 'index.js'), `module.exports = ${JSON.stringify(join(root, 'missing'))};`);
    expect(electronBinary(root)).toBeNull();
    const other = join(base, 'electron-root-2');
    await mkdir(join(other, 'node_modules', 'electron'), { recursive: true });
    await writeFile(join(other, 'package.json'), '{}');
    await writeFile(join(other, 'node_modules', 'electron', 'index.js'), `module.exports = ${JSON.stringify(bin)};`);
    expect(electronBinary(other)).toBe(bin);
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

  it('with a display: opens Chromium as an app window on its own profile, and stops when that window closes', async () => {
    const dataDir = join(base, 'data-display');
    const bin = join(base, 'fake-browser-bin');
    const argsFile = join(base, 'chromium-args.txt');
    await mkdir(bin, { recursive: true });
    // A stand-in Chromium: records its arguments, stays open for a moment (the user reading), then closes.
    await writeFile(join(bin, 'chromium'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nsleep 4\n`);
    await chmod(join(bin, 'chromium'), 0o755);
    const env = { ...baseEnv(), DISPLAY: ':99', PATH: `${bin}:${process.env.PATH}` };
    const run = runStart([...modeArgs, '--data-dir', dataDir, '--port', '0'], env, /open in chromium/);
    await run.matched;
    const args = (await readFile(argsFile, 'utf8')).trim().split('\n');
    expect(args[0]).toMatch(/^--app=http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(args).toContain(`--user-data-dir=${join(dataDir, 'browser-profile')}`);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('window was closed');
  }, 180_000);
});
