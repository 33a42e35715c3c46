// Casualty frames the grammar of figures.ts does not read, as data rows with their examples (the
// examples run as tests in frames.test.ts): lists of counted groups with places between them
// ("Two soldiers in Mali and three civilians in Burkina Faso died"), a group with a phrase before its
// predicate ("two guards at a substation had been killed", "have since been killed"), copular lists
// ("Among the victims were 4 women and 10 children", "The dead included …", "… were among the
// fatalities"), lives lost or claimed, "bring to N the number of … killed" and "with N others injured".
// A frame's draft replaces a shorter casualty draft inside its span (the list is the claim) and
// yields to any other that overlaps it.
import { qualify, type NumberPhrase } from '../../figures/figures.ts';
import { numberPhrases } from '../numbers.ts';
import type { Part } from '../../model/claims.ts';
import { CASUALTY_BEFORE, CASUALTY_PREDICATES } from '../lexicon.ts';
import { commonPopulation, populationOf } from '../population.ts';
import { readNounPhrase } from '../words.ts';
import { emptyDraft, type Draft } from '../draft.ts';
import { personHead, toFigure } from './common.ts';
import { trailingSubset } from './casualties.ts';

export interface FrameRow {
  id: string;
  makes: string;
  must: Array<{ text: string; measure: string; figure: [number | null, number | null, number | null]; parts?: number[] }>;
  mustNot: string[];
}

