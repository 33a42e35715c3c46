// Reading noun phrases forward and backward from a position in a sentence, without a tagger: a
// noun phrase is a run of words that are not verbs of our lexicons, prepositions, conjunctions or
// punctuation. That is crude, but news sentences name their counted groups in very regular ways
// ("three U.S. troops", "five weapon storage facilities", "about a dozen people").
import { NATIONALITIES, SERIES_WORDS, singular } from './lexicon.ts';

const WORD_AT = /^(\s*)((?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)*|[\p{L}\d][\p{L}\d'’]*(?:[-–][\p{L}\d'’]+)*)/u;

/** Words that end a noun phrase read forwards. */
const BREAK = new Set(
  (
    'were was is are be been being have has had do did does will would could should may might can must ' +
    'at in on from to by for with during after before since when while as that which who whose whom of near against ' +
    'across into onto over under about around through toward towards inside outside including among per than like ' +
    'along alongside besides beyond behind aboard onboard monday tuesday wednesday thursday friday saturday sunday yesterday today tonight overnight ' +
    'between and or but nor so yet if then there here it its their his her they them he she we you this these those ' +
    'not no also later reportedly said says say told according amid despite within without upon via the a an ' +
    'killed wounded injured hurt died dead killing wounding injuring suffered sustained landed fired launched struck ' +
    'hit impacted fell exploded remain remains remained stationed based deployed lost fled'
  ).split(' '),
);
const ING_NOUNS = new Set([
  'building',
  'buildings',
  'bombing',
  'bombings',
  'housing',
  'shelling',
  'meeting',
  'evening',
  'morning',
  'wing',
  'ring',
  'thing',
  'things',
  'warning',
  'ceiling',
  'landing',
  'clothing',
  'training',
]);

export interface NounPhrase {
  start: number;
  end: number;
  /** The words, as written. */
  words: string[];
  /** The head noun, lower case and singular ("troop", "service member", "facility"). */
  head: string;
  /** The head as written. */
  headRaw: string;
  /** True when it read "series of", "waves of" … before the head. */
  series: boolean;
}

const isNationality = (w: string) => NATIONALITIES[w.toLowerCase()] !== undefined;

/** Reads the noun phrase that starts at `pos` in `s` (after a number: "U.S. troops", "Katyusha rockets"). */
export function readNounPhrase(s: string, pos: number, maxWords = 6): NounPhrase | null {
  const words: string[] = [];
  let end = pos;
  let start = -1;
  let series = false;
  let at = pos;
  while (words.length < maxWords) {
    const m = WORD_AT.exec(s.slice(at, at + 80));
    if (!m) break;
    const w = m[2];
    const lw = w.toLowerCase();
    const wStart = at + m[1].length;
    // "series of strikes": the counted thing is what follows "of"
    if (lw === 'of' && words.length > 0 && SERIES_WORDS.has(words[words.length - 1].toLowerCase())) {
      series = true;
      words.push(w);
      at = wStart + w.length;
      continue;
    }
    // coordinated modifiers: "U.S. or Iraqi troops", "rocket or missile attack"
    if ((lw === 'or' || lw === 'and') && words.length > 0) {
      const prev = words[words.length - 1];
      const nxt = WORD_AT.exec(s.slice(wStart + w.length, wStart + w.length + 60));
      const weaponWord = /^(?:rockets?|missiles?|drones?|mortars?|artillery|shells?)$/i;
      if (nxt && ((isNationality(prev) && isNationality(nxt[2])) || (weaponWord.test(prev) && weaponWord.test(nxt[2].split(/\s/)[0])))) {
        words.push(w);
        at = wStart + w.length;
        continue;
      }
    }
    if (BREAK.has(lw) && !(words.length === 0 && /^(?:dead|wounded|injured|killed)$/.test(lw))) break;
    // a calibre is a modifier of the weapon ("30 107 mm Katyusha rockets"), not a new number
    const calibre = /^\d+(?:\.\d+)?\s?-?\s?(?:mm|millimet(?:er|re)s?|caliber|calibre|inch)\b/i.exec(s.slice(wStart, wStart + 30));
    if (calibre) {
      if (start < 0) start = wStart;
      words.push(calibre[0]);
      end = at = wStart + calibre[0].length;
      continue;
    }
    // an age is a modifier of the person ("a 12-year-old boy"), not a new number
    if (/^\d/.test(w) && !/^\d+[-–](?:years?|months?|weeks?|days?)[-–]old$/i.test(w)) break;
    if (words.length > 0 && /(?:ed|ing)$/.test(lw) && !w.includes('-') && !ING_NOUNS.has(lw) && !/^\p{Lu}/u.test(w)) break;
    if (words.length > 0 && /ly$/.test(lw) && !/^(?:family|ally|rally|assembly|italy)$/.test(lw)) break;
    if (start < 0) start = wStart;
    words.push(w);
    end = wStart + w.length;
    at = end;
    // a casualty word right after the number is the noun ("14 dead and 20 wounded") unless a noun
    // follows it, which it then describes ("the five killed civilians")
    if (words.length === 1 && /^(?:dead|wounded|injured|killed)$/.test(lw)) {
      const next = WORD_AT.exec(s.slice(end, end + 40));
      if (!next || BREAK.has(next[2].toLowerCase()) || /^\d/.test(next[2]) || !/^\s+\S/.test(s.slice(end, end + 2))) break;
    }
  }
  // drop trailing coordinators we read speculatively
  while (words.length && /^(?:and|or|of)$/i.test(words[words.length - 1])) {
    words.pop();
  }
  if (words.length === 0) return null;
  const headRaw = words[words.length - 1];
  end = s.lastIndexOf(headRaw, end) + headRaw.length;
  const two = words.length >= 2 ? `${words[words.length - 2]} ${headRaw}`.toLowerCase() : '';
  const twoSing = two ? `${two.split(' ')[0]} ${singular(headRaw)}` : '';
  return { start: start < 0 ? pos : start, end, words, head: twoSing && COMPOUND.has(twoSing) ? twoSing : singular(headRaw), headRaw, series };
}

