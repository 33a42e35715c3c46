// Electron transport: the preload script exposes `window.corroborateIpc` (context isolation keeps
// Node out of the page); every call resolves to a Reply.
import { FeedEvent, type Client, type Reply } from '../../shared/api.ts';
import { unwrapReply } from './reply.ts';

export interface IpcBridge {
  call(op: string, input: unknown): Promise<Reply>;
  watch?(fn: (e: unknown) => void): () => void;
}

declare global {
  interface Window {
    corroborateIpc?: IpcBridge;
  }
}

export function ipcClient(bridge: IpcBridge): Client {
  return {
    async call(op, input) {
      const reply = await bridge.call(op, input);
      return unwrapReply(op, reply);
    },
    watch(fn) {
      return (
        bridge.watch?.((raw) => {
          const e = FeedEvent.safeParse(raw);
          if (e.success) fn(e.data);
        }) ?? (() => undefined)
      );
    },
  };
}
