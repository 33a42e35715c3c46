// The Electron host, built exactly as `npm run build` builds it, run under Node with a stand-in for
// the `electron` module. Electron's binary cannot be downloaded everywhere (it cannot here), so this
// is what proves main.cjs wires the security checklist, the app:// protocol, IPC and quitting —
// and that the bundled import worker really starts. tests/electron/ drives the real binary where it exists.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../scripts/build-electron.ts';
import { CONTENT_SECURITY_POLICY } from './protocol.ts';

const repoRoot = resolve(import.meta.dirname, '..');

type Listener = (...args: unknown[]) => unknown;
type Reply = { ok: boolean; value?: any; error?: { code: string; message: string } };

/** A recording stand-in for the parts of Electron main.ts uses. */
function fakeElectron(appRoot: string, appData: string) {
  const rec = {
    calls: [] as string[],
    schemes: [] as unknown[],
    paths: new Map<string, string>(),
    appListeners: new Map<string, Listener[]>(),
    ipc: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    windows: [] as { options: any; url?: string; webContents: any }[],
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    deviceCheck: null as null | Listener,
    beforeRequest: null as null | Listener,
    opened: [] as string[],
    errors: [] as string[],
    quits: 0,
    exited: null as null | number,
    menu: null as unknown,
  };
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const emitApp = (name: string, ...args: unknown[]) => {
    for (const l of rec.appListeners.get(name) ?? []) l(...args);
  };
  const app = {
    enableSandbox: () => rec.calls.push('enableSandbox'),
    setPath: (name: string, p: string) => rec.paths.set(name, p),
    getPath: (name: string) => rec.paths.get(name) ?? (name === 'appData' ? appData : join(appData, name)),
    getAppPath: () => appRoot,
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: (name: string, l: Listener) => rec.appListeners.set(name, [...(rec.appListeners.get(name) ?? []), l]),
    whenReady: () => ready,
    quit: () => {
      rec.quits++;
      let prevented = false;
      emitApp('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) rec.calls.push('quit');
    },
    exit: (code: number) => {
      rec.exited = code;
    },
  };
  let nextId = 1;
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => rec.windows;
    webContents: any;
    constructor(options: any) {
      super();
      this.webContents = { id: nextId++ };
      rec.windows.push({ options, webContents: this.webContents });
    }
    loadURL(url: string) {
      rec.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    show() {}
    focus() {}
    restore() {}
  }
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, text: string) => rec.errors.push(`${title}: ${text}`) },
    ipcMain: { handle: (ch: string, fn: Listener) => rec.ipc.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (rec.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => {
        rec.calls.push(`registerSchemesAsPrivileged(ready=${readyDone})`);
        rec.schemes.push(...s);
      },
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (rec.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Listener) => (rec.deviceCheck = fn),
        webRequest: { onBeforeRequest: (fn: Listener) => (rec.beforeRequest = fn) },
      },
    },
    shell: { openExternal: async (url: string) => void rec.opened.push(url) },
  };
  let readyDone = false;
  const makeReady = async () => {
    readyDone = true;
    readyResolve();
    await new Promise((r) => setTimeout(r, 50));
  };
  return { electron, rec, makeReady, emitApp };
}

