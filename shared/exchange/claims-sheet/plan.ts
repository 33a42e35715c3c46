// Importing a claims sheet: each row of claims.csv's columns (or a subset) becomes an annotation
// over its quote in its source's text and a claim, validated by the Claim schema; a row that cannot
// be placed is refused with its line and the reason, and nothing of it is imported. The result is
// a list of commands the caller runs as ONE batch (one undoable step), as "accept all suggestions"
// does. Pure: the caller gives the case's sources with their texts, its events and actors.
//
// Rules, and why:
// - Required columns: kind, quote, and source_id or source (a title or file name). Figures (kind
//   casualties, munitions, count) also need measure and either low / best / high or
//   figure_as_written (normalised by the figure rules, figures.ts, and marked with their version).
// - A source is found by source_id, else by its file name or title (exactly, ignoring case and
//   spacing); a name two sources share is refused rather than guessed.
// - A quote is anchored the way annotations re-anchor (anchor.ts): its stored position when
//   quote_start/quote_end still hold it, else the exact words, else a fuzzy match with a score
//   (words changed slightly); figures are never matched fuzzily. A quote of several passages (claims
//   .csv joins them with " … ") anchors each. Not found: the row is refused.
// - Numbers are digits (a thousands comma allowed), never negative; open bounds are empty cells.
// - An event named by event_id or title that does not exist is created once (title,
//   event_date_start / end, location), and the rows naming it join it.
// - A perpetrator is matched to the case's actors, else to the starter actors (an actor.put brings
//   the starter actor into the case, as the claim form does), by name or alias.
// - claim_id is kept when it is a valid id not yet in the case, so a round trip (export, import into
//   a copy without claims) gives the same claims; otherwise a new id is made.
import { actorNamed } from '../../suggest/accept.ts';
import { STARTER_ACTORS } from '../../model/actors.ts';
import { anchor, makeTarget, type TextTarget } from '../../text/anchor.ts';
import { type Actor, Affiliation, type Annotation, type Claim, Claim as ClaimSchema, ClaimKind, Event, Part, PartialDate, Stance } from '../../model/claims.ts';
import type { SimpleCommand } from '../../model/commands-schema.ts';
import { FIGURE_RULES_VERSION, parseFigure, Qualifier } from '../../figures/figures.ts';
import { IsoDate, type Source } from '../../model/source.ts';
import { TimingPrecision } from '../../timing/timing.ts';
import type { Sheet, SheetRow } from './read.ts';

export interface ImportContext {
  sources: readonly Source[];
  /** The canonical text of a source, or null when it cannot be read. */
  textOf: (sourceId: string) => string | null;
  events: readonly Event[];
  actors: readonly Actor[];
  /** Ids already used by claims of the case (kept claim_ids must not collide). */
  claimIds: ReadonlySet<string>;
  newId: (prefix: 'c' | 'a' | 'e') => string;
  now: string;
}

export interface ImportPlan {
  commands: SimpleCommand[];
  claims: Array<{ line: number; id: string; anchor: 'exact' | 'fuzzy'; score: number }>;
  errors: Array<{ line: number; message: string }>;
  events: Array<{ line: number; id: string; title: string }>;
}

export const REQUIRED_COLUMNS = 'kind, quote, and source_id or source';

class RowError extends Error {}

const FIGURE_KINDS = new Set(['casualties', 'munitions', 'count']);
const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const textOrNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const idOk = (s: string) => /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(s);

function number(row: SheetRow, col: string): number | null {
  const v = row.cells[col]?.trim() ?? '';
  if (!v) return null;
  const t = v.replace(/(?<=\d),(?=\d{3}\b)/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) throw new RowError(`${col} “${v}” is not a number of zero or more (leave it empty for an open bound).`);
  return Number(t);
}
function oneOf<T extends string>(row: SheetRow, col: string, schema: { options: readonly T[] }, fallback: T | null): T | null {
  const v = row.cells[col]?.trim() ?? '';
  if (!v) return fallback;
  const hit = schema.options.find((o) => o === v.toLowerCase());
  if (!hit) throw new RowError(`${col} “${v}” is not one of ${schema.options.join(', ')}.`);
  return hit;
}
function dateCell(row: SheetRow, col: string, partial = false): string | null {
  const v = row.cells[col]?.trim() ?? '';
  if (!v) return null;
  if (!(partial ? PartialDate : IsoDate).safeParse(v).success)
    throw new RowError(`${col} “${v}” is not a date as YYYY-MM-DD${partial ? ' (or YYYY-MM, YYYY)' : ''}.`);
  return v;
}

