// One attribution suggestion per perpetrator, stance and speaker in an incident: a story names its
// perpetrator at nearly every mention ("Israeli airstrikes … the Israeli strike … Israeli fire"), and
// a fact-checker tags that once. The first mention is the suggestion; the later ones are its
// `mentions` (the passages that say it again), so the list stays short and selecting a later
// mention still pre-fills the claim form from it (renderer/lib/prefill.ts reads the mentions).
// A different stance ("accused" after "asserted") or another named speaker is another claim — who
// said what is what a fact-checker records — so it stays a suggestion of its own.
import type { Suggestion } from '../schema.ts';

/** The perpetrator as a grouping key: case, a leading "the" and a possessive do not make another actor. */
const actorKey = (p: string) =>
  p
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const speakersAgree = (a: string | null, b: string | null) => a === null || b === null || a.toLowerCase() === b.toLowerCase();

/** The list with repeated attributions folded into the first of each (text order kept). */
export function foldRepeatedAttributions(list: Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  const firsts: Suggestion[] = [];
  for (const s of list) {
    if (s.kind !== 'attribution' || !s.perpetrator) {
      out.push(s);
      continue;
    }
    const key = actorKey(s.perpetrator);
    const at = firsts.findIndex(
      (f) => f.eventHint.key === s.eventHint.key && f.stance === s.stance && actorKey(f.perpetrator!) === key && speakersAgree(f.speaker, s.speaker),
    );
    if (at < 0) {
      const first = { ...s, mentions: [] };
      firsts.push(first);
      out.push(first);
      continue;
    }
    const f = firsts[at];
    f.mentions!.push({ start: s.start, end: s.end });
    // the first mention may be unattributed where a later one names who says it
    if (f.speaker === null && s.speaker !== null) f.speaker = s.speaker;
  }
  return out;
}
