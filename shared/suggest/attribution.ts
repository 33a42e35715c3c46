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
// The phrase pieces and rule runners are in attribution/patterns.ts, the speaker of a sentence in
// attribution/speakers.ts; this module reads the stances and re-exports both.
import type { Stance } from '../model/claims.ts';
import { readActorAfter, readNounPhraseBefore } from './words.ts';
import { emptyDraft, type Draft } from './draft.ts';
import {
  ATTACK,
  AUX,
  BY_AGENT,
  type Found,
  HABITUAL,
  HARM,
  HEDGE,
  NEGATED,
  OBJECT,
  REFUSED,
  RESPONSIBILITY,
  SAID_SELF,
  SELF_DENIAL,
  TIME_FRAME,
  beliefBefore,
  isArmedGroup,
  lastIndex,
  notState,
  ruleRunners,
  subjectBefore,
} from './attribution/patterns.ts';

export { isArmedGroup } from './attribution/patterns.ts';
export { speakerOf } from './attribution/speakers.ts';

/** Attribution suggestions in one sentence (offsets relative to it). `speaker` turns an act into an accusation. */
export function attributionDrafts(s: string, speaker: string | null): Draft[] {
  const { found, add, subjectRule, afterRule, beforeRule } = ruleRunners(s, speaker);

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
  // accused
  if (/\bblam/i.test(s))
    afterRule(
      new RegExp(`\\b(?:blamed|blames|blame|blaming)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?${ATTACK}\\s+on\\s+`, 'gi'),
      'accused',
      'attribution/blamed-on',
      0.85,
    );
  if (/\bblam/i.test(s)) afterRule(new RegExp(`\\b(?:was|were|is|are|been)\\s+blamed\\s+on\\s+`, 'gi'), 'accused', 'attribution/blamed-on', 0.85);
  // "a string of attacks (that) Washington has blamed on X": the attack is the relative's gap
  if (/\bblam/i.test(s)) afterRule(/\bblamed\s+on\s+/gi, 'accused', 'attribution/blamed-on', 0.8);
  // "placed the blame (for the attack) squarely on X"
  if (/\bblame\b/i.test(s))
    afterRule(
      new RegExp(
        `\\b(?:put|puts|putting|placed|places|placing|laid|lays|laying|pinned|pins|pinning)\\s+(?:the\\s+)?blame\\s+(?:for\\s+${OBJECT}\\s+)?(?:squarely\\s+|firmly\\s+|largely\\s+)?on\\s+`,
        'gi',
      ),
      'accused',
      'attribution/blamed-on',
      0.8,
    );
  // the bare verb after a raising verb or modal counts too ("appeared to blame X for", "would accuse X of")
  for (const m of /\b(?:blam|accus|held|hold)/i.test(s)
    ? s.matchAll(/\b(?:blamed|blames|blame|blaming|accused|accuses|accuse|accusing|held|holds|hold|holding)\s+/gi)
    : []) {
    // "did not blame", "declined to blame", "stopped short of blaming": no accusation
    if (NEGATED.test(s.slice(Math.max(0, m.index - 30), m.index)) || REFUSED.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
    const read = readActorAfter(s, m.index + m[0].length, 6);
    if (!read) continue;
    // "accused Israel of an airstrike": the actor ends before "of" / "for" / "responsible"
    const cut = /\s+(?:of|for|responsible)\b/i.exec(read.text);
    const actor = cut ? { ...read, end: read.start + cut.index, text: read.text.slice(0, cut.index) } : read;
    const tail = s.slice(actor.end);
    const verb = m[0].toLowerCase();
    if (
      /^(?:held|holds|holding)/.test(verb)
        ? /^\s+responsible\b/i.test(tail)
        : /^(?:blam)/.test(verb)
          ? /^\s+for\b/i.test(tail)
          : /^\s+of\s+(?!planning|plotting|preparing|seeking|wanting|trying|intending|threatening)/i.test(tail)
    ) {
      const end = actor.end + (/^\s+(?:responsible|for|of)\b(?:\s+(?:the|an?)\s+[\w-]+(?:\s+[\w-]+)?)?/i.exec(tail)?.[0].length ?? 0);
      add({
        start: m.index,
        end,
        stance: 'accused',
        perpetrator: actor.text,
        rule: `attribution/${/^blam/.test(verb) ? 'blamed' : /^accus/.test(verb) ? 'accused' : 'held'}`,
        confidence: 0.8,
      });
    }
  }
  for (const m of !/\b(?:attribut|ascrib|pinned)/i.test(s)
    ? []
    : s.matchAll(
        new RegExp(
          `\\b(?:(?:the\\s+)?(?:[\\w-]+\\s+)?${ATTACK}\\s+)?(?:was\\s+|were\\s+|is\\s+|are\\s+)?(?:attributed|attributes|attributing|ascribed|pinned)\\s+(?:(?:it|the\\s+[\\w-]+(?:\\s+[\\w-]+)?)\\s+)?(?:to|on)\\s+`,
          'gi',
        ),
      )) {
    const actor = readActorAfter(s, m.index + m[0].length);
    if (actor) add({ start: m.index, end: actor.end, stance: 'accused', perpetrator: actor.text, rule: 'attribution/attributed-to', confidence: 0.85 });
  }
  // passive blame: "X was blamed (by the U.S.) for a rocket attack", "X has been accused of
  // launching the raid". The subject is the perpetrator; the by-agent is the speaker (speakerOf).
  if (/\b(?:blamed|accused)\b/i.test(s)) {
    for (const m of s.matchAll(
      /\b(?:(?:has|have|had)\s+(?:also\s+)?been|(?:was|were|is|are)(?:\s+(?:being|also|widely|largely|repeatedly))?)\s+(?:widely\s+|largely\s+|repeatedly\s+)?(blamed|accused)\s+/gi,
    )) {
      let at = m.index + m[0].length;
      const by = /^by\s+/i.exec(s.slice(at));
      if (by) {
        const agent = readActorAfter(s, at + by[0].length, 8);
        const cut = agent && /\s+(?:of|for)\b/i.exec(agent.text);
        if (!agent) continue;
        at = cut ? agent.start + cut.index : agent.end;
      }
      const what =
        m[1].toLowerCase() === 'blamed'
          ? new RegExp(`^\\s*for\\s+(?:${OBJECT}|(?:[\\w-]+\\s+){0,2}?${HARM}\\b)`, 'i').exec(s.slice(at))
          : new RegExp(
              `^\\s*of\\s+(?:(?:carrying\\s+out|launching|conducting|staging|orchestrating|mounting|perpetrating|being\\s+behind)\\s+)?(?:${OBJECT}|(?:[\\w-]+\\s+){0,2}?${HARM}\\b)`,
              'i',
            ).exec(s.slice(at));
      if (!what) continue;
      const subj = subjectBefore(s, m.index);
      if (!subj) continue;
      add({
        start: m.index - subj.end <= 2 ? subj.start : m.index,
        end: at + what[0].length,
        stance: 'accused',
        perpetrator: subj.text,
        rule: 'attribution/blamed-passive',
        confidence: 0.85,
      });
    }
  }
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
    afterRule(/\b(?:controlled|operated|run)\s+by\s+|\b(?:belonging|affiliated|loyal)\s+(?:to|with)\s+/gi, 'act', 'attribution/controlled-by', 0.55, true);
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
