// Casualty, munition and count suggestions: a figure (from the figure rule set) tied by local
// grammar to what it counts.
//
// Rules, and why:
// - A figure is a number phrase (findNumberPhrases) or, for people and weapons only, an article
//   ("an American contractor", "a ballistic missile"): "a rocket attack" is one event, not a count.
// - The counted group runs from the figure through joined groups ("three U.S. troops and an
//   Iraqi"), a subset ("…, including five seriously") and a breakdown ("…, with 57 in Iraq and 83
//   in Syria"); the figure rule set (parseFigure) sums it and keeps its parts.
// - What the group counts is its head noun. People are casualties only when a casualty word governs
//   them: a predicate after the group ("were killed", "was reported injured", "have suffered
//   injuries") within the same clause, or a verb or noun before it ("killing", "the deaths of").
//   Casualty nouns ("eight injuries", "12 dead") are casualties themselves. Weapons are munitions,
//   fired or landed as the verbs say. Attacks and strikes are counts; facilities, sites and bases are
//   counted only after a strike verb ("targeted five facilities"), troops only with a verb that keeps
//   them somewhere ("has 900 troops in Syria").
import { FIGURE_RULES_VERSION, findNumberPhrases, parseFigure, type NumberPhrase } from '../figures.ts';
import type { Figure, Part, Population } from '../claims.ts';
import {
  ATTACK_NOUNS,
  CASUALTY_BEFORE,
  CASUALTY_NOUNS,
  CASUALTY_PREDICATES,
  DEPLOY_BEFORE,
  FIRE_AFTER,
  FIRE_BEFORE,
  INTERCEPT_BEFORE,
  MUNITION_NOUNS,
  NATIONALITIES,
  PERSON_NOUNS,
  STRIKE_BEFORE,
  TARGET_NOUNS,
  singular,
} from './lexicon.ts';
import { commonPopulation, populationOf } from './population.ts';
import { partPlace } from '../places.ts';
import { readNounPhrase, type NounPhrase } from './words.ts';
import { emptyDraft, type Draft } from './draft.ts';

interface Anchor {
  start: number;
  end: number;
  article: boolean;
  phrase: NumberPhrase | null;
}

interface Group {
  start: number;
  end: number;
  /** The noun phrases of the joined groups, in order. */
  nps: NounPhrase[];
  /** Where the last joined noun phrase ends (before any subset or breakdown). */
  mainEnd: number;
  anchors: Anchor[];
}

const ARTICLE = /\b(an?|one|single)\s+(?=\S)/gi;
const personHead = (h: string) =>
  PERSON_NOUNS[h] !== undefined || NATIONALITIES[h] !== undefined || /^(?:american|briton|iraqi|iranian|syrian|israeli|afghan)$/.test(h);
const munitionOf = (h: string): string | undefined => MUNITION_NOUNS[h] ?? MUNITION_NOUNS[h.split(' ').pop() ?? ''];

// A sentence without any of these word stems cannot hold a casualty, munition or count claim: skip it
// before the (costlier) number-phrase reading.
const WORTH_READING =
  /\b(?:kill|hospital|toll|martyr|seiz|dead|die|death|wound|injur|hurt|casualt|fatalit|missing|unaccounted|abduct|kidnap|detain|captur|arrest|hostage|prisoner|captive|bod(?:y|ies)|li(?:fe|ves)|slain|perish|murder|execut|behead|gunned|maim|concuss|rocket|missile|drone|uav|mortar|shell|projectile|bomb|grenade|katyusha|rpg|ied|munition|attack|assault|raid|ambush|strike|airstrike|incident|facilit|site|target|base|location|position|depot|compound|building|warehouse|headquarters|installation|outpost|camp|bunker|hideout|vehicle|truck|launcher|convoy|storage|troop|soldier|personnel|forces|service|series|wave|salvo|volley|barrage|landed|intercept|downed|shot down)/i;

