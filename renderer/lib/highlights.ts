// Highlights in a paragraph: annotations may overlap (a casualty figure inside an attribution
// sentence), so a paragraph is cut at every highlight edge into runs, each run knowing every
// annotation that covers it. The reader draws a run in the colour of its innermost (shortest)
// annotation and marks overlaps, so nested highlights stay visible and every run stays clickable.
import type { Paragraph } from './paragraphs.ts';

export interface Span {
  /** Annotation id. */
  id: string;
  kind: string;
  start: number;
  end: number;
}

export interface Run {
  text: string;
  start: number;
  end: number;
  /** Annotations covering this run, innermost (shortest span) first. */
  spans: Span[];
  /** Inside the passage flashed after a search jump. */
  flash: boolean;
  /** True for the first run of a span (where its kind letter is drawn), per span id. */
  opens: string[];
}

export function runsOf(p: Paragraph, spans: Span[], flash: { start: number; end: number } | null): Run[] {
  const inside = spans.filter((s) => s.end > p.start && s.start < p.end);
  const cuts = new Set<number>([p.start, p.end]);
  for (const s of inside) {
    cuts.add(Math.max(p.start, s.start));
    cuts.add(Math.min(p.end, s.end));
  }
  if (flash && flash.end > p.start && flash.start < p.end) {
    cuts.add(Math.max(p.start, flash.start));
    cuts.add(Math.min(p.end, flash.end));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  const opened = new Set<string>();
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i];
    const end = edges[i + 1];
    if (end <= start) continue;
    const covering = inside
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.id.localeCompare(b.id));
    const opens = covering.filter((s) => !opened.has(s.id)).map((s) => s.id);
    for (const id of opens) opened.add(id);
    runs.push({
      text: p.text.slice(start - p.start, end - p.start),
      start,
      end,
      spans: covering,
      flash: !!flash && flash.start <= start && flash.end >= end,
      opens,
    });
  }
  // Merge neighbours with the same coverage, so plain text stays one text node.
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r.opens.length === 0 && last.flash === r.flash && sameIds(last.spans, r.spans)) {
      last.text += r.text;
      last.end = r.end;
    } else merged.push({ ...r });
  }
  return merged;
}

const sameIds = (a: Span[], b: Span[]) => a.length === b.length && a.every((s, i) => s.id === b[i].id);

/**
 * The spans touching each paragraph (by index), so a long text with thousands of highlights does
 * not test every span against every paragraph. Paragraphs are in text order, as splitParagraphs
 * returns them.
 */
export function spansByParagraph(paragraphs: readonly Paragraph[], spans: readonly Span[]): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  for (const s of spans) {
    // first paragraph ending after the span starts
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < paragraphs.length && paragraphs[i].start < s.end; i++) {
      const list = out.get(i);
      if (list) list.push(s);
      else out.set(i, [s]);
    }
  }
  return out;
}