/** The passages of a quote in its source's text, each anchored (exact first, then fuzzy). */
function anchorQuote(row: SheetRow, text: string, sourceName: string): { targets: TextTarget[]; fuzzy: boolean; score: number } {
  const quote = row.cells.quote ?? '';
  const pieces = quote.split(' … ').filter((p) => p.trim());
  const start = number(row, 'quote_start');
  const targets: TextTarget[] = [];
  let fuzzy = false;
  let score = 1;
  for (const piece of pieces) {
    const exact = piece.trim();
    const s = pieces.length === 1 && start !== null && Number.isInteger(start) ? start : 0;
    const r = anchor(text, { exact, prefix: '', suffix: '', start: s, end: s + exact.length });
    if (r.status === 'orphan') throw new RowError(`The quote “${short(exact)}” was not found in “${sourceName}”: ${r.note}`);
    if (r.status === 'fuzzy') fuzzy = true;
    score = Math.min(score, r.score);
    targets.push(makeTarget(text, r.start as number, r.end as number));
  }
  if (!targets.length) throw new RowError('The quote is empty: give the words of the source the claim rests on.');
  return { targets, fuzzy, score };
}
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** Plans the import of a sheet: the commands for the rows that can be placed, and why the others cannot. */
export function planImport(sheet: Sheet, ctx: ImportContext): ImportPlan {
  const plan: ImportPlan = { commands: [], claims: [], errors: [], events: [] };
  const has = (c: string) => sheet.columns.includes(c);
  if (!has('kind') || !has('quote') || !(has('source_id') || has('source'))) {
    plan.errors.push({
      line: 1,
      message: `The header lacks required columns: a claims sheet needs ${REQUIRED_COLUMNS}. It has: ${sheet.columns.join(', ') || 'nothing'}.`,
    });
    return plan;
  }
  const byId = new Map(ctx.sources.map((s) => [s.id, s]));
  const byName = new Map<string, Source[]>();
  for (const s of ctx.sources)
    for (const n of new Set([s.title.value, s.file].filter((x): x is string => !!x).map(squash))) byName.set(n, [...(byName.get(n) ?? []), s]);
  const events = new Map(ctx.events.map((e) => [e.id, e]));
  const eventsByTitle = new Map(ctx.events.map((e) => [squash(e.title), e]));
  const usedIds = new Set(ctx.claimIds);
  const eventCommands: SimpleCommand[] = [];
  const claimCommands: SimpleCommand[] = [];
  const inCase = new Set(ctx.actors.map((a) => a.id));
  const actorCommands: SimpleCommand[] = [];
  const book = {
    case: ctx.actors,
    onUse: (a: Actor) => {
      if (inCase.has(a.id)) return;
      inCase.add(a.id);
      actorCommands.push({ type: 'actor.put', payload: { actor: a, at: null } });
    },
  };

  for (const row of sheet.rows) {
    try {
      const kind = oneOf(row, 'kind', ClaimKind, null);
      if (!kind) throw new RowError('kind is empty: give casualties, munitions, count, attribution, timing, other or note.');
      const source = findSource(row, byId, byName);
      const text = ctx.textOf(source.id);
      if (text === null) throw new RowError(`The text of “${source.title.value ?? source.id}” cannot be read.`);
      const placed = anchorQuote(row, text, source.title.value ?? source.file ?? source.id);
      const eventId = eventFor(row, ctx, events, eventsByTitle, plan, eventCommands);
      const idCell = row.cells.claim_id?.trim() ?? '';
      const id = idCell && idOk(idCell) && !usedIds.has(idCell) ? idCell : ctx.newId('c');
      usedIds.add(id);
      const annotation: Annotation = { id: ctx.newId('a'), sourceId: source.id, targets: placed.targets, kind, created: ctx.now, modified: ctx.now };
      const claim = buildClaim(row, kind, {
        id,
        sourceId: source.id,
        annotationId: annotation.id,
        eventId,
        now: ctx.now,
        book,
        published: source.published.value.date,
      });
      claimCommands.push({ type: 'claim.create', payload: { annotation, claim, at: null } });
      plan.claims.push({ line: row.line, id, anchor: placed.fuzzy ? 'fuzzy' : 'exact', score: Math.round(placed.score * 100) / 100 });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      plan.errors.push({ line: row.line, message: e.message });
    }
  }
  // An event created for a row that was then refused is not created.
  const wanted = new Set(claimCommands.map((c) => (c.type === 'claim.create' ? c.payload.claim.eventId : null)));
  plan.commands = [...actorCommands, ...eventCommands.filter((c) => c.type === 'event.create' && wanted.has(c.payload.event.id)), ...claimCommands];
  plan.events = plan.events.filter((e) => wanted.has(e.id));
  return plan;
}

