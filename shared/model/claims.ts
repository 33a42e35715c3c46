// The claim domain model: annotations (where in a source), claims (what the passage asserts, as
// structured data), events (what happened, which claims hang off), actors (who, with aliases).
//
// Rules, and why:
// - zod is the single definition; types are inferred. Stored claims are validated on every load,
//   one by one (claims-validate.ts), so a hand-edited case file with one bad claim loses that claim
//   (reported in words) and not the case.
// - A figure keeps the words as written beside its normalised low / best / high AND the version of
//   the rule set that normalised it, so a later rule change can be told apart from an edit.
// - low ≤ best ≤ high wherever both are known; null is an open bound, never zero.
// - A breakdown's parts are checked against the total (partsCheck), but a subset ("14 wounded,
//   five seriously") is marked `subset` and not added: it is a part of the total, not an extra one.
// - Measures are snake_case keys so that claims from different sources group on the same measure;
//   the known ones are listed for the form, a custom one ("detained") is allowed.
// - Every record carries created/modified ISO timestamps set by the caller, so the model stays pure
//   and undo (commands.ts) can restore them exactly.
// - Stance adds 'asserted' to the list: an outlet stating a perpetrator in its own voice,
//   without citing anyone, is neither a claim of responsibility nor an accusation.
// - Fields say no more than the source: asOf may be a month ("as of January 2024" → 2024-01); a
//   munitions passage about a weapon without a count has measure null; an attribution has no
//   perpetrator (null) until the user names one. Parts may narrow the measure ("five seriously" →
//   wounded_serious) or split by place ("57 in Iraq and 83 in Syria").
import { z } from 'zod';
import { FIGURE_RULES_VERSION, FigureValue, parseFigure, partsAddUp } from '../figures/figures.ts';
import { TextTarget } from '../text/anchor.ts';
import { IsoDate, Source } from './source.ts';

// ---------------------------------------------------------------- ids and times

/** Ids are opaque; this pattern keeps them safe as file names, CSV cells and URL fragments. */
export const RecordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'an id of letters, digits, . _ : -');
export const SourceId = Source.shape.id;
export const Timestamp = z.iso.datetime({ offset: true });
/** YYYY-MM-DD, YYYY-MM or YYYY: sorts as text, and says no more than the source does. */
export const PartialDate = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY-MM-DD, YYYY-MM or YYYY');

// ---------------------------------------------------------------- kinds, measures, populations

export const ClaimKind = z.enum(['casualties', 'munitions', 'count', 'attribution', 'timing', 'other', 'note']);
export type ClaimKind = z.infer<typeof ClaimKind>;

// Only a list for the form: a stored claim may carry any measure key, so adding one here changes no stored case.
export const KNOWN_MEASURES = {
  casualties: ['killed', 'wounded', 'wounded_serious', 'tbi_diagnosed', 'returned_to_duty', 'evacuated', 'hospitalised', 'missing', 'detained'],
  munitions: [
    'rockets_fired',
    'rockets_impacted',
    'rockets_intercepted',
    'missiles',
    'missiles_intercepted',
    'drones',
    'drones_intercepted',
    'mortars',
    'launchers_found',
    'munitions_found',
  ],
  count: ['attacks', 'targets_struck', 'strikes', 'sites', 'bases_targeted'],
} as const;

export const Measure = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'a measure in lower_snake_case, such as killed or rockets_fired');
export type Measure = z.infer<typeof Measure>;

/** Turns a label a user typed ("Rockets intercepted") into a measure key ("rockets_intercepted"). */
export const measureKey = (label: string): string =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, 60);

export const Affiliation = z.enum(['military', 'contractor', 'civilian', 'militant', 'police', 'unknown']);
export type Affiliation = z.infer<typeof Affiliation>;

export const Population = z.object({
  /** ISO 3166 alpha-2 where known ("US", "IQ", "GB"); free text is accepted. */
  nationality: z.string().trim().max(60).nullable(),
  affiliation: Affiliation,
  /** Which side of the conflict ("coalition", "militia"), free text. */
  side: z.string().trim().max(100).nullable(),
  /** A narrower role when the text gives one ("interpreter", "service member"). */
  role: z.string().trim().max(100).nullable().optional(),
});
export type Population = z.infer<typeof Population>;

