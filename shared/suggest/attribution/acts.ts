// Attribution rules of acts: an armed group as the doer of an attack ("militias fired two rockets",
// "the attack was carried out by X", "attacks by X", "facilities controlled by X"): asserted in the
// outlet's voice, accused with a speaker, suspected or presumed with a hedge. Called by attribution.ts.
import type { Stance } from '../../model/claims.ts';
import { readActorAfter, readNounPhraseBefore } from '../words.ts';
import { ATTACK, HABITUAL, HARM, isArmedGroup, type Runners, subjectBefore, TIME_FRAME } from './patterns.ts';

/** Acts of armed groups in one sentence, added through the runners. */
export function actRules(s: string, speaker: string | null, { add, subjectRule, afterRule }: Runners): void {
  // an act reported: "X had carried out the attack" (accused when a speaker says so)
  if (/\b(?:carried out|conducted|orchestrated|staged|masterminded|perpetrated|behind)\b/i.test(s))
    subjectRule(
      new RegExp(
        `\\b(?:had\\s+|has\\s+|have\\s+)?(?:carried\\s+out|conducted|orchestrated|staged|masterminded|perpetrated|(?:was|were|is|are)\\s+behind)\\s+(?:the|this|that|these|those|both|an?)\\s+(?:[\\w-]+\\s+){0,3}?${ATTACK}\\b`,
        'gi',
      ),
      'act',
      'attribution/carried-out',
      0.75,
      true,
    );
  // "the attacks against U.S. forces by Iran and Iran-backed groups"
  for (const m of !/\sby\s/.test(s) ? [] : s.matchAll(new RegExp(`\\b${ATTACK}\\b((?:\\s+[\\w.’'-]+){0,7}?)\\s+by\\s+`, 'gi'))) {
    const gap = m[1];
    if (/\b(?:have|has|had|been|was|were|is|are|be|said|says)\b/i.test(gap) || /\b[a-z]+ed\b/.test(gap.replace(/\b\w+-\w+ed\b/g, ''))) continue;
    const actor = readActorAfter(s, m.index + m[0].length);
    if (!actor || !isArmedGroup(actor.text)) continue;
    add({ start: m.index, end: actor.end, stance: speaker ? 'accused' : 'asserted', perpetrator: actor.text, rule: 'attribution/attack-by', confidence: 0.7 });
  }
  // the passive of an act or a claim: "the attack was claimed by X", "the rockets were likely fired
  // by militias". A claim may name any actor; an act names an armed group (states act in their own name).
  if (/\sby\s/i.test(s)) {
    for (const m of s.matchAll(
      /\b(?:was|were|(?:has|have|had)\s+been)\s+(?:(likely|probably|possibly|apparently|presumably|allegedly|reportedly)\s+)?(claimed|carried\s+out|conducted|launched|staged|perpetrated|orchestrated|fired|mounted)\s+by\s+/gi,
    )) {
      const actor = readActorAfter(s, m.index + m[0].length);
      const claim = m[2].toLowerCase() === 'claimed';
      if (!actor || (!claim && !isArmedGroup(actor.text))) continue;
      const hedge = m[1]?.toLowerCase();
      const stance: Stance = claim ? 'claimed' : hedge && hedge !== 'reportedly' ? 'suspected' : speaker || hedge ? 'accused' : 'asserted';
      const subj = subjectBefore(s, m.index);
      const start =
        subj && m.index - subj.end <= 2 && new RegExp(`${HARM}|rockets?|missiles?|drones?|mortars?|shells?`, 'i').test(subj.text) ? subj.start : m.index;
      add({ start, end: actor.end, stance, perpetrator: actor.text, rule: claim ? 'attribution/claimed-by' : 'attribution/done-by', confidence: 0.8 });
    }
  }
  if (/\bby\b/i.test(s))
    afterRule(
      /\b(?:were|was)\s+(?:attacked|targeted|struck|hit|shelled|ambushed|fired\s+(?:on|upon|at))\s+by\s+/gi,
      'act',
      'attribution/attacked-by',
      0.75,
      true,
    );
  // targets held by a group: "facilities controlled by X"
  if (/\b(?:controlled|operated|run|belonging|affiliated|loyal)\b/i.test(s))
    afterRule(
      /\b(?:controlled|operated|run)\s+by\s+|\b(?:belonging|affiliated|loyal)\s+(?:to|with)\s+/gi,
      'act',
      'attribution/controlled-by',
      0.55,
      true,
      true,
    );
  // an armed group as the subject of an attack verb: "militias fired two rockets"
  for (const m of s.matchAll(/\b(?:shot|fired|launched|attacked|targeted|struck|hit|shelled|bombed|ambushed|stormed|raided|killed)\b/gi)) {
    // the perfect keeps its subject before the auxiliary ("rebels have shelled the town")
    const aux = /\s(?:has|have|had)(?:\s+(?:also|again|reportedly))?\s+$/i.exec(s.slice(0, m.index));
    const raw = readNounPhraseBefore(s, aux ? aux.index : m.index);
    // "told reporters the group had shelled …": an article inside the phrase starts a new one
    const inner = raw && /^(?:.*\s)?(?<!\b(?:of|in|and|&)\s)(?=(?:the|an?)\s)/i.exec(raw.text);
    const read = raw && inner && inner[0] ? { ...raw, start: raw.start + inner[0].length, text: raw.text.slice(inner[0].length) } : raw;
    if (!read || !isArmedGroup(read.text)) continue;
    // "(it would not be) the first time militias targeted …": the frame is not part of the actor
    const frame = TIME_FRAME.exec(read.text);
    const np = frame ? { ...read, start: read.start + frame[0].length, text: read.text.slice(frame[0].length) } : read;
    const rest = s.slice(m.index + m[0].length);
    if (HABITUAL.test(rest)) continue;
    // a word, or a number with thousands separators ("fired nearly 1,000 rockets")
    const obj =
      /^\s+(?:\d{1,3}(?:,\d{3})+|[\p{L}\d.’'-]+)(?:\s+(?:\d{1,3}(?:,\d{3})+|[\p{L}\d.’'-]+)){0,4}?(?=\s+(?:at|on|in|into|toward|towards|against|from|near|across|when|while|after|before)\b|[,.;]|$)/u.exec(
        rest,
      );
    const hedge = /\b(presumed|suspected|alleged|purported|apparent)\b/i.exec(np.text)?.[1].toLowerCase();
    // "it is not / would not be the first time X did Y" recalls X's record: a hint, not an account of this attack
    const precedent = /(?:\b(?:would|will|could|might|may|is|was)\s+)?\bnot\s+(?:be\s+)?the\s+(?:first|only)\s+time\s+(?:that\s+)?$/i.exec(
      s.slice(0, np.start),
    );
    const stance: Stance = hedge === 'presumed' ? 'presumed' : hedge || precedent ? 'suspected' : speaker ? 'accused' : 'asserted';
    const rule = precedent ? 'precedent' : hedge ? 'hedged-subject' : 'group-acted';
    add({
      start: precedent?.index ?? np.start,
      end: m.index + m[0].length + (obj ? obj[0].trimEnd().length : 0),
      stance,
      perpetrator: np.text,
      rule: `attribution/${rule}`,
      confidence: precedent ? 0.5 : hedge ? 0.8 : 0.6,
    });
  }
}
