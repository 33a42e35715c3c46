// The Electron main process: one window on the app:// UI, hardened by Electron's security checklist,
// and one IPC channel that hands validated calls to the core. All behaviour lives in the core;
// this file is the host around it (as serve.ts is for browser mode).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import type { Reply } from '../shared/api.ts';
import { createCore, type Core } from './core/index.ts';
import { keychainBox } from './core/sync/credentials.ts';
import { defaultDataDir } from './core/store/index.ts';
import { FEED_CHANNEL, IPC_CHANNEL } from './ipc.ts';
import { LaunchArgsError, parseLaunchArgs, type LaunchArgs } from './launch-args.ts';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl, isSafeExternalUrl, serveAppRequest } from './protocol.ts';

/** How long quitting waits for the core to flush its writes before giving up. */
const CLOSE_TIMEOUT_MS = 15_000;

// Must happen before `ready`: app:// behaves like https (standard URL rules, secure context, fetch).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

let args: LaunchArgs;
try {
  args = parseLaunchArgs(process.argv.slice(1));
} catch (e) {
  const message = e instanceof LaunchArgsError ? e.message : String(e);
  console.error(`corroborate: ${message}`);
  dialog.showErrorBox('Corroborate cannot start', message);
  app.exit(2);
  throw e;
}

// Cases: --data-dir, else CORROBORATE_DATA_DIR, else the platform's application-data folder (the
// same one browser mode uses, so both modes see the same cases). For a data folder of one's own the
// Chromium profile goes inside it too, so a test or a second data folder is a separate instance
// (the single-instance lock is per profile).
const chosenDataDir = args.dataDir ?? (process.env.CORROBORATE_DATA_DIR ? resolve(process.env.CORROBORATE_DATA_DIR) : undefined);
const dataDir = chosenDataDir ?? defaultDataDir();
app.setPath('userData', chosenDataDir ? join(dataDir, 'electron-profile') : join(app.getPath('appData'), 'Corroborate'));

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
const preload = join(appRoot, 'dist-electron', 'preload.cjs');

if (!app.requestSingleInstanceLock()) {
  // Another window already serves this data folder; it comes to the front (see second-instance).
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  const corePromise: Promise<Core> = createCore({ dataDir, host: 'electron', secretBox: keychainBox(safeStorage) });
  // Reported once, after ready (a dialog needs it); IPC calls meanwhile get the error as a reply.
  corePromise.catch(() => undefined);
  // The change feed reaches the window over its own channel, as the loopback host streams it.
  void corePromise.then(
    (core) =>
      core.watch((e) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(FEED_CHANNEL, e);
      }),
    () => undefined,
  );

  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, op: unknown, input: unknown): Promise<Reply> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This call did not come from Corroborate’s own window.' } };
    }
    if (typeof op !== 'string') return { ok: false, error: { code: 'INVALID_INPUT', message: 'The operation name must be a string.' } };
    let core: Core;
    try {
      core = await corePromise;
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: `Corroborate’s core did not start: ${errorText(e)}` } };
    }
    return core.reply(op, input);
  });

  function isTrustedSender(event: IpcMainInvokeEvent): boolean {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false; // main frame only
    if (!mainWindow || mainWindow.isDestroyed() || event.sender !== mainWindow.webContents) return false;
    return isAppUrl(frame.url);
  }

  // Every web contents, present or future: no navigation, no new windows, no webviews.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-frame-navigate', (e) => {
      if (!isAppUrl(e.url)) e.preventDefault();
    });
    contents.on('will-redirect', (e) => {
      if (!isAppUrl(e.url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  let closed = false;
  let closing = false;
  app.on('will-quit', (e) => {
    if (closed) return;
    e.preventDefault();
    if (closing) return;
    closing = true;
    // The core's close flushes pending writes and releases case locks: wait for it, within reason.
    const timeout = new Promise<void>((resolve) =>
      setTimeout(() => {
        console.error('corroborate: the core did not close in time; quitting anyway.');
        resolve();
      }, CLOSE_TIMEOUT_MS).unref(),
    );
    void Promise.race([corePromise.then((c) => c.close()).catch((err) => console.error(`corroborate: closing: ${errorText(err)}`)), timeout]).finally(() => {
      closed = true;
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.whenReady().then(
    async () => {
      try {
        await corePromise;
      } catch (e) {
        dialog.showErrorBox('Corroborate cannot open its data folder', `${dataDir}\n\n${errorText(e)}`);
        app.quit();
        return;
      }
      if (!existsSync(join(rendererDir, 'index.html'))) {
        dialog.showErrorBox('Corroborate’s interface is not built', `Nothing at ${rendererDir}. Run “npm run build” (or “npm start”, which builds it).`);
        app.quit();
        return;
      }
      hardenSession();
      protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
      mainWindow = createWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
      });
    },
    (e: unknown) => {
      console.error(`corroborate: ${errorText(e)}`);
      app.exit(1);
    },
  );
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Corroborate',
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload,
      // Beyond the defaults, stated so a later change cannot loosen them by accident.
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      // Chromium's spellchecker downloads dictionaries; Corroborate stays offline.
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content, whatever the page tries (the CSP says the same; this holds even without it).
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRemoteOrFileUrl(details.url) }));
}

const REFUSED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

function isRemoteOrFileUrl(url: string): boolean {
  try {
    return REFUSED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    // Undo and redo are the UI's own commands (it keeps claims' history), so they are not menu roles.
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