export const FRAME_ROWS: FrameRow[] = [
  {
    id: 'casualties/list-predicate',
    makes: 'counted groups, places between them allowed, then a casualty predicate: the sum, each group a part',
    must: [
      { text: 'Two soldiers in Mali and three civilians in Burkina Faso died in attacks on Tuesday.', measure: 'killed', figure: [5, 5, 5], parts: [2, 3] },
      { text: 'The governor said two security guards at an electricity substation had been killed.', measure: 'killed', figure: [2, 2, 2] },
      { text: 'More than 300 Palestinians have since been killed in the camp.', measure: 'killed', figure: [301, 301, null] },
    ],
    mustNot: ['Two soldiers in Mali said three civilians in the town were fine.'],
  },
  {
    id: 'casualties/copular-list',
    makes: 'a list said to be among, or included in, the dead or wounded: the sum, each group a subset part',
    must: [
      { text: 'Among the victims were 4 women and 10 children.', measure: 'killed', figure: [14, 14, 14], parts: [4, 10] },
      { text: 'The dead included eight women and six children, according to a list.', measure: 'killed', figure: [14, 14, 14], parts: [8, 6] },
      { text: 'Four children and four women were among the fatalities.', measure: 'killed', figure: [8, 8, 8], parts: [4, 4] },
      { text: 'Five civilians were among those killed.', measure: 'killed', figure: [5, 5, 5], parts: [5] },
      { text: 'Among the wounded were three medics.', measure: 'wounded', figure: [3, 3, 3], parts: [3] },
      { text: 'Those killed included one member of the military.', measure: 'killed', figure: [1, 1, 1], parts: [1] },
      { text: 'Killed in the attack were three soldiers and two policemen.', measure: 'killed', figure: [5, 5, 5], parts: [3, 2] },
      { text: 'The governor said there were 15 children among the wounded.', measure: 'wounded', figure: [15, 15, 15], parts: [15] },
    ],
    mustNot: ['Among the speakers were four ministers.'],
  },
  {
    id: 'casualties/toll-list',
    makes: 'a toll given as its groups: the sum killed, each group a part (not a subset)',
    must: [
      { text: 'The previous death toll was four soldiers and two civilians.', measure: 'killed', figure: [6, 6, 6], parts: [4, 2] },
      { text: 'The toll stood at 12 police officers and three bystanders.', measure: 'killed', figure: [15, 15, 15], parts: [12, 3] },
    ],
    mustNot: ['The toll was four soldiers, the army said.', 'The road toll was four dollars and two cents.'],
  },
  {
    id: 'casualties/lives',
    makes: 'lives lost, claimed or cost: killed',
    must: [
      { text: 'Such attacks have claimed more than 2,000 lives since 2015.', measure: 'killed', figure: [2001, 2001, null] },
      { text: 'Over 29,683 lives have been lost in the conflict.', measure: 'killed', figure: [29684, 29684, null] },
    ],
    mustNot: ['The programme has changed 2,000 lives for the better.'],
  },
  {
    id: 'casualties/number-of',
    makes: 'a toll stated as "the number of … killed / wounded" reaching a figure',
    must: [
      { text: 'The new deaths bring to 15 the number of Palestinians killed in the strikes.', measure: 'killed', figure: [15, 15, 15] },
      { text: 'The number of people wounded rose to 40.', measure: 'wounded', figure: [40, 40, 40] },
      { text: 'The number of dead is 12, the ministry said.', measure: 'killed', figure: [12, 12, 12] },
      { text: 'The strike brought the number of martyrs to 15.', measure: 'killed', figure: [15, 15, 15] },
    ],
    mustNot: ['The number of people displaced rose to 40,000.'],
  },
  {
    id: 'casualties/toll-modal',
    makes: 'a toll that could pass or reach a figure: killed, more than N for "pass", N for "reach"',
    must: [
      { text: 'Rescuers fear the death toll could pass 50.', measure: 'killed', figure: [51, 51, null] },
      { text: 'The toll may rise to 30.', measure: 'killed', figure: [30, 30, 30] },
    ],
    mustNot: ['The tolls on the motorway could pass 20 euros.'],
  },
  {
    id: 'casualties/verb-bare',
    makes: 'a casualty verb and a bare number ("killed nine and injured 30")',
    must: [
      { text: 'The explosion killed nine and injured 30.', measure: 'killed', figure: [9, 9, 9] },
      { text: 'The explosion killed nine and injured 30.', measure: 'wounded', figure: [30, 30, 30] },
      // the number may be followed by when, where or who said it
      { text: 'The strike killed 14 people and wounded at least 30 on Tuesday, the governor said.', measure: 'wounded', figure: [30, 30, null] },
      { text: 'Shelling killed one civilian and wounded four in the Kherson region.', measure: 'wounded', figure: [4, 4, 4] },
      { text: 'Drones wounded seven overnight, officials said.', measure: 'wounded', figure: [7, 7, 7] },
      // or by whose side they were on
      { text: 'The army said it killed seven from the attacking side.', measure: 'killed', figure: [7, 7, 7] },
    ],
    mustNot: ['The shelling killed nine years of work.', 'The drought has killed 40 percent of the herd.'],
  },
  {
    id: 'casualties/family-of',
    makes: 'a family of N killed or wounded: N civilians (the article counts the family, the number its members)',
    must: [
      { text: 'The drone strike killed a family of five in their home.', measure: 'killed', figure: [5, 5, 5] },
      { text: 'An airstrike on the house killed an entire family of seven, relatives said.', measure: 'killed', figure: [7, 7, 7] },
      { text: 'A family of four was killed when the shell hit.', measure: 'killed', figure: [4, 4, 4] },
    ],
    mustNot: ['A family of five fled the town on Tuesday.'],
  },
  {
    id: 'casualties/condition',
    makes: 'people in critical, serious or severe condition: wounded_serious',
    must: [
      { text: 'Four of the wounded are in critical condition.', measure: 'wounded_serious', figure: [4, 4, 4] },
      { text: 'Two patients remain in serious condition, the clinic said.', measure: 'wounded_serious', figure: [2, 2, 2] },
    ],
    mustNot: ['The bridge was in poor condition.'],
  },
  {
    id: 'casualties/with-others',
    makes: '"with N others injured": a further count of the same incident',
    must: [{ text: 'Fourteen were killed, with 17 others injured and taken to hospitals.', measure: 'wounded', figure: [17, 17, 17] }],
    mustNot: ['He travelled with 17 others to the border.'],
  },
];

const AUX = /^(?:\s*,)?\s+(?:(?:have|has|had|were|was|are|is|been|being|since|now|so\s+far|already|also|reportedly|all|both|later|subsequently)\s+)*/i;
const PLACE_PHRASE =
  /^\s+(?:in|at|from|near|on|inside|outside|across)\s+(?:the\s+|an?\s+)?(?:[\p{L}'’.-]+\s+){0,3}?[\p{L}'’.-]+(?=\s*(?:,|and\b|had\b|have\b|has\b|were\b|was\b|died\b|are\b|is\b))/iu;
const JOIN = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)/i;
// what may follow the bare number of "killed nine": the clause's end, or the when and where of it
// ("wounded at least 30 on Tuesday", "wounded four in the Kherson region", "wounded seven overnight")
const BARE_AFTER =
  /^(?:\s*(?:,|;|\.|—|–|$)|\s+(?:and|on|in|at|near|during|overnight|when|as|after|while|across|inside|outside|earlier|yesterday|today|this|last|early|late|including|according|from)\b)/i;
const MEASURE_NOUNS: Record<string, string> = {
  victims: 'killed',
  dead: 'killed',
  killed: 'killed',
  fatalities: 'killed',
  deaths: 'killed',
  wounded: 'wounded',
  injured: 'wounded',
  martyrs: 'killed',
};

