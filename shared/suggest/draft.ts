// The suggester's internal record before dates, speakers and event hints are attached.
import type { Figure, Part, Population, Stance } from '../model/claims.ts';

export type SuggestionKind = 'casualties' | 'munitions' | 'count' | 'attribution' | 'timing';

export interface Draft {
  kind: SuggestionKind;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  measure: string | null;
  population: Population | null;
  parts: Part[];
  figure: Figure | null;
  weapon: string | null;
  perpetrator: string | null;
  stance: Stance | null;
  rule: string;
  confidence: number;
}

export const emptyDraft = (kind: SuggestionKind, start: number, end: number, rule: string, confidence: number): Draft => ({
  kind,
  start,
  end,
  measure: null,
  population: null,
  parts: [],
  figure: null,
  weapon: null,
  perpetrator: null,
  stance: null,
  rule,
  confidence,
});
