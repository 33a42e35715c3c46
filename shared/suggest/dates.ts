// Date expressions in a sentence, as the suggester uses them: each is the date of the incident the
// sentence reports ('event'), the date of a statement about it ('statement': "said on Thursday
// night"), or the start of a period ('since': "since April 2012"). Only event dates become timing
// suggestions and the dates of other suggestions; resolution is the timing rule set's
// (resolveTiming: past-tense bias against the publication date).
import { findTimingExpressions, resolveTiming, type ResolvedTiming } from '../timing.ts';
import { PAST_INCIDENT_VERB } from './lexicon.ts';

export type DateRole = 'event' | 'statement' | 'since';

export interface SentenceDate {
  start: number;
  end: number;
  expression: string;
  role: DateRole;
  anchored: boolean;
  /** Null when there is no publication date to resolve against, or the words are not a date. */
  resolved: ResolvedTiming | null;
  /** Coarser than a month ("in 2019"): too coarse to date an incident on its own. */
  coarse: boolean;
  /** A statement date whose statement reports an incident as its main news ("jets struck X, the ministry said on Thursday"). */
  reportsIncident: boolean;
}

const HINT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|ago)\b|\b(?:hours?|days?|weeks?|months?)\s+(?:earlier|before|previously|later|after)|\b(?:the\s+(?:day|week|month)\s+(?:before|after)|the\s+(?:previous|next|following|prior|preceding)\s+day|(?:last|this|past|previous)\s+(?:week|month|year|night))\b|\b(?:19|20)\d\d\b/i;
const DATE_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|week|month|year|day|days|hours?|night)|\d/i;
const SPEECH_BEFORE = /\b(?:said|says|told|stated|announced|reported|added|confirmed|published|released|statement|hearing|briefing|interview|news conference|press conference|tweeted|wrote)\b[^.;!?]{0,45}$/i;

/** The date expressions of one sentence, classified and resolved against `published` (null → unresolved). */
export function sentenceDates(s: string, published: string | null, anchor: string | null = null): SentenceDate[] {
  if (!HINT.test(s)) return [];
  const out: SentenceDate[] = [];
  for (const e of findTimingExpressions(s)) {
    if (!DATE_WORD.test(e.text)) continue; // "in a second"
    const before = s.slice(Math.max(0, e.start - 60), e.start);
    let role: DateRole = 'event';
    if (/\b(?:since|from|until|till|through|as of|beginning of|start of|starting|by)\s+(?:the\s+)?$/i.test(before) || /^since\b/i.test(e.text)) role = 'since';
    else if (/\b(?:past|last|over the|for|within)\s+(?:the\s+)?$/i.test(before) && /\b(?:weeks?|months?|years?|days?)\b/i.test(e.text)) role = 'since';
    else if (SPEECH_BEFORE.test(before) && !/\b(?:attacks?|strikes?|airstrikes?|struck|fired|launched|killed|wounded|injured)\b/i.test(before.slice(before.search(SPEECH_BEFORE)))) role = 'statement';
    // an anchored expression ("two days later") counts from the last incident date before it
    const resolved = published ? resolveTiming(e.text, { date: published, anchor: e.anchored ? anchor : null }) : null;
    if (resolved && e.anchored && anchor) resolved.method = `${resolved.method} (the last date before it in the text, ${anchor})`;
    if (resolved && role === 'event' && resolved.precision === 'day') anchor = resolved.start;
    const coarse = resolved ? resolved.precision === 'year' : /^(?:in|during|since|by|until|throughout)?\s*(?:19|20)\d\d$/i.test(e.text.trim());
    const reportsIncident = role === 'statement' && reportedIncident(s, e.start, e.end);
    out.push({ start: e.start, end: e.end, expression: e.text, role, anchored: e.anchored, resolved, coarse, reportsIncident });
  }
  return out;
}

// What a statement reports: the clause before the attribution ("Jets struck a depot, the ministry
// said on Thursday") or the that-clause after it ("The ministry said on Thursday that jets struck a
// depot"). It reports an incident when that clause's main verb is a past incident verb: within its
// first words, with no relative or question word before it ("officials knew who fired the rockets"
// is about knowing) and no modal ("could be part of an attack" is a conjecture).
const NOT_MAIN = /\b(?:after|before|since|following|because|while|as|who|whom|whose|which|that|what|when|where|whether|if|could|would|might|may|can|will|should|must|plans?|threatened|vowed|warned)\b/i;

function reportedIncident(s: string, dateStart: number, dateEnd: number): boolean {
  const after = /^\s*,?\s*that\s+([^;]*)/i.exec(s.slice(dateEnd));
  const head = s.slice(0, dateStart);
  const tailComma = head.lastIndexOf(',');
  const clause = after ? after[1] : tailComma > 0 ? head.slice(0, tailComma) : '';
  const m = PAST_INCIDENT_VERB.exec(clause);
  if (!m || m.index > 80) return false;
  return !NOT_MAIN.test(clause.slice(0, m.index));
}
