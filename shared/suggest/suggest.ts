// The claim suggester: proposes casualty, munition, count, attribution and timing claims across a
// whole source, each with the exact span a fact-checker would highlight and its normalised fields.
// Suggestions are never claims until the user accepts one (DESIGN.md, "Reading and tagging").
//
// How it works, and why:
// - Sentence by sentence (suggest/sentences.ts): a claim, its speaker and its date live in one
//   sentence far more often than not, and a bounded unit keeps the rules linear in the text's length.
//   Title-like lines (headlines, menus, share buttons) are skipped: they repeat the body unsourced.
// - Figures come from the figure rule set (figures.ts) and are tied to what they count by local
//   grammar and lexicons (suggest/figures.ts); attributions from stance phrases
//   (suggest/attribution.ts); dates from the timing rule set (suggest/dates.ts, timing.ts).
// - A date in a sentence that already yields a casualty, munition or attribution suggestion is that
//   suggestion's date, not a timing suggestion of its own (one highlight per fact). Starts of
//   periods ("since April") are not incident dates; a statement's date ("said on Thursday") is one
//   only when the statement reports an undated incident as its news ("Jets struck a depot, the
//   ministry said on Thursday"): then it is the latest the incident can be, and says so.
// - Dates well before the lede's are background recaps (suggest/background.ts): they date the facts
//   of their sentences but are not timing suggestions of their own.
// - Event hints group one source's suggestions into incidents: by resolved date and place, carried
//   forward through a paragraph while the text speaks of the same incident.
// - An attribution said again in the same incident (same perpetrator, stance and speaker) is one
//   suggestion with the later passages as its mentions (attribution/repeats.ts).
import { SUGGEST_RULES_VERSION, type Suggestion, type SuggestedDate } from './schema.ts';
import { splitSentences } from './sentences.ts';
import { figureDrafts } from './figures.ts';
import { withFrameDrafts } from './figures/frames.ts';
import { attributionDrafts, speakerOf } from './attribution.ts';
import { withAgentDrafts } from './attribution/agents.ts';
import { foldRepeatedAttributions } from './attribution/repeats.ts';
import { sentenceDates, type SentenceDate } from './dates.ts';
import { isCountry, placeIn, placeKey } from './places.ts';
import { isBackground, storyDate } from './background.ts';
import { INCIDENT_WORD } from './lexicon.ts';
import { emptyDraft, type Draft } from './draft.ts';
import { tokenizeText, tokensIn, type Token } from './nlp.ts';

// The schema lives apart so the window can parse suggestions without bundling the suggester.
export { EventHint, SUGGEST_RULES_VERSION, SuggestedDate, Suggestion, SuggestionKind } from './schema.ts';

export interface SuggestOptions {
  /** The source's publication date (YYYY-MM-DD); null leaves relative dates unresolved. */
  published: string | null;
}

const FOLD_INTO: ReadonlySet<string> = new Set(['casualties', 'munitions', 'attribution']);
const FIGURE_KINDS: ReadonlySet<string> = new Set(['casualties', 'munitions', 'count']);