interface Item {
  start: number;
  end: number;
  n: NumberPhrase;
  head: string;
  words: string;
}

/** A counted group of people starting at a number phrase: "two security guards". */
function itemAt(s: string, n: NumberPhrase): Item | null {
  const np = readNounPhrase(s, n.end);
  if (!np || !personHead(np.head)) return null;
  return { start: n.start, end: np.end, n, head: np.head, words: s.slice(n.start, np.end) };
}

/** Items joined by "and" / commas from `first`, each allowed one place phrase after it; returns the items and where the list ends. */
function readList(s: string, numbers: readonly NumberPhrase[], first: Item, places: boolean): { items: Item[]; end: number } {
  const items = [first];
  let end = first.end;
  for (;;) {
    let at = end;
    const place = places ? PLACE_PHRASE.exec(s.slice(at)) : null;
    if (place) at += place[0].length;
    const j = JOIN.exec(s.slice(at));
    const next = j ? numbers.find((x) => x.start === at + j[0].length) : undefined;
    const item = next ? itemAt(s, next) : null;
    if (!item) return { items, end: place ? at : end };
    items.push(item);
    end = item.end;
  }
}

function predicateAt(s: string, at: number): { end: number; measure: string } | null {
  const aux = AUX.exec(s.slice(at))?.[0] ?? '';
  const rest = s.slice(at + aux.length);
  for (const [re, measure] of CASUALTY_PREDICATES) {
    const p = re.exec(rest);
    if (p && (aux.trim() || /^(?:died|perished)/i.test(p[0]))) return { end: at + aux.length + p[0].length, measure };
  }
  return null;
}

function listDraft(s: string, rule: string, start: number, end: number, items: Item[], measure: string, subset: boolean): Draft {
  const sum = (k: 'low' | 'best' | 'high') => (items.every((i) => i.n[k] !== null) ? items.reduce((t, i) => t + (i.n[k] as number), 0) : null);
  const exact = items.every((i) => i.n.qualifier === 'exact');
  const d = emptyDraft('casualties', start, end, rule, 0.7);
  d.measure = measure;
  const raw = s.slice(items[0].start, items[items.length - 1].end);
  d.figure = toFigure(raw, {
    low: sum('low'),
    best: sum('best'),
    high: sum('high'),
    qualifier: exact ? 'exact' : items.length === 1 ? items[0].n.qualifier : 'at_least',
  });
  const pops = items.map((i) => populationOf(i.words, i.head, s));
  d.population = commonPopulation(pops);
  if (items.length > 1 || subset) d.parts = items.map((i, k): Part => ({ population: pops[k], figure: toFigure(i.words, i.n), subset, measure: null }));
  return d;
}

