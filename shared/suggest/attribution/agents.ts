// Agentive attributions read from tokens (nlp.ts) rather than raw text: each token gets one class
// letter (see agent-rules.ts), the rule rows' patterns run over that string, and the tokens a match
// covers give the span and the perpetrator. One pass per sentence, and only over sentences that
// name an actor at all, so the cost stays linear in the text.
import type { Stance } from '../../model/claims.ts';
import { emptyDraft, type Draft } from '../draft.ts';
import { tokenize, type Token } from '../nlp.ts';
import { regionActorAt, type RegionActor } from '../region.ts';
import {
  ACCUSE_WORDS,
  ACT_PARTICIPLES,
  ACT_VERBS,
  ATTACK_HEADS,
  BLAME_WORDS,
  GROUP_HEADS,
  HEDGES,
  SPONSOR_SUFFIX,
  WEAPON_MODIFIERS,
  WEAPON_WORDS,
  headWord,
} from '../lexicon/agents.ts';
import { AGENT_RULES, type AgentRule } from './agent-rules.ts';

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their']);
const ATTACK_GERUNDS = /^(?:target|attack|shell|fir|launch|bomb|kill|carry|strik|shoot|abduct|kidnapp)ing$/;

interface Classified {
  letters: string;
  actors: Array<RegionActor | null>;
}

/** One letter per token; `actors` holds the region actor a letter A or Q stands for. */
export function classify(tokens: Token[]): Classified {
  let letters = '';
  const actors: Array<RegionActor | null> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const led = /^(.+)-led$/i.exec(t.text);
    if (led && !SPONSOR_SUFFIX.test(t.text)) {
      const inner = regionActorAt(tokenize(led[1]), 0);
      if (inner) {
        letters += inner[0].kind === 'group' ? 'Q' : 'A';
        actors.push(inner[0]);
        continue;
      }
    }
    const found = SPONSOR_SUFFIX.test(t.text) ? null : regionActorAt(tokens, i);
    if (found) {
      for (let k = 0; k < found[1]; k++) {
        letters += found[0].kind === 'group' ? 'Q' : 'A';
        actors.push(found[0]);
      }
      i += found[1] - 1;
      continue;
    }
    actors.push(null);
    const w = t.lower;
    const head = headWord(w);
    let c = 'x';
    if (w === 'by') c = 'B';
    else if (w === 'on' || w === 'to') c = 'O';
    else if (w === 'of') c = 'f';
    else if (w === ',') c = ',';
    else if (/^[’']s$/.test(w)) c = 'P';
    else if (DETERMINERS.has(w)) c = 'D';
    else if (HEDGES[w]) c = 'H';
    else if (BLAME_WORDS.has(w) || ACCUSE_WORDS.has(w)) c = 'L';
    else if ((ACT_VERBS.has(w) || ACT_PARTICIPLES.has(w)) && !t.negated) c = 'V';
    else if (ATTACK_HEADS.has(head) || ATTACK_HEADS.has(w)) c = 'K';
    else if (ATTACK_GERUNDS.test(w)) c = 'T';
    else if (WEAPON_WORDS.has(head) || WEAPON_WORDS.has(w)) c = 'W';
    else if (WEAPON_MODIFIERS.has(w)) c = 'w';
    // "paramilitary" before a name is an adjective ("the paramilitary Rapid Support Forces"); "paramilitaries" a group
    else if (GROUP_HEADS.has(head) && w !== 'paramilitary') c = 'G';
    else if (t.pos === 'ADJ' || (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && i > 0)) c = 'M';
    letters += c;
  }
  return { letters, actors };
}

const COMPILED = AGENT_RULES.map((r) => ({ rule: r, re: new RegExp(r.pattern, 'dg') }));

function stanceOf(rule: AgentRule, hedge: string | null, speaker: string | null): Stance {
  if (hedge && HEDGES[hedge]) return HEDGES[hedge];
  if (rule.stance !== 'by-voice') return rule.stance;
  return speaker ? 'accused' : 'asserted';
}

/** Every rule needs an attack, weapon, act or blame word: a look-up of the words spares tokenising the other sentences. */
const CUE_WORDS = new Set([...ATTACK_HEADS, ...WEAPON_WORDS, ...ACT_VERBS, ...ACT_PARTICIPLES, ...BLAME_WORDS, ...ACCUSE_WORDS]);
const WORDS = /[a-z]+/g;
function hasCue(s: string): boolean {
  for (const m of s.toLowerCase().matchAll(WORDS)) if (CUE_WORDS.has(m[0]) || CUE_WORDS.has(headWord(m[0]))) return true;
  return false;
}

/** Agentive attribution drafts of one sentence (offsets relative to it); `tokensOf` gives its tokens when the text was read whole. */
export function agentDrafts(s: string, speaker: string | null, tokensOf: () => Token[] = () => tokenize(s)): Draft[] {
  if (!hasCue(s)) return [];
  const tokens = tokensOf();
  const { letters, actors } = classify(tokens);
  const out: Draft[] = [];
  for (const { rule, re } of COMPILED) {
    re.lastIndex = 0;
    for (const m of letters.matchAll(re)) {
      const [aStart, aEnd] = m.indices!.groups!.actor;
      const actorLetters = letters.slice(aStart, aEnd);
      if (rule.groupsOnly && !/[QG]/.test(actorLetters)) continue;
      const hedged = !!m.indices!.groups!.h;
      if (rule.hedgeForGeneric && !hedged && !/[AQ]/.test(actorLetters)) continue;
      // a match that starts on its context letter (",", "x", "D") begins at its first real token
      let from = m.index;
      while (from < aStart && /[x,]/.test(letters[from])) from++;
      const to = m.index + m[0].length - 1;
      const span = { start: tokens[from].start, end: tokens[to].end };
      const actor = actors[aStart];
      const named = actor && !/G/.test(actorLetters) ? actor.name : s.slice(tokens[aStart].start, tokens[aEnd - 1].end).replace(/^(?:the|a|an)\s+/i, '');
      const h = m.indices!.groups!.h ? tokens[m.indices!.groups!.h[0]].lower : null;
      const d = emptyDraft('attribution', span.start, span.end, rule.id, rule.confidence);
      d.perpetrator = named;
      d.stance = stanceOf(rule, h, speaker);
      out.push(d);
    }
  }
  // one suggestion per stretch of text: the longest of overlapping matches
  out.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Draft[] = [];
  for (const d of out) if (!kept.some((k) => k.start < d.end && d.start < k.end)) kept.push(d);
  return kept.sort((a, b) => a.start - b.start);
}

/** The grammar's attribution drafts plus the agentive ones that do not overlap them (the grammar's are more specific). */
export function withAgentDrafts(drafts: Draft[], s: string, speaker: string | null, tokensOf?: () => Token[]): Draft[] {
  const agents = agentDrafts(s, speaker, tokensOf).filter((a) => !drafts.some((d) => d.kind === 'attribution' && d.start < a.end && a.start < d.end));
  return [...drafts, ...agents];
}
