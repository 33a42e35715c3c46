// Counts of attacks written as how many times a place was hit ("shelled the town 20 times", "came
// under fire 15 times over the past day"): regional officials' daily reports in Ukraine, Gaza and the
// Sahel count attacks this way rather than with a noun ("20 attacks"), which the grammar of
// figures.ts reads. A row per verb family, its examples run as tests in times.test.ts.
import { numberPhrases } from '../numbers.ts';
import { emptyDraft, type Draft } from '../draft.ts';
import { toFigure } from './common.ts';

export interface TimesRow {
  id: string;
  /** The verb before the object and the number, as a regex source ending where the object starts. */
  verb: RegExp;
  measure: 'attacks' | 'strikes';
  must: Array<{ text: string; figure: [number, number, number | null] }>;
  mustNot: string[];
}

export const TIMES_ROWS: TimesRow[] = [
  {
    id: 'count/times-attacked',
    verb: /\b(?:shelled|attacked|bombarded|bombed|pounded|targeted|fired (?:on|at|upon)|opened fire on|came under (?:fire|attack|shelling)|was attacked|were attacked|was shelled|were shelled)\b/i,
    measure: 'attacks',
    must: [
      { text: 'Russian forces shelled the town 20 times over the past day, the governor said.', figure: [20, 20, 20] },
      { text: 'The district came under fire 15 times on Sunday.', figure: [15, 15, 15] },
      { text: 'Troops attacked eight settlements in the region 112 times.', figure: [112, 112, 112] },
    ],
    mustNot: ['He visited the town 20 times.', 'The shelled town was rebuilt three times.', 'The army was attacked 20 years ago.'],
  },
  {
    // "launched drones and missiles at least 14 times": the weapons are the object, the times the attacks
    id: 'count/times-launched',
    verb: /\b(?:launched|fired)\s+(?:(?:drones|missiles|rockets|projectiles|mortars|attacks|strikes)(?:\s*,\s*|\s+and\s+|\s+or\s+)?){1,3}/i,
    measure: 'attacks',
    must: [{ text: 'Since Jan. 11, the Houthis have launched drones and missiles at least 14 times at ships in the Red Sea.', figure: [14, 14, null] }],
    mustNot: ['The crew launched the lifeboat three times.'],
  },
  {
    id: 'count/times-struck',
    verb: /\b(?:struck|hit|was hit|were hit|was struck|were struck)\b/i,
    measure: 'strikes',
    must: [{ text: 'Drones struck the port 11 times overnight.', figure: [11, 11, 11] }],
    mustNot: ['The team struck the post three times.'],
  },
];

// between the verb and the number: the object, at most eight words, with no clause break
const OBJECT = /^(?:\s+(?!(?:and|but|when|while|after|before|which|that|who|said|was|were|is|are|has|have|had|been|being)\b)[\p{L}\d'’.-]+){0,8}?\s+$/u;

/** Count drafts of "<verb> <object> N times" in one sentence (offsets relative to it). */
export function timesDrafts(s: string): Draft[] {
  if (!/\btimes\b/i.test(s)) return [];
  const out: Draft[] = [];
  for (const n of numberPhrases(s)) {
    if (!/^\s+times\b/i.test(s.slice(n.end)) || n.best === null) continue;
    const before = s.slice(Math.max(0, n.start - 100), n.start);
    for (const row of TIMES_ROWS) {
      const verbs = [...before.matchAll(new RegExp(row.verb.source, 'gi'))];
      const v = verbs[verbs.length - 1];
      if (!v || !OBJECT.test(before.slice(v.index + v[0].length))) continue;
      // "the team struck the post": a strike is of a place, a target or a vessel, not of sport
      if (/\b(?:post|bar|ball|goal|net|crossbar)\b/i.test(before.slice(v.index))) continue;
      const start = n.start - (before.length - v.index);
      const d = emptyDraft('count', start, n.end + /^\s+times/i.exec(s.slice(n.end))![0].length, row.id, 0.7);
      d.measure = row.measure;
      d.figure = toFigure(s.slice(n.start, n.end), n);
      out.push(d);
      break;
    }
  }
  return out;
}
