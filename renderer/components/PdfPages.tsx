// A PDF's original pages, drawn by pdf.js on canvases, each page only once it scrolls near view,
// with the same highlights as the text view: each drawn page's text items are aligned to its part
// of the canonical text (renderer/pdf/align.ts) and boxes are laid over the words. The boxes are
// for the eye (aria-hidden); a visually hidden list per page names its claims for screen readers.
// The worker is its own file (the CSP forbids inline and eval'd code), loaded from our origin.
import { useEffect, useMemo, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PageRange } from '../../shared/source.ts';
import { claimSummary, KIND_NAME } from '../lib/claimText.ts';
import { locateHit } from '../lib/paragraphs.ts';
import { suggestionLabel } from '../lib/suggestionText.ts';
import { alignPage } from '../pdf/align.ts';
import type { Measure } from '../pdf/geometry.ts';
import { pageBoxes, spansOn, type PageLayout, type PageSpan } from '../pdf/pageHighlights.ts';
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
      if (s.end <= text.length && s.end > s.start) out.push({ id: s.key, kind: s.kind, start: s.start, end: s.end, style: 'suggestion', title: `${suggestionLabel(s)}\nClick to review it in the suggestions list` });
    for (const a of annotations ?? [])
      for (const t of a.targets) if (t.end <= text.length) out.push({ id: a.id, kind: a.kind, start: t.start, end: t.end, style: 'claim', title: highlightTitle(claimsOf?.(a.id) ?? []) });
    for (const t of pending ?? []) out.push({ id: '~pending', kind: 'pending', start: t.start, end: t.end, style: 'claim', title: 'Passage being tagged' });
    if (mark) out.push({ id: 'flash', kind: 'flash', start: mark.start, end: mark.end, style: 'flash', title: 'Search hit' });
    return out;
  }, [annotations, pending, suggested, mark, text.length, claimsOf]);
  // What a screen reader hears for each annotation on a page: "casualties — wounded 14 (exact)".
  const claimNames = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const a of annotations ?? []) {
      const claims = claimsOf?.(a.id) ?? [];
      m.set(a.id, claims.length ? claims.map((c) => `${KIND_NAME[c.kind].toLowerCase()} — ${claimSummary(c)}`) : [KIND_NAME[a.kind as keyof typeof KIND_NAME]?.toLowerCase() ?? a.kind]);
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
}) {
  const holder = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');
  const [layout, setLayout] = useState<Layout>(null);
  const { range, text } = props;

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
      const content = await page.getTextContent();
      const items = content.items.map((it) => ('str' in it ? { str: it.str, transform: it.transform, width: it.width } : { str: '', transform: [0, 0, 0, 0, 0, 0], width: 0 }));
      const measures = content.items.map((it) => ('fontName' in it ? measurerFor(content.styles[it.fontName]?.fontFamily) : undefined));
      const alignment = alignPage(text.slice(range.start, range.end), items);
      const vp = page.getViewport({ scale: 1 });
      if (cancelled) return;
      setLayout(alignment ? { start: range.start, end: range.end, alignment, items, measures, viewportTransform: vp.transform, width: vp.width, height: vp.height } : 'failed');
    })().catch(() => {
      if (!cancelled) setLayout('failed');
    });
    return () => {
      cancelled = true;
    };
  }, [visible, range, text, props.pdf, props.number]);

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
