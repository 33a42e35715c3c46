// Date expressions in a sentence, as the suggester uses them: each is the date of the incident the
// sentence reports ('event'), the date of a statement about it ('statement': "said on Thursday
// night", "in a Thursday statement"), the start of a period ('since': "since April 2012"), or the
// filing date of a wire dateline ('dateline': "PESHAWAR, May 20 (PTI) …"). Only event dates become timing
// suggestions and the dates of other suggestions; resolution is the timing rule set's
// (resolveTiming: past-tense bias against the publication date).
import { findTimingExpressions, resolveTiming, type ResolvedTiming } from '../timing/timing.ts';
import { INCIDENT_WORD, PAST_INCIDENT_VERB } from './lexicon.ts';
import { datelineOf } from './sentences.ts';

export type DateRole = 'event' | 'statement' | 'since' | 'dateline';

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
  /**
   * For a statement date whose statement reports an incident as its news ("Jets struck X, the
   * ministry said on Thursday"): where that incident's main verb is in the sentence. Else null.
   */
  reportedVerbAt: number | null;
}

const HINT =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|ago)\b|\b(?:hours?|days?|weeks?|months?)\s+(?:earlier|before|previously|later|after)|\b(?:the\s+(?:day|week|month)\s+(?:before|after)|the\s+(?:previous|next|following|prior|preceding)\s+day|(?:last|this|past|previous)\s+(?:week|month|year|night))\b|\b(?:19|20)\d\d\b/i;
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|week|month|year|day|days|hours?|night)|\d/i;
// A speech verb or noun shortly before the date: "said on Thursday", "told a briefing on Monday",
// "in a statement Friday". An incident word between it and the date gives the date back to the
// incident ("said Monday that Russia attacked the region overnight").
const SPEECH_BEFORE =
  /\b(?:said|says|told|stated|announced|reported|added|confirmed|published|released|posted|tweeted|wrote|statement|hearing|briefing|interview|news conference|press conference|press release|speech|remarks|address|communiqu[eé]|announcement)\b[^.;!?]{0,45}$/i;
