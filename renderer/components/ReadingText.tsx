// The Text view's paragraphs, drawn so that a long source with thousands of highlights costs what
// its text costs (issue 15):
// - the paragraphs are cut into chunks of a few thousand characters; the chunks near the start (or
//   near the passage the pane opens at) are drawn at once, the rest in idle time, a few at a time,
//   and any chunk scrolled near the viewport is drawn first. A chunk not drawn yet is an empty box
//   of about its height, so the scroll bar stays true. Every chunk, once drawn, stays in the DOM:
//   selections across chunks, the browser's Find, Select all and screen readers see the whole text.
//   Chunks are grouped in sections, so a step costs the sections it draws into, not the whole list
//   (issue 12: a 20 MB source has 6,700 chunks, and re-listing them all at each step made opening
//   it quadratic).
// - a section of drawn chunks has `content-visibility: auto`: off screen, the browser skips its
//   layout and paint. On the section, not on each chunk: the browser checks every such box against
//   the viewport at each frame, which at 6,700 chunks took 100-250 ms a frame (issue 12).
// - each paragraph is a memoised component whose props change only when its own highlights do
//   (its look: the spans in it, the flashed passage, the active claim, the selected suggestion),
//   so tagging a passage redraws that paragraph, not the text.
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { KIND_LETTER } from '../lib/claimText.ts';
import { runsOf, type Look, type Span } from '../lib/highlights.ts';
import { chunkOf, paragraphAt, type Chunk, type Paragraph } from '../lib/paragraphs.ts';
import { firstDrawn, idle, nextStep, NearWatch, SECTION, withDrawn, type Drawn } from './readingDrawn.ts';
import './reading.css';

/** Characters per chunk. */
export const CHUNK_CHARS = 3000;
/** Texts of more chunks than this skip the layout of chunks off screen (content-visibility). */
const LONG_FROM = 4;
/** Span ids of suggestions start with this, so they never collide with annotation ids. */
export const SUGGESTED = '~s:';
export const PENDING = '~pending';

/** What a click or key on a highlight does; read when it happens, so it never needs a redraw. */
export interface Actions {
  open(e: MouseEvent | KeyboardEvent, id: string): void;
  pick(e: MouseEvent | KeyboardEvent, id: string): void;
}

/**
 * Where a highlight opens, it is a focusable button named `label`, and Enter and Space act on it
 * as a click does; elsewhere it is plain text.
 */
const asButton = (opens: boolean, label: () => string, act: (e: KeyboardEvent) => void) =>
  opens
    ? {
        tabIndex: 0,
        role: 'button',
        'aria-label': label(),
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            act(e);
          }
        },
      }
    : {};

const isSuggested = (id: string) => id.startsWith(SUGGESTED);
const letterOf = (kind: string) => KIND_LETTER[kind as keyof typeof KIND_LETTER] ?? '';

/** Every claim of the annotations `ids` (their spans' titles), as the highlight's tooltip says it. */
function claimsTitle(spans: Span[], ids: string[]): string {
  const lines: string[] = [];
  for (const id of ids) {
    const t = spans.find((s) => s.id === id)?.title;
    if (t) lines.push(t);
  }
  return lines.length ? lines.join('\n') : 'Annotation without a claim';
}

