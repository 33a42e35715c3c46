// Shared pieces of figure reading: anchors and counted groups, the person / weapon head tests, and the Figure a phrase becomes.
import { FIGURE_RULES_VERSION, parseFigure, type NumberPhrase } from '../../figures/figures.ts';
import type { Figure } from '../../model/claims.ts';
import { MUNITION_NOUNS, NATIONALITIES, PERSON_NOUNS } from '../lexicon.ts';
import { type NounPhrase } from '../words.ts';

export interface Anchor {
  start: number;
  end: number;
  article: boolean;
  phrase: NumberPhrase | null;
}

export interface Group {
  start: number;
  end: number;
  /** The noun phrases of the joined groups, in order. */
  nps: NounPhrase[];
  /** Where the last joined noun phrase ends (before any subset or breakdown). */
  mainEnd: number;
  anchors: Anchor[];
}

export const personHead = (h: string) =>
  PERSON_NOUNS[h] !== undefined || NATIONALITIES[h] !== undefined || /^(?:american|briton|iraqi|iranian|syrian|israeli|afghan)$/.test(h);
export const munitionOf = (h: string): string | undefined => MUNITION_NOUNS[h] ?? MUNITION_NOUNS[h.split(' ').pop() ?? ''];

export function figureOf(s: string, g: Group): (ReturnType<typeof parseFigure> & object) | null {
  // an age inside the group describes the person ("a 12-year-old boy" is one boy)
  // and a possessive after "and" joins the group ("a mother and her three children" are four)
  return parseFigure(
    s
      .slice(g.start, g.end)
      .replace(/\b\d+[-–](?:years?|months?|weeks?|days?)[-–]old\b/gi, 'young')
      .replace(/\b(and|&)\s+(?:his|her|their|its)\s+/gi, '$1 '),
  );
}

export function toFigure(raw: string, f: { low: number | null; best: number | null; high: number | null; qualifier: Figure['qualifier'] }): Figure {
  return { raw, low: f.low, best: f.best, high: f.high, qualifier: f.qualifier, rules: FIGURE_RULES_VERSION };
}
