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
//
// Casualty figures are read in figures/casualties.ts, munition figures in figures/munitions.ts,
// the pieces both use in figures/common.ts; this module finds the groups and classifies them.
import { numberPhrases } from './numbers.ts';
import { ATTACK_NOUNS, CASUALTY_BEFORE, CASUALTY_NOUNS, DEPLOY_BEFORE, PERSON_NOUNS, STRIKE_BEFORE, TARGET_NOUNS, singular } from './lexicon.ts';
import { readNounPhrase } from './words.ts';
import { populationOf } from './population.ts';
import { timesDrafts } from './figures/times.ts';
import { attackerDrafts } from './figures/attackers.ts';
import { emptyDraft, type Draft } from './draft.ts';
import { ASIDE, breakdownParts, fillPopulation, predicateAfter, subsetParts, tollDraft, trailingSubset } from './figures/casualties.ts';
import { type Anchor, type Group, figureOf, munitionOf, personHead, toFigure } from './figures/common.ts';
import { SEIZED, SEIZED_BEFORE, elidedDrafts, munitionMeasure, munitionVerbs, shareVerb, weaponName } from './figures/munitions.ts';

const AGE_AFTER = /^(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)old\b/i;
const ARTICLE = /\b(an?|one|single)\s+(?=\S)/gi;
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
  const times = [...timesDrafts(s), ...attackerDrafts(s)];
  if (!WORTH_READING.test(s)) return times;
  // an age is not a count: "a 12-year-old boy" is one boy
  const phrases = numberPhrases(s).filter((p) => !AGE_AFTER.test(s.slice(p.end, p.end + 16)));
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
      const e = a.phrase ? elidedDrafts(s, a, anchors, previous) : [];
      if (e.length) {
        drafts.push(...e);
        consumedUntil = Math.max(...e.map((x) => x.end));
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
  return [...drafts, ...times.filter((t) => !drafts.some((d) => d.start < t.end && t.start < d.end))];
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
    // "a mother and her three children": a possessive before the joined figure is part of the group
    const poss = /^(?:his|her|their|its)\s+/i.exec(s.slice(afterPlace + j[0].length));
    const at = afterPlace + j[0].length + (poss ? poss[0].length : 0);
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
    // "three missiles and three remotely controlled boats": weapons and what is not a weapon are two groups
    if (nextNp && !!munitionOf(np.head) !== !!munitionOf(nextNp.head)) break;
    used.push(next);
    if (nextNp) nps.push(nextNp);
    end = elided ? next.end + (/^\s+(?:in|at)\s+(?:\p{Lu}[\p{L}'’.-]*\s?){1,3}/u.exec(s.slice(next.end))?.[0].trimEnd().length ?? 0) : nextNp!.end;
  }
  const mainEnd = end;
  // subset: ", including five seriously"
  const sub = /^\s*,?\s*(?:including|among them|of whom|of them|of which)\s+/.exec(s.slice(end));
  // "48 drones and three missiles, of which 40 drones were shot down": of weapons, what follows
  // "of which" is what happened to some of them (its own measure), not a subset of the count
  if (sub && !(munitionOf(np.head) && /of (?:which|them)/.test(sub[0]))) {
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

function predicateAfterAside(s: string, g: Group): ReturnType<typeof predicateAfter> {
  const aside = ASIDE.exec(s.slice(g.mainEnd));
  return aside && g.mainEnd + aside[0].length >= g.end ? predicateAfter(s, g.mainEnd + aside[0].length) : null;
}

const TARGET_LEAD = /^\s+(?:against|on|targeting|aimed at)\s+(?:the\s+)?/i;
function targetPopulation(s: string, from: number): Draft['population'] {
  const lead = TARGET_LEAD.exec(s.slice(from));
  const np = lead ? readNounPhrase(s, from + lead[0].length) : null;
  if (!np) return null;
  const words = s.slice(from + lead![0].length, np.end);
  // "attacks on American forces": forces are no person noun of casualty counts, but a target they are
  if (np.head === 'force') return { ...populationOf(words, 'troop', s), ...(/\bpolice\b/i.test(words) ? { affiliation: 'police' as const } : {}) };
  return personHead(np.head) ? populationOf(words, np.head, s) : null;
}

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
    const post = pre ? null : (predicateAfter(s, g.end) ?? predicateAfterAside(s, g));
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
    // whose attacks they were is the attribution's; whom they targeted is the count's population
    // ("45 attacks against U.S. troops": US military), as a fact-checker compares counts of one target
    d.population = targetPopulation(s, g.end);
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
