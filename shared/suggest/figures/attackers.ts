// Counts of attackers: how many gunmen, assailants or fighters carried out an attack ("targeted by
// over 100 assailants", "About 150 attackers surrounded the village", "More than 40 jihadists aboard
// pickup trucks"). A number of attacking people is no casualty (nobody is said to be hurt): it is
// a count a fact-checker compares across reports. A row per frame, its examples run as tests in
// attackers.test.ts; a group a casualty word governs ("killed 15 militants") is the grammar's, not these rows'.
import { numberPhrases } from '../numbers.ts';
import type { NumberPhrase } from '../../figures/figures.ts';
import { emptyDraft, type Draft } from '../draft.ts';
import { toFigure } from './common.ts';

export interface AttackerRow {
  id: string;
  makes: string;
  /** Tested against the words before the number. */
  before?: RegExp;
  /** Tested against the words after the attacker noun. */
  after?: RegExp;
  must: Array<{ text: string; figure: [number | null, number | null, number | null] }>;
  mustNot: string[];
}

// the people who attack, as reports name them (singular or plural, an adjective or two before)
const ATTACKER =
  /^\s+(?:(?:heavily\s+)?(?:armed|unidentified|unknown|suspected|masked|militant|jihadist|islamist|rebel)\s+)?(?:assailants?|attackers?|gunmen|gunman|militants?|jihadists?|insurgents?|fighters?|bandits?|raiders?|terrorists?)\b/i;

export const ATTACKER_ROWS: AttackerRow[] = [
  {
    id: 'count/attackers-by',
    makes: 'an attack or a target "by" N attackers: the attackers counted',
    before: /\bby\s+$/i,
    must: [
      { text: 'The soldiers were targeted by over 100 assailants in vehicles and on motorbikes.', figure: [101, 101, null] },
      { text: 'The post came under attack by about 40 gunmen.', figure: [32, 40, 48] },
    ],
    mustNot: ['The village was attacked by gunmen.', 'A group of 12 fighters were killed.'],
  },
  {
    id: 'count/attackers-acted',
    makes: 'N attackers as the subject of an attack, or as the crew of its vehicles: the attackers counted',
    after:
      /^\s*(?:,\s*)?(?:(?:had|have|has|were|was|then|reportedly|allegedly)\s+)?(?:surrounded|stormed|attacked|raided|invaded|ambushed|opened\s+fire|laid\s+(?:siege|assault)|besieged|overran|entered|arrived|descended|aboard|riding|on\s+motorcycles|on\s+motorbikes|in\s+(?:pickup\s+)?trucks|in\s+vehicles)\b/i,
    must: [
      { text: 'About 150 attackers surrounded the village and roamed between its compounds.', figure: [120, 150, 180] },
      { text: 'More than 40 jihadists aboard pickup trucks laid assault to a military post.', figure: [41, 41, null] },
      { text: 'Several gunmen invaded the village at about 2 a.m. local time.', figure: [3, 3, null] },
    ],
    mustNot: ['Soldiers killed 15 militants who attacked the post.', 'Two gunmen were arrested on Friday.'],
  },
];

// a casualty word governing the group makes it the grammar's ("killed 15 militants", "the deaths of 12 fighters")
const CASUALTY_BEFORE =
  /\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|arrest(?:ed|ing)|captur(?:ed|ing)|neutrali[sz](?:ed|ing)|deaths?\s+of|bodies\s+of)\s+(?:(?:at\s+least|some|about|around|over|more\s+than|nearly|a\s+further|another)\s+)?$/i;

function draftOf(s: string, n: NumberPhrase, noun: RegExpExecArray, row: AttackerRow): Draft | null {
  const before = s.slice(Math.max(0, n.start - 40), n.start);
  if (CASUALTY_BEFORE.test(before)) return null;
  if (row.before && !row.before.test(before)) return null;
  if (row.after && !row.after.test(s.slice(n.end + noun[0].length))) return null;
  const d = emptyDraft('count', n.start, n.end + noun[0].length, row.id, 0.6);
  d.measure = 'attackers';
  d.figure = toFigure(s.slice(n.start, n.end), n);
  d.population = { nationality: null, affiliation: 'militant', side: null };
  return d;
}

/** Count drafts of attackers in one sentence (offsets relative to it). */
export function attackerDrafts(s: string): Draft[] {
  if (!/\b(?:assailant|attacker|gunm[ae]n|militant|jihadist|insurgent|fighter|bandit|raider|terrorist)/i.test(s)) return [];
  const out: Draft[] = [];
  for (const n of numberPhrases(s)) {
    const noun = ATTACKER.exec(s.slice(n.end));
    if (!noun || n.best === null) continue;
    for (const row of ATTACKER_ROWS) {
      const d = draftOf(s, n, noun, row);
      if (d) {
        out.push(d);
        break;
      }
    }
  }
  return out;
}
