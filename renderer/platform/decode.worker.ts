// Reads a large reply's frame off the window's thread (issue 12: a 20 MB source's text took 0.3 s
// to decode and parse there); the value comes back by structured clone, a copy of the text.
import { decodeFrame } from '../../shared/wire.ts';

self.onmessage = (e: MessageEvent<{ id: number; frame: Uint8Array }>) => {
  let reply: { id: number; value?: unknown; failed?: true };
  try {
    reply = { id: e.data.id, value: decodeFrame(e.data.frame) };
  } catch {
    reply = { id: e.data.id, failed: true };
  }
  (self as unknown as Worker).postMessage(reply);
};
