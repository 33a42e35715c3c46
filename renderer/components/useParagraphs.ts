// A text's paragraphs for the reader: found at once for an ordinary text, in a worker for a long
// one (issue 12: splitting a 20 MB source took 0.3 s of the window's thread), where the pane shows
// that the text is being prepared until they come back.
import { useEffect, useMemo, useState } from 'react';
import { paragraphsOf, splitParagraphs, type Paragraph } from '../lib/paragraphs.ts';

/** Texts of at least this many characters are split in the worker. */
export const SPLIT_IN_WORKER_FROM = 2_000_000;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { ok: (b: Int32Array) => void; fail: (e: unknown) => void }>();

function boundsInWorker(text: string): Promise<Int32Array> {
  if (!worker) {
    worker = new Worker(new URL('../lib/paragraphs.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; bounds: Int32Array }>) => {
      waiting.get(e.data.id)?.ok(e.data.bounds);
      waiting.delete(e.data.id);
    };
    worker.onerror = (e) => {
      // A worker that cannot start (or failed): every text waiting is split here instead.
      for (const w of waiting.values()) w.fail(e);
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  }
  const id = nextId++;
  return new Promise((ok, fail) => {
    waiting.set(id, { ok, fail });
    worker!.postMessage({ id, text });
  });
}

/** The paragraphs of `text`, or null while a long text's are being found. */
export function useParagraphs(text: string): readonly Paragraph[] | null {
  const here = text.length < SPLIT_IN_WORKER_FROM || typeof Worker === 'undefined';
  const sync = useMemo(() => (here ? splitParagraphs(text) : null), [text, here]);
  const [found, setFound] = useState<{ text: string; paragraphs: Paragraph[] } | null>(null);
  useEffect(() => {
    if (here) return;
    let live = true;
    boundsInWorker(text).then(
      (bounds) => live && setFound({ text, paragraphs: paragraphsOf(text, bounds) }),
      () => live && setFound({ text, paragraphs: splitParagraphs(text) }),
    );
    return () => {
      live = false;
    };
  }, [text, here]);
  return sync ?? (found?.text === text ? found.paragraphs : null);
}
