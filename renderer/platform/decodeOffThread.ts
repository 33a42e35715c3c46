// Decodes a reply frame (shared/wire.ts): a large one in a worker, so opening a long source does
// not hold the window for the parse; a small one here, where a worker's round trip costs more.
import { decodeFrame } from '../../shared/wire.ts';

/** Frames of at least this many bytes are decoded in the worker. */
export const DECODE_IN_WORKER_FROM = 4 * 1024 * 1024;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { frame: Uint8Array; ok: (v: unknown) => void; fail: (e: unknown) => void }>();

function inWorker(frame: Uint8Array): Promise<unknown> {
  if (!worker) {
    worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; value?: unknown; failed?: true }>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (!w) return;
      if (e.data.failed) w.fail(new Error('unreadable frame'));
      else w.ok(e.data.value);
    };
    worker.onerror = () => {
      // A worker that cannot start: what waits is decoded here instead.
      const all = [...waiting.values()];
      waiting.clear();
      worker?.terminate();
      worker = null;
      for (const w of all) {
        try {
          w.ok(decodeFrame(w.frame));
        } catch (e) {
          w.fail(e);
        }
      }
    };
  }
  const id = nextId++;
  return new Promise((ok, fail) => {
    waiting.set(id, { frame, ok, fail });
    worker!.postMessage({ id, frame });
  });
}

export function decodeReply(frame: Uint8Array): Promise<unknown> {
  if (frame.byteLength < DECODE_IN_WORKER_FROM || typeof Worker === 'undefined') return Promise.resolve().then(() => decodeFrame(frame));
  return inWorker(frame);
}