const COMPOUND = new Set([
  'service member',
  'air strike',
  'drone strike',
  'missile strike',
  'mortar round',
  'mortar shell',
  'artillery shell',
  'artillery round',
  'rocket attack',
  'drone attack',
  'missile attack',
  'car bomb',
]);

/** The noun phrase that ends right before `pos` (read backwards), e.g. "an Iraqi militia" before "believed". */
export function readNounPhraseBefore(s: string, pos: number, maxWords = 10): { start: number; end: number; text: string } | null {
  const left = s.slice(Math.max(0, pos - 200), pos);
  const offset = Math.max(0, pos - 200);
  const re = /((?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)*|[\p{L}\d][\p{L}\d'’]*(?:[-–][\p{L}\d'’]+)*|[^\s\p{L}\d])/gu;
  const toks: Array<{ w: string; i: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(left))) toks.push({ w: m[1], i: m.index });
  let k = toks.length - 1;
  let first = -1;
  let count = 0;
  const STOP =
    /^(?:were|was|is|are|be|been|have|has|had|said|say|says|told|that|which|who|when|while|after|before|at|on|to|for|with|by|from|into|against|as|than|struck|back|launched|fired|targeted|if|whether|because|but)$/i;
  while (k >= 0 && count < maxWords) {
    const w = toks[k].w;
    if (/^[^\p{L}\d]$/u.test(w) && w !== '&') break;
    if (STOP.test(w)) break;
    // "of" and "in" inside a name or a place ("Axis of Resistance", "militias in Iraq") are kept
    const nextCap = (i: number) =>
      i < toks.length && (/^\p{Lu}/u.test(toks[i].w) || (/^the$/i.test(toks[i].w) && i + 1 < toks.length && /^\p{Lu}/u.test(toks[i + 1].w)));
    if (/^(?:of|in)$/i.test(w) && !nextCap(k + 1)) break;
    if (/^(?:and)$/i.test(w) && !(k + 1 < toks.length && /^\p{Lu}/u.test(toks[k + 1].w) && k > 0 && /^\p{Lu}/u.test(toks[k - 1].w))) break;
    first = k;
    count++;
    k--;
  }
  if (first < 0) return null;
  // a phrase cannot start with a preposition or conjunction
  while (first < toks.length && /^(?:of|in|and|&)$/i.test(toks[first].w)) first++;
  if (first >= toks.length) return null;
  const start = offset + toks[first].i;
  const text = s.slice(start, pos).trim();
  if (!text) return null;
  return { start, end: start + text.length, text };
}

/** Reads a noun phrase forwards for naming an actor or a speaker: up to a comma, verb or clause break. */
export function readActorAfter(s: string, pos: number, maxWords = 8): { start: number; end: number; text: string } | null {
  const re = /((?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)*|[\p{L}\d][\p{L}\d'’]*(?:[-–][\p{L}\d'’]+)*|[^\s\p{L}\d])/gu;
  re.lastIndex = pos;
  let m: RegExpExecArray | null;
  let start = -1;
  let end = -1;
  let count = 0;
  const STOP =
    /^(?:were|was|is|are|had|has|have|said|says|for|that|which|who|when|while|after|before|on|to|at|with|as|because|but|during|over|amid|since|from|earlier|last|this|than|citing|saying)$/i;
  while ((m = re.exec(s)) && count < maxWords) {
    const w = m[1];
    if (/^[^\p{L}\d&]$/u.test(w)) break;
    if (STOP.test(w)) break;
    if (/^in$/i.test(w) && !/^\s+\p{Lu}/u.test(s.slice(m.index + 2, m.index + 5))) break;
    if (count === 0 && /^(?:and|or|of|in)$/i.test(w)) break;
    if (start < 0) start = m.index;
    end = m.index + w.length;
    count++;
  }
  if (start < 0) return null;
  let text = s.slice(start, end);
  // trailing prepositions and conjunctions are not part of the name
  const trimmed = text.replace(/\s+(?:and|or|of|in|&)$/i, '');
  end -= text.length - trimmed.length;
  text = trimmed;
  return { start, end, text };
}
