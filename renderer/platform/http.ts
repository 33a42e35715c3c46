// Browser-mode transport: POST /api/<op> to the loopback server, bodies in the byte framing of
// shared/wire.ts. The per-launch token travels in an HttpOnly cookie the server set when the page
// was first opened from the link it printed, so nothing secret lives in this script.
import { FeedEvent, type Client } from '../../shared/api.ts';
import { ApiError } from '../../shared/errors.ts';
import { encodeFrame } from '../../shared/wire.ts';
import { decodeReply } from './decodeOffThread.ts';
import { unwrapReply } from './reply.ts';

export function httpClient(base = '/api/', feed = '/feed'): Client {
  // One event stream per window, whoever watches: each open stream holds one of the browser's six
  // connections to the host for good, and with three watchers in each of two windows the calls
  // had none left and waited forever (windows.e2e).
  const watchers = new Set<(e: FeedEvent) => void>();
  let source: EventSource | null = null;
  return {
    watch(fn) {
      watchers.add(fn);
      if (!source) {
        // Server-sent events carry the cookie like every call; the browser reconnects by itself.
        source = new EventSource(feed);
        source.onmessage = (m: MessageEvent<string>) => {
          const e = FeedEvent.safeParse(safeJson(m.data));
          if (e.success) for (const w of [...watchers]) w(e.data);
        };
      }
      return () => {
        watchers.delete(fn);
        if (watchers.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
    async call(op, input) {
      let res: Response;
      try {
        res = await fetch(`${base}${encodeURIComponent(op)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          credentials: 'same-origin',
          body: encodeFrame(input) as Uint8Array<ArrayBuffer>,
        });
      } catch {
        throw new ApiError('INTERNAL', 'Corroborate is not answering. If you closed it, start it again and open the link it prints.');
      }
      if (res.status === 401 || res.status === 403) {
        throw new ApiError(
          'FORBIDDEN',
          'This page is no longer connected to Corroborate (each launch has its own link). Open the link Corroborate printed when it started.',
        );
      }
      let reply: unknown;
      try {
        reply = await decodeReply(new Uint8Array(await res.arrayBuffer()));
      } catch {
        throw new ApiError('INTERNAL', `Corroborate answered “${op}” with something unreadable (HTTP ${res.status}). Restart the app and try again.`);
      }
      return unwrapReply(op, reply);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
