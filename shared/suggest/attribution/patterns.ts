// Attribution patterns: the phrase pieces (attacks, harms, hedges, times), actor tests, subject readers and rule runners.
import { STARTER_ACTORS, normaliseActorName } from '../../model/actors.ts';
import type { Stance } from '../../model/claims.ts';
import { ARMED_GROUP_NOUNS, STATE_WORDS } from '../lexicon.ts';
import { isCountry } from '../places.ts';
import { readActorAfter, readNounPhraseBefore } from '../words.ts';
import { regionActorAt } from '../region.ts';
import { GROUP_HEADS } from '../lexicon/agents.ts';

// a group head just before a phrase of affiliation: the phrase describes the group
const GROUP_BEFORE = new RegExp(
  String.raw`\b(?:${[...GROUP_HEADS, 'group', 'organi[sz]ation', 'movement', 'faction', 'cell'].join('|')})(?:s|es|men)?\)?,?\s+$`,
  'i',
);

export const ATTACK = '(?:attacks?|strikes?|assaults?|bombings?|raids?|operations?|incidents?|shelling|killings?|ambush(?:es)?|explosions?|blasts?)';
const STARTER_KEYS = new Set(STARTER_ACTORS.flatMap((a) => [a.name, ...a.aliases]).map(normaliseActorName));

const ARMED = new Map<string, boolean>();
/** True when a noun phrase names an armed group (not a state or its forces). Each phrase is judged once (the rules ask often). */
export function isArmedGroup(np: string): boolean {
  let r = ARMED.get(np);
  if (r === undefined) {
    if (ARMED.size > 4096) ARMED.clear();
    r = judgeArmedGroup(np);
    ARMED.set(np, r);
  }
  return r;
}

function judgeArmedGroup(np: string): boolean {
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
export function notState(np: string): boolean {
  return isArmedGroup(np) || (!STATE_WORDS.test(np) && !ACTOR_NOUNS.test(np) && !isCountry(np.replace(/^the\s+/i, '')) && !isRegionState(np));
}

/** A phrase that is wholly a state's name, demonym, capital or abbreviation in the region lexicon ("Moscow", "Kyiv", "Russia"). */
function isRegionState(np: string): boolean {
  // words split on spaces, as the region lexicon's names are (running the tokenizer on every phrase checked costs too much)
  const tokens = np
    .replace(/^the\s+/i, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ text, lower: text.toLowerCase() }));
  const found = tokens.length ? regionActorAt(tokens, 0) : null;
  return !!found && found[0].kind === 'state' && found[1] === tokens.length;
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
export const TIME_FRAME = /^(?:the\s+)?(?:first|second|third|last|latest|only|next)\s+time\s+(?:that\s+)?/i;
// Words that deny there is an actor ("no group claimed …"): never a perpetrator's name.
const NO_ACTOR = /^(?:no|none|nobody|neither|any|no-one)\b/i;

// What an attribution can be for: an attack word, or the harm it did ("blamed for the deaths").
export const HARM = `(?:${ATTACK}|deaths?|violence|(?:rocket|mortar|artillery|indirect)\\s+fire|shootings?|downing|assassinations?|massacres?|kidnappings?|abductions?|hijackings?|beheadings?)`;
// "for the attack", "for most of the more than 150 attacks on U.S. forces"
export const OBJECT = `(?:(?:most|many|some|all|several|dozens|hundreds|a\\s+(?:series|string|wave|number))\\s+of\\s+)?(?:the|this|that|these|those|both|an?|last\\s+\\w+['’]s|recent|repeated|several|such)\\s+(?:[\\w-]+\\s+){0,4}?${HARM}\\b`;
// "believed by U.S. officials to be behind": the believer may sit between the verb and its complement
export const BY_AGENT = `(?:by\\s+(?:[\\w.’'-]+\\s+){1,6}?(?=to\\s))?`;
// Hedges and modals that make "X was behind / responsible" a suspicion, not an assertion.
export const HEDGE = /\b(?:likely|probably|possibly|presumably|apparently|almost\s+certainly|may|might|could|must)\b/i;
// Verbs of belief whose complement clause names a perpetrator ("officials believe X was behind").
// Findings ("concluded", "determined that") make it an accusation rather than a suspicion.
const BELIEF =
  /\b(?:(?:believe[sd]?|think|thinks|thought|suspects?|suspected|assess(?:es|ed)?|fear(?:s|ed)?|conclude[sd]?)\s+(?:that\s+)?|(?:determined|found|established)\s+that\s+|(?:indicat(?:e|es|ed)|suggest(?:s|ed)?|show(?:s|ed)?)\s+that\s+)/gi;