export const UNKNOWN_POPULATION: Population = { nationality: null, affiliation: 'unknown', side: null };

// ---------------------------------------------------------------- figures

const ordered = (f: { low: number | null; best: number | null; high: number | null }) =>
  (f.low === null || f.best === null || f.low <= f.best) &&
  (f.best === null || f.high === null || f.best <= f.high) &&
  (f.low === null || f.high === null || f.low <= f.high);

export const Figure = FigureValue.extend({
  /** The figure as written ("about a dozen"). */
  raw: z.string().max(500),
  /** The rule-set version that normalised it (FIGURE_RULES_VERSION), or 'manual' when typed. */
  rules: z.string().min(1).max(40),
}).refine(ordered, { message: 'low, best and high must be in order (low ≤ best ≤ high)', path: ['best'] });
export type Figure = z.infer<typeof Figure>;

export const Part = z.object({
  population: Population,
  figure: Figure,
  /** True for a subset of the total ("five seriously"), which is not added to the other parts. */
  subset: z.boolean(),
  /** A narrower measure for the part ("five seriously" of the wounded → wounded_serious). */
  measure: Measure.nullable().optional(),
  /** A breakdown by place ("57 in Iraq and 83 in Syria"). */
  place: z.string().trim().max(200).nullable().optional(),
});
export type Part = z.infer<typeof Part>;

// ---------------------------------------------------------------- annotations

export const Annotation = z.object({
  id: RecordId,
  sourceId: SourceId,
  /** One or more passages; several make one annotation across a page break or non-adjacent text. */
  targets: z.array(TextTarget).min(1, 'an annotation needs at least one passage').max(50),
  /** The colour tag: the kind of claim it evidences. */
  kind: ClaimKind,
  created: Timestamp,
  modified: Timestamp,
  /** Set when the source's text changed and this annotation's passage could not be found again:
   * it keeps its old targets (quote and context) and waits in the orphans list to be placed by hand. */
  orphan: z.object({ reason: z.string().max(2000), since: Timestamp }).optional(),
});
export type Annotation = z.infer<typeof Annotation>;

// ---------------------------------------------------------------- claims

export const Origin = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual') }),
  /** A suggestion the user accepted; `rule` names the suggester rule that proposed it. */
  z.object({ type: z.literal('suggestion'), rule: z.string().min(1).max(200) }),
]);
export type Origin = z.infer<typeof Origin>;

const common = {
  id: RecordId,
  sourceId: SourceId,
  annotationId: RecordId,
  eventId: RecordId.nullable(),
  /** Who is cited ("coalition statement", "Gen. Mark Milley"); null when the outlet speaks itself. */
  speaker: z.string().trim().max(300).nullable(),
  /** For running totals: the date the figure was true as of; a month or year when that is all that is known. */
  asOf: PartialDate.nullable(),
  note: z.string().max(20_000),
  origin: Origin,
  created: Timestamp,
  modified: Timestamp,
};

const figureFields = {
  /** Null for a passage about the weapon or target without a count ("a truck with launchers"). */
  measure: Measure.nullable(),
  /** The weapon as the text names it ("Katyusha rocket"), when it does. */
  weapon: z.string().trim().max(200).nullable().optional(),
  population: Population,
  /**
   * Where the figure applies when the words narrow it ("the airbase has witnessed 140 attacks"),
   * narrowest first: "Al Asad Air Base, Iraq" (places.ts). Null: the event's place as a whole.
   */
  place: z.string().trim().max(200).nullable().optional(),
  figure: Figure,
  parts: z.array(Part).max(100),
};

export const CasualtiesClaim = z.object({ kind: z.literal('casualties'), ...common, ...figureFields });
export const MunitionsClaim = z.object({ kind: z.literal('munitions'), ...common, ...figureFields });
export const CountClaim = z.object({ kind: z.literal('count'), ...common, ...figureFields });

