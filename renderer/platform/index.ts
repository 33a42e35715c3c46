// The app picks its transport once, at start: Electron's preload bridge when present, else HTTP.
import type { Client } from '../../shared/api.ts';
import { httpClient } from './http.ts';
import { ipcClient } from './ipc.ts';

export function pickClient(): Client {
  return window.corroborateIpc ? ipcClient(window.corroborateIpc) : httpClient();
}

export const client: Client = pickClient();