/** Frame drafts of one sentence (offsets relative to it). */
export function frameDrafts(s: string): Draft[] {
  const numbers = numberPhrases(s);
  const out: Draft[] = [];
  for (const n of numbers) {
    // lives lost / claimed
    const lives = /^\s+lives\b/i.exec(s.slice(n.end));
    if (lives) {
      const lost = /^\s+(?:(?:have|has|had|were|was)\s+)?(?:been\s+)?lost\b/i.exec(s.slice(n.end + lives[0].length));
      const before = /\b(?:claimed|claiming|cost|costing|took|taking|claim|claims)\s+(?:the\s+)?$/i.exec(s.slice(Math.max(0, n.start - 30), n.start));
      if (lost || before) {
        const start = before ? n.start - before[0].length : n.start;
        const d = emptyDraft('casualties', start, n.end + lives[0].length + (lost?.[0].length ?? 0), 'casualties/lives', 0.7);
        d.measure = 'killed';
        d.figure = toFigure(s.slice(n.start, n.end), n);
        d.population = { nationality: null, affiliation: 'unknown', side: null };
        out.push(d);
        continue;
      }
    }
    // bring to N the number of X killed / the number of X wounded rose to N
    const bring = /\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|take|takes|taking|took)\s+to\s+$/i.exec(
      s.slice(Math.max(0, n.start - 25), n.start),
    );
    const numberOf = /^\s+the\s+number\s+of\s+(?:[\p{L}'’-]+\s+){0,3}?(killed|dead|wounded|injured|martyrs)\b/iu.exec(s.slice(n.end));
    if (bring && numberOf) {
      const d = emptyDraft('casualties', n.start - bring[0].length, n.end + numberOf[0].length, 'casualties/number-of', 0.7);
      d.measure = MEASURE_NOUNS[numberOf[1].toLowerCase()];
      d.figure = toFigure(s.slice(n.start, n.end), n);
      d.population = populationOf(numberOf[0], numberOf[0].trim().split(/\s+/).slice(-2)[0], s);
      out.push(d);
      continue;
    }
    const rose =
      /\bthe\s+number\s+of\s+(?:[\p{L}'’-]+\s+){0,3}?(killed|dead|wounded|injured|martyrs)\s+(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|reached|stood at|stands at|increased|is|was|now stands at)\s+(?:to\s+|at\s+)?$/iu.exec(
        s.slice(Math.max(0, n.start - 100), n.start),
      );
    // or "brought the number of martyrs to 15"
    const brought =
      rose ??
      /\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|push|pushes|pushing|pushed|take|takes|taking|took)\s+the\s+(?:total\s+)?number\s+of\s+(?:[\p{L}'’-]+\s+){0,3}?(killed|dead|wounded|injured|martyrs)\s+(?:[\p{L}'’-]+\s+){0,4}?to\s+$/iu.exec(
        s.slice(Math.max(0, n.start - 100), n.start),
      );
    if (brought) {
      const d = emptyDraft('casualties', n.start - brought[0].length, n.end, 'casualties/number-of', 0.7);
      d.measure = MEASURE_NOUNS[brought[1].toLowerCase()];
      d.figure = toFigure(s.slice(n.start, n.end), n);
      d.population = populationOf(brought[0], 'people', s);
      out.push(d);
      continue;
    }
    // a toll with a modal: "the death toll could pass 20" (more than 20), "the toll may rise to 30"
    const modal =
      /\b(?:death\s+|casualty\s+)?toll\s+(?:could|may|might|would|will|is\s+expected\s+to|was\s+expected\s+to|is\s+likely\s+to)\s+(pass|exceed|top|surpass|rise\s+to|reach|climb\s+to)\s+$/i.exec(
        s.slice(Math.max(0, n.start - 80), n.start),
      );
    if (modal) {
      const d = emptyDraft('casualties', n.start - modal[0].length, n.end, 'casualties/toll-modal', 0.6);
      d.measure = 'killed';
      const over = /^(?:pass|exceed|top|surpass)$/i.test(modal[1]) && n.qualifier === 'exact' && n.best !== null;
      d.figure = toFigure(s.slice(n.start, n.end), over ? { ...qualify(n.best!, 'more_than') } : n);
      d.population = { nationality: null, affiliation: 'unknown', side: null };
      out.push(d);
      continue;
    }
    // with N others injured
    const withOthers =
      /\bwith\s+$/i.test(s.slice(Math.max(0, n.start - 6), n.start)) &&
      /^\s+(?:others|more|people)\s+(killed|dead|wounded|injured|hurt)\b/i.exec(s.slice(n.end));
    if (withOthers) {
      const d = emptyDraft('casualties', n.start, n.end + withOthers[0].length, 'casualties/with-others', 0.65);
      d.measure = withOthers[1].toLowerCase() === 'killed' || withOthers[1].toLowerCase() === 'dead' ? 'killed' : 'wounded';
      d.figure = toFigure(s.slice(n.start, n.end), n);
      d.population = { nationality: null, affiliation: 'unknown', side: null };
      out.push(d);
      continue;
    }
    // "killed nine and injured 30": a verb and a bare number, the people unnamed
    const verb = /\b(killed|killing|wounded|wounding|injured|injuring)\s+$/i.exec(s.slice(Math.max(0, n.start - 12), n.start));
    if (verb && BARE_AFTER.test(s.slice(n.end)) && n.best !== null) {
      const d = emptyDraft('casualties', n.start - verb[0].length, n.end, 'casualties/verb-bare', 0.6);
      d.measure = /^kill/i.test(verb[1]) ? 'killed' : 'wounded';
      d.figure = toFigure(s.slice(n.start, n.end), n);
      d.population = { nationality: null, affiliation: 'unknown', side: null };
      // "killed 12, among them three children"
      const tail = trailingSubset(s, n.end, d.measure);
      if (tail) {
        d.parts = tail.parts;
        d.end = tail.end;
      }
      out.push(d);
      continue;
    }
    // "killed a family of five", "a family of four was killed": the family's members are the count
    const family = /\b(?:an?\s+(?:entire\s+|whole\s+)?|the\s+(?:entire\s+|whole\s+)?)family\s+of\s+$/i.exec(s.slice(Math.max(0, n.start - 30), n.start));
    if (family && n.best !== null && n.qualifier === 'exact') {
      const from = n.start - family[0].length;
      const verb = CASUALTY_BEFORE.find(([re]) => re.test(s.slice(Math.max(0, from - 40), from)));
      const post = verb ? null : predicateAt(s, n.end);
      if (verb || post) {
        const v = verb ? verb[0].exec(s.slice(Math.max(0, from - 40), from))! : null;
        const start = v ? from - (Math.min(40, from) - v.index) + (v[0].length - v[0].trimStart().length) : from;
        const d = emptyDraft('casualties', start, post ? post.end : n.end, 'casualties/family-of', 0.7);
        d.measure = verb ? verb[1] : post!.measure;
        d.figure = toFigure(s.slice(n.start, n.end), n);
        d.population = { nationality: null, affiliation: 'civilian', side: null };
        out.push(d);
        continue;
      }
    }
    // "Four of the wounded are in critical condition", "One person was in severe condition"
    const condition =
      /^\s+(?:(?:of\s+(?:the\s+wounded|the\s+injured|them|those\s+(?:wounded|injured))|[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+)?(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?in\s+(?:a\s+)?(?:critical|serious|severe|grave|life-threatening)\s+condition\b/iu.exec(
        s.slice(n.end),
      );
    if (condition) {
      const d = emptyDraft('casualties', n.start, n.end + condition[0].length, 'casualties/condition', 0.65);
      d.measure = 'wounded_serious';
      d.figure = toFigure(s.slice(n.start, n.end), n);
      d.population = { nationality: null, affiliation: 'unknown', side: null };
      out.push(d);
      continue;
    }
    const item = itemAt(s, n);
    if (!item || out.some((d) => d.start <= n.start && n.start < d.end)) continue;
    // copular lists: "Among the victims were …", "The dead included …", "… were among the fatalities"
    const lead =
      /\b(?:among\s+the\s+(victims|dead|killed|fatalities|wounded|injured)\s+(?:were|was|are|is)|(?:the|those)\s+(victims|dead|killed|fatalities|wounded|injured)\s+(?:included|include|includes)|^(killed|wounded|injured)\s+(?:in|during|by)\s+[^,;:]{1,50}?\s+(?:were|was))\s+$/i.exec(
        s.slice(Math.max(0, n.start - 60), n.start),
      );
    const list = readList(s, numbers, item, !lead);
    if (lead) {
      const noun = (lead[1] ?? lead[2] ?? lead[3]).toLowerCase();
      out.push(listDraft(s, 'casualties/copular-list', n.start - lead[0].length, list.end, list.items, MEASURE_NOUNS[noun], true));
      continue;
    }
    // the copula may be before the list ("there were 15 children among the wounded")
    const among = /^\s+(?:(?:were|was|are|is)\s+)?among\s+(?:the|those)\s+(victims|dead|killed|fatalities|wounded|injured)\b/i.exec(s.slice(list.end));
    if (among) {
      out.push(listDraft(s, 'casualties/copular-list', n.start, list.end + among[0].length, list.items, MEASURE_NOUNS[among[1].toLowerCase()], true));
      continue;
    }
    // a toll stated as its groups: "the death toll was four soldiers and two civilians" (the sum; the groups its parts)
    const toll =
      /\b(?:(?:death|casualty)\s+)?toll\s+(?:(?:has\s+|had\s+)?(?:was|is|stood\s+at|stands\s+at|rose\s+to|risen\s+to|reached|climbed\s+to|of)\s+)$/i.exec(
        s.slice(Math.max(0, n.start - 40), n.start),
      );
    if (toll && list.items.length > 1) {
      out.push(listDraft(s, 'casualties/toll-list', n.start - toll[0].length, list.end, list.items, 'killed', false));
      continue;
    }
    const pred = predicateAt(s, list.end);
    if (pred) out.push(listDraft(s, 'casualties/list-predicate', n.start, pred.end, list.items, pred.measure, false));
  }
  return out;
}

/** The grammar's figure drafts plus frame drafts: a frame replaces casualty drafts inside it, and yields to any other overlap. */
export function withFrameDrafts(drafts: Draft[], s: string): Draft[] {
  let out = drafts;
  for (const f of frameDrafts(s)) {
    const overlapping = out.filter((d) => d.start < f.end && f.start < d.end);
    const inside = overlapping.every(
      (d) => d.kind === 'casualties' && d.start >= f.start && d.end <= f.end && (f.parts.length > d.parts.length || d.figure?.best !== f.figure?.best),
    );
    if (overlapping.length === 0) out = [...out, f];
    else if (inside && (f.parts.length > 1 || f.rule === 'casualties/family-of')) out = [...out.filter((d) => !overlapping.includes(d)), f];
  }
  return out;
}