// A time or a channel that wire copy puts between a subject and its verb, or a verb and its object
// ("X on Friday claimed", "claimed responsibility late Thursday for", "said in a statement"). It is
// never the subject: "Friday" is not who claimed or who blamed.
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
export const TIME_ADJUNCT = `(?:(?:(?:late|early|earlier|later)\\s+)?(?:on\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?|on\\s+${MONTH}\\s+\\d{1,2}|(?:earlier|later)\\s+(?:this|that|last)\\s+(?:week|month)|(?:last|this)\\s+(?:week|month|weekend|night)|yesterday|today|overnight|tonight|in\\s+an?\\s+(?:[\\w-]+\\s+){0,2}?(?:statement|video|post|message|communiqu[eé]|recording))`;
// What may stand between a subject and its verb: auxiliaries, the adverbs of wire copy, raising
// verbs ("appeared to blame", "was quick to claim") and a time or channel.
const GAP_WORDS =
  '(?:has|have|had|also|later|since|already|again|reportedly|allegedly|apparently|purportedly|publicly|officially|formally|quickly|swiftly|promptly|immediately|initially|subsequently|previously|repeatedly|privately|long|now|still|then|first)';
const RAISING =
  '(?:(?:appear(?:s|ed)?|seem(?:s|ed)?|continue[sd]?|went\\s+on|rushed|moved|sought|tried)\\s+to|(?:quick|swift|fast|eager|keen|(?:the\\s+)?first)\\s+to)';