/**
 * Suggestions for the figures of one sentence. Offsets are relative to the sentence. `previous` is
 * the sentence before it: where the noun of an elided figure is named ("30 rockets were fired. Of
 * those, 18 landed on the base.").
 */
export function figureDrafts(s: string, previous = ''): Draft[] {
  if (!WORTH_READING.test(s)) return [];
  const phrases = findNumberPhrases(s);
  const anchors: Anchor[] = phrases.map((p) => ({ start: p.start, end: p.end, article: false, phrase: p }));
  for (const m of s.matchAll(ARTICLE)) {
    const at = m.index;
    if (anchors.some((a) => at >= a.start && at < a.end)) continue;
    if (m[1].toLowerCase() === 'one' || m[1].toLowerCase() === 'single') continue; // numbers already
    const np = readNounPhrase(s, at + m[0].length);
    if (!np) continue;
    if (!(personHead(np.head) || munitionOf(np.head))) continue;
    anchors.push({ start: at, end: at + m[1].length, article: true, phrase: null });
  }
  anchors.sort((a, b) => a.start - b.start);

  const drafts: Draft[] = [];
  let consumedUntil = -1;
  for (const a of anchors) {
    if (a.start < consumedUntil) continue;
    // a subset or breakdown extends the group before it; left alone, it is an elided figure at most
    const toll = a.phrase ? tollDraft(s, a) : null;
    if (toll) {
      drafts.push(toll);
      consumedUntil = toll.end;
      continue;
    }
    const partOfGroup = a.phrase && (a.phrase.role === 'subset' || a.phrase.role === 'breakdown');
    const group = partOfGroup ? null : readGroup(s, a, anchors);
    if (!group) {
      const e = a.phrase ? elidedDraft(s, a, anchors, previous) : null;
      if (e) {
        drafts.push(e);
        consumedUntil = e.end;
      }
      continue;
    }
    const d = classify(s, group);
    if (d) {
      const prev = drafts[drafts.length - 1];
      // "launched five missiles and 12 drones", "two drones and a missile were shot down": one verb for both
      drafts.push(shareVerb(s, prev, d, prev));
      if (prev) drafts[drafts.length - 2] = shareVerb(s, d, prev, prev);
      consumedUntil = group.end;
    }
  }
  return drafts;
}

// "dozens of civilians", "hundreds of people": a collective number reaches its noun through "of"
const COLLECTIVE = /(?:dozens|hundreds|thousands|scores|tens|millions|dozen|handful|number|couple)$/i;

