// The number phrases of a sentence, read once: the figure grammar (figures.ts), the casualty frames
// (figures/frames.ts) and the attack counts (figures/times.ts) each need them for the same sentence,
// and reading numbers is the costliest step of the figure rules. A one-sentence cache: the
// suggester reads sentences one after another. Callers must not change the array they get.
import { findNumberPhrases, type NumberPhrase } from '../figures/figures.ts';

let lastText: string | null = null;
let last: readonly NumberPhrase[] = [];

export function numberPhrases(s: string): readonly NumberPhrase[] {
  if (s !== lastText) {
    last = findNumberPhrases(s);
    lastText = s;
  }
  return last;
}
