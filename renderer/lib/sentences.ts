// Sentences of a source's text for keyboard tagging: the reader jumps sentence by sentence and
// selects the current one with one key. Found by Intl.Segmenter (Unicode sentence boundaries, in
// the text's language), so no hand-written abbreviation rules; offsets are UTF-16, as the reader's.

/**
 * Words whose full stop does not end a sentence ("Dr. Rahimi said", "the U.S. Defense Department",
 * "Gen. Mark Milley", "on Jan. 8"): a sentence found to end in one runs on into the next. Unicode's
 * rules alone stop after them.
 */
const NOT_AN_END =
  /(?:^|[\s("'“‘])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Pvt|Adm|Cmdr|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|[A-Z](?:\.[A-Z])*)\.$/;

export interface Span {
  start: number;
  end: number;
}

/** Each sentence as [start, end), its surrounding whitespace left out; empty segments skipped. */
export function sentencesOf(text: string, lang?: string): Span[] {
  const out: Span[] = [];
  let seg: Intl.Segmenter;
  try {
    seg = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
  } catch {
    seg = new Intl.Segmenter(undefined, { granularity: 'sentence' }); // an unknown language tag
  }
  for (const s of seg.segment(text)) {
    let start = s.index;
    let end = s.index + s.segment.length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const last = out.at(-1);
    // Runs on only within a paragraph: a blank line always ends a sentence.
    if (last && NOT_AN_END.test(text.slice(Math.max(last.start, last.end - 12), last.end)) && !/\n/.test(text.slice(last.end, start))) last.end = end;
    else out.push({ start, end });
  }
  return out;
}

/**
 * The sentence to select next from `from` (the selection, or the caret as an empty span) going
 * `dir`: the one after (or before) it; from nothing, the first one at or after `fallback`.
 */
export function stepSentence(sentences: Span[], from: Span | null, dir: 1 | -1, fallback = 0): number {
  if (sentences.length === 0) return -1;
  if (!from) {
    const i = sentences.findIndex((s) => s.end > fallback);
    return i < 0 ? sentences.length - 1 : i;
  }
  if (dir === 1) {
    // A caret inside a sentence (or a selection shorter than it) selects that sentence first.
    const within = sentences.findIndex((s) => s.start <= from.start && from.end <= s.end && (from.start !== s.start || from.end !== s.end));
    if (within >= 0) return within;
    const i = sentences.findIndex((s) => s.start >= from.end);
    return i < 0 ? sentences.length - 1 : i;
  }
  const within = sentences.findIndex((s) => s.start <= from.start && from.end <= s.end && (from.start !== s.start || from.end !== s.end));
  if (within >= 0) return within;
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i].end <= from.start) return i;
  return 0;
}

/** A paragraph of the text (as splitParagraphs returns them): sentences never cross one. */
interface Para {
  start: number;
  end: number;
  text: string;
}

/** Where a sentence is: its span, its paragraph and its place among that paragraph's sentences. */
export interface SentenceAt extends Span {
  paragraph: number;
  index: number;
  of: number;
}

/**
 * The text's sentences found paragraph by paragraph, when asked for (issue 12: a 20 MB source's
 * sentences took 1.2 s on the window's thread when found all at once). A sentence never crosses a
 * line break (Unicode ends one at every paragraph separator, and sentencesOf runs on only within a
 * line), so a paragraph's sentences are the same whether found in it or in the whole text.
 */
export class SentenceIndex {
  private readonly cache = new Map<number, Span[]>();
  private readonly paragraphs: readonly Para[];
  private readonly lang: string | undefined;
  constructor(paragraphs: readonly Para[], lang?: string) {
    this.paragraphs = paragraphs;
    this.lang = lang;
  }

  /** The sentences of paragraph `i`, with offsets into the whole text. */
  of(i: number): Span[] {
    let out = this.cache.get(i);
    if (!out) {
      const p = this.paragraphs[i];
      out = sentencesOf(p.text, this.lang).map((s) => ({ start: s.start + p.start, end: s.end + p.start }));
      this.cache.set(i, out);
    }
    return out;
  }

  private at(paragraph: number, index: number): SentenceAt {
    const list = this.of(paragraph);
    return { ...list[index], paragraph, index, of: list.length };
  }

  /** Index of the paragraph holding `offset`, or of the first one after it. */
  private paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paragraphs[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private first(from: number, dir: 1 | -1, ok: (s: Span) => boolean): SentenceAt | null {
    for (let p = from; p >= 0 && p < this.paragraphs.length; p += dir) {
      const list = this.of(p);
      for (let k = dir === 1 ? 0 : list.length - 1; k >= 0 && k < list.length; k += dir) if (ok(list[k])) return this.at(p, k);
    }
    return null;
  }

  /** The sentence stepSentence would pick over the whole text's sentences, found in the paragraphs it needs. */
  step(from: Span | null, dir: 1 | -1, fallback = 0): SentenceAt | null {
    if (!from) return this.first(this.paragraphAt(fallback), 1, (s) => s.end > fallback) ?? this.first(this.paragraphs.length - 1, -1, () => true);
    // A caret inside a sentence (or a selection shorter than it) selects that sentence first.
    const p = this.paragraphAt(from.start);
    // (A caret at the very end of a paragraph is inside its last sentence too.)
    for (const q of [p - 1, p]) {
      if (q < 0 || q >= this.paragraphs.length) continue;
      const k = this.of(q).findIndex((s) => s.start <= from.start && from.end <= s.end && (from.start !== s.start || from.end !== s.end));
      if (k >= 0) return this.at(q, k);
    }
    if (dir === 1) return this.first(p, 1, (s) => s.start >= from.end) ?? this.first(this.paragraphs.length - 1, -1, () => true);
    return this.first(Math.min(p, this.paragraphs.length - 1), -1, (s) => s.end <= from.start) ?? this.first(0, 1, () => true);
  }
}
