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
  // the firsts by incident, stance and actor (a long report names hundreds: no scan of them all)
  const firsts = new Map<string, Suggestion[]>();
  for (const s of list) {
    if (s.kind !== 'attribution' || !s.perpetrator) {
      out.push(s);
      continue;
    }
    const key = `${s.eventHint.key}\u0000${s.stance}\u0000${actorKey(s.perpetrator)}`;
    const same = firsts.get(key) ?? [];
    const f = same.find((x) => speakersAgree(x.speaker, s.speaker));
    if (!f) {
      const first = { ...s, mentions: [] };
      firsts.set(key, [...same, first]);
      out.push(first);
      continue;
    }
    f.mentions!.push({ start: s.start, end: s.end });
    // the first mention may be unattributed where a later one names who says it
    if (f.speaker === null && s.speaker !== null) f.speaker = s.speaker;
  }
  return out;
}
