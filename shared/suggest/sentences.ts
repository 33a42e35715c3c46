// Sentence splitting for the claim suggester. News prose is full of abbreviations that end in a
// full stop ("U.S. officials", "Gen. Milley", "Lt. Col.", "Dec. 27", "a.m."); splitting there would
// cut a claim in two, so a full stop ends a sentence only when the word before it is not one of
// them (or, for dotted acronyms, when a typical sentence opener follows: "… the U.S. The next day").
// A line break inside a paragraph always ends a sentence: canonical text keeps single line breaks
// only for deliberate short lines (headlines, datelines, lists). Title lines are marked so the
// suggester skips them (they repeat the body unsourced); datelines are found for the date rules.

/** Longest span handled as one sentence (characters). */
const MAX_SENTENCE = 600;

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (block between blank lines) it belongs to. */
  paragraph: number;
  /**
   * A title-like line: short, no closing punctuation, and either most words capitalised (titles,
   * menus, share buttons anywhere) or a line of its own in the document's title block.
   */
  headline: boolean;
}

// Abbreviations that never end a sentence when followed by a capital (titles, ranks, months before
// a day number are handled separately).
const TITLES = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig rep sen gov pres rev st mt ft no nos vs ' +
    'jr sr sgt spc pfc gov lt.col lt.gen maj.gen brig.gen inc corp co ltd dept gen fig al approx est'
  ).split(' '),
);
const MONTH_ABBR = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
// Words that typically open a sentence: after a dotted acronym ("U.S.") they signal a real end.
const OPENERS = new Set(
  (
    'the a an in on at it he she they we i but and this that these those there then after before when while as ' +
    'meanwhile however his her their its our some many most no one two three officials'
  ).split(' '),
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
  // The title block (everything before the first real sentence) holds headlines, decks, dates and
  // bylines; there a short line of its own is a title even in sentence case ("Rocket attack kills
  // 3 soldiers"). After it, the same shape is a list item or a table row and may carry a claim. A
  // text without prose (a table, a list of incidents) has no title block past its first paragraphs.
  let titleBlock = true;
  const perParagraph = new Map<number, number>();
  for (const s of out) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  for (const s of out) {
    const sentence = text.slice(s.start, s.end);
    if (s.paragraph >= MAX_TITLE_PARAGRAPHS) titleBlock = false;
    // a line of its own counts as alone: pages often put the headline and the lede in one paragraph, a line break apart
    const alone = perParagraph.get(s.paragraph) === 1 || isWholeLine(text, s);
    s.headline = isHeadline(sentence, text, s) || (titleBlock && isTitleLine(sentence, alone));
    if (titleBlock && !s.headline && isRealSentence(sentence)) titleBlock = false;
  }
  return out;
}

/** Longest line read as a title in the title block (characters). */
const MAX_TITLE = 150;
/** Paragraphs a title block can span: headline, deck, date, byline, picture credit, a menu line. */
const MAX_TITLE_PARAGRAPHS = 6;

/** A sentence that ends as prose does and has a few words: "Mar 13." or "Text Size:" do not end a title block. */
function isRealSentence(sentence: string): boolean {
  if (!/(?:[.!?]["”’')\]]*|["”])$/.test(sentence)) return false;
  return sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 4;
}

/** True when the sentence is a whole line of the text and the next line starts anew (not a lede wrapped onto it). */
function isWholeLine(text: string, span: Span): boolean {
  const startsLine = span.start === 0 || /\n\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start));
  return startsLine && (span.end === text.length || /^[ \t]*\n\s*[\p{Lu}\p{N}"“‘(]/u.test(text.slice(span.end, span.end + 8)));
}

/** A paragraph of one short line without closing punctuation. */
function isTitleLine(sentence: string, alone: boolean): boolean {
  return alone && sentence.length <= MAX_TITLE && !/[.!?"”:;,]$/.test(sentence) && /\p{L}/u.test(sentence);
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

// A dateline opens a wire report's first paragraph: the filing place, often the filing date, and
// the agency ("PESHAWAR, May 20 (PTI)", "KYIV, Ukraine, March 3 (AP) —", "WASHINGTON, March 12 --",
// "BEIRUT (Reuters) -", "New Delhi, 20 May:"). Its date is when the story was filed, not when the
// incident happened.
const PLACE_WORD = String.raw`[\p{Lu}][\p{L}'’.-]*`;
const PLACE = String.raw`${PLACE_WORD}(?: ${PLACE_WORD}){0,3}`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]*\.?`;
const DAY_DATE = String.raw`(?:${MONTH} \d{1,2}(?:,? \d{4})?|\d{1,2} ${MONTH}(?:,? \d{4})?)`;
const AGENCY = String.raw`\([\p{Lu}][\p{L}&.'’/-]*(?: [\p{Lu}&][\p{L}&.'’/-]*){0,4}\)`;
const DASH = String.raw`(?:—|–|--|-|:)`;
const DATELINE = new RegExp(String.raw`^(${PLACE}(?:, ${PLACE}){0,2})(?:,? (${DAY_DATE}))?(?: ?(${AGENCY})(?: ?(${DASH}))?| ?(${DASH}))(?=\s|$)`, 'u');
// Words that open an ordinary sentence ("On Friday, May 20 —"), never part of a place.
const NOT_PLACE = new Set(
  (
    'on in at by for from since until last early late the a an as after before during between but and then meanwhile ' +
    'also however earlier later today yesterday tonight overnight monday tuesday wednesday thursday friday saturday sunday ' +
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september ' +
    'october november december'
  ).split(' '),
);

export interface Dateline extends Span {
  /** Where the dateline's date is, if it has one. */
  date: Span | null;
}

/**
 * The dateline at the start of a sentence (offsets into it), or null. A place and a date need an
 * agency or a dash after them ("Peshawar, May 20 (PTI) At least…"); a place alone needs an agency
 * and a dash ("BEIRUT (Reuters) -"), or capitals and a dash ("WASHINGTON —").
 */
export function datelineOf(sentence: string): Dateline | null {
  const m = DATELINE.exec(sentence);
  if (!m) return null;
  const [whole, place, date, agency, dashAfterAgency, dashAlone] = m;
  const dash = dashAfterAgency ?? dashAlone;
  if (place.split(/,? /).some((w) => NOT_PLACE.has(w.replace(/[.,]+$/, '').toLowerCase()))) return null;
  if (!date && (!dash || dash === ':' || !(agency || (place === place.toUpperCase() && /\p{Lu}{2}/u.test(place))))) return null;
  const at = date ? place.length + whole.slice(place.length).indexOf(date) : -1;
  return { start: 0, end: whole.length, date: date ? { start: at, end: at + date.length } : null };
}
