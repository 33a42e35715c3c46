// The sandboxed preload: the page's only way out is this one function, which forwards an operation
// of the API contract to the main process (and the change feed back). Nothing of Node or Electron is exposed. Bundled to a
// single CommonJS file (sandboxed preloads cannot load other files).
import { contextBridge, ipcRenderer } from 'electron';
import { FEED_CHANNEL, IPC_CHANNEL } from './ipc.ts';

contextBridge.exposeInMainWorld('corroborateIpc', {
  call: (op: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, op, input),
  watch: (fn: (e: unknown) => void): (() => void) => {
    const listener = (_event: unknown, e: unknown) => fn(e);
    ipcRenderer.on(FEED_CHANNEL, listener);
    return () => ipcRenderer.removeListener(FEED_CHANNEL, listener);
  },
});
