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
import { STARTER_ACTORS, normaliseActorName } from '../actors.ts';
import type { Stance } from '../claims.ts';
import { ARMED_GROUP_NOUNS, SPEAKER_NOUNS } from './lexicon.ts';
import { readActorAfter, readNounPhraseBefore } from './words.ts';
import { emptyDraft, type Draft } from './draft.ts';

const ATTACK = '(?:attacks?|strikes?|assaults?|bombings?|raids?|operations?|incidents?|shelling|killings?|ambush(?:es)?|explosions?|blasts?)';
const STARTER_KEYS = new Set(STARTER_ACTORS.flatMap((a) => [a.name, ...a.aliases]).map(normaliseActorName));

/** True when a noun phrase names an armed group (not a state or its forces). */
export function isArmedGroup(np: string): boolean {
  const words = np.toLowerCase().replace(/[’']s\b/g, '').split(/[\s-]+/).filter(Boolean);
  if (words.some((w) => ARMED_GROUP_NOUNS.has(w))) return true;
  return STARTER_KEYS.has(normaliseActorName(np.replace(/^(?:the|a|an)\s+/i, '')));
}

/** True when a phrase can name an actor: an armed group, a known actor, or a capitalised name. */
function isActor(np: string): boolean {
  if (isArmedGroup(np)) return true;
  const clean = np.replace(/^(?:the|a|an)\s+/i, '');
  if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(clean)) return false;
  if (ACTOR_NOUNS.test(clean)) return true;
  return /^\p{Lu}/u.test(clean) && !/^(?:It|They|He|She|We|This|That|These|Those|There)$/.test(clean);
}

/** Collective nouns that name an actor in an explicit attribution ("attributed to government forces"). */
const ACTOR_NOUNS = /\b(?:forces|troops|army|military|police|government|regime|soldiers|authorities|navy|air force|agents|intelligence|services|guards|guard|units?|commanders?|state|security forces)\b/i;

const cleanActor = (np: string) =>
  np
    .replace(/^(?:the|a|an|and|by)\s+/i, '')
    .replace(/^(?:presumed|suspected|alleged|purported|apparent)\s+/i, '')
    .replace(/[“”"‘’]+$/g, '')
    .replace(/^[“”"‘’]+/g, '')
    .trim();

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
  const left = s.slice(0, pos);
  const trimmed = left.trimEnd();
  if (trimmed.endsWith(',')) {
    // "X, collectively known as …, claimed": the subject is before the first comma of the clause
    const clauseStart = Math.max(0, ...[/\bsaid\s/g, /\bthat\s/g, /[;:“"]/g].map((re) => lastIndex(left, re)));
    const firstComma = left.indexOf(',', clauseStart);
    if (firstComma > clauseStart) return readNounPhraseBefore(s, firstComma);
  }
  const np = readNounPhraseBefore(s, trimmed.length);
  if (!np) return null;
  // "Kataib Hezbollah is the only group known to …": the generic noun points back to the subject
  const copula = /^(?:the|a|an)\s+(?:only\s+|main\s+|one\s+)?(?:group|one|faction|militia|organization|organisation)$/i.test(np.text);
  if (copula) {
    const cop = /\s+(?:is|was|are|were)\s*$/i.exec(s.slice(0, np.start));
    if (cop) return readNounPhraseBefore(s, np.start - cop[0].length) ?? np;
  }
  return np;
}

function lastIndex(s: string, re: RegExp): number {
  let last = 0;
  for (const m of s.matchAll(re)) last = m.index + m[0].length;
  return last;
}

const HABITUAL = /^[^.;]{0,40}\b(?:before|previously|repeatedly|in the past|in recent (?:months|years)|often|frequently)\b/i;

/** Attribution suggestions in one sentence (offsets relative to it). `speaker` turns an act into an accusation. */
export function attributionDrafts(s: string, speaker: string | null): Draft[] {
  const found: Found[] = [];
  const add = (f: Found | null) => {
    if (!f || !f.perpetrator || !isActor(f.perpetrator)) return;
    f.perpetrator = cleanActor(f.perpetrator);
    if (!f.perpetrator) return;
    found.push(f);
  };
  const subjectRule = (re: RegExp, stance: Stance | 'act', rule: string, confidence: number, needGroup = false) => {
    for (const m of s.matchAll(re)) {
      const subj = subjectBefore(s, m.index);
      if (!subj) continue;
      if (needGroup && !isArmedGroup(subj.text)) continue;
      if (stance === 'act' && HABITUAL.test(s.slice(m.index + m[0].length))) continue;
      const adjacent = m.index - subj.end <= 2;
      found.length;
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
      add({ start: m.index, end: actor.end, stance: stance === 'act' ? (speaker ? 'accused' : 'asserted') : stance, perpetrator: actor.text, rule, confidence });
    }
  };
  const beforeRule = (re: RegExp, stance: Stance, rule: string, confidence: number) => {
    for (const m of s.matchAll(re)) {
      const np = subjectBefore(s, m.index);
      if (!np) continue;
      add({ start: np.start, end: m.index + m[0].length, stance, perpetrator: np.text, rule, confidence });
    }
  };

  // claimed
  if (/responsib/i.test(s)) subjectRule(new RegExp(`\\b(?:claimed|claims|claim|claiming|took|takes|has taken|have taken|accepted)\\s+(?:full\\s+|sole\\s+)?responsibility\\s+for\\s+(?:the\\s+|a\\s+|an\\s+|this\\s+|that\\s+|these\\s+|both\\s+)?(?:[\\w-]+\\s+){0,3}?${ATTACK}\\b`, 'gi'), 'claimed', 'attribution/claimed-responsibility', 0.9);
  if (/\bclaim/i.test(s)) subjectRule(/\b(?:claimed|claims)\s+(?:the|this|that|both)\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|bombings?|operations?)\b/gi, 'claimed', 'attribution/claimed-attack', 0.8);
  if (/\bbehind\b/i.test(s)) subjectRule(/\bsaid\s+(?:it|they)\s+(?:was|were|had been)\s+behind\b/gi, 'claimed', 'attribution/said-behind', 0.7);
  // denied
  if (/\b(?:den[iy]|reject)/i.test(s)) subjectRule(/\b(?:denied|denies|deny|denying|rejected)\s+(?:any\s+)?(?:responsibility|involvement|a role|any role|role|being behind|carrying out|launching|that it)\b/gi, 'denied', 'attribution/denied', 0.85);
  // accused
  if (/\bblam/i.test(s)) afterRule(new RegExp(`\\b(?:blamed|blames|blame|blaming)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?${ATTACK}\\s+on\\s+`, 'gi'), 'accused', 'attribution/blamed-on', 0.85);
  if (/\bblam/i.test(s)) afterRule(new RegExp(`\\b(?:was|were|is|are|been)\\s+blamed\\s+on\\s+`, 'gi'), 'accused', 'attribution/blamed-on', 0.85);
  for (const m of /\b(?:blam|accus|held|hold)/i.test(s) ? s.matchAll(/\b(?:blamed|blames|blaming|accused|accuses|accusing|held|holds|holding)\s+/gi) : []) {
    const read = readActorAfter(s, m.index + m[0].length, 6);
    if (!read) continue;
    // "accused Israel of an airstrike": the actor ends before "of" / "for" / "responsible"
    const cut = /\s+(?:of|for|responsible)\b/i.exec(read.text);
    const actor = cut ? { ...read, end: read.start + cut.index, text: read.text.slice(0, cut.index) } : read;
    const tail = s.slice(actor.end);
    const verb = m[0].toLowerCase();
    if (/^(?:held|holds|holding)/.test(verb) ? /^\s+responsible\b/i.test(tail) : /^(?:blam)/.test(verb) ? /^\s+for\b/i.test(tail) : /^\s+of\s+(?!planning|plotting|preparing|seeking|wanting|trying|intending|threatening)/i.test(tail)) {
      const end = actor.end + (/^\s+(?:responsible|for|of)\b(?:\s+(?:the|an?)\s+[\w-]+(?:\s+[\w-]+)?)?/i.exec(tail)?.[0].length ?? 0);
      add({ start: m.index, end, stance: 'accused', perpetrator: actor.text, rule: `attribution/${verb.trim().replace(/s$|ing$/, '')}`, confidence: 0.8 });
    }
  }
  for (const m of !/\b(?:attribut|ascrib|pinned)/i.test(s) ? [] : s.matchAll(new RegExp(`\\b(?:(?:the\\s+)?(?:[\\w-]+\\s+)?${ATTACK}\\s+)?(?:was\\s+|were\\s+|is\\s+|are\\s+)?(?:attributed|attributes|attributing|ascribed|pinned)\\s+(?:(?:it|the\\s+[\\w-]+(?:\\s+[\\w-]+)?)\\s+)?(?:to|on)\\s+`, 'gi'))) {
    const actor = readActorAfter(s, m.index + m[0].length);
    if (actor) add({ start: m.index, end: actor.end, stance: 'accused', perpetrator: actor.text, rule: 'attribution/attributed-to', confidence: 0.85 });
  }
  // suspected
  if (/\b(?:responsible|behind)\b/i.test(s)) beforeRule(new RegExp(`\\b(?:is\\s+|are\\s+|was\\s+|were\\s+)?(?:widely\\s+)?(?:believed|thought|suspected|alleged|understood|said|known|assumed)\\s+(?:to\\s+(?:be|have\\s+been)\\s+)?(?:responsible|behind)\\b(?:\\s+for\\s+(?:the\\s+|an?\\s+)?(?:[\\w-]+\\s+){0,2}?${ATTACK}\\b)?`, 'gi'), 'suspected', 'attribution/believed-responsible', 0.85);
  if (/\bto have\b/i.test(s)) beforeRule(new RegExp(`\\b(?:is\\s+|are\\s+|was\\s+|were\\s+)?(?:widely\\s+)?(?:believed|thought|suspected|alleged|known|understood|assumed)\\s+to\\s+have\\s+(?:\\w+ly\\s+)?(?:conducted|carried\\s+out|launched|fired|staged|orchestrated|mounted|perpetrated|been\\s+behind)\\b(?:\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${ATTACK}\\b)?`, 'gi'), 'suspected', 'attribution/believed-to-have', 0.8);
  if (/\bsuspected of\b/i.test(s)) beforeRule(new RegExp(`\\b(?:is\\s+|are\\s+|was\\s+|were\\s+)?suspected\\s+of\\s+(?:carrying\\s+out|launching|conducting|staging|the\\s+)\\S*`, 'gi'), 'suspected', 'attribution/suspected-of', 0.8);
  if (/\b(?:linked|tied|traced) to\b/i.test(s)) afterRule(new RegExp(`\\b(?:${ATTACK}\\s+)?(?:was\\s+|were\\s+|is\\s+|are\\s+|been\\s+)?(?:linked|tied|traced)\\s+to\\s+`, 'gi'), 'suspected', 'attribution/linked-to', 0.6, true);
  // confirmed
  for (const m of /\bconfirmed\b/i.test(s) ? s.matchAll(/\bconfirmed\s+(?:that\s+)?/gi) : []) {
    const actor = readActorAfter(s, m.index + m[0].length);
    if (!actor) continue;
    if (/^\s+(?:was|were|had been|is|are)\s+(?:behind|responsible)\b|^\s+(?:had\s+)?(?:carried out|launched|conducted)\b/i.test(s.slice(actor.end))) {
      add({ start: m.index, end: actor.end, stance: 'confirmed', perpetrator: actor.text, rule: 'attribution/confirmed', confidence: 0.75 });
    }
  }
  // an act reported: "X had carried out the attack" (accused when a speaker says so)
  if (/\b(?:carried out|conducted|orchestrated|staged|masterminded|perpetrated|behind)\b/i.test(s)) subjectRule(new RegExp(`\\b(?:had\\s+|has\\s+|have\\s+)?(?:carried\\s+out|conducted|orchestrated|staged|masterminded|perpetrated|(?:was|were|is|are)\\s+behind)\\s+(?:the|this|that|these|those|both|an?)\\s+(?:[\\w-]+\\s+){0,3}?${ATTACK}\\b`, 'gi'), 'act', 'attribution/carried-out', 0.75, true);
  // "the attacks against U.S. forces by Iran and Iran-backed groups"
  for (const m of !/\sby\s/.test(s) ? [] : s.matchAll(new RegExp(`\\b${ATTACK}\\b((?:\\s+[\\w.’'-]+){0,7}?)\\s+by\\s+`, 'gi'))) {
    const gap = m[1];
    if (/\b(?:have|has|had|been|was|were|is|are|be|said|says)\b/i.test(gap) || /\b[a-z]+ed\b/.test(gap.replace(/\b\w+-\w+ed\b/g, ''))) continue;
    const actor = readActorAfter(s, m.index + m[0].length);
    if (!actor || !isArmedGroup(actor.text)) continue;
    add({ start: m.index, end: actor.end, stance: speaker ? 'accused' : 'asserted', perpetrator: actor.text, rule: 'attribution/attack-by', confidence: 0.7 });
  }
  if (/\bby\b/i.test(s)) afterRule(/\b(?:were|was)\s+(?:attacked|targeted|struck|hit|shelled|ambushed|fired\s+(?:on|upon|at))\s+by\s+/gi, 'act', 'attribution/attacked-by', 0.75, true);
  // targets held by a group: "facilities controlled by X"
  if (/\b(?:controlled|operated|run|belonging|affiliated|loyal)\b/i.test(s)) afterRule(/\b(?:controlled|operated|run)\s+by\s+|\b(?:belonging|affiliated|loyal)\s+(?:to|with)\s+/gi, 'act', 'attribution/controlled-by', 0.55, true);
  // an armed group as the subject of an attack verb: "militias fired two rockets"
  for (const m of s.matchAll(/\b(?:shot|fired|launched|attacked|targeted|struck|hit|shelled|bombed|ambushed|stormed|raided|killed)\b/gi)) {
    const np = readNounPhraseBefore(s, m.index);
    if (!np || !isArmedGroup(np.text)) continue;
    const rest = s.slice(m.index + m[0].length);
    if (HABITUAL.test(rest)) continue;
    const obj = /^\s+[\p{L}\d.’'-]+(?:\s+[\p{L}\d.’'-]+){0,4}?(?=\s+(?:at|on|in|into|toward|towards|against|from|near|across|when|while|after|before)\b|[,.;]|$)/u.exec(rest);
    const hedge = /\b(presumed|suspected|alleged|purported|apparent)\b/i.exec(np.text)?.[1].toLowerCase();
    const stance: Stance = hedge === 'presumed' ? 'presumed' : hedge ? 'suspected' : speaker ? 'accused' : 'asserted';
    add({ start: np.start, end: m.index + m[0].length + (obj ? obj[0].trimEnd().length : 0), stance, perpetrator: np.text, rule: `attribution/${hedge ? 'hedged-subject' : 'group-acted'}`, confidence: hedge ? 0.8 : 0.6 });
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

const SPEECH = /\b(?:said|says|say|told|stated|states|announced|announces|reported|confirmed|added|noted|wrote|tweeted|cautioned|warned|revealed|explained|insisted|claimed|described|declared)\b/g;
const PRONOUN = /^(?:he|she|they|it|we|i|you|the\s+(?:general|official|spokesman|spokeswoman|minister|secretary))$/i;

/**
 * Who the sentence cites: "according to a coalition statement", "U.S. officials said", "said
 * Defense Secretary Mark Esper", "cautioned a U.S. official". A pronoun sayer ("he said") takes
 * `previous` (the last named speaker in the paragraph).
 */
export function speakerOf(s: string, previous: string | null): string | null {
  const acc = /\baccording to\s+(?:a\s+|an\s+|the\s+)?((?:[^,.;]|\.(?=\S))+?)(?=\s*(?:[,;]|\.(?:\s|$)|$)|\s+(?:on|in|at|published|released)\s)/i.exec(s);
  if (acc && acc[1].split(/\s+/).length <= 10) return tidy(acc[1]);
  for (const m of s.matchAll(SPEECH)) {
    if (/^claimed$/i.test(m[0]) && /^\s+responsibility/i.test(s.slice(m.index + m[0].length))) continue;
    const before = readNounPhraseBefore(s, m.index);
    let who = before?.text.replace(/\s+(?:had|has|have|also|later|then)$/i, '') ?? '';
    const aux = /(?:^|\s)(?:had|has|have|also|later|then)$/i;
    if (!who || aux.test(who)) {
      const b2 = /((?:\S+\s+){1,6}?)(?:had|has|have|also|later|then)\s+$/i.exec(s.slice(Math.max(0, m.index - 60), m.index));
      if (b2) who = readNounPhraseBefore(s, m.index - (s.slice(Math.max(0, m.index - 60), m.index).length - b2.index - b2[1].length) - 1)?.text ?? who;
    }
    who = who.trim();
    if (who && PRONOUN.test(who)) return previous ?? null;
    if (who && (SPEAKER_NOUNS.test(who) || /\p{Lu}/u.test(who)) && who.split(/\s+/).length <= 8 && !/^(?:It|This|That|There)$/i.test(who)) return tidy(who);
    // inverted: "…, said Defense Secretary Mark Esper." / "cautioned a U.S. official." / "said a spokesman for the ministry."
    const tail = s.slice(m.index + m[0].length).replace(/[.”"’\s]+$/, '');
    const words = tail.trim().split(/\s+/);
    if (/^\s+\S/.test(tail) && !tail.includes(',') && words.length <= 8 && (SPEAKER_NOUNS.test(tail) || /^\p{Lu}/u.test(words[0]) || /^(?:a|an|the)\s+\S/i.test(tail.trim()))) {
      const who2 = tail.trim().replace(/\s+(?:in|on|at)\s+(?:a|an|the)\s+(?:statement|briefing|interview|hearing|news conference|press conference)\b.*$/i, '').replace(/\s+(?:on|late|early)\s+\p{Lu}\w+day\b.*$/u, '');
      if (SPEAKER_NOUNS.test(who2) || /^\p{Lu}/u.test(who2)) return tidy(who2);
    }
  }
  return null;
}

const tidy = (w: string) => w.replace(/^(?:the|a|an)\s+/i, '').replace(/[“”"]+/g, '').trim();
