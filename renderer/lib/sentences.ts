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
