// Attribution rules of claims and denials: "X claimed responsibility for …", "X said it carried out …",
// "X denied any role in …", and the unclaimed attack ("no group has claimed responsibility"), whose
// perpetrator is null. Called by attribution.ts, which says why each stance reads as it does.
import { ATTACK, HARM, notState, OBJECT, RESPONSIBILITY, type Runners, SAID_SELF, SELF_DENIAL } from './patterns.ts';

/** Claims of responsibility and denials in one sentence, added through the runners. */
export function claimRules(s: string, { subjectRule }: Runners): void {
  // claimed: "X (on Friday) claimed responsibility (late Thursday) for the bombing", in any tense
  // ("is claiming", "has been claiming", "was quick to claim": AUX reads the subject past them)
  if (/responsib/i.test(s)) {
    subjectRule(
      new RegExp(
        `\\b(?:claim(?:s|ed|ing)?|t(?:ake|akes|aking|ook|aken)|accept(?:s|ed|ing)?|assum(?:e|es|ed|ing))\\s+${RESPONSIBILITY}\\s+for\\s+(?:the\\s+|an?\\s+|this\\s+|that\\s+|these\\s+|both\\s+|its\\s+)?(?:[\\w'’-]+\\s+){0,3}?${HARM}\\b`,
        'gi',
      ),
      'claimed',
      'attribution/claimed-responsibility',
      0.9,
    );
    // "X claimed responsibility in a statement." / "…, saying …": the claim needs no object when it
    // ends its clause. Only "claim" is a claim on its own; "took/accepted responsibility" needs one.
    subjectRule(
      new RegExp(`\\bclaim(?:s|ed|ing)?\\s+${RESPONSIBILITY}(?=\\s*(?:[,.;:)]|$)|\\s+(?:in|on|via|through|from)\\s)`, 'gi'),
      'claimed',
      'attribution/claimed-responsibility',
      0.8,
    );
  }
  if (/\bclaim/i.test(s))
    subjectRule(
      new RegExp(`\\b(?:claimed|claims)\\s+(?:the|this|that|both)\\s+(?:[\\w-]+\\s+)?${ATTACK}\\b`, 'gi'),
      'claimed',
      'attribution/claimed-attack',
      0.8,
    );
  // a claim or denial as a clause: "X said it carried out the attack", "X claimed it was behind the
  // bombing", "X said it had no role in the raid". The perpetrator is the sayer. A state reporting
  // its own strike ("the army said it carried out strikes") is no claim: an act needs an armed group.
  if (/\b(?:it|they|its|their)\b/i.test(s)) {
    subjectRule(new RegExp(`${SAID_SELF}(?:${SELF_DENIAL})`, 'gi'), 'denied', 'attribution/said-not', 0.8);
    subjectRule(
      new RegExp(
        `${SAID_SELF}(?:(?:was|were|is|are|been)\\s+(?:behind|responsible\\s+for)\\s+(?:${OBJECT}|it\\b|them\\b)|(?:was|were|is|are|been)\\s+behind(?=\\s*(?:[,.;:)]|$)))`,
        'gi',
      ),
      'claimed',
      'attribution/said-behind',
      0.8,
    );
    // an act: of an attack ("carried out the bombing"), or a verb of attack with any object ("had shot
    // down the helicopter", "launched drones at the ship")
    subjectRule(
      new RegExp(
        `${SAID_SELF}(?:(?:carried\\s+out|conducted|launched|staged|mounted|perpetrated|executed|orchestrated|masterminded|detonated)\\s+${OBJECT}|(?:attacked|targeted|struck|hit|shelled|bombed|ambushed|shot\\s+down|downed|killed|kidnapped|abducted|fired|launched)\\s+(?:[\\w'’-]+\\s+){0,3}?[\\w'’-]+(?=\\s+(?:at|on|in|into|toward|towards|against|near|from)\\b|\\s*[,.;:]|\\s*$))`,
        'gi',
      ),
      'claimed',
      'attribution/said-did',
      0.75,
      notState,
    );
  }
  // denied
  if (/\b(?:den[iy]|reject)/i.test(s))
    subjectRule(
      new RegExp(
        `\\b(?:denied|denies|deny|denying|rejected)\\s+(?:any\\s+)?(?:responsibility|involvement|a role|any role|role|any part|being behind|carrying out|launching|that it|(?:that\\s+)?(?:it|they)\\s+(?:was|were|is|are|had\\s+been)\\s+(?:behind|responsible|involved))\\b(?:\\s+(?:(?:in|for|with|of)\\s+)?(?:${OBJECT}|it\\b|them\\b))?`,
        'gi',
      ),
      'denied',
      'attribution/denied',
      0.85,
    );
}

/** The unclaimed attack, read last: it is no actor, so it skips the runners' actor test. */
export function unclaimedRule(s: string, { found }: Runners): void {
  // unclaimed: "no group has claimed responsibility (for the attack)", "there was no immediate
  // claim of responsibility", "the attack has not been claimed". Perpetrator null (schema: unknown).
  if (/\b(?:no|nobody|none|not)\b/i.test(s) && /\bclaim/i.test(s)) {
    const nobody = `(?:no\\s+(?:one|group|organi[sz]ation|faction|militia|party|individual|side)|no-one|nobody|none(?:\\s+of\\s+(?:the\\s+)?[\\w-]+)?)\\s+(?:(?:has|have|had)\\s+)?(?:yet\\s+|immediately\\s+|publicly\\s+|so\\s+far\\s+)?(?:claimed|taken|accepted)\\s+(?:(?:immediate\\s+)?responsibility|credit|${OBJECT})`;
    const noClaim = `no\\s+(?:immediate\\s+|public\\s+|official\\s+)?claims?\\s+of\\s+responsibility`;
    const notClaimed = `(?:${ATTACK}|it|responsibility)\\s+(?:(?:has|have|had)\\s+not\\s+(?:yet\\s+)?been\\s+|(?:was|were|is|are)\\s+not\\s+(?:immediately\\s+|yet\\s+)?)claimed(?!\\s+that\\b)`;
    for (const m of s.matchAll(new RegExp(`\\b(?:${nobody}|${noClaim}|${notClaimed})\\b(?:\\s+for\\s+(?:${OBJECT}|it\\b|them\\b))?`, 'gi'))) {
      found.push({ start: m.index, end: m.index + m[0].length, stance: 'claimed', perpetrator: null, rule: 'attribution/unclaimed', confidence: 0.85 });
    }
  }
}