/** All suggestions for a source's canonical text, in text order. Pure; linear in the text's length. */
export function suggest(text: string, opts: SuggestOptions): Suggestion[] {
  const published = opts.published && /^\d{4}-\d{2}-\d{2}$/.test(opts.published) ? opts.published : null;
  const out: Suggestion[] = [];
  let previousSpeaker: string | null = null;
  let lastDay: string | null = null;
  let paragraph = -1;
  // incident carried through a paragraph
  let carried: { date: string | null; place: string | null } = { date: null, place: null };
  const sentences = splitSentences(text);
  // wink reads the whole text once, on the first sentence that needs tokens (most need none)
  let allTokens: Token[] | null = null;
  const story = storyDate(text, sentences, published);
  let previousText = '';

  for (const sent of sentences) {
    if (sent.paragraph !== paragraph) {
      paragraph = sent.paragraph;
      previousSpeaker = null;
      carried = { date: null, place: null };
    }
    if (sent.headline) continue;
    const s = text.slice(sent.start, sent.end);
    const speaker = speakerOf(s, previousSpeaker);
    if (speaker) previousSpeaker = speaker;
    const dates = sentenceDates(s, published, lastDay);
    const eventDates = dates.filter((d) => d.role === 'event' && !d.coarse);
    for (const d of eventDates) if (d.resolved?.precision === 'day') lastDay = d.resolved.start;

    const drafts: Draft[] = [
      ...withFrameDrafts(figureDrafts(s, previousText), s),
      ...withAgentDrafts(attributionDrafts(s, speaker), s, speaker, () => tokensIn((allTokens ??= tokenizeText(text)), sent.start, sent.end)),
    ].map(tidySpan(s));
    previousText = `${previousText.slice(-300)} ${s}`; // the weapon of "Of those, 18 landed" may be two sentences back
    const clauses = incidentClauses(s);
    const clauseOf = (at: number) => clauses.findIndex((c) => at >= c.start && at < c.end);
    for (const d of eventDates) {
      const c = clauseOf(d.start);
      const folded = drafts.some((x) => FOLD_INTO.has(x.kind) && clauseOf(x.start) === c);
      const clause = s.slice(clauses[c]?.start ?? 0, clauses[c]?.end ?? s.length);
      if (!folded && INCIDENT_WORD.test(clause) && !isBackground(d.resolved?.end, story)) {
        drafts.push(emptyDraft('timing', d.start, d.end, d.anchored ? 'timing/anchored' : 'timing/incident-date', d.anchored ? 0.6 : 0.7));
      }
    }
    // a statement's date dates the incident it reports, unless that incident is already a figure
    // suggestion of its own ("Two soldiers were killed, officials said Thursday"): one highlight per fact
    const reportedOn =
      eventDates.length === 0
        ? dates.find(
            (d) =>
              d.reportedVerbAt !== null &&
              !isBackground(d.resolved?.end, story) &&
              !drafts.some((x) => FIGURE_KINDS.has(x.kind) && d.reportedVerbAt! >= x.start && d.reportedVerbAt! < x.end),
          )
        : undefined;
    if (reportedOn) drafts.push(emptyDraft('timing', reportedOn.start, reportedOn.end, 'timing/reported-on', 0.5));

    // incident of this sentence: its own date and place, else what the paragraph was speaking of
    const place = placeIn(s);
    const ownDate = eventDates.find((d) => d.resolved)?.resolved?.start ?? null;
    const samePlace = !place || !carried.place || placeKey(place) === placeKey(carried.place) || isCountry(place);
    const hintDate = ownDate ?? (samePlace ? carried.date : null);
    const hintPlace = place && !isCountry(place) ? place : samePlace ? (carried.place ?? place) : place;
    carried = { date: hintDate, place: hintPlace };

    for (const d of drafts.sort((a, b) => a.start - b.start)) {
      // a clause that brings in another incident is dated only by its own words
      const c = clauseOf(d.start);
      const inClause = eventDates.filter((e) => clauseOf(e.start) === c);
      const date = d.kind === 'timing' ? (dates.find((e) => e.start === d.start) ?? null) : nearestDate(inClause, d);
      const ownKeyDate = date?.resolved?.start ?? (c > 0 ? null : hintDate);
      const clausePlace = c > 0 ? placeIn(s.slice(clauses[c].start, clauses[c].end)) : null;
      const evPlace = c > 0 ? clausePlace : hintPlace;
      out.push({
        kind: d.kind,
        start: sent.start + d.start,
        end: sent.start + d.end,
        quote: s.slice(d.start, d.end),
        sentence: { start: sent.start, end: sent.end },
        measure: d.measure,
        population: d.population,
        parts: d.parts,
        figure: d.figure,
        weapon: d.weapon,
        date: date ? toSuggestedDate(date, sent.start, published) : null,
        perpetrator: d.perpetrator,
        stance: d.stance,
        speaker: d.kind === 'timing' ? null : speakerOfClause(s, d.start, speaker),
        rule: `${SUGGEST_RULES_VERSION}:${d.rule}`,
        confidence: d.confidence,
        eventHint: { key: `${ownKeyDate ?? 'undated'}@${placeKey(evPlace) ?? 'unplaced'}`, date: ownKeyDate, place: evPlace },
      });
    }
  }
  return foldRepeatedAttributions(mergeUndatedHints(out));
}

// Connectives that bring in ANOTHER incident than the one the clause before reports ("launched
// strikes early Friday, responding to a rocket attack that killed…"). A participle ("…, killing a
// soldier"), "when" and "that" continue the same incident and do not split.
const OTHER_INCIDENT =
  /,?\s+(?:responding to|in response to|in retaliation for|retaliating for|after|following|before|days after|weeks after|a day after|since)\s/gi;

