// How suggestions read in the UI and how they group: one line per suggestion ("wounded 14
// (exact)"), an accessible name for its dashed highlight, incidents (the suggester's event hints)
// with a title, the event a group becomes, and which suggestions an existing annotation already
// covers (so an accepted one leaves the list at once, before the core answers again).
import type { Output } from '../../shared/api.ts';
import type { Annotation, Event } from '../../shared/model/claims.ts';
import { attributionText } from '../../shared/model/claims.ts';
import type { EventHint } from '../../shared/suggest/suggest.ts';
import { placeKey } from '../../shared/suggest/places.ts';
import { dayText, figureText, KIND_NAME, measureLabel, populationText, rangeText } from './claimText.ts';

export type Suggested = Output<'suggestions.list'>['suggestions'][number];

/** The suggestion in a few words, as a claim's summary reads once accepted. */
export function suggestionSummary(s: Suggested): string {
  switch (s.kind) {
    case 'casualties':
    case 'munitions':
    case 'count': {
      const who = s.population ? populationText(s.population) : '';
      if (!s.figure || (s.figure.best === null && s.figure.low === null)) {
        return [s.measure ? measureLabel(s.measure) : null, s.weapon, who || null].filter(Boolean).join(' · ') || 'no figure';
      }
      return `${measureLabel(s.measure)} ${figureText(s.figure)}${who ? ` · ${who}` : ''}`;
    }
    case 'attribution':
      return attributionText(s.perpetrator, s.stance);
    case 'timing': {
      const when = `“${s.date?.expression ?? s.quote}” → ${rangeText(s.date?.start ?? null, s.date?.end ?? null)}`;
      // a statement's date bounds the incident it reports; it is not the incident's own date
      return ruleName(s.rule) === 'timing/reported-on' ? `${when}, when it was reported (the incident is on or before)` : when;
    }
  }
}

/** The accessible name of a suggestion's highlight and list item: "Suggested casualties: wounded 14 (exact)". */
export const suggestionLabel = (s: Suggested): string => `Suggested ${KIND_NAME[s.kind].toLowerCase()}: ${suggestionSummary(s)}`;

/** "Taji, 11 Mar 2020"; says what is unknown rather than leaving it out. */
export function incidentTitle(hint: Pick<EventHint, 'date' | 'place'>): string {
  if (hint.date && hint.place) return `${hint.place}, ${dayText(hint.date)}`;
  if (hint.date) return `${dayText(hint.date)}, place unknown`;
  if (hint.place) return `${hint.place}, date unknown`;
  return 'Date and place unknown';
}

export interface IncidentGroup {
  key: string;
  title: string;
  date: string | null;
  place: string | null;
  items: Suggested[];
}

/**
 * Suggestions grouped by proposed incident, groups in the order the text first speaks of them;
 * the group with neither date nor place comes last, as it is the least useful to act on as a whole.
 */
export function incidentGroups(list: readonly Suggested[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  for (const s of list) {
    const h = s.eventHint;
    let g = groups.get(h.key);
    if (!g) {
      g = { key: h.key, title: incidentTitle(h), date: h.date, place: h.place, items: [] };
      groups.set(h.key, g);
    }
    g.items.push(s);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.date || g.place), ...all.filter((g) => !g.date && !g.place)];
}

/** The event an incident group becomes ("Create event from these"). */
export function eventFromIncident(g: Pick<IncidentGroup, 'date' | 'place'>, opts: { id: string; now: string; note?: string }): Event {
  return {
    id: opts.id,
    title: incidentTitle(g).slice(0, 300),
    start: g.date,
    end: g.date,
    precision: g.date ? 'day' : null,
    place: g.place ? g.place.slice(0, 300) : null,
    placePrecision: null,
    type: null,
    actorIds: [],
    aggregate: false,
    note: opts.note ?? '',
    created: opts.now,
    modified: opts.now,
  };
}

const sameKind = (annotationKind: string, suggestionKind: string) =>
  annotationKind === suggestionKind || (annotationKind === 'count' && suggestionKind === 'munitions');

/**
 * The suggestions no annotation of their kind covers yet: the rule the core applies, applied here
 * too so an accepted suggestion leaves the list the moment the claim exists.
 */
export function notYetTagged(list: readonly Suggested[], annotations: readonly Annotation[]): Suggested[] {
  // Targets sorted by start; a target overlapping [s.start, s.end) starts before s.end and no earlier
  // than s.start minus the longest target, so each suggestion looks at a few targets, not all.
  const targets = annotations
    .filter((a) => !a.orphan)
    .flatMap((a) => a.targets.map((t) => ({ start: t.start, end: t.end, kind: a.kind })))
    .sort((a, b) => a.start - b.start);
  if (targets.length === 0) return list.slice();
  const longest = targets.reduce((m, t) => Math.max(m, t.end - t.start), 0);
  return list.filter((s) => {
    let lo = 0;
    let hi = targets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (targets[mid].start < s.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && targets[i].start >= s.start - longest; i--) {
      const t = targets[i];
      if (t.end > s.start && sameKind(t.kind, s.kind)) return false;
    }
    return true;
  });
}

/** "92%": how sure the rule is, for the list. */
export const confidenceText = (c: number): string => `${Math.round(c * 100)}%`;

/** The rule without the rule-set version: "casualties/verb-before". */
export const ruleName = (rule: string): string => rule.replace(/^suggest\/\d+:/, '');

/**
 * The case's event an incident hint speaks of: same place (spelled loosely: "Camp Taji" is "Taji")
 * and the hint's day inside the event's dates. Only when both are known, and only one event fits:
 * a guess between two events is left to the user.
 */
export function matchingEvent(hint: Pick<EventHint, 'date' | 'place'>, events: readonly Event[]): Event | null {
  const place = placeKey(hint.place);
  if (!hint.date || !place) return null;
  const day = hint.date;
  const fits = events.filter((e) => !e.aggregate && e.start && e.start <= day && (e.end ?? e.start) >= day && placeKey(e.place) === place);
  return fits.length === 1 ? fits[0] : null;
}