export const Stance = z.enum(['claimed', 'accused', 'suspected', 'presumed', 'confirmed', 'denied', 'asserted']);
export type Stance = z.infer<typeof Stance>;

/**
 * An attribution in words: "Kataib Hezbollah · accused". No perpetrator with stance "claimed" is a
 * report that nobody has claimed the attack, which fact-checkers record as "unclaimed".
 */
export function attributionText(perpetrator: string | null | undefined, stance: Stance | null | undefined, joiner = ' · '): string {
  if (!perpetrator && stance === 'claimed') return 'unclaimed: no one has claimed responsibility';
  return `${perpetrator || 'perpetrator not named'}${joiner}${stance ?? 'asserted'}`;
}

export const AttributionClaim = z.object({
  kind: z.literal('attribution'),
  ...common,
  /** Null until the user names one (or when the passage says the perpetrator is unknown). */
  perpetrator: z
    .object({
      /** The name as the source writes it ("Kitaeb Hezbollah"). */
      name: z.string().trim().min(1).max(300),
      /** The case's actor it refers to, once matched (actors.ts finds it by alias). */
      actorId: RecordId.nullable(),
    })
    .nullable(),
  /** Who makes the attribution ("Pentagon statement"); often the speaker. */
  attributedBy: z.string().trim().max(300).nullable(),
  stance: Stance,
});

/** How narrow a resolved date is (timing.ts resolves expressions to one). */
export const TimingPrecision = z.enum(['day', 'days', 'week', 'month', 'year']);
export type TimingPrecision = z.infer<typeof TimingPrecision>;

export const TimingClaim = z
  .object({
    kind: z.literal('timing'),
    ...common,
    /** The expression as written ("early Friday"). */
    expression: z.string().trim().min(1).max(500),
    /** The date it was resolved against: the source's publication date when it was resolved. */
    reference: IsoDate.nullable(),
    /** Another timing claim this one counts from ("about 24 hours earlier" than it). */
    anchorClaimId: RecordId.nullable(),
    start: IsoDate.nullable(),
    end: IsoDate.nullable(),
    precision: TimingPrecision.nullable(),
    /** How it was resolved, in words; 'manual' when the user set the date (it then never re-resolves). */
    method: z.string().max(500),
    /** True when the date depends on the reference (no year written): it re-resolves when that changes. */
    relative: z.boolean(),
    approximate: z.boolean(),
  })
  .refine((t) => (t.start === null) === (t.end === null) && (t.start === null || t.start <= (t.end as string)), {
    message: 'start and end must both be set, with start on or before end, or both be empty',
    path: ['end'],
  });

export const OtherClaim = z.object({ kind: z.literal('other'), ...common });
export const NoteClaim = z.object({ kind: z.literal('note'), ...common });

export const Claim = z.discriminatedUnion('kind', [CasualtiesClaim, MunitionsClaim, CountClaim, AttributionClaim, TimingClaim, OtherClaim, NoteClaim]);
export type Claim = z.infer<typeof Claim>;
export type FigureClaim = Extract<Claim, { kind: 'casualties' | 'munitions' | 'count' }>;

export const isFigureClaim = (c: Claim): c is FigureClaim => c.kind === 'casualties' || c.kind === 'munitions' || c.kind === 'count';

// ---------------------------------------------------------------- events and actors

export const PlacePrecision = z.enum(['exact', 'near', 'district', 'province', 'region', 'country', 'international']);
export type PlacePrecision = z.infer<typeof PlacePrecision>;