function readGroup(s: string, first: Anchor, anchors: Anchor[]): Group | null {
  const of = COLLECTIVE.test(s.slice(first.start, first.end)) ? /^\s+of\s+/.exec(s.slice(first.end)) : null;
  const np = readNounPhrase(s, first.end + (of ? of[0].length : 0));
  if (!np) return null;
  const nps = [np];
  const used = [first];
  let end = np.end;
  // joined groups: ", an American contractor and a British soldier", "& a Briton", "and 900 in Syria"
  for (;;) {
    const rest = s.slice(end);
    const place = /^\s+(?:in|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s?){1,3}/u.exec(rest);
    const afterPlace = place ? end + place[0].trimEnd().length : end;
    const j = /^(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|plus)\s+|\s*&\s*)/.exec(s.slice(afterPlace));
    if (!j) break;
    const at = afterPlace + j[0].length;
    const next = anchors.find((x) => x.start === at);
    if (!next) break;
    const nextNp = readNounPhrase(s, next.end);
    // "900 in Syria": an elided noun after a place is the same group ("2,500 troops in Iraq and 900 in Syria")
    const elided = !nextNp && /^\s+(?:in|at)\s+\p{Lu}/u.test(s.slice(next.end));
    if (place && !elided) break;
    if (!nextNp && !elided) break;
    if (nextNp && next.article && !(personHead(nextNp.head) || munitionOf(nextNp.head))) break;
    // "14 dead and 20 wounded", "five missiles and 12 drones": two figures of two measures, not one group
    if (nextNp && (CASUALTY_NOUNS[np.head] ?? null) !== (CASUALTY_NOUNS[nextNp.head] ?? null)) break;
    if (nextNp && munitionOf(np.head) && munitionOf(nextNp.head) && munitionOf(np.head) !== munitionOf(nextNp.head)) break;
    used.push(next);
    if (nextNp) nps.push(nextNp);
    end = elided ? next.end + (/^\s+(?:in|at)\s+(?:\p{Lu}[\p{L}'’.-]*\s?){1,3}/u.exec(s.slice(next.end))?.[0].trimEnd().length ?? 0) : nextNp!.end;
  }
  const mainEnd = end;
  // subset: ", including five seriously"
  const sub = /^\s*,?\s*(?:including|among them|of whom|of them|of which)\s+/.exec(s.slice(end));
  if (sub) {
    const at = end + sub[0].length;
    const x = anchors.find((y) => y.start === at && !y.article);
    if (x) {
      const tail = /^(?:\s+[\w.-]+){0,3}?(?=\s*(?:[,;.]|$|\s+and\s))/.exec(s.slice(x.end));
      end = x.end + (tail ? tail[0].length : 0);
      used.push(x);
    }
  }
  // breakdown: "…, with 57 in Iraq and 83 in Syria", possibly after one prepositional phrase
  const pp = /^\s+(?:on|against|in|at|across)\s+[\w.’'-]+(?:\s+[\w.’'-]+){0,4}?(?=,\s*with\s)/.exec(s.slice(end));
  const bd = /^,\s*with\s+/.exec(s.slice(end + (pp ? pp[0].length : 0)));
  if (bd) {
    let at = end + (pp ? pp[0].length : 0) + bd[0].length;
    for (;;) {
      const x = anchors.find((y) => y.start === at && !y.article);
      if (!x) break;
      const place = /^\s+(?:in|at|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s?){1,3}/u.exec(s.slice(x.end));
      if (!place) break;
      end = x.end + place[0].trimEnd().length;
      used.push(x);
      const j = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)/.exec(s.slice(end));
      if (!j) break;
      at = end + j[0].length;
    }
  }
  return { start: first.start, end, nps, mainEnd, anchors: used };
}

function figureOf(s: string, g: Group): (ReturnType<typeof parseFigure> & object) | null {
  return parseFigure(s.slice(g.start, g.end));
}

function toFigure(raw: string, f: { low: number | null; best: number | null; high: number | null; qualifier: Figure['qualifier'] }): Figure {
  return { raw, low: f.low, best: f.best, high: f.high, qualifier: f.qualifier, rules: FIGURE_RULES_VERSION };
}

