// Sentence splitting for the claim suggester. News prose is full of abbreviations that end in a
// full stop ("U.S. officials", "Gen. Milley", "Lt. Col.", "Dec. 27", "a.m."); splitting there would
// cut a claim in two, so a full stop ends a sentence only when the word before it is not one of
// them (or, for dotted acronyms, when a typical sentence opener follows: "… the U.S. The next day").
// A line break inside a paragraph always ends a sentence: canonical text keeps single line breaks
// only for deliberate short lines (headlines, datelines, lists).

/** Longest span handled as one sentence (characters). */
const MAX_SENTENCE = 600;

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (block between blank lines) it belongs to. */
  paragraph: number;
  /** A title-like line: short, no closing punctuation, most words capitalised. */
  headline: boolean;
}

// Abbreviations that never end a sentence when followed by a capital (titles, ranks, months before
// a day number are handled separately).
const TITLES = new Set(
  ('mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig rep sen gov pres rev st mt ft no nos vs ' +
    'jr sr sgt spc pfc gov lt.col lt.gen maj.gen brig.gen inc corp co ltd dept gen fig al approx est')
    .split(' '),
);
const MONTH_ABBR = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
// Words that typically open a sentence: after a dotted acronym ("U.S.") they signal a real end.
const OPENERS = new Set(
  ('the a an in on at it he she they we i but and this that these those there then after before when while as ' +
    'meanwhile however his her their its our some many most no one two three officials').split(' '),
);

/** Splits canonical text into sentences; each span is trimmed of surrounding spaces. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, paragraph, headline: false });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(start, i);
      if (text[i + 1] === '\n') paragraph++;
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // closing quotes and brackets belong to the sentence they end
    let j = i + 1;
    while (j < text.length && /["”’')\]»]/.test(text[j])) j++;
    if (j < text.length && text[j] !== ' ') continue; // "U.S.-led", "3.5", "a.m.,"
    if (j >= text.length) break;
    const next = /^ +(["“‘(]?)(\S+)/.exec(text.slice(j, j + 40));
    if (!next) continue;
    const nextWord = next[2];
    if (!/^[\p{Lu}\d"“‘(]/u.test(next[1] || nextWord)) continue; // a lower-case word follows: not an end
    if (ch === '.' && !endsSentence(text, i, nextWord)) continue;
    push(start, j);
    start = j;
  }
  push(start, text.length);
  // Text without sentence punctuation (tables, lists from a PDF) would make one huge "sentence";
  // cut it at clause punctuation or spaces so the rules stay linear in the text's length.
  const bounded: Sentence[] = [];
  for (const s of out) {
    let a = s.start;
    while (s.end - a > MAX_SENTENCE) {
      const window = text.slice(a, a + MAX_SENTENCE);
      const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
      const at = cut > MAX_SENTENCE / 2 ? cut + 1 : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : MAX_SENTENCE;
      bounded.push({ start: a, end: a + at, paragraph: s.paragraph, headline: false });
      a += at;
      while (a < s.end && text[a] === ' ') a++;
    }
    if (s.end > a) bounded.push({ ...s, start: a });
  }
  out.length = 0;
  out.push(...bounded);
  for (const s of out) s.headline = isHeadline(text.slice(s.start, s.end), text, s);
  return out;
}

function endsSentence(text: string, dot: number, nextWord: string): boolean {
  const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[1] ?? '';
  const word = before.toLowerCase();
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before) || /^\p{L}$/u.test(before)) {
    // a dotted acronym (U.S, U.N, a.m) or an initial (J.): an end only before a sentence opener
    return OPENERS.has(nextWord.toLowerCase().replace(/[^a-z]/g, '')) && before.length > 1;
  }
  if (TITLES.has(word)) return false;
  if (MONTH_ABBR.has(word) && /^\d/.test(nextWord)) return false;
  return true;
}

/** Short lines without closing punctuation whose words are mostly capitalised: titles, menus, share buttons. */
function isHeadline(sentence: string, text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).trim();
  if (line !== sentence.trim()) return false;
  if (/[.!?"”:]$/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return true;
  const minor = /^(?:a|an|the|of|in|on|at|to|for|and|or|but|by|with|from|as|after|against|over|into|vs\.?)$/i;
  const content = words.filter((w) => !minor.test(w));
  const caps = content.filter((w) => /^\p{Lu}/u.test(w)).length;
  return content.length === 0 || caps / content.length >= 0.7;
}
