// The one IPC channel between the Electron window and the main process. Imported by the preload,
// so it must stay free of Node and Electron imports.
export const IPC_CHANNEL = 'corroborate:call';
/** Main → window: the change feed (a case id and its claims version after every change). */
export const FEED_CHANNEL = 'corroborate:changed';
