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
import { STARTER_ACTORS, normaliseActorName } from '../actors.ts';
import type { Stance } from '../claims.ts';
import { ARMED_GROUP_NOUNS, SPEAKER_NOUNS, STATE_WORDS } from './lexicon.ts';
import { isCountry } from './places.ts';
import { readActorAfter, readNounPhraseBefore } from './words.ts';
import { emptyDraft, type Draft } from './draft.ts';

const ATTACK = '(?:attacks?|strikes?|assaults?|bombings?|raids?|operations?|incidents?|shelling|killings?|ambush(?:es)?|explosions?|blasts?)';
const STARTER_KEYS = new Set(STARTER_ACTORS.flatMap((a) => [a.name, ...a.aliases]).map(normaliseActorName));

/** True when a noun phrase names an armed group (not a state or its forces). */
export function isArmedGroup(np: string): boolean {
  const words = np
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  // "the Israel-Hamas war has killed…", "the offensive killed…": an event is not an actor, whoever it names
  if (EVENT_HEAD.test(words[words.length - 1] ?? '')) return false;
  if (words.some((w) => ARMED_GROUP_NOUNS.has(w))) return true;
  return STARTER_KEYS.has(normaliseActorName(np.replace(/^(?:the|a|an)\s+/i, '')));
}

const EVENT_HEAD =
  /^(?:war|wars|conflict|violence|fighting|offensive|crisis|campaign|bombardment|shelling|attacks?|strikes?|airstrikes?|assaults?|raids?|siege|blasts?|explosions?|bombings?|clashes|operation|invasion)$/;

/** True when a phrase can name an actor: an armed group, a known actor, or a capitalised name. */
function isActor(np: string): boolean {
  if (isArmedGroup(np)) return true;
  const clean = np.replace(/^(?:the|a|an)\s+/i, '');
  if (
    /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(
      clean,
    )
  )
    return false;
  if (ACTOR_NOUNS.test(clean)) return true;
  // Arabic names written with a lower-case article: "al-Shabab", "ad-Dawla"
  if (/^(?:al|el|ad|ar|as|ash|at|an|ash-sh)[-‑]\p{Lu}/u.test(clean)) return true;
  return /^\p{Lu}/u.test(clean) && !/^(?:It|They|He|She|We|This|That|These|Those|There)$/.test(clean);
}

/** An actor that is not a state or its forces: a state reporting its own strike claims nothing. */
function notState(np: string): boolean {
  return isArmedGroup(np) || (!STATE_WORDS.test(np) && !ACTOR_NOUNS.test(np) && !isCountry(np.replace(/^the\s+/i, '')));
}

/** Collective nouns that name an actor in an explicit attribution ("attributed to government forces"). */
const ACTOR_NOUNS =
  /\b(?:forces|troops|army|military|police|government|ministry|regime|soldiers|authorities|navy|air force|agents|intelligence|services|guards|guard|units?|commanders?|state|security forces)\b/i;

