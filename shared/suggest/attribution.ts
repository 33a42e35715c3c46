// Attribution suggestions (who is said to be responsible, and how) and the speaker of a sentence.
//
// Rules, and why:
// - A stance comes from the words: "claimed responsibility" → claimed; "blamed", "accused",
//   "attributed to", "held responsible", or an act ("had carried out the attack") reported by a
//   named speaker → accused; "believed responsible", "suspected", "known to have conducted",
//   "linked to" → suspected; "presumed" → presumed; "confirmed … was behind" → confirmed; "denied"
//   → denied. An outlet stating in its own voice that an armed group acted ("militias fired two
//   rockets") is 'asserted' (claims.ts).
// - The perpetrator is the noun phrase the words point at: the subject ("X claimed
//   responsibility"), the phrase before a postmodifier ("a militia believed responsible"), or the
//   phrase after "by", "to", "on" ("attributed to X"). It must look like an actor (an armed-group
//   noun, a known group, or a capitalised name).
// - States acting in their own name ("the United States launched strikes") are not suggested as
//   attributions: nobody disputes who fired them, and a fact-checker tags the strike instead.
// - Wire reports blame in the passive ("X was blamed by the U.S. for the attack", "X has been
//   accused of launching …") and suspect through a belief with a complement clause ("the U.S.
//   believes X was most likely behind the assault") or a hedge ("X was probably responsible"):
//   the perpetrator is the clause's subject, the believer / by-agent is the speaker (speakerOf).
// - "No group has claimed responsibility" is a claim too (the attack is unclaimed): the schema's
//   perpetrator is null when the passage says the perpetrator is unknown, so it is suggested with
//   perpetrator null and stance 'claimed' (the claim-of-responsibility stance, with nobody in it).
// - "It would not be the first time X targeted U.S. forces" speaks of X's record, not of this
//   attack: at most a hint, so it is 'suspected', never asserted.
// - Wire copy puts a time, an adverb or a raising verb anywhere in a claim ("X on Friday claimed
//   responsibility late Thursday for …", "X is claiming", "was quick to claim", "appeared to
//   blame"): the subject is read past them (AUX, TIME_ADJUNCT), and a date is never a speaker.
// - A claim or a denial may be a clause about the sayer itself ("X said it carried out the attack",
//   "X claimed it was behind …", "X said it had no role in …"): claimed / denied, perpetrator X.
//   A state reporting its own strike claims nothing (notState).
// - "was the work of X", "bore the hallmarks of X" judge or compare; nobody says X acted: suspected.
// - "according to a post on the group's account": a bare medium names nobody; its owner does.
//
// The phrase pieces and rule runners are in attribution/patterns.ts; the rules by stance family in
// attribution/claims.ts (claimed, denied, unclaimed), blame.ts (accused), suspicion.ts (suspected,
// confirmed) and acts.ts (an armed group acting: asserted or accused); the speaker of a sentence in
// attribution/speakers.ts. This module runs the families in order and keeps one suggestion per mention.
import { emptyDraft, type Draft } from './draft.ts';
import { type Found, ruleRunners } from './attribution/patterns.ts';
import { claimRules, unclaimedRule } from './attribution/claims.ts';
import { blameRules } from './attribution/blame.ts';
import { suspicionRules } from './attribution/suspicion.ts';
import { actRules } from './attribution/acts.ts';

export { isArmedGroup } from './attribution/patterns.ts';
export { speakerOf } from './attribution/speakers.ts';

/** Attribution suggestions in one sentence (offsets relative to it). `speaker` turns an act into an accusation. */
export function attributionDrafts(s: string, speaker: string | null): Draft[] {
  const runners = ruleRunners(s, speaker);
  const { found } = runners;
  // the order matters only for ties (same confidence, same start): the families run as they always have
  claimRules(s, runners);
  blameRules(s, runners);
  suspicionRules(s, speaker, runners);
  actRules(s, speaker, runners);
  unclaimedRule(s, runners);

  // one suggestion per perpetrator mention: overlapping finds keep the most confident
  found.sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const d = emptyDraft('attribution', f.start, f.end, f.rule, f.confidence);
      d.perpetrator = f.perpetrator;
      d.stance = f.stance;
      return d;
    });
}
