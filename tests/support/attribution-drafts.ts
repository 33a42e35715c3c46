// The attribution drafts the suggester makes of one sentence, as the attribution tests read them.
import { expect } from 'vitest';
import { attributionDrafts, speakerOf } from '../../shared/suggest/attribution.ts';

/** The attribution drafts of one sentence, with their quotes and the sentence's speaker. */
export function attributions(s: string) {
  const speaker = speakerOf(s, null);
  return attributionDrafts(s, speaker).map((d) => ({ quote: s.slice(d.start, d.end), perpetrator: d.perpetrator, stance: d.stance, rule: d.rule, speaker }));
}

/** The one attribution draft a sentence must give. */
export const one = (s: string) => {
  const list = attributions(s);
  expect(list, s).toHaveLength(1);
  return list[0];
};
