// One page of a PDF's original pages (PdfPages.tsx): its canvas, highlight boxes, selectable text layer and names for screen readers.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { TextLayer, type PDFDocumentProxy, type PageViewport } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api.js';
import type { PageRange } from '../../shared/model/source.ts';
import { alignPage } from '../pdf/align.ts';
import type { Measure } from '../pdf/geometry.ts';
import { pageBoxes, spansOn, type PageBoxes, type PageLayout, type PageSpan } from '../pdf/pageHighlights.ts';
import type { LayerPage } from '../pdf/textLayer.ts';

export interface PageBox {
  width: number;
  height: number;
}

type Layout = PageLayout | 'failed' | null;

// Where a highlight starts inside a text item is measured in a font like the PDF's (pdf.js names
// its generic family: serif, sans-serif, monospace), which beats counting characters.
const measurers = new Map<string, Measure>();
function measurerFor(family: string | undefined): Measure | undefined {
  const key = family || 'sans-serif';
  let m = measurers.get(key);
  if (!m) {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return undefined;
    ctx.font = `20px ${key}`;
    m = (s: string) => ctx.measureText(s).width;
    measurers.set(key, m);
  }
  return m;
}

export function PdfPage(props: {
  pdf: PDFDocumentProxy;
  number: number;
  box: PageBox;
  total: number;
  text: string;
  range: PageRange | null;
  spans: PageSpan[];
  claimNames: Map<string, string[]>;
  onOpen: (s: PageSpan) => void;
  /** The page's text layer once drawn (null when it goes), for mapping selections. */
  onLayer: (page: number, layer: LayerPage | null) => void;
}) {
  const holder = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');
  const [layout, setLayout] = useState<Layout>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const textSource = useRef<{ content: TextContent; viewport: PageViewport } | null>(null);
  const { range, text, onLayer, number } = props;

  // The text layer's font sizes follow the page's shown width (pdf.js's --total-scale-factor).
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const set = () => el.style.setProperty('--total-scale-factor', String(el.clientWidth / props.box.width));
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, [props.box.width]);

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

  // The page's text items, aligned to its text, once the page is near view.
  useEffect(() => {
    if (!visible || !range) return;
    let cancelled = false;
    (async () => {
      const page = await props.pdf.getPage(props.number);
      const tc = await page.getTextContent();
      const items = tc.items.map((it) =>
        'str' in it ? { str: it.str, transform: it.transform, width: it.width } : { str: '', transform: [0, 0, 0, 0, 0, 0], width: 0 },
      );
      const measures = tc.items.map((it) => ('fontName' in it ? measurerFor(tc.styles[it.fontName]?.fontFamily) : undefined));
      const alignment = alignPage(text.slice(range.start, range.end), items);
      const vp = page.getViewport({ scale: 1 });
      if (cancelled) return;
      textSource.current = alignment ? { content: tc, viewport: vp } : null;
      setLayout(
        alignment
          ? { start: range.start, end: range.end, alignment, items, measures, viewportTransform: vp.transform, width: vp.width, height: vp.height }
          : 'failed',
      );
    })().catch(() => {
      if (!cancelled) setLayout('failed');
    });
    return () => {
      cancelled = true;
    };
  }, [visible, range, text, props.pdf, props.number]);

  // The selectable text: pdf.js's spans for the same items the alignment placed. A page that did not
  // align gets none (a selection there could not be mapped); its notice says so where it matters.
  useEffect(() => {
    const el = textLayer.current;
    const src = textSource.current;
    if (!el || !src || !layout || layout === 'failed') return;
    const tl = new TextLayer({ textContentSource: src.content, container: el, viewport: src.viewport });
    let live = true;
    tl.render()
      .then(() => {
        if (!live) return;
        const end = document.createElement('div');
        end.className = 'endOfContent';
        el.append(end);
        // textDivs holds a span per text item; marked-content entries (none unless asked for) get none.
        const divs: HTMLElement[] = [];
        let d = 0;
        for (const it of src.content.items) divs.push('str' in it ? tl.textDivs[d++] : document.createElement('span'));
        onLayer(number, { layer: el, divs, start: layout.start, alignment: layout.alignment });
      })
      .catch(() => {
        // Cancelled or failed: the page stays readable, only not selectable.
      });
    return () => {
      live = false;
      tl.cancel();
      el.replaceChildren();
      onLayer(number, null);
    };
  }, [layout, number, onLayer]);

  // As in pdf.js's viewer: while the mouse is down, a filler under the spans keeps a drag through
  // the gaps between lines from jumping to the page's top.
  useEffect(() => {
    const el = textLayer.current;
    if (!el) return;
    const done = () => el.classList.remove('selecting');
    document.addEventListener('pointerup', done);
    window.addEventListener('blur', done);
    return () => {
      document.removeEventListener('pointerup', done);
      window.removeEventListener('blur', done);
    };
  }, [layout]);

  const here = useMemo(() => (range ? spansOn(props.spans, range.start, range.end) : []), [props.spans, range]);
  const drawn = useMemo(() => (layout && layout !== 'failed' ? pageBoxes(layout, here) : []), [layout, here]);
  const names = useMemo(() => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const s of here) {
      if (s.style !== 'claim' || s.id === '~pending' || seen.has(s.id)) continue;
      seen.add(s.id);
      for (const n of props.claimNames.get(s.id) ?? []) out.push(`Page ${props.number}: ${n}`);
    }
    return out;
  }, [here, props.claimNames, props.number]);
  const failedNote = layout === 'failed' && here.length > 0;
  const aligned = !!layout && layout !== 'failed';

  // The text layer lies over the boxes (a drag may start on any word), so it passes on what the
  // boxes did themselves: a click that selects nothing opens the box under it, hovering shows its title.
  const boxAt = (e: ReactMouseEvent): PageBoxes | null => {
    const r = holder.current?.getBoundingClientRect();
    if (!r || !r.width || !r.height) return null;
    const x = ((e.clientX - r.left) / r.width) * 100;
    const y = ((e.clientY - r.top) / r.height) * 100;
    for (let i = drawn.length - 1; i >= 0; i--) {
      const b = drawn[i];
      if (b.span.style !== 'flash' && b.span.id !== '~pending' && x >= b.left && x <= b.left + b.width && y >= b.top && y <= b.top + b.height) return b;
    }
    return null;
  };
  const onLayerClick = (e: ReactMouseEvent) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const b = boxAt(e);
    if (b) props.onOpen(b.span);
  };
  const onLayerMove = (e: ReactMouseEvent<HTMLDivElement>) => {
    if (e.buttons) return;
    const b = boxAt(e);
    const el = e.currentTarget;
    el.classList.toggle('pdf-over-hl', !!b);
    if (b) el.title = b.span.title;
    else el.removeAttribute('title');
  };
  const onLayerKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    // Select all selects this page's text, not the whole app.
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      const r = document.createRange();
      r.selectNodeContents(e.currentTarget);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(r);
    }
  };

  return (
    <figure className="pdf-page" ref={holder} data-page={props.number} style={{ aspectRatio: `${props.box.width} / ${props.box.height}` }}>
      <canvas ref={canvas} role="img" aria-label={`Page ${props.number} of ${props.total}`} />
      {drawn.length ? (
        <div className="pdf-hl-layer" aria-hidden="true">
          {drawn.map((b) => (
            <div
              key={b.key}
              className={`pdf-hl pdf-hl-${b.span.style} pdf-kind-${b.span.kind}`}
              data-kind={b.span.kind}
              title={b.span.title}
              style={{ left: `${b.left}%`, top: `${b.top}%`, width: `${b.width}%`, height: `${b.height}%` }}
              onClick={() => props.onOpen(b.span)}
            />
          ))}
        </div>
      ) : null}
      {aligned ? (
        <div
          ref={textLayer}
          className="pdf-text-layer"
          role="group"
          aria-label={`Text of page ${props.number}`}
          tabIndex={0}
          onPointerDown={(e) => e.currentTarget.classList.add('selecting')}
          onClick={onLayerClick}
          onMouseMove={onLayerMove}
          onKeyDown={onLayerKey}
        />
      ) : null}
      {names.length ? (
        <ul className="sr-only" aria-label={`Claims on page ${props.number}`}>
          {names.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {failedNote ? <p className="pdf-hl-note small">Highlights shown in Text view</p> : null}
      {state === 'failed' ? <figcaption className="error-text">Page {props.number} could not be drawn.</figcaption> : null}
      {state === 'waiting' ? <figcaption className="muted small pdf-wait">Page {props.number}</figcaption> : null}
    </figure>
  );
}