/** The casualty predicate after a group, within its clause: "were killed", "was reported injured". */
function predicateAfter(s: string, from: number): { end: number; measure: string } | null {
  const rest = s.slice(from, from + 160);
  const words = /[^\s]+/g;
  let m: RegExpExecArray | null;
  let n = 0;
  let commas = 0;
  while ((m = words.exec(rest)) && n < 14) {
    const at = m.index;
    const tail = rest.slice(at);
    const aux =
      /^(?:(?:were|was|are|is|have|has|had|got|been|being|be|reportedly|reported|also|later|all|both|each|subsequently|confirmed|said to have been|believed to have been|thought to have been|feared|initially|later|then|(?!family\b|ally\b|rally\b|assembly\b)\w{2,}ly)\s+){0,4}/i.exec(
        tail,
      )![0];
    for (const [re, measure] of CASUALTY_PREDICATES) {
      const p = re.exec(tail.slice(aux.length));
      if (p && (aux || n === 0 || /^(?:died|perished|suffered|sustained|lost)/i.test(p[0]))) {
        return { end: from + at + aux.length + p[0].length, measure };
      }
    }
    const w = m[0].toLowerCase().replace(/[^a-z;:,()"“”]/g, '');
    // punctuation ends the clause; the dots of an abbreviation ("U.S.") do not
    if (/[;:()"“”]/.test(m[0]) || (/[.!?]$/.test(m[0]) && !/^(?:\p{L}\.)+$/u.test(m[0]))) return null;
    if (/,$/.test(m[0])) commas++;
    if (commas > 2) return null;
    if (n > 0 && /^(?:when|while|after|before|because|but|although|though|where|since|until|if|as|said|says|told|which|whom|and|or|than|so|then)$/.test(w))
      return null;
    if (n > 0 && /^(?:who|that)$/.test(w) && n > 1) return null;
    // a number or article starts another group, unless it opens a phrase after "of" ("a member of a special unit was killed")
    const afterOf = /\bof\s+$/i.test(rest.slice(0, at));
    if (/^\d/.test(m[0]) || (/^(?:an?|one|two|three|four|five|six|seven|eight|nine|ten)$/.test(w) && n > 0 && !(afterOf && /^(?:an?|the)$/.test(w))))
      return null;
    n++;
  }
  return null;
}

const SEVERITY = /\b(?:seriously|critically|severely|badly|gravely|serious|critical)\b/i;

function classify(s: string, g: Group): Draft | null {
  const head = g.nps[g.nps.length - 1].head;
  const firstHead = g.nps[0].head;
  const written = g.anchors.some((a) => !a.article);
  const parsed = figureOf(s, g);
  if (!parsed) return null;
  const raw = s.slice(g.start, g.end);
  const figure = toFigure(raw, parsed);
  const before = s.slice(Math.max(0, g.start - 60), g.start);
  const groupText = s.slice(g.start, g.mainEnd);
  const articleOnly = !written;

  // --- casualty nouns: "eight injuries", "14 dead", "several deaths"
  const casNoun = CASUALTY_NOUNS[firstHead] ?? CASUALTY_NOUNS[head];
  if (casNoun && !articleOnly) {
    const verb =
      /\b(?:caused|causing|cause|suffered|suffering|sustained|resulted in|resulting in|left|leaving|reported|reporting|with|inflicted|inflicting)\s+(?:\w+\s+)?$/i.exec(
        before,
      );
    const start = verb ? g.start - (before.length - verb.index) : g.start;
    const d = emptyDraft('casualties', start, g.mainEnd, 'casualties/noun', 0.85);
    d.measure = casNoun;
    d.figure = figure;
    d.population = { nationality: null, affiliation: 'unknown', side: null };
    d.parts = subsetParts(parsed, casNoun);
    return d;
  }

  // --- people (and any other counted noun a casualty word governs: "23 shoppers", "nine pilgrims")
  const thing =
    munitionOf(head) ||
    ATTACK_NOUNS[head] ||
    TARGET_NOUNS.has(head) ||
    /^(?:year|month|week|day|hour|minute|mile|kilomet|meter|metre|percent|time|dollar)/.test(head);
  if (personHead(head) || personHead(firstHead) || !thing) {
    const pre = CASUALTY_BEFORE.find(([re]) => re.test(before));
    const post = pre ? null : predicateAfter(s, g.end);
    const people = personHead(head) || personHead(firstHead);
    // "captured three towns", "seized 12 trucks": only people are detained
    const detainedThing = !people && (pre ? pre[1] : post?.measure) === 'detained';
    if ((pre || post) && (people || !articleOnly) && !detainedThing) {
      const measure = pre ? pre[1] : post!.measure;
      const preMatch = pre ? pre[0].exec(before)! : null;
      const start = preMatch ? g.start - (before.length - preMatch.index) + (preMatch[0].length - preMatch[0].trimStart().length) : g.start;
      const end = post ? post.end : g.end;
      const d = emptyDraft('casualties', start, end, pre ? 'casualties/verb-before' : 'casualties/predicate', articleOnly ? 0.7 : 0.9);
      d.measure = measure;
      d.figure = figure;
      fillPopulation(d, s, g, parsed, measure);
      // a subset after the predicate: "nine people were killed, including six children"
      const tail = !d.parts.some((p) => p.subset) ? trailingSubset(s, end, measure) : null;
      if (tail) {
        d.parts.push(...tail.parts);
        d.end = tail.end;
      }
      return d;
    }
    // troops kept somewhere: "has 900 troops in Syria"
    const aff = PERSON_NOUNS[head];
    if (!articleOnly && aff === 'military' && DEPLOY_BEFORE.test(before) && /^\s+(?:in|at|across|to|inside)\b/i.test(s.slice(g.nps[0].end))) {
      const d = emptyDraft('count', g.start, g.end, 'count/troops-deployed', 0.6);
      d.measure = 'troops_deployed';
      d.figure = figure;
      fillPopulation(d, s, g, parsed, 'troops_deployed');
      return d;
    }
    if (personHead(head) || personHead(firstHead)) return null;
  }

  // --- weapons
  const mun = munitionOf(head);
  if (mun) {
    const { how, start: from, end: to } = munitionVerbs(s, g.start, g.end);
    if (articleOnly && !how && !/\b(?:with|by|from|using)\s+$/i.test(before)) return null;
    // weapons found or seized are not weapons used ("24 missiles were discovered ready to launch")
    if (!how && (SEIZED.test(s.slice(g.end, g.end + 40)) || SEIZED_BEFORE.test(before))) return null;
    const start = from;
    const end = to;
    const d = emptyDraft('munitions', start, end, `munitions/${how ?? 'mentioned'}`, how ? 0.85 : 0.6);
    d.measure = munitionMeasure(mun, how);
    // "a barrage of rockets": the article counts the barrage; how many rockets is not said
    d.figure = articleOnly && g.nps[0].series ? null : figure;
    d.weapon = weaponName(g.nps[g.nps.length - 1]);
    return d;
  }

  if (articleOnly) return null;

  // --- attacks and strikes, and series of them
  const attack = ATTACK_NOUNS[head] ?? ATTACK_NOUNS[head.split(' ').pop() ?? ''];
  if (attack) {
    const np = g.nps[0];
    const series = np.series;
    // "One airstrike flattened a building": one attack is the subject of the sentence, not a count
    if (!series && g.anchors.length === 1 && parsed.low === 1 && parsed.high === 1) return null;
    let end = g.end;
    const pp = /^\s+(?:against|on|in|at)\s+[\p{L}\d.’'-]+(?:\s+[\p{L}\d.’'-]+){0,4}?(?=[,;.]|\s+(?:with|since|as|and|that|which)\b|$)/u.exec(s.slice(end));
    if (pp && pp[0].length < 60) end += pp[0].trimEnd().length;
    const d = emptyDraft('count', g.start, end, series ? 'count/series' : 'count/attacks', 0.8);
    d.measure = series ? `${attack === 'strikes' ? 'strike' : 'attack'}_series` : attack;
    d.figure = figure;
    d.parts = breakdownParts(parsed);
    return d;
  }

  // --- targets struck: "targeted five weapon storage facilities"
  if (TARGET_NOUNS.has(head) || TARGET_NOUNS.has(singular(g.nps[0].headRaw))) {
    const strike = STRIKE_BEFORE.exec(before);
    if (!strike) return null;
    const start = g.start - (before.length - strike.index);
    const d = emptyDraft('count', start, g.end, 'count/targets-struck', 0.75);
    d.measure = 'targets_struck';
    d.figure = figure;
    return d;
  }
  return null;
}

const SEIZED = /^\s+(?:(?:were|was|had been|have been)\s+)?(?:\w+ly\s+)?(?:discovered|found|seized|recovered|confiscated|captured|stored|stockpiled|seen)\b/i;
const SEIZED_BEFORE = /\b(?:discovered|found|seized|recovered|confiscated|captured|stored|stockpiled)\s+(?:[\w-]+\s+){0,2}$/i;

type How = 'fired' | 'impacted' | 'intercepted';

/** The verbs around a weapon group (from `start` to `end`): fired, landed or intercepted, and the span they add, with the target. */
function munitionVerbs(s: string, start: number, end: number): { how: How | null; start: number; end: number } {
  const before = s.slice(Math.max(0, start - 60), start);
  // "attacked the city overnight with 23 drones": the weapons of an attack were fired
  const fireBefore =
    FIRE_BEFORE.exec(before) ??
    /\b(?:attack(?:ed|ing)?|struck|striking|target(?:ed|ing)|hit|bombard(?:ed|ing)|pound(?:ed|ing))\b[^.;:]{0,60}?\bwith\s+$/i.exec(before);
  const interceptBefore = INTERCEPT_BEFORE.exec(before);
  const rest = s.slice(end);
  const afterOffset = rest.length - rest.trimStart().length;
  const after = FIRE_AFTER.exec(rest.trimStart());
  let how: How | null = null;
  if (interceptBefore) how = 'intercepted';
  else if (after)
    how = /landed|struck|hit|impacted|fell|exploded|slammed|crashed/i.test(after[1])
      ? 'impacted'
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
function shareVerb(s: string, from: Draft | undefined, d: Draft, first: Draft | undefined): Draft {
  if (!from || !first || from.kind !== 'munitions' || d.kind !== 'munitions' || !d.rule.endsWith('/mentioned')) return d;
  const how = /\/(fired|impacted|intercepted)$/.exec(from.rule)?.[1] as How | undefined;
  const second = first === from ? d : from;
  if (!how || !/^\s*,?\s*(?:and|as well as|plus|along with)\s+$/i.test(s.slice(first.end, second.start))) return d;
  const mun = (d.measure ?? '').replace(/_(?:fired|impacted|intercepted)$/, '');
  return { ...d, measure: munitionMeasure(mun, how), rule: `munitions/${how}`, confidence: 0.8 };
}

const munitionMeasure = (mun: string, how: How | null): string =>
  mun === 'rockets' ? `rockets_${how ?? 'fired'}` : how === 'intercepted' ? `${mun}_intercepted` : mun;

/** The last weapon noun in a text ("… 30 Katyusha rockets were fired"), for a figure that elides it. */
function lastWeapon(text: string): { name: string; mun: string } | null {
  let found: { name: string; mun: string } | null = null;
  for (const m of text.matchAll(/[\p{L}-]+/gu)) {
    const mun = munitionOf(singular(m[0]));
    if (mun) found = { name: singular(m[0]), mun };
  }
  return found;
}

// "the death toll … rose to 87", "bringing the toll to 204", "a death toll of 12": the figure a
// toll reaches is a casualty claim, usually the cumulative one that sources revise
const TOLL_BEFORE =
  /\b((?:(?:bringing|raising|taking|pushing|putting|lifting)\s+)?(?:(?:[Dd]eath|[Cc]asualty|[Ii]njury|[Cc]ivilian|[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]fficial|[Oo]verall|[Tt]otal|[Ff]inal|[Ll]atest|[Nn]ew|[Pp]rovisional|\p{Lu}[\p{Ll}'’-]+(?:an|ian|i|ese|ish|ch))\s+){0,4}[Tt]oll)\b(?:[^.;:!?]{0,150}?)\b(?:to|at|of|reached|hit|passed|surpassed|exceeded|topped|is|was|stood at|stands at|climbed to|rose to|(?:gone|went|go|goes)(?=\s+up\s+to\s+$))\s+$/u;

function tollDraft(s: string, a: Anchor): Draft | null {
  // "the toll had gone up to 21": "up to" belongs to the verb here, not a bound on the number
  const upTo = /^up\s+to\s+/i.exec(s.slice(a.start, a.end));
  const before = s.slice(Math.max(0, a.start - 220), a.start) + (upTo ? upTo[0] : '');
  const m = TOLL_BEFORE.exec(before);
  if (!m || (upTo && !/(?:gone|went|go|goes)\s+up\s+to\s+$/i.test(before))) return null;
  const parsed = parseFigure(s.slice(a.start + (upTo ? upTo[0].length : 0), a.end));
  if (!parsed) return null;
  const np = readNounPhrase(s, a.end);
  const people = np && personHead(np.head) ? np : null;
  if (np && !people && !/^(?:dead|killed|deaths?|fatalities|victims?)$/i.test(np.headRaw)) return null;
  const start = a.start + (upTo ? upTo[0].length : 0) - (before.length - m.index) + (m[0].length - m[0].trimStart().length);
  const injury = /\binjury\s+toll\b/i.test(m[1]);
  const d = emptyDraft('casualties', start, np ? np.end : a.end, 'casualties/toll', 0.8);
  d.measure = injury ? 'wounded' : 'killed';
  d.figure = toFigure(s.slice(a.start, np ? np.end : a.end), parsed);
  d.population = populationOf(`${m[1]} ${people ? s.slice(a.start, people.end) : ''}`, people?.head ?? 'people', s);
  return d;
}

// "18 of the 23 drones", "of which 11 were downed", "Of those, 18 landed", "two were killed": a
// figure whose noun is elided or partitive. It is a claim only with a verb that says what happened
// to the things it counts, and its noun is named in the partitive or just before.
const PARTITIVE = /^\s+of\s+(?:(which|them|those|these|whom)\b|the\s+)/i;

function elidedDraft(s: string, a: Anchor, anchors: Anchor[], previous: string): Draft | null {
  const parsed = parseFigure(s.slice(a.start, a.end));
  if (!parsed) return null;
  let at = a.end;
  let np: NounPhrase | null = null;
  const part = PARTITIVE.exec(s.slice(at));
  if (part) {
    at += part[0].length;
    if (!part[1]) {
      const total = anchors.find((x) => x.start === at && x.phrase);
      np = readNounPhrase(s, total ? total.end : at);
      if (!np) return null;
      at = np.end;
    }
  }
  const figure = toFigure(s.slice(a.start, a.end), parsed);
  if (!np || personHead(np.head)) {
    // casualties: the predicate right after ("two were killed", "three of them died")
    // with the noun named ("four of the 25 people aboard were killed") the predicate may be as far
    // as after any group; with the noun elided it must follow at once ("two were killed")
    const post = predicateAfter(s, at);
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

/**
 * A subset named after a casualty predicate: "…were killed, including six children and a woman",
 * "…wounded six patients, one of them seriously". Parts are subsets of the figure before.
 */
function trailingSubset(s: string, from: number, measure: string): { end: number; parts: Part[] } | null {
  const rest = s.slice(from);
  const lead = /^\s*,?\s*(?:including|among them|among whom|among those (?:killed|wounded|injured|dead))\s+/i.exec(rest);
  if (lead) {
    const parts: Part[] = [];
    let at = from + lead[0].length;
    let end = from;
    for (;;) {
      const [n] = findNumberPhrases(s.slice(at, at + 40));
      const article = /^(?:an?|one)\s+/i.exec(s.slice(at));
      const numEnd = n && n.start === 0 ? at + n.end : article ? at + article[0].length - 1 : -1;
      if (numEnd < 0) break;
      const np = readNounPhrase(s, numEnd);
      if (!np) break;
      const value = n && n.start === 0 ? n : { low: 1, best: 1, high: 1, qualifier: 'exact' as const };
      const raw = s.slice(at, np.end);
      parts.push({
        population: populationOf(raw, np.head, s),
        figure: toFigure(raw, value),
        subset: true,
        measure: measure === 'wounded' && SEVERITY.test(raw) ? 'wounded_serious' : null,
      });
      end = np.end;
      const j = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)/.exec(s.slice(end));
      if (!j) break;
      at = end + j[0].length;
    }
    return parts.length ? { end, parts } : null;
  }
  const ofThem =
    /^\s*,\s*([\w-]+) of (?:them|whom)\s+(?:(?:were|was|are|is)\s+)?(?:(?:in\s+)?(?:a\s+)?([\w-]+ly|serious|critical|severe|grave)\b(?:\s+condition)?)/i.exec(
      rest,
    );
  if (ofThem) {
    const [n] = findNumberPhrases(ofThem[1]);
    if (!n) return null;
    return {
      end: from + ofThem[0].length,
      parts: [
        {
          population: { nationality: null, affiliation: 'unknown', side: null },
          figure: toFigure(ofThem[1], n),
          subset: true,
          measure: measure === 'wounded' && SEVERITY.test(ofThem[2]) ? 'wounded_serious' : null,
        },
      ],
    };
  }
  return null;
}

function weaponName(np: NounPhrase): string {
  const of = np.series ? np.words.findIndex((w) => /^of$/i.test(w)) : -1;
  const words = np.words.slice(of + 1).filter((w) => !/^(?:such|other|more|the|these|those|of)$/i.test(w));
  // "drones and missiles" → "drone and missile": each coordinated weapon in the singular
  return words
    .join(' ')
    .split(/\s+(and|or)\s+/)
    .map((p) => (/^(?:and|or)$/.test(p) ? p : singularPhrase(p)))
    .join(' ');
}
const singularPhrase = (p: string) => p.replace(/(\S+)$/, (w) => (/^[A-Z]/.test(w) ? w.replace(/s$/, '') : singular(w)));

function subsetParts(parsed: NonNullable<ReturnType<typeof parseFigure>>, measure: string): Part[] {
  return parsed.parts
    .filter((p) => p.subset)
    .map((p) => ({
      population: { nationality: null, affiliation: 'unknown' as const, side: null },
      figure: toFigure(p.raw, p),
      subset: true,
      measure: measure === 'wounded' && SEVERITY.test(p.head) ? 'wounded_serious' : null,
    }));
}

function breakdownParts(parsed: NonNullable<ReturnType<typeof parseFigure>>): Part[] {
  return parsed.parts
    .filter((p) => !p.subset)
    .map((p) => ({
      population: { nationality: null, affiliation: 'unknown' as const, side: null },
      figure: toFigure(p.raw, p),
      subset: false,
      place: partPlace(p.head),
    }));
}

function fillPopulation(d: Draft, s: string, g: Group, parsed: NonNullable<ReturnType<typeof parseFigure>>, measure: string): void {
  const lastHead = g.nps[g.nps.length - 1].head;
  const pops: Population[] = g.nps.map((np, i) => {
    // "one British and two U.S. service members": an adjective-only group borrows the last head noun
    const h = PERSON_NOUNS[np.head] !== undefined ? np.head : lastHead;
    const words = s.slice(g.anchors[i]?.start ?? np.start, np.end);
    return populationOf(words, NATIONALITIES[np.head] !== undefined && PERSON_NOUNS[h] === undefined ? np.head : h, s);
  });
  const joined = parsed.parts.filter((p) => !p.subset);
  if (joined.length >= 2 && g.nps.length === joined.length) {
    d.parts = joined.map((p, i) => ({
      population: pops[i],
      figure: toFigure(p.raw, p),
      subset: false,
      ...(measure === 'troops_deployed' ? { place: partPlace(p.head) } : {}),
    }));
    d.population = commonPopulation(pops);
  } else if (joined.length >= 2 && measure === 'troops_deployed') {
    d.parts = joined.map((p) => ({
      population: pops[0],
      figure: toFigure(p.raw, p),
      subset: false,
      place: partPlace(p.head),
    }));
    d.population = pops[0];
  } else {
    d.population = pops[0];
  }
  d.parts.push(...subsetParts(parsed, measure));
}