let base: string;
let appRoot: string;
let dataDir: string;
let fake: ReturnType<typeof fakeElectron>;
const savedArgv = process.argv;
let sampleId = '';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'corroborate-main-'));
  appRoot = join(base, 'app');
  dataDir = join(base, 'data');
  await mkdir(join(appRoot, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Corroborate</title>');
  await writeFile(join(appRoot, 'package.json'), await readFile(join(repoRoot, 'package.json')));
  await symlink(join(repoRoot, 'node_modules'), join(appRoot, 'node_modules'), 'dir');
  await buildElectron({ root: repoRoot, outDir: join(appRoot, 'dist-electron'), quiet: true });

  fake = fakeElectron(appRoot, join(base, 'appData'));
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : load.call(this, request, ...rest);
  };
  process.argv = [process.execPath, appRoot, '--data-dir', dataDir];
  try {
    createRequire(join(appRoot, 'dist-electron', 'main.cjs'))(join(appRoot, 'dist-electron', 'main.cjs'));
  } finally {
    process.argv = savedArgv;
    M._load = load;
  }
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const trustedEvent = () => {
  const win = fake.rec.windows[0];
  return { sender: win.webContents, senderFrame: { url: 'app://corroborate/index.html', parent: null } };
};
const call = (event: unknown, op: unknown, input: unknown = {}) => fake.rec.ipc.get('corroborate:call')!(event, op, input) as Promise<Reply>;

describe('Electron main process (bundled main.cjs, stand-in electron)', () => {
  it('registers app:// as a privileged scheme and enables the sandbox before the app is ready', () => {
    expect(fake.rec.calls).toContain('registerSchemesAsPrivileged(ready=false)');
    expect(fake.rec.calls).toContain('enableSandbox');
    expect(fake.rec.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.rec.paths.get('userData')).toBe(join(dataDir, 'electron-profile'));
    expect(fake.rec.windows).toHaveLength(0);
  });

  it('opens one hardened window on app://corroborate once ready', async () => {
    await fake.makeReady();
    expect(fake.rec.errors).toEqual([]);
    expect(fake.rec.windows).toHaveLength(1);
    const { options, url } = fake.rec.windows[0];
    expect(url).toBe('app://corroborate/index.html');
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(options.webPreferences.preload).toBe(join(appRoot, 'dist-electron', 'preload.cjs'));
    expect(existsSync(options.webPreferences.preload)).toBe(true);
  });

  it('serves the UI from dist/renderer with the CSP, and nothing outside it', async () => {
    const handler = fake.rec.protocolHandlers.get('app')!;
    const index = await handler(new Request('app://corroborate/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler(new Request('app://corroborate/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('denies every permission and blocks remote requests', () => {
    let granted: boolean | undefined;
    fake.rec.permissionRequest!(null, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.rec.permissionCheck!(null, 'clipboard-read', 'app://corroborate', {})).toBe(false);
    expect(fake.rec.deviceCheck!({})).toBe(false);
    const cancelled = (url: string) => {
      let verdict: boolean | undefined;
      fake.rec.beforeRequest!({ url }, (r: { cancel: boolean }) => (verdict = r.cancel));
      return verdict;
    };
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:8080/', 'wss://example.org/', 'file:///etc/passwd'])
      expect(cancelled(url), url).toBe(true);
    for (const url of ['app://corroborate/assets/app.js', 'blob:app://corroborate/1234', 'data:image/png;base64,AA==']) expect(cancelled(url), url).toBe(false);
  });

  it('refuses navigation, new windows and webviews; only https/mailto links reach the OS', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (fn: Listener) => (openHandler = fn) });
    let openHandler: Listener | null = null;
    fake.emitApp('web-contents-created', {}, contents);
    const prevented = (name: string, url: string) => {
      let p = false;
      contents.emit(name, { url, preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://example.org/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(prevented('will-redirect', 'https://example.org/')).toBe(true);
    expect(prevented('will-attach-webview', 'app://corroborate/index.html')).toBe(true);
    expect(openHandler!({ url: 'https://example.org/story' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.rec.opened).toEqual(['https://example.org/story']);
  });

  it('answers IPC from its own window with the core, and refuses any other sender', async () => {
    const info = await call(trustedEvent(), 'app.info');
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });

    const win = fake.rec.windows[0];
    const foreign = [
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: win.webContents, senderFrame: { url: 'app://corroborate/index.html', parent: {} } },
      { sender: { id: 999 }, senderFrame: { url: 'app://corroborate/index.html', parent: null } },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of foreign) expect((await call(event, 'app.info')).error?.code).toBe('FORBIDDEN');
    expect((await call(trustedEvent(), 42)).error?.code).toBe('INVALID_INPUT');
    expect((await call(trustedEvent(), 'no.such.op')).error?.code).toBe('NOT_FOUND');
  });

  it('opens the sample case through IPC (the bundled import worker at work)', async () => {
    const made = await call(trustedEvent(), 'cases.createSample');
    expect(made.ok, JSON.stringify(made.error)).toBe(true);
    sampleId = made.value.id;
    const opened = await call(trustedEvent(), 'cases.open', { caseId: made.value.id });
    expect(opened.ok).toBe(true);
    expect(opened.value.sources.length).toBeGreaterThan(0);
    expect(opened.value.dir.startsWith(join(dataDir, 'cases'))).toBe(true);
  }, 60_000);

  it('bundles the import worker so that it runs on its own', async () => {
    const worker = new Worker(join(appRoot, 'dist-electron', 'import-worker.cjs'));
    const reply = await new Promise<any>((ok, fail) => {
      // The worker may announce itself first; the answer is the message that says ok or not.
      worker.on('message', (m: { ok?: boolean }) => {
        if (typeof m?.ok === 'boolean') ok(m);
      });
      worker.once('error', fail);
      // The pool's protocol (import/pool.ts): a numbered job, answered by its number.
      worker.postMessage({
        id: 1,
        job: {
          task: 'extract',
          name: 'note.html',
          bytes: new TextEncoder().encode('<html><head><title>T</title></head><body><article><p>Plain words here.</p></article></body></html>'),
        },
      });
    });
    await worker.terminate();
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
    expect(reply.result.text).toContain('Plain words here.');
  }, 30_000);

  it('closes the core before quitting, so the case lock is released', async () => {
    const { createCore } = await import('./core/index.ts');
    const other = await createCore({ dataDir, host: 'browser' });
    try {
      expect((await other.reply('cases.open', { caseId: sampleId })).ok).toBe(false); // held by the window's core
    } finally {
      await other.close();
    }
    fake.electron.app.quit();
    expect(fake.rec.calls).not.toContain('quit'); // held back while the core closes
    await expect.poll(() => fake.rec.calls.includes('quit'), { timeout: 10_000 }).toBe(true);
    // Another process may now open the same case.
    const again = await createCore({ dataDir, host: 'browser' });
    try {
      const opened = await again.reply('cases.open', { caseId: sampleId });
      expect(opened.ok, JSON.stringify(opened)).toBe(true);
    } finally {
      await again.close();
    }
  }, 30_000);
});
