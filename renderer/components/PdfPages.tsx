// A PDF's original pages, drawn by pdf.js on canvases, each page only once it scrolls near view,
// with the same highlights as the text view: each drawn page's text items are aligned to its part
// of the canonical text (renderer/pdf/align.ts) and boxes are laid over the words. The boxes are
// for the eye (aria-hidden); a visually hidden list per page names its claims for screen readers.
// Over each drawn page, pdf.js's TextLayer lays the page's text as transparent spans, so words can
// be selected and tagged as in the text view: the pane registers as a tagging reader whose
// selections map to canonical offsets through each page's alignment (renderer/pdf/textLayer.ts).
// The worker is its own file (the CSP forbids inline and eval'd code), loaded from our origin.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { GlobalWorkerOptions, TextLayer, getDocument, type PDFDocumentProxy, type PageViewport } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api.js';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PageRange } from '../../shared/source.ts';
import { claimSummary, KIND_NAME } from '../lib/claimText.ts';
import { locateHit } from '../lib/paragraphs.ts';
import { suggestionLabel } from '../lib/suggestionText.ts';
import { alignPage } from '../pdf/align.ts';
import type { Measure } from '../pdf/geometry.ts';
import { pageBoxes, spansOn, type PageBoxes, type PageLayout, type PageSpan } from '../pdf/pageHighlights.ts';
import { offsetsOfLayerRange, type LayerPage } from '../pdf/textLayer.ts';
import { useSuggestionsForPane } from '../tagging/suggestContext.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { highlightTitle } from '../tagging/useTagging.ts';
import type { DocCache } from './docCache.ts';
import type { PaneState } from './Reader.tsx';

GlobalWorkerOptions.workerSrc = workerUrl;

const FLASH_MS = 4000;

interface PageBox {
  width: number;
  height: number;
}

export default function PdfPages(props: {
  cache: DocCache;
  sourceId: string;
  label: string;
  /** The source's canonical text and each page's span in it, for the highlights. */
  text: string;
  pages: PageRange[] | null;
  /** A search hit to flash and scroll to. */
  focus: PaneState['focus'];
}) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [boxes, setBoxes] = useState<PageBox[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { spans, claimNames, open } = usePageSpans(props.sourceId, props.text, props.focus);
  const layers = useRef(new Map<number, LayerPage>());
  const onLayer = useCallback((page: number, layer: LayerPage | null) => {
    if (layer) layers.current.set(page, layer);
    else layers.current.delete(page);
  }, []);

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

  // The page a flashed search hit is on scrolls into view.
  const flash = spans.find((s) => s.style === 'flash');
  const flashPage = flash ? (props.pages ?? []).find((pg) => pg.end > flash.start && pg.start <= flash.start)?.page : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!flashPage || !boxes) return;
    scroller.current?.querySelector(`[data-page="${flashPage}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [flashPage, boxes, flash?.start]);

  // A selection on the text layers is a selection of the source's text, like one in the text view.
  const tagging = useTaggingForPane();
  const readerKey = `pages:${useId()}`;
  const { sourceId, text, pages } = props;
  useEffect(() => {
    const el = scroller.current;
    if (!tagging || !el) return;
    const offsetsOf = (range: Range) =>
      offsetsOfLayerRange(
        [...layers.current.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
        range,
      );
    tagging.register(readerKey, { el, sourceId, text, pages, offsetsOf });
    return () => tagging.register(readerKey, null);
  }, [tagging, readerKey, sourceId, text, pages, pdf, boxes]);

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
    <div ref={scroller} className="pane-body pdf-pages" tabIndex={0} role="region" aria-label={`Pages of ${props.label}`}>
      {boxes.map((b, i) => {
        const range = props.pages?.find((pg) => pg.page === i + 1) ?? null;
        return (
          <PdfPage
            key={i}
            pdf={pdf}
            number={i + 1}
            box={b}
            total={boxes.length}
            text={props.text}
            range={range}
            spans={spans}
            claimNames={claimNames}
            onOpen={open}
            onLayer={onLayer}
          />
        );
      })}
    </div>
  );
}

/** The spans to draw (claims, the passage being tagged, suggestions, a flashed search hit), and how to name and open them. */
function usePageSpans(sourceId: string, text: string, focus: PaneState['focus']) {
  const tagging = useTaggingForPane();
  const sugg = useSuggestionsForPane();
  const [mark, setMark] = useState<{ start: number; end: number } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const at = locateHit(text, focus);
    setMark(at);
    if (!at) return;
    const t = window.setTimeout(() => setMark(null), FLASH_MS);
    return () => window.clearTimeout(t);
  }, [focus, text]);

  const annotations = tagging?.annotationsOf(sourceId);
  const pending = tagging?.pending?.sourceId === sourceId ? tagging.pending.targets : null;
  const suggested = sugg?.visible(sourceId);
  const claimsOf = tagging?.claimsOf;
  const spans = useMemo(() => {
    const out: PageSpan[] = [];
    for (const s of suggested ?? [])
      if (s.end <= text.length && s.end > s.start)
        out.push({
          id: s.key,
          kind: s.kind,
          start: s.start,
          end: s.end,
          style: 'suggestion',
          title: `${suggestionLabel(s)}\nClick to review it in the suggestions list`,
        });
    for (const a of annotations ?? [])
      for (const t of a.targets)
        if (t.end <= text.length)
          out.push({ id: a.id, kind: a.kind, start: t.start, end: t.end, style: 'claim', title: highlightTitle(claimsOf?.(a.id) ?? []) });
    for (const t of pending ?? []) out.push({ id: '~pending', kind: 'pending', start: t.start, end: t.end, style: 'claim', title: 'Passage being tagged' });
    if (mark) out.push({ id: 'flash', kind: 'flash', start: mark.start, end: mark.end, style: 'flash', title: 'Search hit' });
    return out;
  }, [annotations, pending, suggested, mark, text.length, claimsOf]);
  // What a screen reader hears for each annotation on a page: "casualties — wounded 14 (exact)".
  const claimNames = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const a of annotations ?? []) {
      const claims = claimsOf?.(a.id) ?? [];
      m.set(
        a.id,
        claims.length
          ? claims.map((c) => `${KIND_NAME[c.kind].toLowerCase()} — ${claimSummary(c)}`)
          : [KIND_NAME[a.kind as keyof typeof KIND_NAME]?.toLowerCase() ?? a.kind],
      );
    }
    return m;
  }, [annotations, claimsOf]);
  const open = (s: PageSpan) => {
    if (s.style === 'suggestion') sugg?.select(sourceId, s.id);
    else if (s.style === 'claim' && s.id !== '~pending') tagging?.openAnnotation(s.id);
  };
  return { spans, claimNames, open };
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

function PdfPage(props: {
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
