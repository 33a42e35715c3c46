// What a suggestion is (the zod schema the core and the window both parse with), apart from the
// suggester that makes them (suggest.ts): the window's contract (api.ts) needs the schema, and
// importing it from suggest.ts would bundle the suggester and its NLP model into the window, which
// never runs it (suggestions are made in the core, off the window's thread).
import { z } from 'zod';
import { Figure, Measure, Part, Population, Stance } from '../model/claims.ts';
import { IsoDate } from '../model/source.ts';
import { TimingPrecision } from '../timing/timing.ts';

export const SUGGEST_RULES_VERSION = 'suggest/2';

export const SuggestionKind = z.enum(['casualties', 'munitions', 'count', 'attribution', 'timing']);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

const Offsets = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const SuggestedDate = z.object({
  /** The expression as written ("early Friday") and where it is in the canonical text. */
  expression: z.string(),
  at: Offsets,
  /** Resolved range; null when there is no publication date or the words are not understood. */
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  precision: TimingPrecision.nullable(),
  method: z.string(),
  relative: z.boolean(),
  approximate: z.boolean(),
  /** Counts from another date in the text ("two days later"): the user should link its anchor. */
  anchored: z.boolean(),
});
export type SuggestedDate = z.infer<typeof SuggestedDate>;

export const EventHint = z.object({
  /** Suggestions of one source with the same key speak of one incident. */
  key: z.string(),
  date: IsoDate.nullable(),
  place: z.string().nullable(),
});
export type EventHint = z.infer<typeof EventHint>;

export const Suggestion = z.object({
  kind: SuggestionKind,
  /** UTF-16 offsets into the canonical text, end exclusive; `quote` is exactly text.slice(start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  sentence: Offsets,
  measure: Measure.nullable(),
  population: Population.nullable(),
  parts: z.array(Part),
  figure: Figure.nullable(),
  weapon: z.string().nullable(),
  date: SuggestedDate.nullable(),
  perpetrator: z.string().nullable(),
  stance: Stance.nullable(),
  speaker: z.string().nullable(),
  /** The rule that proposed it (recorded in a claim's origin when the user accepts it). */
  rule: z.string(),
  confidence: z.number().min(0).max(1),
  eventHint: EventHint,
  /** Later passages saying the same attribution again (same perpetrator, stance and speaker in the incident): its evidence, folded into it. */
  mentions: z.array(Offsets).optional(),
});
export type Suggestion = z.infer<typeof Suggestion>;
