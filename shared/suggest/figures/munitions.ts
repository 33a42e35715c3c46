// Munition figures: fired / landed / intercepted verbs around weapons, the weapon named, and elided or partitive figures.
import { parseFigure } from '../../figures/figures.ts';
import { CASUALTY_NOUNS, FIRE_AFTER, FIRE_BEFORE, FOUND_AFTER, FOUND_BEFORE, INTERCEPT_BEFORE, PERSON_NOUNS, singular } from '../lexicon.ts';
import { readNounPhrase, type NounPhrase } from '../words.ts';
import { emptyDraft, type Draft } from '../draft.ts';
import { predicateAfter, predicateAfterAsideAt, singularPhrase, trailingSubset } from './casualties.ts';
import { type Anchor, munitionOf, personHead, toFigure } from './common.ts';

export const SEIZED =
  /^\s+(?:(?:were|was|had been|have been)\s+)?(?:\w+ly\s+)?(?:discovered|found|seized|recovered|confiscated|captured|stored|stockpiled|seen)\b/i;
export const SEIZED_BEFORE = /\b(?:discovered|found|seized|recovered|confiscated|captured|stored|stockpiled)\s+(?:[\w-]+\s+){0,2}$/i;

type How = 'fired' | 'impacted' | 'missed' | 'intercepted' | 'found';

// where a weapon that missed came down: the sea, open ground, short of its target
const MISSED_AFTER =
  /^\s+(?:harmlessly|short\b|(?:in|into)\s+(?:the\s+)?(?:sea|water|desert|open|fields?|an?\s+(?:empty|open|uninhabited)\s+(?:area|field|ground))\b)/i;

/** The verbs around a weapon group (from `start` to `end`): fired, landed or intercepted, and the span they add, with the target. */
export function munitionVerbs(s: string, start: number, end: number): { how: How | null; start: number; end: number } {
  const before = s.slice(Math.max(0, start - 60), start);
  // "attacked the city overnight with 23 drones": the weapons of an attack were fired
  const fireBefore =
    FIRE_BEFORE.exec(before) ??
    /\b(?:attack(?:ed|ing)?|struck|striking|target(?:ed|ing)|hit|bombard(?:ed|ing)|pound(?:ed|ing))\b[^.;:]{0,60}?\bwith\s+$/i.exec(before);
  const interceptBefore = INTERCEPT_BEFORE.exec(before);
  const rest = s.slice(end);
  const afterOffset = rest.length - rest.trimStart().length;
  const after = FIRE_AFTER.exec(rest.trimStart());
  // "found three launchers", "two unfired rockets were recovered": weapons found after an attack are a measure of their own
  const foundBefore = FOUND_BEFORE.exec(before);
  const foundAfter = FOUND_AFTER.exec(rest.trimStart());
  let how: How | null = null;
  if (foundBefore || foundAfter) {
    const m = foundBefore ?? null;
    return {
      how: 'found',
      start: m ? Math.max(0, start - (before.length - m.index)) : start,
      end: foundAfter ? end + afterOffset + foundAfter[0].length : end,
    };
  }
  if (interceptBefore) how = 'intercepted';
  else if (after)
    how = /landed|struck|hit|impacted|fell|exploded|slammed|crashed/i.test(after[1])
      ? // "the three missiles all landed in the sea", "fell short": they missed what they were fired at
        /^(?:landed|fell)$/i.test(after[1]) && MISSED_AFTER.test(rest.trimStart().slice(after[0].length))
        ? 'missed'
        : 'impacted'
      : /intercepted|shot down|downed|destroyed/i.test(after[1])
        ? 'intercepted'
        : 'fired';
  else if (fireBefore) how = 'fired';
  const preMatch = interceptBefore ?? (!after ? fireBefore : null);
  const from = preMatch ? Math.max(0, start - (before.length - preMatch.index)) : start;
  let to = after ? end + afterOffset + after[0].length : end;
  // the target: "at Taji", "on the base"
  const target =
    /^\s+(?:at|on|into|toward|towards|against)\s+(?:the\s+|a\s+|an\s+)?[\p{L}\d.’'-]+(?:\s+[\p{L}\d.’'-]+){0,3}?(?=[,;.]|\s+(?:on|in|at|from|and|which|that|when|as|north|south|east|west|near)\b|$)/u.exec(
      s.slice(to),
    );
  if (target && target[0].length < 50) to += target[0].trimEnd().length;
  return { how, start: from, end: to };
}

