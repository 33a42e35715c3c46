// Highlights in a paragraph: annotations may overlap (a casualty figure inside an attribution
// sentence), so a paragraph is cut at every highlight edge into runs, each run knowing every
// annotation that covers it. The reader draws a run in the colour of its innermost (shortest)
// annotation and marks overlaps, so nested highlights stay visible and every run stays clickable.
//
// Cost: spansByParagraph sorts the spans once and walks them beside the paragraphs (O(text +
// spans log spans)); runsOf sweeps a paragraph's own spans (O(k log k) for its k spans, plus the
// runs it returns). No paragraph looks at another paragraph's spans.
import { paragraphAt, type Paragraph } from './paragraphs.ts';

export interface Span {
  /** Annotation id. */
  id: string;
  kind: string;
  start: number;
  end: number;
  /** What the reader says about it (a claim's summary, a suggestion's label); carried, not used here. */
  title?: string;
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

const innermostFirst = (a: Span, b: Span) => a.end - a.start - (b.end - b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function runsOf(p: Paragraph, spans: readonly Span[], flash: { start: number; end: number } | null): Run[] {
  const inside = spans.filter((s) => s.end > p.start && s.start < p.end && s.end > s.start);
  if (inside.length === 0 && !(flash && flash.end > p.start && flash.start < p.end)) {
    return [{ text: p.text, start: p.start, end: p.end, spans: [], flash: false, opens: [] }];
  }
  const from = (s: { start: number }) => Math.max(p.start, s.start);
  const cuts: number[] = [p.start, p.end];
  for (const s of inside) cuts.push(from(s), Math.min(p.end, s.end));
  if (flash && flash.end > p.start && flash.start < p.end) cuts.push(from(flash), Math.min(p.end, flash.end));
  cuts.sort((a, b) => a - b);
  const byStart = [...inside].sort((a, b) => from(a) - from(b));
  const runs: Run[] = [];
  const opened = new Set<string>();
  // Sweep: the spans open at a run's start are exactly those covering it, as every span end is a cut.
  let active: Span[] = [];
  let next = 0;
  let changed = true;
  let covering: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    if (end <= start) continue;
    const before = active.length;
    active = active.filter((s) => s.end > start);
    if (active.length !== before) changed = true;
    while (next < byStart.length && from(byStart[next]) <= start) {
      active.push(byStart[next++]);
      changed = true;
    }
    if (changed) {
      covering = [...active].sort(innermostFirst);
      changed = false;
    }
    const opens: string[] = [];
    for (const s of covering) {
      if (opened.has(s.id)) continue;
      opened.add(s.id);
      opens.push(s.id);
    }
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

const sameIds = (a: Span[], b: Span[]) => a === b || (a.length === b.length && a.every((s, i) => s.id === b[i].id));

/**
 * The spans touching each paragraph (by index), so a long text with thousands of highlights does
 * not test every span against every paragraph. Paragraphs are in text order, as splitParagraphs
 * returns them; each paragraph's list is in order of start.
 */
export function spansByParagraph(paragraphs: readonly Paragraph[], spans: readonly Span[]): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  // The first paragraph ending after a span's start only moves forward as the starts do.
  let first = 0;
  for (const s of sorted) {
    while (first < paragraphs.length && paragraphs[first].end <= s.start) first++;
    for (let i = first; i < paragraphs.length && paragraphs[i].start < s.end; i++) {
      const list = out.get(i);
      if (list) list.push(s);
      else out.set(i, [s]);
    }
  }
  return out;
}

/** What a paragraph draws besides its text. Equal looks are the same object (see looksOf). */
export interface Look {
  spans: Span[];
  flash: { start: number; end: number } | null;
  /** The active annotation's id, when it is in this paragraph. */
  active: string | null;
  /** The selected suggestion's span id, when it is in this paragraph. */
  selected: string | null;
  /** The lists it was made from (one per group), to tell an unchanged paragraph by identity. */
  from: readonly (Span[] | undefined)[];
  key: string;
}
export const PLAIN: Look = { spans: [], flash: null, active: null, selected: null, from: [], key: '' };

/**
 * One look per paragraph, from groups of spans by paragraph (spansByParagraph of the annotations,
 * of the passage being tagged, of the suggestions: each group's map is remade only when its own
 * spans change). A paragraph whose look has not changed since `prev` keeps the previous object, so
 * its memoised component is not redrawn: told by the identity of its lists where a group did not
 * change, by comparing their contents where it did. O(spans + paragraphs touched).
 */
export function looksOf(
  paragraphs: readonly Paragraph[],
  groups: readonly Map<number, Span[]>[],
  extra: { flash: { start: number; end: number } | null; active: string | null; selected: string | null },
  prev: readonly Look[],
): Look[] {
  const reuse = prev.length === paragraphs.length;
  const out: Look[] = new Array<Look>(paragraphs.length).fill(PLAIN);
  const touched = new Set<number>();
  for (const g of groups) for (const i of g.keys()) touched.add(i);
  const { flash } = extra;
  if (flash && flash.end > flash.start) {
    for (let i = paragraphAt(paragraphs, flash.start); i < paragraphs.length && paragraphs[i].start < flash.end; i++) touched.add(i);
  }
  for (const i of touched) {
    const p = paragraphs[i];
    const from = groups.map((g) => g.get(i));
    const spans = from.length === 1 ? (from[0] ?? []) : from.flatMap((l) => l ?? []);
    const f = flash && flash.end > p.start && flash.start < p.end ? flash : null;
    const active = extra.active && spans.some((s) => s.id === extra.active) ? extra.active : null;
    const selected = extra.selected && spans.some((s) => s.id === extra.selected) ? extra.selected : null;
    const old = reuse ? prev[i] : undefined;
    if (
      old &&
      old !== PLAIN &&
      old.active === active &&
      old.selected === selected &&
      sameRange(old.flash, f) &&
      old.from.length === from.length &&
      old.from.every((l, j) => l === from[j])
    ) {
      out[i] = old;
      continue;
    }
    if (spans.length === 0 && !f) continue;
    let key = f ? `${f.start}-${f.end}` : '';
    key += `|${active ?? ''}|${selected ?? ''}`;
    for (const s of spans) key += `|${s.id}\u0001${s.kind}\u0001${s.start}\u0001${s.end}\u0001${s.title ?? ''}`;
    if (old && old.key === key) {
      // The same highlights from remade lists: keep the object, note the lists.
      old.from = from;
      out[i] = old;
    } else out[i] = { spans, flash: f, active, selected, from, key };
  }
  return out;
}

const sameRange = (a: { start: number; end: number } | null, b: { start: number; end: number } | null) =>
  a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
