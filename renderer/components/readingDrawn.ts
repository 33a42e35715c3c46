// What of a long text the reader has drawn (ReadingText.tsx), by chunk and by section of chunks,
// and the watch that draws a chunk when it comes near the viewport. Kept apart from the drawing so
// it can be tested without a browser.
import type { Chunk } from '../lib/paragraphs.ts';

/** Characters drawn at once when a text opens: more than a screen of the widest pane. */
const FIRST_CHARS = 12_000;
/** Characters drawn per idle step after that. */
const STEP_CHARS = 24_000;

/** Chunks per section: a drawing step re-renders the sections it touches, not the whole list of chunks. */
export const SECTION = 32;

export interface Drawn {
  of: readonly Chunk[];
  /**
   * Per section of SECTION chunks, 1 where the chunk is drawn, or null while the section is one box
   * (a 20 MB source's first render makes 210 boxes, not 6,700); a step copies only the sections it changes.
   */
  on: (Uint8Array | null)[];
  count: number;
}

export function firstDrawn(chunks: readonly Chunk[], around: number | null): Drawn {
  const on: (Uint8Array | null)[] = new Array<Uint8Array | null>(Math.ceil(chunks.length / SECTION)).fill(null);
  let count = 0;
  const at = around ?? 0;
  // From `around` (the chunk a pane opens at), a screen's worth before it and more after.
  let chars = 0;
  for (let i = Math.max(0, at - (around === null ? 0 : 2)); i < chunks.length && chars < FIRST_CHARS; i++) {
    const s = Math.floor(i / SECTION);
    (on[s] ??= new Uint8Array(sectionSize(chunks, s)))[i % SECTION] = 1;
    count++;
    chars += chunks[i].chars;
  }
  return { of: chunks, on, count };
}

const sectionSize = (chunks: readonly Chunk[], s: number) => Math.min(SECTION, chunks.length - s * SECTION);
export const isDrawn = (d: Drawn, i: number) => d.on[Math.floor(i / SECTION)]?.[i % SECTION] === 1;

/** `d` with the chunks `indices` drawn and the sections `open` split into a box per chunk. */
export function withDrawn(d: Drawn, indices: Iterable<number>, open: Iterable<number> = []): Drawn {
  let on: (Uint8Array | null)[] | null = null;
  const copied = new Set<number>();
  let count = d.count;
  const own = (s: number) => {
    on ??= d.on.slice();
    if (!copied.has(s)) {
      on[s] = on[s] ? on[s].slice() : new Uint8Array(sectionSize(d.of, s));
      copied.add(s);
    }
    return on[s]!;
  };
  for (const s of open) if (s >= 0 && s < d.on.length && !d.on[s]) own(s);
  for (const i of indices) {
    if (i < 0 || i >= d.of.length || isDrawn(d, i)) continue;
    const bits = own(Math.floor(i / SECTION));
    if (bits[i % SECTION]) continue;
    bits[i % SECTION] = 1;
    count++;
  }
  return on ? { of: d.of, on, count } : d;
}

/** The next chunks to draw in idle time: the first ones not drawn, about STEP_CHARS of them. */
export function nextStep(d: Drawn): number[] {
  const out: number[] = [];
  let chars = 0;
  for (let i = 0; i < d.of.length && chars < STEP_CHARS; i++) {
    if (isDrawn(d, i)) continue;
    out.push(i);
    chars += d.of[i].chars;
  }
  return out;
}

export const idle = (fn: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout: 250 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(fn, 16);
  return () => window.clearTimeout(id);
};

/**
 * Watches the boxes of chunks not drawn yet, each from when it mounts to when it is drawn: one
 * observer for the text, not a new one over every box after each step (a 20 MB source has 6,700).
 */
export class NearWatch {
  private io: IntersectionObserver | null = null;
  private readonly all = new Set<Element>();
  watch(el: Element): void {
    this.all.add(el);
    this.io?.observe(el);
  }
  unwatch(el: Element): void {
    this.all.delete(el);
    this.io?.unobserve(el);
  }
  start(root: Element, near: (chunks: number[], sections: number[]) => void): void {
    this.stop();
    if (typeof IntersectionObserver === 'undefined') return;
    this.io = new IntersectionObserver(
      (entries) => {
        const chunks: number[] = [];
        const sections: number[] = [];
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const d = (e.target as HTMLElement).dataset;
          if (d.section !== undefined) sections.push(Number(d.section));
          else chunks.push(Number(d.chunk));
        }
        if (chunks.length || sections.length) near(chunks, sections);
      },
      { root, rootMargin: '100% 0px' },
    );
    for (const el of this.all) this.io.observe(el);
  }
  stop(): void {
    this.io?.disconnect();
    this.io = null;
  }
}
