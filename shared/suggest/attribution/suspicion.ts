// Attribution rules of suspicion and confirmation: "X was most likely behind", "believed responsible",
// "suspected of", "linked to", "the work of X", "confirmed X was behind". Called by attribution.ts.
import type { Stance } from '../../model/claims.ts';
import { readActorAfter, readNounPhraseBefore } from '../words.ts';
import { ATTACK, beliefBefore, BY_AGENT, HARM, HEDGE, isArmedGroup, lastIndex, OBJECT, type Runners, subjectBefore } from './patterns.ts';

/** Suspicions, judgements and confirmations in one sentence, added through the runners. */
export function suspicionRules(s: string, speaker: string | null, { add, afterRule, beforeRule }: Runners): void {
  // "X was (most likely) behind / responsible for the attack", alone or as the complement of a
  // belief ("the U.S. believes X, known as Y, are responsible"): a belief or a hedge makes it a
  // suspicion; a bare "X is responsible for the attack" is stated (or accused, with a speaker).
  if (/\b(?:behind|responsible)\b/i.test(s)) {
    const predicate = new RegExp(
      `\\b(?:was|were|is|are|(?:has|have|had)\\s+been|(?:may|might|could|must|would)\\s+(?:have\\s+been|be))\\s+(?:(?:most|very|more|highly|quite)\\s+)?((?:likely|probably|possibly|presumably|apparently|almost\\s+certainly)\\s+)?(behind|responsible)\\b((?:\\s+for)?\\s+(?:${OBJECT}|it\\b|them\\b))?`,
      'gi',
    );
    for (const m of s.matchAll(predicate)) {
      const hedged = !!m[1] || HEDGE.test(m[0].slice(0, 12));
      // a bare "behind" with no object is a place ("stayed behind"); at a clause's end, a belief or hedge must carry it
      if (!m[3] && !/^\s*(?:[,;:.)]|$)/.test(s.slice(m.index + m[0].length))) continue;
      const belief = beliefBefore(s, m.index);
      if (!belief && !hedged && (!m[3] || m[2].toLowerCase() === 'behind')) continue; // "X was behind the attack" is the act rule's
      const subj = belief ? belief.subject : subjectBefore(s, m.index);
      if (!subj) continue;
      if (!belief && !hedged && !isArmedGroup(subj.text)) continue;
      const stance: Stance = hedged || (belief && !belief.finding) ? 'suspected' : belief || speaker ? 'accused' : 'asserted';
      const start = belief ? belief.verbStart : m.index - subj.end <= 2 ? subj.start : m.index;
      add({
        start,
        end: m.index + m[0].length,
        stance,
        perpetrator: subj.text,
        rule: belief ? 'attribution/believed-behind' : 'attribution/likely-behind',
        confidence: 0.8,
      });
    }
  }
  // suspected
  if (/\b(?:responsible|behind)\b/i.test(s))
    beforeRule(
      new RegExp(
        `\\b(?:is\\s+|are\\s+|was\\s+|were\\s+)?(?:widely\\s+)?(?:believed|thought|suspected|alleged|understood|said|known|assumed)\\s+${BY_AGENT}(?:to\\s+(?:be|have\\s+been)\\s+)?(?:responsible|behind)\\b(?:\\s+(?:for\\s+)?(?:the\\s+|an?\\s+)?(?:[\\w-]+\\s+){0,2}?${ATTACK}\\b)?`,
        'gi',
      ),
      'suspected',
      'attribution/believed-responsible',
      0.85,
    );
  if (/\bto have\b/i.test(s))
    beforeRule(
      new RegExp(
        `\\b(?:is\\s+|are\\s+|was\\s+|were\\s+)?(?:widely\\s+)?(?:believed|thought|suspected|alleged|known|understood|assumed)\\s+${BY_AGENT}to\\s+have\\s+(?:\\w+ly\\s+)?(?:conducted|carried\\s+out|launched|fired|staged|orchestrated|mounted|perpetrated|been\\s+behind)\\b(?:\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${ATTACK}\\b)?`,
        'gi',
      ),
      'suspected',
      'attribution/believed-to-have',
      0.8,
    );
  if (/\bsuspected of\b/i.test(s))
    beforeRule(
      new RegExp(`\\b(?:is\\s+|are\\s+|was\\s+|were\\s+)?suspected\\s+of\\s+(?:carrying\\s+out|launching|conducting|staging|the\\s+)\\S*`, 'gi'),
      'suspected',
      'attribution/suspected-of',
      0.8,
    );
  if (/\b(?:linked|tied|traced) to\b/i.test(s))
    afterRule(
      new RegExp(`\\b(?:${ATTACK}\\s+)?(?:was\\s+|were\\s+|is\\s+|are\\s+|been\\s+)?(?:linked|tied|traced)\\s+to\\s+`, 'gi'),
      'suspected',
      'attribution/linked-to',
      0.6,
      true,
      true,
    );
  // confirmed
  for (const m of /\bconfirmed\b/i.test(s) ? s.matchAll(/\bconfirmed\s+(?:that\s+)?/gi) : []) {
    const actor = readActorAfter(s, m.index + m[0].length);
    if (!actor) continue;
    if (/^\s+(?:was|were|had been|is|are)\s+(?:behind|responsible)\b|^\s+(?:had\s+)?(?:carried out|launched|conducted)\b/i.test(s.slice(actor.end))) {
      add({ start: m.index, end: actor.end, stance: 'confirmed', perpetrator: actor.text, rule: 'attribution/confirmed', confidence: 0.75 });
    }
  }
  // a judgement or a resemblance: "the attack was most likely the work of X", "the bombing bore the
  // hallmarks of X". Both hint at a perpetrator without anyone saying it acted: a suspicion. The
  // clause must be about an attack ("the report was the work of researchers" is no attribution).
  if (/\b(?:work|hallmarks?)\s+of\b/i.test(s)) {
    const workOf = new RegExp(
      `\\b(?:(?:was|were|is|are|(?:has|have|had)\\s+been|(?:may|might|could|must|would)\\s+(?:have\\s+been|be)|(?:appear(?:s|ed)?|seem(?:s|ed)?)\\s+to\\s+(?:be|have\\s+been))\\s+(?:(?:most|very|more|highly|quite)\\s+)?(?:(?:likely|probably|possibly|presumably|apparently|almost\\s+certainly|clearly)\\s+)?(?:the\\s+)?work|(?:bore|bears|bear|bearing|had|has|have|carried|carries|showed|shows)\\s+(?:all\\s+)?(?:the\\s+)?(?:(?:classic|typical|familiar|usual)\\s+)?hallmarks?)\\s+of\\s+`,
      'gi',
    );
    for (const m of s.matchAll(workOf)) {
      const clause = s.slice(Math.max(0, lastIndex(s.slice(0, m.index), /[;:]|\bbut\s/g)), m.index);
      const subj = readNounPhraseBefore(s, m.index);
      // "it was the work of X" points back to the attack of the sentence before
      if (
        !new RegExp(`\\b(?:${HARM}|rockets?|missiles?|drones?|mortars?|shells?|bombs?)\\b`, 'i').test(clause) &&
        !/^(?:it|this|that)$/i.test(subj?.text ?? '')
      )
        continue;
      const actor = readActorAfter(s, m.index + m[0].length);
      if (!actor) continue;
      const start = subj && new RegExp(`\\b(?:${HARM}|rockets?|missiles?|drones?|bombs?)\\b|^(?:it|this|that)$`, 'i').test(subj.text) ? subj.start : m.index;
      add({ start, end: actor.end, stance: 'suspected', perpetrator: actor.text, rule: 'attribution/work-of', confidence: 0.75 });
    }
  }
}