// A speech noun right after the date, which the date qualifies: "in a Thursday statement",
// "Wednesday's briefing" ("in his address Wednesday" is SPEECH_BEFORE's). Up to two modifiers
// between ("a Monday televised address", "a Friday Telegram post"), never determiners or verbs of
// saying, nor incident words ("a Monday strike update" dates the strike).
const SPEECH_NOUN =
  /^(?:['’]s)?((?:\s+(?!(?:the|a|an|that|this|and|or|to|of|in|on|at|was|were|is|are|said|says)\b)[\p{L}-]+){0,2}?)\s+(?:statement|briefing|address|speech|remarks|interview|news conference|press conference|press release|communiqu[eé]|announcement|post|tweet|video message|message|bulletin|update)\b/iu;

/** Expressions that count from the moment of speaking. */
const DEICTIC =
  /^(?:overnight|yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|earlier today|early today|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|(?:early|late)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))$/i;

// chrono's cost grows with the text it reads: read only the stretches around the words that can
// start or end a date (HINT), with a margin wide enough for the longest expressions ("early on
// Friday morning", "on Dec. 4 at 6 a.m.", "two days later") and the words before a month that
// make it a date ("in May"), cut at spaces so word boundaries stay where they were.
const HINT_ALL = new RegExp(HINT.source, 'gi');
const MARGIN = 48;

function timingExpressionsNear(s: string): ReturnType<typeof findTimingExpressions> {
  const windows: Array<[number, number]> = [];
  for (const m of s.matchAll(HINT_ALL)) {
    let a = Math.max(0, m.index - MARGIN);
    let b = Math.min(s.length, m.index + m[0].length + MARGIN);
    while (a > 0 && !/\s/.test(s[a - 1])) a--;
    while (b < s.length && !/\s/.test(s[b])) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  if (windows.length === 1 && windows[0][0] === 0 && windows[0][1] === s.length) return findTimingExpressions(s);
  return windows.flatMap(([a, b]) => findTimingExpressions(s.slice(a, b)).map((e) => ({ ...e, start: e.start + a, end: e.end + a })));
}

// Reports repeat their date words ("on Tuesday", "overnight") sentence after sentence: each
// expression is resolved once per reference day and anchor (resolveTiming is pure). Bounded, so
// a long report's distinct expressions do not pile up.
const RESOLVED = new Map<string, ResolvedTiming | null>();
function resolveOnce(expression: string, date: string, anchor: string | null): ResolvedTiming | null {
  const k = `${date}\u0000${anchor ?? ''}\u0000${expression}`;
  let r = RESOLVED.get(k);
  if (r === undefined) {
    if (RESOLVED.size > 4096) RESOLVED.clear();
    r = resolveTiming(expression, { date, anchor });
    RESOLVED.set(k, r);
  }
  // a copy: the caller adds to its method
  return r && { ...r };
}

/** The date expressions of one sentence, classified and resolved against `published` (null → unresolved). */
export function sentenceDates(s: string, published: string | null, anchor: string | null = null): SentenceDate[] {
  if (!HINT.test(s)) return [];
  const out: SentenceDate[] = [];
  const dateline = datelineOf(s);
  // "said on Monday that Russia attacked overnight": words that count from "now" ("overnight",
  // "yesterday", "this morning") count from the statement's day when it is said before them
  let statementDay: string | null = null;
  for (const e of timingExpressionsNear(s)) {
    if (!DATE_WORD.test(e.text)) continue; // "in a second"
    const before = s.slice(Math.max(0, e.start - 60), e.start);
    const speechNoun = SPEECH_NOUN.exec(s.slice(e.end));
    let role: DateRole = 'event';
    if (dateline && e.start < dateline.end) role = 'dateline';
    else if (speechNoun && !INCIDENT_WORD.test(speechNoun[1])) role = 'statement';
    else if (/\b(?:since|from|until|till|through|as of|beginning of|start of|starting|by)\s+(?:the\s+)?$/i.test(before) || /^since\b/i.test(e.text))
      role = 'since';
    else if (/\b(?:past|last|over the|for|within)\s+(?:the\s+)?$/i.test(before) && /\b(?:weeks?|months?|years?|days?)\b/i.test(e.text)) role = 'since';
    else if (SPEECH_BEFORE.test(before) && !INCIDENT_WORD.test(before.slice(before.search(SPEECH_BEFORE)))) role = 'statement';
    // an anchored expression ("two days later") counts from the last incident date before it; one
    // that names what it counts from ("a day after the talks collapsed") has no date until the user
    // links that incident
    const namesItsAnchor = e.anchored && /\b(?:after|before|since)$/i.test(e.text.trim()) && /^\s+[\p{L}\d]/u.test(s.slice(e.end));
    const fromStatement: boolean = role === 'event' && statementDay !== null && statementDay !== published && DEICTIC.test(e.text);
    const reference: string | null = fromStatement ? statementDay : published;
    const resolved: ResolvedTiming | null = reference && !namesItsAnchor ? resolveOnce(e.text, reference, e.anchored ? anchor : null) : null;
    if (resolved && e.anchored && anchor) resolved.method = `${resolved.method} (the last date before it in the text, ${anchor})`;
    if (resolved && fromStatement) resolved.method = `${resolved.method} (counted from the day of the statement it is reported in, ${statementDay})`;
    if (resolved && role === 'statement' && resolved.precision === 'day') statementDay = resolved.start;
    if (resolved && role === 'event' && resolved.precision === 'day') anchor = resolved.start;
    const coarse = resolved ? resolved.precision === 'year' : /^(?:in|during|since|by|until|throughout)?\s*(?:19|20)\d\d$/i.test(e.text.trim());
    const phraseEnd = role === 'statement' && speechNoun ? e.end + speechNoun[0].length : e.end;
    const reportedVerbAt = role === 'statement' ? reportedIncident(s, e.start, phraseEnd) : null;
    out.push({ start: e.start, end: e.end, expression: e.text, role, anchored: e.anchored, resolved, coarse, reportedVerbAt });
  }
  return out;
}

// What a statement reports: the clause before the attribution ("Jets struck a depot, the ministry
// said on Thursday") or the that-clause after it ("The ministry said on Thursday that jets struck a
// depot"). It reports an incident when that clause's main verb is a past incident verb: within its
// first words, with no relative or question word before it ("officials knew who fired the rockets"
// is about knowing) and no modal ("could be part of an attack" is a conjecture).
const NOT_MAIN =
  /\b(?:after|before|since|following|because|while|as|who|whom|whose|which|that|what|when|where|whether|if|could|would|might|may|can|will|should|must|plans?|threatened|vowed|warned)\b/i;

/** Where, in the sentence, the main incident verb of the clause a statement reports is; null when it reports none. */
function reportedIncident(s: string, dateStart: number, dateEnd: number): number | null {
  const after = /^\s*,?\s*that\s+([^;]*)/i.exec(s.slice(dateEnd));
  const head = s.slice(0, dateStart);
  const tailComma = head.lastIndexOf(',');
  const clause = after ? after[1] : tailComma > 0 ? head.slice(0, tailComma) : '';
  const clauseStart = after ? dateEnd + after[0].length - after[1].length : 0;
  const m = PAST_INCIDENT_VERB.exec(clause);
  if (!m || m.index > 80) return null;
  return NOT_MAIN.test(clause.slice(0, m.index)) ? null : clauseStart + m.index;
}
