// The Text view's paragraphs, drawn so that a long source with thousands of highlights costs what
// its text costs (issue 15):
// - the paragraphs are cut into chunks of a few thousand characters; the chunks near the start (or
//   near the passage the pane opens at) are drawn at once, the rest in idle time, a few at a time,
//   and any chunk scrolled near the viewport is drawn first. A chunk not drawn yet is an empty box
//   of about its height, so the scroll bar stays true. Every chunk, once drawn, stays in the DOM:
//   selections across chunks, the browser's Find, Select all and screen readers see the whole text.
// - a drawn chunk has `content-visibility: auto`: off screen, the browser skips its layout and paint.
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
import './reading.css';

/** Characters per chunk. */
export const CHUNK_CHARS = 3000;
/** Characters drawn at once when a text opens: more than a screen of the widest pane. */
const FIRST_CHARS = 12_000;
/** Characters drawn per idle step after that. */
const STEP_CHARS = 24_000;
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

const sameChunk = (a: ChunkProps, b: ChunkProps) => {
  if (a.chunk !== b.chunk || a.paragraphs !== b.paragraphs || a.pageStarts !== b.pageStarts || a.act !== b.act) return false;
  for (let i = a.chunk.from; i < a.chunk.to; i++) if (a.looks[i] !== b.looks[i]) return false;
  return true;
};

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

/** A chunk not drawn yet: an empty box of about its height. */
const Placeholder = memo(function Placeholder({ index, chunk }: { index: number; chunk: Chunk }) {
  return <div className="reading-chunk-later" data-chunk={index} data-later="" aria-hidden="true" style={{ '--chars': chunk.chars } as CSSProperties} />;
});

interface Drawn {
  of: readonly Chunk[];
  /** 1 where the chunk is drawn. */
  on: Uint8Array;
  count: number;
}

function firstDrawn(chunks: readonly Chunk[], around: number | null): Drawn {
  const on = new Uint8Array(chunks.length);
  let count = 0;
  const at = around ?? 0;
  // From `around` (the chunk a pane opens at), a screen's worth before it and more after.
  let chars = 0;
  for (let i = Math.max(0, at - (around === null ? 0 : 2)); i < chunks.length && chars < FIRST_CHARS; i++) {
    on[i] = 1;
    count++;
    chars += chunks[i].chars;
  }
  return { of: chunks, on, count };
}

function withDrawn(d: Drawn, indices: Iterable<number>): Drawn {
  let on: Uint8Array | null = null;
  let count = d.count;
  for (const i of indices) {
    if (i < 0 || i >= d.on.length || d.on[i] || on?.[i]) continue;
    on ??= d.on.slice();
    on[i] = 1;
    count++;
  }
  return on ? { of: d.of, on, count } : d;
}

/** The next chunks to draw in idle time: the first ones not drawn, about STEP_CHARS of them. */
function nextStep(d: Drawn): number[] {
  const out: number[] = [];
  let chars = 0;
  for (let i = 0; i < d.on.length && chars < STEP_CHARS; i++) {
    if (d.on[i]) continue;
    out.push(i);
    chars += d.of[i].chars;
  }
  return out;
}

const idle = (fn: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout: 250 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(fn, 16);
  return () => window.clearTimeout(id);
};

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
    (indices: number[], urgent: boolean) => {
      const apply = () => setDrawn((d) => (d.of === chunks ? withDrawn(d, indices) : d));
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
  const column = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = scroller.current;
    const col = column.current;
    if (done || !root || !col || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => Number((e.target as HTMLElement).dataset.chunk));
        if (near.length) draw(near, true);
      },
      { root, rootMargin: '100% 0px' },
    );
    for (const el of Array.from(col.querySelectorAll<HTMLElement>('[data-later]'))) io.observe(el);
    return () => io.disconnect();
  }, [drawn, done, draw, scroller]);

  // How tall a character is here (the reading column's width and font decide it): measured on
  // the first drawn chunk, so boxes of chunks not drawn yet are about the right size.
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
  for (let i = 0; i < chunks.length; i++) {
    out.push(
      drawn.on[i] ? (
        <ChunkView key={i} index={i} chunk={chunks[i]} paragraphs={paragraphs} looks={props.looks} pageStarts={props.pageStarts} act={props.act} />
      ) : (
        <Placeholder key={i} index={i} chunk={chunks[i]} />
      ),
    );
  }
  return (
    <div ref={column} className={chunks.length > LONG_FROM ? 'reading-chunks is-long' : 'reading-chunks'} data-drawn={done ? 'all' : 'part'}>
      {out}
    </div>
  );
}
