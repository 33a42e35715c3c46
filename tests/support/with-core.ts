// A core on a data folder for one piece of a test, closed after it (even when it fails), so a
// test can stop and start the core on the same folder, as a restart does.
import { createCore, type Core } from '../../electron/core/index.ts';

export async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir, host: 'browser' });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}