function findSource(row: SheetRow, byId: Map<string, Source>, byName: Map<string, Source[]>): Source {
  const id = row.cells.source_id?.trim();
  if (id) {
    const s = byId.get(id);
    if (s) return s;
    if (!row.cells.source?.trim()) throw new RowError(`No source has the id “${id}” in this case.`);
  }
  const name = row.cells.source?.trim() ?? '';
  if (!name) throw new RowError('The row names no source: give source_id, or the source’s title or file name in source.');
  const hits = byName.get(squash(name)) ?? [];
  if (hits.length > 1) throw new RowError(`“${name}” names ${hits.length} sources; give the source_id to say which.`);
  if (!hits.length) throw new RowError(`No source of this case is titled or named “${name}”${id ? ` (nor has the id “${id}”)` : ''}.`);
  return hits[0];
}

function eventFor(
  row: SheetRow,
  ctx: ImportContext,
  events: Map<string, Event>,
  byTitle: Map<string, Event>,
  plan: ImportPlan,
  commands: SimpleCommand[],
): string | null {
  const id = row.cells.event_id?.trim() ?? '';
  const title = row.cells.event?.trim() ?? '';
  if (id && events.has(id)) return id;
  if (title && byTitle.has(squash(title))) return (byTitle.get(squash(title)) as Event).id;
  if (!id && !title) return null;
  const parsed = Event.safeParse({
    id: id && idOk(id) ? id : ctx.newId('e'),
    title: title || id,
    start: dateCell(row, 'event_date_start'),
    end: dateCell(row, 'event_date_end') ?? dateCell(row, 'event_date_start'),
    precision: oneOf(row, 'date_precision', TimingPrecision, null),
    place: textOrNull(row.cells.location),
    placePrecision: oneOf(
      row,
      'location_precision',
      { options: ['exact', 'near', 'district', 'province', 'region', 'country', 'international'] as const },
      null,
    ),
    type: null,
    actorIds: [],
    aggregate: false,
    note: 'Created by a claims import.',
    created: ctx.now,
    modified: ctx.now,
  });
  if (!parsed.success) throw new RowError(`The event “${title || id}” cannot be created: ${parsed.error.issues[0].message}.`);
  const e = parsed.data;
  events.set(e.id, e);
  if (id) events.set(id, e);
  byTitle.set(squash(e.title), e);
  commands.push({ type: 'event.create', payload: { event: e, at: null, assign: [] } });
  plan.events.push({ line: row.line, id: e.id, title: e.title });
  return e.id;
}

interface Base {
  id: string;
  sourceId: string;
  annotationId: string;
  eventId: string | null;
  now: string;
  book: { case: readonly Actor[]; onUse: (a: Actor) => void };
  published: string | null;
}

