// The sandboxed preload: the page's only way out is this one function, which forwards an operation
// of the API contract to the main process. Nothing of Node or Electron is exposed. Bundled to a
// single CommonJS file (sandboxed preloads cannot load other files).
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from './ipc.ts';

contextBridge.exposeInMainWorld('corroborateIpc', {
  call: (op: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, op, input),
});