/**
 * Weapons joined by "and" share their verb: `d`, only mentioned, takes `from`'s fired / landed /
 * intercepted when `first` (the earlier of the two) is joined to the other by nothing but "and".
 */
export function shareVerb(s: string, from: Draft | undefined, d: Draft, first: Draft | undefined): Draft {
  if (!from || !first || from.kind !== 'munitions' || d.kind !== 'munitions' || !d.rule.endsWith('/mentioned')) return d;
  const how = /\/(fired|impacted|intercepted|found)$/.exec(from.rule)?.[1] as How | undefined;
  const second = first === from ? d : from;
  if (!how || !/^\s*,?\s*(?:and|as well as|plus|along with)\s+$/i.test(s.slice(first.end, second.start))) return d;
  const mun = (d.measure ?? '').replace(/_(?:fired|impacted|intercepted|found)$/, '');
  return { ...d, measure: munitionMeasure(mun, how), rule: `munitions/${how}`, confidence: 0.8 };
}

export const munitionMeasure = (mun: string, how: How | null): string =>
  how === 'found' || how === 'missed' ? `${mun}_${how}` : mun === 'rockets' ? `rockets_${how ?? 'fired'}` : how === 'intercepted' ? `${mun}_intercepted` : mun;

/** The last weapon noun in a text ("… 30 Katyusha rockets were fired"), for a figure that elides it. */
function lastWeapon(text: string): { name: string; mun: string } | null {
  let found: { name: string; mun: string } | null = null;
  for (const m of text.matchAll(/[\p{L}-]+/gu)) {
    const mun = munitionOf(singular(m[0]));
    if (mun) found = { name: singular(m[0]), mun };
  }
  return found;
}