export const Event = z
  .object({
    id: RecordId,
    title: z.string().trim().min(1, 'An event needs a title.').max(300),
    start: IsoDate.nullable(),
    end: IsoDate.nullable(),
    precision: TimingPrecision.nullable(),
    place: z.string().trim().max(300).nullable(),
    /** UCDP's where_prec in words: an exact spot, near it, a district, province, region, the country. */
    placePrecision: PlacePrecision.nullable(),
    /** "rocket attack", "airstrike", "running count"… free text. */
    type: z.string().trim().max(100).nullable(),
    actorIds: z.array(RecordId).max(100),
    /** A running total ("attacks since October 2023") rather than one incident. */
    aggregate: z.boolean(),
    note: z.string().max(20_000),
    created: Timestamp,
    modified: Timestamp,
  })
  .refine((e) => e.start === null || e.end === null || e.start <= e.end, { message: 'the event ends before it starts', path: ['end'] });
export type Event = z.infer<typeof Event>;

export const Actor = z.object({
  id: RecordId,
  name: z.string().trim().min(1).max(300),
  aliases: z.array(z.string().trim().min(1).max(300)).max(200),
});
export type Actor = z.infer<typeof Actor>;

// ---------------------------------------------------------------- breakdown check

const show = (n: number) => n.toLocaleString('en-US');

/**
 * Null when the breakdown is fine or cannot be checked (no parts, open figures); otherwise one
 * sentence saying what does not add up, for the claim form and the comparison matrix.
 */
export function partsCheck(claim: Claim): string | null {
  if (!isFigureClaim(claim) || claim.parts.length === 0) return null;
  const total = claim.figure;
  const problems: string[] = [];
  const added = claim.parts.filter((p) => !p.subset);
  const ok = partsAddUp(
    total,
    claim.parts.map((p) => ({ ...p.figure, subset: p.subset })),
  );
  if (ok === false) {
    const sum = added.reduce((s, p) => s + (p.figure.best as number), 0);
    problems.push(`The parts add up to ${show(sum)}, but the total is ${show(total.best as number)}.`);
  }
  if (total.best !== null) {
    for (const p of claim.parts) {
      if (p.subset && p.figure.best !== null && p.figure.best > total.best) {
        problems.push(`The subset "${p.figure.raw || show(p.figure.best)}" (${show(p.figure.best)}) is larger than the total (${show(total.best)}).`);
      }
    }
  }
  return problems.length ? problems.join(' ') : null;
}

// ---------------------------------------------------------------- new claims

/** A figure from the words as written, normalised by the current rule set; 'unspecified' if none. */
export function figureFrom(raw: string): Figure {
  const f = parseFigure(raw);
  if (!f) return { raw, low: null, best: null, high: null, qualifier: 'unspecified', rules: FIGURE_RULES_VERSION };
  return { raw, low: f.low, best: f.best, high: f.high, qualifier: f.qualifier, rules: f.rules };
}

const DEFAULT_MEASURE = { casualties: 'killed', munitions: 'rockets_fired', count: 'attacks' } as const;

/**
 * A new claim of a kind with empty fields, pre-filled from the selected words where that is
 * mechanical (the figure, the timing expression). The form and the suggester refine it.
 */
export function blankClaim(
  kind: ClaimKind,
  base: { id: string; sourceId: string; annotationId: string; created: string; text?: string; origin?: Origin },
): Claim {
  const common = {
    id: base.id,
    sourceId: base.sourceId,
    annotationId: base.annotationId,
    eventId: null,
    speaker: null,
    asOf: null,
    note: '',
    origin: base.origin ?? { type: 'manual' as const },
    created: base.created,
    modified: base.created,
  };
  const text = (base.text ?? '').trim();
  switch (kind) {
    case 'casualties':
    case 'munitions':
    case 'count':
      return { kind, ...common, measure: DEFAULT_MEASURE[kind], population: { ...UNKNOWN_POPULATION }, figure: figureFrom(text.slice(0, 500)), parts: [] };
    case 'attribution':
      return { kind, ...common, perpetrator: null, attributedBy: null, stance: 'claimed' };
    case 'timing':
      return {
        kind,
        ...common,
        expression: text.slice(0, 500) || '(date)',
        reference: null,
        anchorClaimId: null,
        start: null,
        end: null,
        precision: null,
        method: 'not resolved yet',
        relative: true,
        approximate: false,
      };
    default:
      return { kind, ...common };
  }
}
