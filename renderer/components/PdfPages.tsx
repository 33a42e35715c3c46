// A PDF's original pages, drawn by pdf.js on canvases, each page only once it scrolls near view,
// with the same highlights as the text view: each drawn page's text items are aligned to its part
// of the canonical text (renderer/pdf/align.ts) and boxes are laid over the words. The boxes are
// for the eye (aria-hidden); a visually hidden list per page names its claims for screen readers.
// Over each drawn page, pdf.js's TextLayer lays the page's text as transparent spans, so words can
// be selected and tagged as in the text view: the pane registers as a tagging reader whose
// selections map to canonical offsets through each page's alignment (renderer/pdf/textLayer.ts).
// The worker is its own file (the CSP forbids inline and eval'd code), loaded from our origin.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PageRange } from '../../shared/model/source.ts';
import { claimSummary, KIND_NAME } from '../lib/claimText.ts';
import { locateHit } from '../lib/paragraphs.ts';
import { suggestionLabel } from '../lib/suggestionText.ts';
import type { PageSpan } from '../pdf/pageHighlights.ts';
import { PDFJS_ASSETS } from '../pdf/pdfAssets.ts';
import { offsetsOfLayerRange, type LayerPage } from '../pdf/textLayer.ts';
import { useSuggestionsForPane } from '../tagging/suggestContext.ts';
import { useTaggingForPane } from '../tagging/context.ts';
import { highlightTitle } from '../tagging/useTagging.ts';
import type { DocCache } from './docCache.ts';
import type { PaneState } from './paneState.ts';
import { PdfPage, type PageBox } from './PdfPage.tsx';

GlobalWorkerOptions.workerSrc = workerUrl;

const FLASH_MS = 4000;

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
      const task = getDocument({ data: original.data.slice(), isEvalSupported: false, enableXfa: false, ...PDFJS_ASSETS });
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