/** The sentence cut where another incident is brought in; each part is dated on its own. */
function incidentClauses(s: string): Array<{ start: number; end: number }> {
  const cuts = [0, ...[...s.matchAll(OTHER_INCIDENT)].map((m) => m.index), s.length];
  return cuts.slice(0, -1).map((c, i) => ({ start: c, end: cuts[i + 1] }));
}

// "Initial reports said five were killed, but officials said the toll had risen to 21": each side
// of a contrast has its own sayer. A clause with its own verb of saying names the speaker of what
// is in it; otherwise the sentence's speaker holds.
const CONTRAST = /;|,?\s+(?:but|while|whereas|although|though|yet)\s+/gi;
const SAYS = /\b(?:said|says|told|according to|reported|stated|announced|confirmed|added)\b/i;

function speakerOfClause(s: string, at: number, sentenceSpeaker: string | null): string | null {
  if (!sentenceSpeaker) return null;
  let from = 0;
  let to = s.length;
  for (const m of s.matchAll(CONTRAST)) {
    if (m.index + m[0].length <= at) from = m.index + m[0].length;
    else if (m.index >= at) {
      to = m.index;
      break;
    }
  }
  if (from === 0 && to === s.length) return sentenceSpeaker;
  const clause = s.slice(from, to);
  return SAYS.test(clause) ? (speakerOf(clause, null) ?? sentenceSpeaker) : sentenceSpeaker;
}

/** A span ends on a word, not on the sentence's full stop or comma (an abbreviation keeps its dot). */
const tidySpan =
  (s: string) =>
  (d: Draft): Draft => {
    let end = d.end;
    for (;;) {
      while (end > d.start && /[\s,;:]/.test(s[end - 1])) end--;
      const w = /\s(?:in|on|at|of|for|and|or|the|a|an|to|with|by)$/i.exec(s.slice(d.start, end));
      if (!w) break;
      end -= w[0].length;
    }
    if (s[end - 1] === '.' && !/(?:\b\p{L}\.){2,}$|\b(?:Gen|Col|Lt|Sgt|Cpl|Mr|Dr|Jan|Feb|Dec|Nov|Oct|Sept?|Aug)\.$/u.test(s.slice(d.start, end))) end--;
    return { ...d, end };
  };

/** The event date nearest a draft: inside its span first, then the closest in the sentence. */
function nearestDate(dates: SentenceDate[], d: Draft): SentenceDate | null {
  if (dates.length === 0) return null;
  const inside = dates.find((x) => x.start >= d.start && x.end <= d.end);
  if (inside) return inside;
  const dist = (x: SentenceDate) => (x.start >= d.end ? x.start - d.end : d.start - x.end);
  return [...dates].sort((a, b) => dist(a) - dist(b))[0];
}

function toSuggestedDate(d: SentenceDate, base: number, published: string | null): SuggestedDate {
  const r = d.resolved;
  return {
    expression: d.expression,
    at: { start: base + d.start, end: base + d.end },
    start: r?.start ?? null,
    end: r?.end ?? null,
    precision: r?.precision ?? null,
    method:
      (r
        ? r.method
        : d.anchored && published
          ? 'counts from another incident the sentence names: link that incident to date it'
          : published
            ? 'not understood as a date'
            : 'no publication date to resolve against') +
      (d.role === 'statement' ? '; the date of the statement reporting the incident, which happened on or before it' : ''),
    relative: r?.relative ?? true,
    approximate: r?.approximate ?? false,
    anchored: d.anchored,
  };
}

/** An undated hint at a place that has exactly one dated incident joins it (same source, same place). */
function mergeUndatedHints(list: Suggestion[]): Suggestion[] {
  const datedByPlace = new Map<string, Set<string>>();
  for (const s of list) {
    const pk = placeKey(s.eventHint.place);
    if (!pk || !s.eventHint.date) continue;
    if (!datedByPlace.has(pk)) datedByPlace.set(pk, new Set());
    datedByPlace.get(pk)!.add(s.eventHint.key);
  }
  return list.map((s) => {
    const pk = placeKey(s.eventHint.place);
    if (s.eventHint.date || !pk) return s;
    const keys = datedByPlace.get(pk);
    if (!keys || keys.size !== 1) return s;
    const key = [...keys][0];
    return { ...s, eventHint: { ...s.eventHint, key, date: key.split('@')[0] } };
  });
}
