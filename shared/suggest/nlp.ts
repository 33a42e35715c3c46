// The English NLP library the suggester reads sentences with: wink-nlp and its lite web model
// (both pure JavaScript, MIT, the model ships inside the npm package, so it works offline and in
// the worker). Chosen over compromise after measuring both on the development corpus: wink read a
// 1 M-character report (sentences, tokens, part of speech, negation, entities) in about 0.5 s on
// this 2-core machine, compromise with its numbers plugin in about 25 s; both found the numbers of
// the key's figures, but only wink fits the 3 s budget. wink's entities have no people or
// organisations, so actors come from the region lexicon (region/), not from the model.
//
// Tokens carry UTF-16 offsets into the sentence (wink's tokens plus their preceding spaces give the
// text back exactly), lower-cased text, the universal part of speech, and wink's negation flag.
// Hyphenated compounds ("US-led", "Iran-backed") are joined into one token: reporting uses them as
// one modifier.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
  negated: boolean;
}

let nlp: ReturnType<typeof winkNLP> | null = null;
const engine = () => (nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']));

/**
 * The tokens of a whole text, read once: wink's cost is mostly per document, so reading each
 * sentence on its own cost about ten times what one pass over the text does. `tokensIn` then
 * gives a sentence its tokens with offsets into the sentence.
 */
export function tokenizeText(text: string): Token[] {
  return tokenize(text);
}

/** The tokens of `all` (from tokenizeText) inside [start, end), re-based to start. */
export function tokensIn(all: Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < all.length && all[i].end <= end; i++) out.push({ ...all[i], start: all[i].start - start, end: all[i].end - start });
  return out;
}

/** The tokens of one sentence (or any short text), with offsets into it. */
export function tokenize(text: string): Token[] {
  const w = engine();
  const its = w.its;
  const doc = w.readDoc(text);
  const words = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const neg = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    at += spaces[i].length;
    // wink may normalise a token's text; find it in the sentence so offsets stay exact
    const found = text.startsWith(words[i], at) ? at : text.indexOf(words[i], at);
    const start = found < 0 ? at : found;
    const end = start + words[i].length;
    at = end;
    const prev = out[out.length - 1];
    const joined = prev && prev.end === start && (words[i] === '-' || prev.text.endsWith('-'));
    if (joined) {
      prev.text = text.slice(prev.start, end);
      prev.lower = prev.text.toLowerCase();
      prev.end = end;
      if (words[i] !== '-') prev.pos = pos[i];
      continue;
    }
    out.push({ text: words[i], lower: words[i].toLowerCase(), pos: pos[i], start, end, negated: !!neg[i] });
  }
  return out;
}