function buildClaim(row: SheetRow, kind: ClaimKind, b: Base): Claim {
  const origin = /^suggestion \((.+)\)$/.exec(row.cells.origin?.trim() ?? '');
  const common = {
    id: b.id,
    sourceId: b.sourceId,
    annotationId: b.annotationId,
    eventId: b.eventId,
    speaker: textOrNull(row.cells.speaker),
    asOf: dateCell(row, 'as_of', true),
    note: row.cells.note ?? '',
    origin: origin ? { type: 'suggestion' as const, rule: origin[1] } : { type: 'manual' as const },
    created: b.now,
    modified: b.now,
  };
  let claim: unknown;
  if (FIGURE_KINDS.has(kind)) claim = { kind, ...common, ...figureFields(row) };
  else if (kind === 'attribution') {
    const name = textOrNull(row.cells.perpetrator);
    claim = {
      kind,
      ...common,
      perpetrator: name ? { name, actorId: matchActor(b.book, name) } : null,
      attributedBy: textOrNull(row.cells.attributed_by),
      stance: oneOf(row, 'stance', Stance, 'asserted'),
    };
  } else if (kind === 'timing') {
    const start = dateCell(row, 'claim_date_start');
    const end = dateCell(row, 'claim_date_end') ?? start;
    claim = {
      kind,
      ...common,
      expression: textOrNull(row.cells.expression) ?? textOrNull(row.cells.figure_as_written) ?? (row.cells.quote ?? '').trim().slice(0, 500),
      reference: b.published,
      anchorClaimId: null,
      start,
      end,
      precision: oneOf(row, 'claim_date_precision', TimingPrecision, start ? 'day' : null),
      method: start ? 'manual' : 'imported without a date',
      relative: false,
      approximate: false,
    };
  } else claim = { kind, ...common };
  const parsed = ClaimSchema.safeParse(claim);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowError(`The claim is not valid: ${issue.path.join('.') || 'value'}: ${issue.message}.`);
  }
  return parsed.data;
}

/** A figure given only as numbers, in words as a reader writes it: "3", "10–14", "62 or more". */
function figureWords(low: number | null, best: number | null, high: number | null): string {
  if (low !== null && low === high) return String(low);
  if (low !== null && high !== null) return `${low}–${high}`;
  if (low !== null) return `${low} or more`;
  if (high !== null) return `up to ${high}`;
  return best === null ? '' : String(best);
}

/** The case's actor a name refers to, else a starter actor's (brought into the case); null when none. */
function matchActor(book: Base['book'], name: string): string | null {
  const a = actorNamed(book.case, name) ?? actorNamed(STARTER_ACTORS, name);
  if (!a) return null;
  book.onUse(a);
  return a.id;
}

function figureFields(row: SheetRow) {
  const measure = textOrNull(row.cells.measure);
  if (!measure) throw new RowError('measure is empty: a figure needs one (killed, wounded, rockets_fired…).');
  const raw = row.cells.figure_as_written?.trim() ?? '';
  let low = number(row, 'low');
  let best = number(row, 'best');
  let high = number(row, 'high');
  let qualifier = oneOf(row, 'qualifier', Qualifier, null);
  let rules = textOrNull(row.cells.figure_rules) ?? 'manual';
  if (low === null && best === null && high === null) {
    if (!raw) throw new RowError('The figure is empty: give low / best / high, or the figure as written.');
    const f = parseFigure(raw);
    if (!f) throw new RowError(`The figure “${raw}” could not be read; give low / best / high.`);
    ({ low, best, high } = f);
    qualifier = qualifier ?? f.qualifier;
    rules = FIGURE_RULES_VERSION;
  }
  let parts: Part[] = [];
  const partsCell = row.cells.parts?.trim();
  if (partsCell) {
    let json: unknown;
    try {
      json = JSON.parse(partsCell);
    } catch {
      throw new RowError('parts is not a breakdown as claims.csv writes it (a JSON list).');
    }
    const p = Part.array().max(100).safeParse(json);
    if (!p.success) throw new RowError(`parts is not a valid breakdown: ${p.error.issues[0].message}.`);
    parts = p.data;
  }
  const affiliation = oneOf(row, 'affiliation', Affiliation, 'unknown') as Affiliation;
  return {
    measure: measure.toLowerCase().replace(/[\s-]+/g, '_'),
    weapon: textOrNull(row.cells.weapon),
    population: { nationality: textOrNull(row.cells.nationality), affiliation, side: textOrNull(row.cells.side), role: textOrNull(row.cells.role) },
    place: textOrNull(row.cells.claim_place),
    figure: {
      low,
      best,
      high,
      qualifier: qualifier ?? (low !== null && low === high ? 'exact' : 'range'),
      raw: raw || figureWords(low, best, high),
      rules,
    },
    parts,
  };
}