const cleanActor = (np: string) =>
  np
    .replace(/^(?:the|a|an|and|by)\s+/i, '')
    .replace(TIME_FRAME, '')
    .replace(/^(?:presumed|suspected|alleged|purported|apparent)\s+/i, '')
    .replace(/[“”"‘’]+$/g, '')
    .replace(/^[“”"‘’]+/g, '')
    .trim();

// "the first time militias …": the frame read backwards with the actor, never part of its name
const TIME_FRAME = /^(?:the\s+)?(?:first|second|third|last|latest|only|next)\s+time\s+(?:that\s+)?/i;
// Words that deny there is an actor ("no group claimed …"): never a perpetrator's name.
const NO_ACTOR = /^(?:no|none|nobody|neither|any|no-one)\b/i;

// What an attribution can be for: an attack word, or the harm it did ("blamed for the deaths").
const HARM = `(?:${ATTACK}|deaths?|violence|(?:rocket|mortar|artillery|indirect)\\s+fire|shootings?|downing|assassinations?|massacres?|kidnappings?|abductions?|hijackings?|beheadings?)`;
// "for the attack", "for most of the more than 150 attacks on U.S. forces"
const OBJECT = `(?:(?:most|many|some|all|several|dozens|hundreds|a\\s+(?:series|string|wave|number))\\s+of\\s+)?(?:the|this|that|these|those|both|an?|last\\s+\\w+['’]s|recent|repeated|several|such)\\s+(?:[\\w-]+\\s+){0,4}?${HARM}\\b`;
// "believed by U.S. officials to be behind": the believer may sit between the verb and its complement
const BY_AGENT = `(?:by\\s+(?:[\\w.’'-]+\\s+){1,6}?(?=to\\s))?`;
// Hedges and modals that make "X was behind / responsible" a suspicion, not an assertion.
const HEDGE = /\b(?:likely|probably|possibly|presumably|apparently|almost\s+certainly|may|might|could|must)\b/i;
// Verbs of belief whose complement clause names a perpetrator ("officials believe X was behind").
// Findings ("concluded", "determined that") make it an accusation rather than a suspicion.
const BELIEF =
  /\b(?:(?:believe[sd]?|think|thinks|thought|suspects?|suspected|assess(?:es|ed)?|fear(?:s|ed)?|conclude[sd]?)\s+(?:that\s+)?|(?:determined|found|established)\s+that\s+|(?:indicat(?:e|es|ed)|suggest(?:s|ed)?|show(?:s|ed)?)\s+that\s+)/gi;

// A time or a channel that wire copy puts between a subject and its verb, or a verb and its object
// ("X on Friday claimed", "claimed responsibility late Thursday for", "said in a statement"). It is
// never the subject: "Friday" is not who claimed or who blamed.
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const TIME_ADJUNCT = `(?:(?:(?:late|early|earlier|later)\\s+)?(?:on\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?|on\\s+${MONTH}\\s+\\d{1,2}|(?:earlier|later)\\s+(?:this|that|last)\\s+(?:week|month)|(?:last|this)\\s+(?:week|month|weekend|night)|yesterday|today|overnight|tonight|in\\s+an?\\s+(?:[\\w-]+\\s+){0,2}?(?:statement|video|post|message|communiqu[eé]|recording))`;
// What may stand between a subject and its verb: auxiliaries, the adverbs of wire copy, raising
// verbs ("appeared to blame", "was quick to claim") and a time or channel.
const GAP_WORDS =
  '(?:has|have|had|also|later|since|already|again|reportedly|allegedly|apparently|purportedly|publicly|officially|formally|quickly|swiftly|promptly|immediately|initially|subsequently|previously|repeatedly|privately|long|now|still|then|first)';
const RAISING =
  '(?:(?:appear(?:s|ed)?|seem(?:s|ed)?|continue[sd]?|went\\s+on|rushed|moved|sought|tried)\\s+to|(?:quick|swift|fast|eager|keen|(?:the\\s+)?first)\\s+to)';
// A clause's own verb may be progressive or passive-looking ("is claiming", "has been claiming").
const COPULA = '(?:is|are|was|were|been|being|will|would)';
const AUX = `(?:\\s+(?:${GAP_WORDS}|${RAISING}|${COPULA}|${TIME_ADJUNCT}))*\\s*$`;
const AUXILIARIES = new RegExp(AUX, 'i');
// For a speaker (a sayer, a blamer) the same gap without the copula: "X was told" is no sayer.
const SPEAKER_GAP = new RegExp(`(?:\\s+(?:${GAP_WORDS}|${RAISING}|${TIME_ADJUNCT}))+\\s*$`, 'i');
/** Where the subject of a verb at `pos` ends, past auxiliaries, adverbs and a time ("X on Friday blamed"). */
function speakerEnd(s: string, pos: number): number {
  const gap = SPEAKER_GAP.exec(s.slice(0, pos));
  return gap ? gap.index : pos;
}
// A date word is never a speaker or an actor ("Friday", "late Thursday", "May 3").
const DATE_WORD = new RegExp(`^(?:on\\s+|late\\s+|early\\s+)*(?:${WEEKDAY}|${MONTH}(?:\\s+\\d|$)|yesterday$|today$|tonight$)`, 'i');
/** True when only auxiliaries and adverbs separate a subject from its verb (the span starts at the subject). */
const onlyAuxiliaries = (gap: string) => new RegExp(`^${AUX}`, 'i').test(gap);
// A negated act or claim ("did not claim", "has never carried out") attributes nothing.
const NEGATED = /\b(?:not|never|no\s+longer)\s+(?:yet\s+|immediately\s+|publicly\s+|officially\s+)?$|n[’']t\s+(?:yet\s+)?$/i;

// "(full) responsibility (on Thursday)": the claim's noun, with the time wire copy puts after it
const RESPONSIBILITY = `(?:(?:full|sole|formal|official|joint)\\s+)?responsibility(?:\\s+${TIME_ADJUNCT}|,\\s*${TIME_ADJUNCT},)?`;
// "said (on Friday) (that) it / its fighters (had)": a speaker reporting its own act
const SAID_SELF = `\\b(?:said|says|claimed|claims|claiming|announced|announces|stated|declared|insisted|insists|acknowledged|admitted|boasted|confirmed)\\s+(?:${TIME_ADJUNCT}\\s+)?(?:that\\s+)?(?:it|they|(?:its|their)\\s+(?:own\\s+)?(?:fighters|militants|members|men|forces|units?|operatives|cells?|soldiers))\\s+(?:(?:had|has|have)\\s+)?`;
// "it was not responsible for / had no role in / did not carry out / had nothing to do with the
// attack": the denial must be about an attack, or end its clause ("said it was not involved.")
const SELF_DENIAL = `(?:(?:was|were|is|are|been)\\s+(?:not|never)\\s+(?:behind|responsible|involved)|(?:wasn|weren|isn|aren)[’']t\\s+(?:behind|responsible|involved)|(?:did|does|do)(?:\\s+not|n[’']t)\\s+(?:carry\\s+out|conduct|launch|stage|mount|perpetrate|take\\s+part\\s+in)|(?:had|has|have)\\s+(?:not|never)\\s+(?:carried\\s+out|conducted|launched|staged|been\\s+(?:behind|involved))|(?:had|has|have|played)\\s+no\\s+(?:role|part|hand|involvement|connection)|(?:had|has|have)\\s+nothing\\s+to\\s+do)(?:\\s+(?:(?:in|with|for|to)\\s+)?(?:${OBJECT}|it\\b|them\\b)|(?=\\s*(?:[,.;:)]|$)))`;

// A refusal to blame or to claim is neither ("declined to blame", "stopped short of accusing").
const REFUSED =
  /\b(?:refused|refuses|declined|declines|reluctant|hesitant|unwilling|stopped\s+short\s+of|without|cautioned\s+against|not\s+to)\s+(?:to\s+)?(?:immediately\s+|publicly\s+|directly\s+|formally\s+)?$/i;

interface Found {
  start: number;
  end: number;
  stance: Stance;
  perpetrator: string | null;
  rule: string;
  confidence: number;
}

/** The subject of the clause that ends at `pos` (for "X claimed responsibility"). */
function subjectBefore(s: string, pos: number): { start: number; end: number; text: string } | null {
  // "X has (also) claimed …": the subject is before the auxiliary and its adverbs
  const aux = AUXILIARIES.exec(s.slice(0, pos));
  const left = s.slice(0, aux && aux[0].trim() ? aux.index : pos);
  const trimmed = left.trimEnd();
  // "the group, which is claiming …" / "rebels who claimed …": a relative clause's subject is its head
  const relative = /(,?)\s*\b(?:which|who|that)$/i.exec(trimmed);
  if (relative) return readNounPhraseBefore(s, relative.index);
  if (trimmed.endsWith(',')) {
    // "X, collectively known as …, claimed": the subject is before the first comma of the clause
    const clauseStart = Math.max(0, ...[/\bsaid\s/g, /\bthat\s/g, /[;:“"]/g].map((re) => lastIndex(left, re)));
    const firstComma = left.indexOf(',', clauseStart);
    if (firstComma > clauseStart) return pastVerb(readNounPhraseBefore(s, firstComma));
  }
  const np = pastVerb(readNounPhraseBefore(s, trimmed.length));
  if (!np) return null;
  // "Kataib Hezbollah is the only group known to …": the generic noun points back to the subject
  const copula = /^(?:the|a|an)\s+(?:only\s+|main\s+|one\s+)?(?:group|one|faction|militia|organization|organisation)$/i.test(np.text);
  if (copula) {
    const cop = /\s+(?:is|was|are|were)\s*$/i.exec(s.slice(0, np.start));
    if (cop) return readNounPhraseBefore(s, np.start - cop[0].length) ?? np;
  }
  return np;
}

// The noun-phrase reader knows no verbs of belief, saying or denial: "they believe Kataib
// Hezbollah" / "the group denied it" read as one phrase; the subject is what follows the verb.
const LEADING_VERB =
  /^.*\b(?:believe[sd]?|think|thinks|thought|suspects|fear(?:s|ed)?|assess(?:es|ed)?|concluded?|say|says|said|den(?:y|ies|ied)|insist(?:s|ed)?|acknowledged?)\s+/i;
function pastVerb(np: { start: number; end: number; text: string } | null): { start: number; end: number; text: string } | null {
  const v = np && LEADING_VERB.exec(np.text);
  if (!np || !v) return np;
  const text = np.text.slice(v[0].length);
  return text ? { start: np.start + v[0].length, end: np.end, text } : null;
}

function lastIndex(s: string, re: RegExp): number {
  let last = 0;
  for (const m of s.matchAll(re)) last = m.index + m[0].length;
  return last;
}

/**
 * The belief whose complement clause ends at `pos`: "the U.S. believed | Iran-backed groups |
 * were …". Returns where the belief verb starts, whether it is a finding rather than a belief
 * ("investigators concluded that …"), and the complement's subject without an appositive
 * ("X, known as Y," / "X (Y)" / "X, an Iran-backed militia,"); null when no belief leads into it.
 */
function beliefBefore(s: string, pos: number): { verbStart: number; finding: boolean; subject: { start: number; end: number; text: string } } | null {
  const from = Math.max(0, pos - 160);
  let last: RegExpExecArray | null = null;
  for (const m of s.slice(from, pos).matchAll(BELIEF)) last = m;
  if (!last) return null;
  let at = from + last.index + last[0].length;
  // "believe that X fired … and that Y was behind …": the last "that" opens the clause
  const and = /.*\b(?:and|but)\s+that\s+/i.exec(s.slice(at, pos));
  if (and) at += and[0].length;
  const subject = s
    .slice(at, pos)
    .replace(
      /,\s*(?:(?:also|collectively|widely|better|sometimes)\s+)?(?:known|referred\s+to|called|described)\s+as\s+[^,]+,\s*$|\s*\([^)]*\)\s*$|,\s*(?:an?|the)\s+[^,]+,\s*$/i,
      '',
    );
  const text = subject.trim();
  if (!text || /^(?:responsible|behind|to|by|of|in)\b/i.test(text)) return null; // "a militia believed responsible": a postmodifier
  // the complement's subject is one noun phrase, all of the words between the verb and the predicate
  const start = at + subject.indexOf(text);
  const np = readNounPhraseBefore(s, start + text.length);
  if (!np || np.start > start) return null; // (the reader may run on left, through the verb)
  return { verbStart: from + last.index, finding: /^(?:conclu|determin|found|establish)/i.test(last[0]), subject: { start, end: start + text.length, text } };
}

const HABITUAL = /^[^.;]{0,40}\b(?:before|previously|repeatedly|in the past|in recent (?:months|years)|often|frequently)\b/i;

/** Attribution suggestions in one sentence (offsets relative to it). `speaker` turns an act into an accusation. */
export function attributionDrafts(s: string, speaker: string | null): Draft[] {
  const found: Found[] = [];
  const add = (f: Found | null) => {
    if (!f || !f.perpetrator || !isActor(f.perpetrator) || NO_ACTOR.test(f.perpetrator)) return;
    // "saying its fighters had killed …": a pronoun's fighters name nobody (the claim rules read the sayer)
    if (/^(?:\p{Ll}+ing\s+)?(?:its|their|his|her)\s/iu.test(f.perpetrator)) return;
    f.perpetrator = cleanActor(f.perpetrator);
    if (!f.perpetrator) return;
    found.push(f);
  };
  const subjectRule = (re: RegExp, stance: Stance | 'act', rule: string, confidence: number, needGroup: boolean | ((np: string) => boolean) = false) => {
    for (const m of s.matchAll(re)) {
      if (NEGATED.test(s.slice(Math.max(0, m.index - 30), m.index)) || REFUSED.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
      const subj = subjectBefore(s, m.index);
      if (!subj) continue;
      if (needGroup && !(needGroup === true ? isArmedGroup : needGroup)(subj.text)) continue;
      if (stance === 'act' && HABITUAL.test(s.slice(m.index + m[0].length))) continue;
      const adjacent = onlyAuxiliaries(s.slice(subj.end, m.index));
      add({
        start: adjacent ? subj.start : m.index,
        end: m.index + m[0].length,
        stance: stance === 'act' ? (speaker ? 'accused' : 'asserted') : stance,
        perpetrator: subj.text,
        rule,
        confidence,
      });
    }
  };
  const afterRule = (re: RegExp, stance: Stance | 'act', rule: string, confidence: number, needGroup = false) => {
    for (const m of s.matchAll(re)) {
      const actor = readActorAfter(s, m.index + m[0].length);
      if (!actor) continue;
      if (needGroup && !isArmedGroup(actor.text)) continue;
      add({
        start: m.index,
        end: actor.end,
        stance: stance === 'act' ? (speaker ? 'accused' : 'asserted') : stance,
        perpetrator: actor.text,
        rule,
        confidence,
      });
    }
  };
  const beforeRule = (re: RegExp, stance: Stance, rule: string, confidence: number) => {
    for (const m of s.matchAll(re)) {
      const np = subjectBefore(s, m.index);
      if (!np) continue;
      add({ start: np.start, end: m.index + m[0].length, stance, perpetrator: np.text, rule, confidence });
    }
  };

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

const SPEECH =
  /\b(?:said|says|say|told|stated|states|announced|announces|reported|confirmed|added|noted|wrote|tweeted|cautioned|warned|revealed|explained|insisted|claimed|described|declared)\b/g;
const PRONOUN = /^(?:he|she|they|it|we|i|you|the\s+(?:general|official|spokesman|spokeswoman|minister|secretary))$/i;

/**
 * Who the sentence cites: "according to a coalition statement", "U.S. officials said", "said
 * Defense Secretary Mark Esper", "cautioned a U.S. official". A pronoun sayer ("he said") takes
 * `previous` (the last named speaker in the paragraph).
 */
export function speakerOf(s: string, previous: string | null): string | null {
  // the dot of "U.S." or "U.N." does not end the cited name
  const acc =
    /\baccording to\s+(?:a\s+|an\s+|the\s+)?((?:[^,.;]|\.(?=\S)|(?<=\b[A-Za-z]\.[A-Za-z])\.)+?)(?=\s*(?:[,;]|(?<!\b[A-Za-z]\.[A-Za-z])\.(?:\s|$)|$)|\s+(?:on|in|at|published|released)\s)/i.exec(
      s,
    );
  if (acc && acc[1].split(/\s+/).length <= 10) {
    const cited = MEDIUM.test(acc[1]) ? mediumOwner(s.slice(acc.index + acc[0].length)) : tidy(acc[1]);
    if (cited) return cited;
  }
  for (const m of s.matchAll(SPEECH)) {
    if (/^claimed$/i.test(m[0]) && /^\s+responsibility/i.test(s.slice(m.index + m[0].length))) continue;
    // "The group on Friday said", "officials had earlier said": the sayer is before the gap
    let before = readNounPhraseBefore(s, speakerEnd(s, m.index));
    // "a military official, speaking on condition of anonymity, told": the sayer is before the aside
    const aside = before ? null : /,\s*(?:speaking|who|citing|according|asking|requesting)\b[^,]{0,80},\s*$/i.exec(s.slice(0, m.index));
    if (aside) before = readNounPhraseBefore(s, aside.index);
    // "a spokesman for the Taliban said": the sayer is the spokesman, whose group the reader cut off at "for"
    const role =
      before &&
      /(?:^|[\s,;:(])((?:(?:a|an|the)\s+)?(?:[\w.’'-]+\s+){0,2}?(?:spokes(?:man|woman|person)|officials?|members?|leaders?|commanders?|representatives?|head|chief|director)\s+(?:for|of|at|from|with)\s+)$/i.exec(
        s.slice(Math.max(0, before.start - 80), before.start),
      );
    if (before && role) before = { start: before.start - role[1].length, end: before.end, text: role[1] + before.text };
    // "strikes against what US officials said were …": the relative word is not part of the sayer
    let who = (before?.text ?? '').trim().replace(/^(?:what|which|whom|whose|who|where|whatever)\s+/i, '');
    // a date is no sayer, and a phrase ending on an article is no phrase ("This marks the first publicly reported")
    if (DATE_WORD.test(who) || /\b(?:the|an?|this|that|its|their)$/i.test(who)) who = '';
    if (who && PRONOUN.test(who)) return previous ?? null;
    if (who && (SPEAKER_NOUNS.test(who) || /\p{Lu}/u.test(who)) && who.split(/\s+/).length <= 8 && !/^(?:It|This|That|There)$/i.test(who)) return tidy(who);
    // inverted: "…, said Defense Secretary Mark Esper." / "cautioned a U.S. official." / "said a spokesman for the ministry."
    const tail = s.slice(m.index + m[0].length).replace(/[.”"’\s]+$/, '');
    const words = tail.trim().split(/\s+/);
    if (
      /^\s+\S/.test(tail) &&
      !tail.includes(',') &&
      words.length <= 8 &&
      (SPEAKER_NOUNS.test(tail) || /^\p{Lu}/u.test(words[0]) || /^(?:a|an|the)\s+\S/i.test(tail.trim()))
    ) {
      const who2 = tail
        .trim()
        .replace(/\s+(?:in|on|at)\s+(?:a|an|the)\s+(?:statement|briefing|interview|hearing|news conference|press conference)\b.*$/i, '')
        .replace(/\s+(?:on|late|early)\s+\p{Lu}\w+day\b.*$/u, '');
      if ((SPEAKER_NOUNS.test(who2) || /^\p{Lu}/u.test(who2)) && !DATE_WORD.test(who2)) return tidy(who2);
    }
  }
  return attributorOf(s);
}

// A medium names no speaker by itself ("according to a post", "according to a new video"); its
// owner does ("a post on the group's Telegram account" → the group's Telegram account).
const MEDIUM =
  /^(?:(?:new|online|brief|short|written|separate|joint|later|earlier|official|recent|video|audio)\s+)?(?:post(?:ing)?s?|statements?|videos?|messages?|communiqu[eé]s?|recordings?|tweets?|releases?|notices?|audio)$/i;
// A platform or a pronoun's page is where a medium appeared, not whose it is.
const PLATFORM =
  /^(?:(?:its|their|his|her)\b.*|(?:the\s+)?(?:Telegram|Twitter|X|Facebook|YouTube|Instagram|TikTok|WhatsApp|social\s+media|the\s+internet|(?:a|the)\s+(?:website|channel|messaging\s+app))(?:\s+(?:channel|account|page|app))?)$/i;
function mediumOwner(rest: string): string | null {
  const m =
    /^\s+(?:on|in|from|by|of|(?:posted|published|released|issued|shared)\s+(?:on|to|by|in))\s+((?:[^,.;]|\.(?=\S))+?)(?=\s*(?:[,;]|\.(?:\s|$)|$))/i.exec(rest);
  const owner = m?.[1].trim();
  if (!owner || owner.split(/\s+/).length > 8 || PLATFORM.test(owner)) return null;
  // "published by the Fars news agency on Thursday": the time is not part of the owner
  return tidy(owner.replace(new RegExp(`\\s+${TIME_ADJUNCT}$`, 'i'), ''));
}

/**
 * With no verb of saying, whoever blames, accuses or believes is the one cited: the by-agent of a
 * passive ("X was blamed by the U.S. for …" → U.S.) or the subject of an active blame or belief
 * ("Washington believes X was behind …" → Washington; "Police blamed X for …" → Police).
 */
function attributorOf(s: string): string | null {
  const agent = /\b(?:blamed|accused|held\s+responsible|believed|suspected|thought)\s+by\s+/i.exec(s);
  if (agent) {
    const read = readActorAfter(s, agent.index + agent[0].length, 8);
    const who = read?.text.replace(/\s+(?:of|for|to|in)\b.*$/i, '').trim();
    if (who && (SPEAKER_NOUNS.test(who) || /^(?:the\s+)?\p{Lu}/u.test(who))) return tidy(who);
  }
  // the bare verb counts after a raising verb ("had initially appeared to blame"); a finding's
  // evidence speaks too ("assessments indicated that X was …")
  for (const m of s.matchAll(
    /\b(?:blamed|blames|blame|accused|accuses|accuse|(?:put|puts|placed|places|laid|lays|pinned|pins)\s+(?:the\s+)?blame|believe[sd]?|thinks|thought|suspect(?:s|ed)?|assess(?:es|ed)|conclude[sd]|indicat(?:es|ed)|suggest(?:s|ed))\s+(?!by\b|for\b|of\b|to\b|in\b|as\b|responsible\b|behind\b)/gi,
  )) {
    // "Washington has long suspected", "the ministry on Friday blamed": the subject is before the
    // auxiliaries, adverbs and time
    if (NEGATED.test(s.slice(Math.max(0, m.index - 30), m.index)) || REFUSED.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
    const before = readNounPhraseBefore(s, speakerEnd(s, m.index));
    // "attacks Washington has blamed on …": a relative clause without "that"; the name is the sayer
    // "told VOA the U.S. believes": an article inside the phrase starts the believer
    const whole = (before?.text.trim() ?? '').replace(/^(?:\p{Ll}[\p{L}-]*\s+)+(?=\p{Lu})/u, '');
    const inner = /^(?:.*\s)?(?<!\b(?:of|in|and|&)\s)(?=(?:the|an?)\s)/i.exec(whole);
    const who = inner && inner[0] ? whole.slice(inner[0].length) : whole;
    if (!who || PRONOUN.test(who) || DATE_WORD.test(who) || who.split(/\s+/).length > 8 || /^(?:It|This|That|There|an?|the|some|one)$/i.test(who)) continue;
    if (
      /\b(?:believe|think|thought|suspect|assess|conclude|indicat|suggest)/i.test(m[0]) &&
      !/^(?:that\s+)?[^;:]{1,120}?\s(?:was|were|is|are|had|has|have|would|could|may|might)\b/i.test(s.slice(m.index + m[0].length))
    )
      continue;
    if (SPEAKER_NOUNS.test(who) || /^(?:the\s+)?\p{Lu}/u.test(who)) return tidy(who);
  }
  return null;
}

const tidy = (w: string) =>
  w
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[“”"]+/g, '')
    .trim();