// "18 of the 23 drones", "of which 11 were downed", "Of those, 18 landed", "two were killed": a
// figure whose noun is elided or partitive. It is a claim only with a verb that says what happened
// to the things it counts, and its noun is named in the partitive or just before.
const VERB_ACROSS_OBJECT = /\b(killed|killing|shot dead|wounded|wounding|injured|injuring|abducted|kidnapped)\s+(?:[\p{L}'’-]+\s+){1,4}?and\s+$/iu;
const PARTITIVE = /^\s+of\s+(?:(which|them|those|these|whom)\b|the\s+|(?:his|her|their|its)\s+|(?=\d))/i;

/**
 * The elided or partitive figure at `a`, and with a partitive total of weapons ("shot down 11 of the
 * 15 drones launched", "destroyed 20 of 25 drones") the total as weapons fired: what was intercepted
 * or landed is a part of what was fired, and both are claims a fact-checker compares.
 */
export function elidedDrafts(s: string, a: Anchor, anchors: Anchor[], previous: string): Draft[] {
  let total: Anchor | undefined;
  const d = elidedDraft(s, a, anchors, previous, (t) => (total = t));
  if (!d) return [];
  if (!total?.phrase || d.kind !== 'munitions' || /\/fired$/.test(d.rule)) return [d];
  const np = readNounPhrase(s, total.end);
  if (!np || !munitionOf(np.head)) return [d];
  const after = /^\s+(?:(?:that|which)\s+(?:were|was)\s+)?(?:fired|launched|sent)\b/i.exec(s.slice(np.end));
  const t = emptyDraft('munitions', total.start, np.end + (after ? after[0].length : 0), 'munitions/fired', 0.7);
  t.measure = munitionMeasure(munitionOf(np.head)!, 'fired');
  t.figure = toFigure(s.slice(total.start, total.end), total.phrase);
  t.weapon = weaponName(np);
  return [d, t];
}

function elidedDraft(s: string, a: Anchor, anchors: Anchor[], previous: string, onTotal: (total: Anchor) => void): Draft | null {
  const parsed = parseFigure(s.slice(a.start, a.end));
  if (!parsed) return null;
  let at = a.end;
  let np: NounPhrase | null = null;
  const part = PARTITIVE.exec(s.slice(at));
  if (part) {
    at += part[0].length;
    if (!part[1]) {
      const total = anchors.find((x) => x.start === at && x.phrase);
      if (total) onTotal(total);
      np = readNounPhrase(s, total ? total.end : at);
      if (!np) return null;
      at = np.end;
    }
  }
  // "…, of which 40 drones were shot down": the weapon is named after the number
  if (!part) {
    const own = readNounPhrase(s, at);
    if (own && munitionOf(own.head)) {
      np = own;
      at = own.end;
    }
  }
  const figure = toFigure(s.slice(a.start, a.end), parsed);
  // "two of the wounded later succumbed": the wounded are people
  if (!np || personHead(np.head) || CASUALTY_NOUNS[np.head] !== undefined) {
    // casualties: the predicate right after ("two were killed", "three of them died")
    // with the noun named ("four of the 25 people aboard were killed") the predicate may be as far
    // as after any group; with the noun elided it must follow at once ("two were killed")
    const post = predicateAfter(s, at) ?? (np ? predicateAfterAsideAt(s, at) : null);
    // "killed the commander and four of his guards": a casualty verb governs the partitive across a short object
    const verb = np && !post ? VERB_ACROSS_OBJECT.exec(s.slice(Math.max(0, a.start - 60), a.start)) : null;
    if (verb) {
      const d = emptyDraft('casualties', a.start, at, 'casualties/elided', 0.65);
      d.measure = /^(?:kill|shot)/i.test(verb[1]) ? 'killed' : /^(?:abduct|kidnap)/i.test(verb[1]) ? 'detained' : 'wounded';
      d.figure = figure;
      d.population = { nationality: null, affiliation: PERSON_NOUNS[np!.head] ?? 'unknown', side: null };
      return d;
    }
    if (post && (np || s.slice(at, post.end).trim().split(/\s+/).length <= 5)) {
      const d = emptyDraft('casualties', a.start, post.end, 'casualties/elided', 0.7);
      d.measure = post.measure;
      d.figure = figure;
      d.population = { nationality: null, affiliation: np ? (PERSON_NOUNS[np.head] ?? 'unknown') : 'unknown', side: null };
      const tail = trailingSubset(s, post.end, post.measure);
      if (tail) {
        d.parts = tail.parts;
        d.end = tail.end;
      }
      return d;
    }
    if (np) return null;
  }
  const weapon = np
    ? munitionOf(np.head)
      ? { name: weaponName(np), mun: munitionOf(np.head)! }
      : null
    : (lastWeapon(s.slice(0, a.start)) ?? lastWeapon(previous));
  if (!weapon) return null;
  const { how, start, end } = munitionVerbs(s, a.start, at);
  if (!how) return null;
  const d = emptyDraft('munitions', start, end, `munitions/${how}`, 0.7);
  d.measure = munitionMeasure(weapon.mun, how);
  d.figure = figure;
  d.weapon = weapon.name;
  return d;
}

export function weaponName(np: NounPhrase): string {
  const of = np.series ? np.words.findIndex((w) => /^of$/i.test(w)) : -1;
  const words = np.words.slice(of + 1).filter((w) => !/^(?:such|other|more|the|these|those|of)$/i.test(w));
  // "drones and missiles" → "drone and missile": each coordinated weapon in the singular
  return words
    .join(' ')
    .split(/\s+(and|or)\s+/)
    .map((p) => (/^(?:and|or)$/.test(p) ? p : singularPhrase(p)))
    .join(' ');
}
