// The worker thread behind extractFileIsolated: says it is ready once its code has loaded, then
// takes one file and answers with one Extracted (or an error shape).
import { parentPort } from 'node:worker_threads';
import { extractFile, errorShape } from './index.ts';

parentPort?.once('message', async ({ name, bytes }: { name: string; bytes: Uint8Array }) => {
  try {
    parentPort!.postMessage({ ok: true, result: await extractFile(name, bytes) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: errorShape(e) });
  }
});
parentPort?.postMessage({ ready: true });