// A clause's own verb may be progressive or passive-looking ("is claiming", "has been claiming").
const COPULA = '(?:is|are|was|were|been|being|will|would)';
export const AUX = `(?:\\s+(?:${GAP_WORDS}|${RAISING}|${COPULA}|${TIME_ADJUNCT}))*\\s*$`;
const AUXILIARIES = new RegExp(AUX, 'i');
// For a speaker (a sayer, a blamer) the same gap without the copula: "X was told" is no sayer.
const SPEAKER_GAP = new RegExp(`(?:\\s+(?:${GAP_WORDS}|${RAISING}|${TIME_ADJUNCT}))+\\s*$`, 'i');
/** Where the subject of a verb at `pos` ends, past auxiliaries, adverbs and a time ("X on Friday blamed"). */
export function speakerEnd(s: string, pos: number): number {
  const gap = SPEAKER_GAP.exec(s.slice(0, pos));
  return gap ? gap.index : pos;
}
// A date word is never a speaker or an actor ("Friday", "late Thursday", "May 3").
export const DATE_WORD = new RegExp(`^(?:on\\s+|late\\s+|early\\s+)*(?:${WEEKDAY}|${MONTH}(?:\\s+\\d|$)|yesterday$|today$|tonight$)`, 'i');
/** True when only auxiliaries and adverbs separate a subject from its verb (the span starts at the subject). */
const onlyAuxiliaries = (gap: string) => new RegExp(`^${AUX}`, 'i').test(gap);
// A negated act or claim ("did not claim", "has never carried out") attributes nothing.
export const NEGATED = /\b(?:not|never|no\s+longer)\s+(?:yet\s+|immediately\s+|publicly\s+|officially\s+)?$|n[’']t\s+(?:yet\s+)?$/i;

// "(full) responsibility (on Thursday)": the claim's noun, with the time wire copy puts after it
export const RESPONSIBILITY = `(?:(?:full|sole|formal|official|joint)\\s+)?responsibility(?:\\s+${TIME_ADJUNCT}|,\\s*${TIME_ADJUNCT},)?`;
// "said (on Friday) (that) it / its fighters (had)": a speaker reporting its own act
export const SAID_SELF = `\\b(?:said|says|claimed|claims|claiming|announced|announces|stated|declared|insisted|insists|acknowledged|admitted|boasted|confirmed)\\s+(?:${TIME_ADJUNCT}\\s+)?(?:that\\s+)?(?:it|they|(?:its|their)\\s+(?:own\\s+)?(?:fighters|militants|members|men|forces|units?|operatives|cells?|soldiers))\\s+(?:(?:had|has|have)\\s+)?`;
// "it was not responsible for / had no role in / did not carry out / had nothing to do with the
// attack": the denial must be about an attack, or end its clause ("said it was not involved.")
export const SELF_DENIAL = `(?:(?:was|were|is|are|been)\\s+(?:not|never)\\s+(?:behind|responsible|involved)|(?:wasn|weren|isn|aren)[’']t\\s+(?:behind|responsible|involved)|(?:did|does|do)(?:\\s+not|n[’']t)\\s+(?:carry\\s+out|conduct|launch|stage|mount|perpetrate|take\\s+part\\s+in)|(?:had|has|have)\\s+(?:not|never)\\s+(?:carried\\s+out|conducted|launched|staged|been\\s+(?:behind|involved))|(?:had|has|have|played)\\s+no\\s+(?:role|part|hand|involvement|connection)|(?:had|has|have)\\s+nothing\\s+to\\s+do)(?:\\s+(?:(?:in|with|for|to)\\s+)?(?:${OBJECT}|it\\b|them\\b)|(?=\\s*(?:[,.;:)]|$)))`;

// A refusal to blame or to claim is neither ("declined to blame", "stopped short of accusing").
export const REFUSED =
  /\b(?:refused|refuses|declined|declines|reluctant|hesitant|unwilling|stopped\s+short\s+of|without|cautioned\s+against|not\s+to)\s+(?:to\s+)?(?:immediately\s+|publicly\s+|directly\s+|formally\s+)?$/i;

export interface Found {
  start: number;
  end: number;
  stance: Stance;
  perpetrator: string | null;
  rule: string;
  confidence: number;
}

/** The subject of the clause that ends at `pos` (for "X claimed responsibility"). */
export function subjectBefore(s: string, pos: number): { start: number; end: number; text: string } | null {
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

export function lastIndex(s: string, re: RegExp): number {
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
export function beliefBefore(s: string, pos: number): { verbStart: number; finding: boolean; subject: { start: number; end: number; text: string } } | null {
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

export const HABITUAL = /^[^.;]{0,40}\b(?:before|previously|repeatedly|in the past|in recent (?:months|years)|often|frequently)\b/i;

/** The rule runners of one sentence: each pushes what its pattern finds onto `found`. */
export function ruleRunners(s: string, speaker: string | null) {
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
  const afterRule = (re: RegExp, stance: Stance | 'act', rule: string, confidence: number, needGroup = false, notOfGroup = false) => {
    for (const m of s.matchAll(re)) {
      // "militants linked to al Qaeda", "the ISGS group, affiliated with the Islamic State": what a group is, not who attacked
      if (notOfGroup && GROUP_BEFORE.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
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
  return { found, add, subjectRule, afterRule, beforeRule };
}

/** The rule runners of one sentence, shared by the stance families (claims.ts, blame.ts, suspicion.ts, acts.ts). */
export type Runners = ReturnType<typeof ruleRunners>;
