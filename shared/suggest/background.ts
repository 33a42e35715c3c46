// Which dates in a report are the news, and which are background. News reports are written as an
// inverted pyramid: the lede (first sentences) reports the new incident and its date; later
// paragraphs recap earlier incidents ("On Jan. 3, the United States launched a drone strike…") to
// give context. A fact-checker tags the date of the incident being reported as a timing claim; a
// recap's date is context, coded from that incident's own reporting (the practice of event
// datasets such as ACLED and UCDP: each event is coded once, from reports of it).
//
// So the lede's incident dates set the story's date, and a date more than a week before it is
// background. The rule follows the lede, not the publication date: an investigative piece that
// opens on an incident months old keeps that incident's dates. Background dates still date the
// casualty and munition facts in their sentences; they only stop being timing suggestions.
import type { Sentence } from './sentences.ts';
import { sentenceDates } from './dates.ts';
import { INCIDENT_WORD } from './lexicon.ts';

/** How far before the lede's date an incident date can lie and still be part of the story. */
export const STORY_WINDOW_DAYS = 7;
/** The lede is the first incident dates of the body; two, so "weeks after X, Y happened on Tuesday" reads Y. */
const LEDE_DATES = 2;

/** The story's date: the latest of the first incident dates in the body; null when there are none resolved. */
export function storyDate(text: string, sentences: readonly Sentence[], published: string | null): string | null {
  if (!published) return null;
  const found: string[] = [];
  let anchor: string | null = null;
  for (const sent of sentences) {
    if (sent.headline) continue;
    const s = text.slice(sent.start, sent.end);
    if (!INCIDENT_WORD.test(s)) continue;
    for (const d of sentenceDates(s, published, anchor)) {
      if (d.role !== 'event' || d.coarse || !d.resolved) continue;
      if (d.resolved.precision === 'day') anchor = d.resolved.start;
      found.push(d.resolved.end);
      if (found.length === LEDE_DATES) return found.sort().at(-1)!;
    }
  }
  return found.sort().at(-1) ?? null;
}

/** A resolved date that ends more than the story window before the story's date. */
export function isBackground(dateEnd: string | null | undefined, story: string | null): boolean {
  if (!dateEnd || !story) return false;
  return daysBetween(dateEnd, story) > STORY_WINDOW_DAYS;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}