const ParagraphView = memo(function ParagraphView(props: { p: Paragraph; look: Look; page: number | undefined; act: RefObject<Actions> }) {
  const { p, look, act } = props;
  return (
    <>
      {props.page !== undefined ? (
        <div className="page-break" role="separator" aria-label={`Page ${props.page}`}>
          <span aria-hidden="true">p. {props.page}</span>
        </div>
      ) : null}
      <p data-start={p.start}>
        {runsOf(p, look.spans, look.flash).map((run) => {
          let node: ReactNode = run.text;
          if (run.flash) node = <mark className="flash">{node}</mark>;
          if (run.spans.length === 0) return <span key={run.start}>{node}</span>;
          // Claims and the passage being tagged draw over suggestions; a suggestion shows on its own.
          const tagged = run.spans.filter((s) => !isSuggested(s.id));
          if (tagged.length === 0) {
            const top = run.spans[0];
            const opensS = run.opens.filter(isSuggested);
            const label = top.title ?? '';
            const className = [
              'sg',
              `sg-${top.kind}`,
              run.spans.length > 1 ? 'sg-overlap' : '',
              look.selected && run.spans.some((s) => s.id === look.selected) ? 'sg-active' : '',
              opensS.length ? 'sg-open' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <span
                key={run.start}
                className={className}
                data-suggestion={run.spans.map((s) => s.id.slice(SUGGESTED.length)).join(' ')}
                data-letter={opensS.length ? opensS.map((id) => letterOf(run.spans.find((s) => s.id === id)!.kind)).join('') : undefined}
                title={`${label}\nClick to review it in the suggestions list`}
                onClick={(e) => act.current.pick(e, top.id)}
                {...asButton(
                  opensS.length > 0,
                  // Its words are in its name too, as a highlight's are: what is seen is what is said.
                  () => `${label} — ${run.text}`,
                  (e) => act.current.pick(e, top.id),
                )}
              >
                {node}
              </span>
            );
          }
          const top = tagged[0];
          const ids = tagged.map((s) => s.id).filter((id) => id !== PENDING);
          const active = !!look.active && ids.includes(look.active);
          const opens = run.opens.filter((id) => id !== PENDING && !isSuggested(id));
          const title = top.id === PENDING ? 'Passage being tagged' : claimsTitle(tagged, ids);
          const className = [
            'hl',
            `hl-${top.kind}`,
            tagged.length > 1 ? 'hl-overlap' : '',
            tagged.length < run.spans.length ? 'hl-also-suggested' : '',
            active ? 'hl-active' : '',
            opens.length ? 'hl-open' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <span
              key={run.start}
              className={className}
              data-annotation={ids.join(' ') || undefined}
              data-letter={opens.length ? opens.map((id) => letterOf(tagged.find((s) => s.id === id)!.kind)).join('') : undefined}
              title={title}
              onClick={ids.length ? (e) => act.current.open(e, ids[0]) : undefined}
              {...asButton(
                opens.length > 0,
                () => `${run.text} — ${claimsTitle(tagged, ids).replace(/\n/g, '; ')}`,
                (e) => act.current.open(e, ids[0]),
              )}
            >
              {node}
            </span>
          );
        })}
      </p>
    </>
  );
});

interface ChunkProps {
  index: number;
  chunk: Chunk;
  paragraphs: readonly Paragraph[];
  looks: readonly Look[];
  pageStarts: ReadonlyMap<number, number>;
  act: RefObject<Actions>;
}

const sameLooks = (a: readonly Look[], b: readonly Look[], from: number, to: number) => {
  if (a === b) return true;
  for (let i = from; i < to; i++) if (a[i] !== b[i]) return false;
  return true;
};

const sameChunk = (a: ChunkProps, b: ChunkProps) =>
  a.chunk === b.chunk &&
  a.paragraphs === b.paragraphs &&
  a.pageStarts === b.pageStarts &&
  a.act === b.act &&
  sameLooks(a.looks, b.looks, a.chunk.from, a.chunk.to);

const ChunkView = memo(function ChunkView({ index, chunk, paragraphs, looks, pageStarts, act }: ChunkProps) {
  const out: ReactNode[] = [];
  for (let i = chunk.from; i < chunk.to; i++) {
    out.push(<ParagraphView key={paragraphs[i].start} p={paragraphs[i]} look={looks[i]} page={pageStarts.get(i)} act={act} />);
  }
  return (
    <div className="reading-chunk" data-chunk={index} style={{ '--chars': chunk.chars } as CSSProperties}>
      {out}
    </div>
  );
}, sameChunk);

/** A chunk not drawn yet (or a section none of whose chunks is): an empty box of about its height. */
const Placeholder = memo(function Placeholder({ index, chars, section, watch }: { index: number; chars: number; section?: boolean; watch: NearWatch }) {
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      watch.watch(el);
      return () => watch.unwatch(el);
    },
    [watch],
  );
  return (
    <div
      ref={ref}
      className="reading-chunk-later"
      data-chunk={section ? undefined : index}
      data-section={section ? index : undefined}
      data-later=""
      aria-hidden="true"
      style={{ '--chars': chars } as CSSProperties}
    />
  );
});

interface SectionProps {
  from: number;
  to: number;
  /** 1 where the chunk is drawn, for chunks [from, to); null while none is (one box for them all). */
  on: Uint8Array | null;
  chunks: readonly Chunk[];
  paragraphs: readonly Paragraph[];
  looks: readonly Look[];
  pageStarts: ReadonlyMap<number, number>;
  act: RefObject<Actions>;
  watch: NearWatch;
}

const sameSection = (a: SectionProps, b: SectionProps) =>
  a.on === b.on &&
  a.chunks === b.chunks &&
  a.paragraphs === b.paragraphs &&
  a.pageStarts === b.pageStarts &&
  a.act === b.act &&
  a.watch === b.watch &&
  sameLooks(a.looks, b.looks, a.chunks[a.from].from, a.chunks[a.to - 1].to);

