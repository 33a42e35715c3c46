// What a reading pane needs of the suggestions: the source's open suggestions to draw as dashed
// highlights, whether the core is still finding them, which one is selected, and how to select one
// (a click or Enter on its highlight selects it in the suggestions list).
import { createContext, useContext } from 'react';
import type { Suggested } from '../lib/suggestionText.ts';
import type { SuggestionEntry } from './useSuggestions.ts';

export interface SuggestionsForPane {
  entry(sourceId: string): SuggestionEntry | undefined;
  visible(sourceId: string): Suggested[];
  ensure(sourceId: string): void;
  selected: { sourceId: string; key: string } | null;
  select(sourceId: string, key: string): void;
  /** Opens the suggestions list on a source. */
  show(sourceId: string): void;
}

export const SuggestionsContext = createContext<SuggestionsForPane | null>(null);

export function useSuggestionsForPane(): SuggestionsForPane | null {
  return useContext(SuggestionsContext);
}
