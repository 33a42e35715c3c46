// Casualty figures: the predicate after a group, death and injury tolls, subsets and breakdowns, and the population counted.
import { findNumberPhrases, parseFigure } from '../../figures/figures.ts';
import type { Part, Population } from '../../model/claims.ts';
import { CASUALTY_NOUNS, CASUALTY_PREDICATES, NATIONALITIES, PERSON_NOUNS, singular } from '../lexicon.ts';
import { commonPopulation, populationOf } from '../population.ts';
import { partPlace } from '../../compare/places.ts';
import { readNounPhrase } from '../words.ts';
import { emptyDraft, type Draft } from '../draft.ts';
import { type Anchor, type Group, personHead, toFigure } from './common.ts';

/** The casualty predicate after a group, within its clause: "were killed", "was reported injured". */
export function predicateAfter(s: string, from: number): { end: number; measure: string } | null {
  const rest = s.slice(from, from + 160);
  const words = /[^\s]+/g;
  let m: RegExpExecArray | null;
  let n = 0;
  let commas = 0;
  while ((m = words.exec(rest)) && n < 14) {
    const at = m.index;
    const tail = rest.slice(at);
    const aux =
      /^(?:(?:were|was|are|is|have|has|had|got|been|being|be|remain|remains|remained|still|reportedly|reported|also|later|all|both|each|subsequently|confirmed|said to have been|believed to have been|thought to have been|feared|believed|presumed|thought|initially|later|then|(?!family\b|ally\b|rally\b|assembly\b)\w{2,}ly)\s+){0,4}/i.exec(
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

// "Five people, including two children who were sheltering in a school, were killed": the predicate
// comes after an aside between commas that names a subset of the group
export const ASIDE = /^\s*,\s*(?:including|among them|most of them|many of them|mostly|all of them)\b[^,;:.!?]{0,100},/i;

/** The predicate after an aside at `at` ("nine of its staff, including doctors and drivers, were killed"), or null. */
export function predicateAfterAsideAt(s: string, at: number): { end: number; measure: string } | null {
  const aside = ASIDE.exec(s.slice(at));
  return aside ? predicateAfter(s, at + aside[0].length) : null;
}

const SUBSET_SKIP = /^\s+(?:from|of|in|at|across|on|near|inside|aboard)\s+(?:[\p{L}\d'’.-]+\s+){0,6}?[\p{L}\d'’.-]+(?=,\s*(?:including|among them)\s)/iu;

const SEVERITY = /\b(?:seriously|critically|severely|badly|gravely|serious|critical)\b/i;

// "the death toll … rose to 87", "bringing the toll to 204", "a death toll of 12": the figure a
// toll reaches is a casualty claim, usually the cumulative one that sources revise
const TOLL_BEFORE =
  /\b((?:(?:bringing|raising|taking|pushing|putting|lifting)\s+)?(?:(?:[Dd]eath|[Cc]asualty|[Ii]njury|[Cc]ivilian|[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]fficial|[Oo]verall|[Tt]otal|[Ff]inal|[Ll]atest|[Nn]ew|[Pp]rovisional|\p{Lu}[\p{Ll}'’-]+(?:an|ian|i|ese|ish|ch))\s+){0,4}[Tt]oll)\b(?:[^.;:!?]{0,150}?)\b(?:to|at|of|reached|hit|passed|surpassed|exceeded|topped|is|was|stood at|stands at|climbed to|rose to|(?:gone|went|go|goes)(?=\s+up\s+to\s+$))\s+$/u;

export function tollDraft(s: string, a: Anchor): Draft | null {
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

/**
 * A subset named after a casualty predicate: "…were killed, including six children and a woman",
 * "…wounded six patients, one of them seriously". Parts are subsets of the figure before.
 */
export function trailingSubset(s: string, from: number, measure: string): { end: number; parts: Part[] } | null {
  // the subset may come after where, when or whose the people were ("killed four people from one
  // family, including two children", "killed 32 across Gaza on Sunday, including 10 in a school")
  const skip = SUBSET_SKIP.exec(s.slice(from));
  const rest = s.slice(from + (skip ? skip[0].length : 0));
  const lead = /^\s*,?\s*(?:including|among them|among whom|among those (?:killed|wounded|injured|dead))\s+/i.exec(rest);
  if (lead && skip) from += skip[0].length;
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
      // "…, including a child, and 12 injured": a casualty noun starts a figure of its own
      // "…, and 30 others were wounded": others start a figure of their own too
      // "…, including a baby boy, and a massive fire broke out": a part is people, not the next clause's subject
      if (!np || CASUALTY_NOUNS[np.head] !== undefined || /^others$/i.test(np.headRaw) || !personHead(np.head)) break;
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

export const singularPhrase = (p: string) => p.replace(/(\S+)$/, (w) => (/^[A-Z]/.test(w) ? w.replace(/s$/, '') : singular(w)));

export function subsetParts(parsed: NonNullable<ReturnType<typeof parseFigure>>, measure: string): Part[] {
  return parsed.parts
    .filter((p) => p.subset)
    .map((p) => ({
      population: { nationality: null, affiliation: 'unknown' as const, side: null },
      figure: toFigure(p.raw, p),
      subset: true,
      measure: measure === 'wounded' && SEVERITY.test(p.head) ? 'wounded_serious' : null,
    }));
}

export function breakdownParts(parsed: NonNullable<ReturnType<typeof parseFigure>>): Part[] {
  return parsed.parts
    .filter((p) => !p.subset)
    .map((p) => ({
      population: { nationality: null, affiliation: 'unknown' as const, side: null },
      figure: toFigure(p.raw, p),
      subset: false,
      place: partPlace(p.head),
    }));
}

export function fillPopulation(d: Draft, s: string, g: Group, parsed: NonNullable<ReturnType<typeof parseFigure>>, measure: string): void {
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