const SectionView = memo(function SectionView(props: SectionProps) {
  if (!props.on) {
    let chars = 0;
    for (let i = props.from; i < props.to; i++) chars += props.chunks[i].chars;
    return <Placeholder index={props.from / SECTION} chars={chars} section watch={props.watch} />;
  }
  const out: ReactNode[] = [];
  let chars = 0;
  for (let i = props.from; i < props.to; i++) {
    const chunk = props.chunks[i];
    chars += chunk.chars;
    out.push(
      props.on[i - props.from] ? (
        <ChunkView key={i} index={i} chunk={chunk} paragraphs={props.paragraphs} looks={props.looks} pageStarts={props.pageStarts} act={props.act} />
      ) : (
        <Placeholder key={i} index={i} chars={chunk.chars} watch={props.watch} />
      ),
    );
  }
  return (
    <div className="reading-section" style={{ '--chars': chars } as CSSProperties}>
      {out}
    </div>
  );
}, sameSection);

export interface ReadingTextHandle {
  /** Draws the chunk holding `offset` (and its neighbours) now, before a scroll to it. */
  reveal(offset: number): void;
}

export function ReadingText(props: {
  paragraphs: readonly Paragraph[];
  chunks: readonly Chunk[];
  looks: readonly Look[];
  pageStarts: ReadonlyMap<number, number>;
  act: RefObject<Actions>;
  scroller: RefObject<HTMLElement | null>;
  /** Where the pane opens (a passage's offset), so its chunk is drawn first. */
  openAt: number | null;
  handle: RefObject<ReadingTextHandle | null>;
}) {
  const { paragraphs, chunks, scroller } = props;
  const [drawnState, setDrawn] = useState<Drawn>(() =>
    firstDrawn(chunks, props.openAt === null ? null : chunkOf(chunks, paragraphAt(paragraphs, props.openAt))),
  );
  let drawn = drawnState;
  if (drawn.of !== chunks) {
    // A new text (a new version of the source): start again.
    drawn = firstDrawn(chunks, null);
    setDrawn(drawn);
  }
  const done = drawn.count >= chunks.length;

  const draw = useCallback(
    (indices: number[], urgent: boolean, open?: number[]) => {
      const apply = () => setDrawn((d) => (d.of === chunks ? withDrawn(d, indices, open) : d));
      if (urgent) apply();
      else startTransition(apply);
    },
    [chunks],
  );

  props.handle.current = {
    reveal: (offset) => {
      const c = chunkOf(chunks, paragraphAt(paragraphs, offset));
      draw([c - 1, c, c + 1], true);
    },
  };

  // The rest of the text, a step at a time while the browser is idle.
  useEffect(() => {
    if (done) return;
    return idle(() => draw(nextStep(drawn), false));
  }, [drawn, done, draw]);

  // A chunk scrolled near the viewport is drawn at once.
  const [watch] = useState(() => new NearWatch());
  useLayoutEffect(() => {
    const root = scroller.current;
    if (done || !root) return;
    watch.start(root, (near, sections) => draw(near, true, sections));
    return () => watch.stop();
  }, [done, draw, scroller, watch]);

  // How tall a character is here (the reading column's width and font decide it): measured on
  // the first drawn chunk, so boxes of chunks not drawn yet are about the right size.
  const column = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const col = column.current;
    if (!col) return;
    const measure = () => {
      const first = col.querySelector<HTMLElement>('.reading-chunk');
      const i = first ? Number(first.dataset.chunk) : -1;
      if (!first || i < 0 || chunks[i].chars < 200) return;
      const h = first.getBoundingClientRect().height;
      if (h > 0) col.style.setProperty('--px-per-char', `${(h / chunks[i].chars).toFixed(4)}px`);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    let width = col.clientWidth;
    const ro = new ResizeObserver(() => {
      if (Math.abs(col.clientWidth - width) < 1) return;
      width = col.clientWidth;
      measure();
    });
    ro.observe(col);
    return () => ro.disconnect();
  }, [chunks]);

  const out: ReactNode[] = [];
  for (let s = 0; s < drawn.on.length; s++) {
    const from = s * SECTION;
    out.push(
      <SectionView
        key={s}
        from={from}
        to={Math.min(chunks.length, from + SECTION)}
        on={drawn.on[s]}
        chunks={chunks}
        paragraphs={paragraphs}
        looks={props.looks}
        pageStarts={props.pageStarts}
        act={props.act}
        watch={watch}
      />,
    );
  }
  return (
    <div ref={column} className={chunks.length > LONG_FROM ? 'reading-chunks is-long' : 'reading-chunks'} data-drawn={done ? 'all' : 'part'}>
      {out}
    </div>
  );
}
