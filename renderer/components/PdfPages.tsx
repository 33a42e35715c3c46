// A PDF's original pages, drawn by pdf.js on canvases, each page only once it scrolls near view.
// The worker is its own file (the CSP forbids inline and eval'd code), loaded from our origin.
import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { DocCache } from './docCache.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

interface PageBox {
  width: number;
  height: number;
}

export default function PdfPages(props: { cache: DocCache; sourceId: string; label: string }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [boxes, setBoxes] = useState<PageBox[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let doc: PDFDocumentProxy | null = null;
    (async () => {
      const original = await props.cache.original(props.sourceId);
      // pdf.js may transfer the buffer to its worker; give it a copy so the cache keeps its bytes.
      const task = getDocument({ data: original.data.slice(), isEvalSupported: false, enableXfa: false });
      doc = await task.promise;
      const sizes: PageBox[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const vp = page.getViewport({ scale: 1 });
        sizes.push({ width: vp.width, height: vp.height });
        if (!live) return;
      }
      if (live) {
        setPdf(doc);
        setBoxes(sizes);
      }
    })().catch((e: unknown) => {
      if (live) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
      void doc?.destroy();
    };
  }, [props.cache, props.sourceId]);

  if (error) {
    return (
      <div className="pane-body pane-status">
        <p role="alert" className="notice notice-error">
          The original pages could not be shown: {error}. The text view still works.
        </p>
      </div>
    );
  }
  if (!pdf || !boxes) {
    return (
      <div className="pane-body pane-status" aria-busy="true">
        <p className="muted">Opening the PDF…</p>
      </div>
    );
  }
  return (
    <div className="pane-body pdf-pages" tabIndex={0} role="region" aria-label={`Pages of ${props.label}`}>
      {boxes.map((b, i) => (
        <PdfPage key={i} pdf={pdf} number={i + 1} box={b} total={boxes.length} />
      ))}
    </div>
  );
}

function PdfPage(props: { pdf: PDFDocumentProxy; number: number; box: PageBox; total: number }) {
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || state !== 'waiting') return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    (async () => {
      const page = await props.pdf.getPage(props.number);
      const c = canvas.current;
      const el = holder.current;
      if (!c || !el || cancelled) return;
      const cssWidth = Math.max(200, el.clientWidth);
      const scale = (cssWidth / props.box.width) * Math.min(2, window.devicePixelRatio || 1);
      const vp = page.getViewport({ scale });
      c.width = Math.floor(vp.width);
      c.height = Math.floor(vp.height);
      task = page.render({ canvas: c, viewport: vp });
      await task.promise;
      if (!cancelled) setState('drawn');
    })().catch(() => {
      if (!cancelled) setState('failed');
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [visible, state, props.pdf, props.number, props.box.width]);

  return (
    <figure className="pdf-page" ref={holder} style={{ aspectRatio: `${props.box.width} / ${props.box.height}` }}>
      <canvas ref={canvas} role="img" aria-label={`Page ${props.number} of ${props.total}`} />
      {state === 'failed' ? <figcaption className="error-text">Page {props.number} could not be drawn.</figcaption> : null}
      {state === 'waiting' ? <figcaption className="muted small pdf-wait">Page {props.number}</figcaption> : null}
    </figure>
  );
}
