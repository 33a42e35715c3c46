// claims.csv and reconciliations.csv: one row per claim / reconciled figure, in columns a conflict
// analyst (ACLED, UCDP) recognises, that open cleanly in Excel, LibreOffice and Google Sheets.
//
// Rules, and why:
// - UTF-8 with a BOM and CRLF line ends (RFC 4180): Excel guesses the encoding from the BOM and
//   otherwise mangles every non-ASCII name.
// - Every text cell is hostile (it comes from imported articles or from a colleague's bundle). A cell
//   that a spreadsheet could run as a formula — starting with = + - @, a tab or a carriage return, or
//   their full-width forms, even after leading spaces — gets a leading apostrophe (OWASP's advice), so
//   it shows as text. Numbers we write ourselves are never neutralised.
// - Open bounds are empty cells, never 0: "at least 3" has no high.
import type { Claim, Event, Population } from '../model/claims.ts';
import { isFigureClaim } from '../model/claims.ts';
import type { Reconciliation } from '../compare/reconcile.ts';
import type { Source } from '../model/source.ts';
import { describeClaim } from './w3c.ts';

export const CSV_BOM = '\uFEFF';
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell made inert: a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = neutralise(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** Parses our own CSV back (RFC 4180, BOM optional): for tests and for re-reading an export. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith(CSV_BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // the \n ends the row
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------- claims.csv

export const CLAIM_COLUMNS = [
  'event_id',
  'event',
  'event_date_start',
  'event_date_end',
  'date_precision',
  'location',
  'location_precision',
  'claim_id',
  'kind',
  'source_id',
  'source',
  'outlet',
  'independence_group',
  'published',
  'measure',
  'nationality',
  'affiliation',
  'side',
  'claim_place',
  'low',
  'best',
  'high',
  'qualifier',
  'figure_as_written',
  'figure_rules',
  'weapon',
  'perpetrator',
  'stance',
  'attributed_by',
  'claim_date_start',
  'claim_date_end',
  'claim_date_precision',
  'speaker',
  'as_of',
  'quote',
  'quote_start',
  'quote_end',
  'description',
  'note',
  'origin',
  'modified',
  // Added for import-claims' round trip (issue 16): what a claim holds beyond the analyst columns.
  'role',
  'parts',
  'expression',
] as const;

export interface ClaimsCsvInput {
  sources: Source[];
  claims: Claim[];
  events: Event[];
  /** The quote of each claim: the annotation's passages joined by " … ". */
  quoteOf: (claim: Claim) => { exact: string; start: number | null; end: number | null };
}

const popCells = (p: Population | null): Cell[] => (p ? [p.nationality, p.affiliation, p.side] : [null, null, null]);

export function claimsCsv(input: ClaimsCsvInput): string {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const events = new Map(input.events.map((e) => [e.id, e]));
  const rows = input.claims.map((c): Cell[] => {
    const s = sources.get(c.sourceId);
    const e = c.eventId ? events.get(c.eventId) : undefined;
    const q = input.quoteOf(c);
    const fig = isFigureClaim(c) ? c : null;
    return [
      e?.id ?? c.eventId,
      e?.title,
      e?.start,
      e?.end,
      e?.precision,
      e?.place,
      e?.placePrecision,
      c.id,
      c.kind,
      c.sourceId,
      s ? (s.title.value ?? s.file) : null,
      s?.outlet.value,
      s?.independenceGroup,
      s?.published.value.date,
      fig?.measure,
      ...popCells(fig?.population ?? null),
      fig?.place,
      fig?.figure.low,
      fig?.figure.best,
      fig?.figure.high,
      fig?.figure.qualifier,
      fig?.figure.raw,
      fig?.figure.rules,
      fig?.weapon,
      c.kind === 'attribution' ? c.perpetrator?.name : null,
      c.kind === 'attribution' ? c.stance : null,
      c.kind === 'attribution' ? c.attributedBy : null,
      c.kind === 'timing' ? c.start : null,
      c.kind === 'timing' ? c.end : null,
      c.kind === 'timing' ? c.precision : null,
      c.speaker,
      c.asOf,
      q.exact,
      q.start,
      q.end,
      describeClaim(c),
      c.note,
      c.origin.type === 'suggestion' ? `suggestion (${c.origin.rule})` : 'manual',
      c.modified,
      fig?.population.role ?? null,
      fig && fig.parts.length ? JSON.stringify(fig.parts) : null,
      c.kind === 'timing' ? c.expression : null,
    ];
  });
  return toCsv(CLAIM_COLUMNS, rows);
}

// ---------------------------------------------------------------- reconciliations.csv

/** A matrix row key (conflicts.ts rowKeyOf: `killed|nationality=US;affiliation=military`) in parts. */
export function parseRowKey(rowKey: string): { measure: string; population: Record<string, string> } {
  const bar = rowKey.indexOf('|');
  const measure = bar < 0 ? rowKey : rowKey.slice(0, bar);
  const population: Record<string, string> = {};
  if (bar >= 0) {
    for (const pair of rowKey.slice(bar + 1).split(';')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      try {
        population[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
      } catch {
        population[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
    }
  }
  return { measure, population };
}

/** The population of a row key in words ("US military"), or "all". */
export const rowPopulationWords = (rowKey: string): string => {
  const p = parseRowKey(rowKey).population;
  return [p.nationality, p.affiliation, p.side, p.role, p.place ? `in ${p.place}` : undefined].filter(Boolean).join(' ') || 'all';
};

export const RECONCILIATION_COLUMNS = [
  'event_id',
  'event',
  'date_start',
  'date_end',
  'date_precision',
  'location',
  'location_precision',
  'row_key',
  'measure',
  'nationality',
  'affiliation',
  'side',
  'role',
  'place',
  'low',
  'best',
  'high',
  'method',
  'claims_used',
  'sources_used',
  'number_of_sources',
  'claims_set_aside',
  'sources_set_aside',
  'claims_implied',
  'rationale',
  'by',
  'at',
] as const;

export function reconciliationsCsv(input: { reconciliations: Reconciliation[]; events: Event[]; claims: Claim[]; sources: Source[] }): string {
  const events = new Map(input.events.map((e) => [e.id, e]));
  const claims = new Map(input.claims.map((c) => [c.id, c]));
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const rows = input.reconciliations.map((r): Cell[] => {
    const e = events.get(r.eventId);
    const { measure, population: p } = parseRowKey(r.rowKey);
    const used = [...new Set(r.used.map((id) => claims.get(id)?.sourceId).filter((x): x is string => !!x))];
    const nameOf = (id: string) => {
      const s = sources.get(id);
      return s ? (s.outlet.value ?? s.title.value ?? id) : id;
    };
    const usedNames = used.map(nameOf);
    // Every side: the sources set aside, by name with the reason, beside the claims' ids.
    const asideNames = r.setAside.map((x) => {
      const sid = claims.get(x.claimId)?.sourceId;
      return `${sid ? nameOf(sid) : x.claimId}: ${x.reason}`;
    });
    return [
      r.eventId,
      e?.title,
      e?.start,
      e?.end,
      e?.precision,
      e?.place,
      e?.placePrecision,
      r.rowKey,
      measure,
      p.nationality,
      p.affiliation,
      p.side,
      p.role,
      p.place,
      r.low,
      r.best,
      r.high,
      r.method,
      r.used.join('; '),
      usedNames.join('; '),
      used.length,
      r.setAside.map((x) => `${x.claimId}: ${x.reason}`).join('; '),
      asideNames.join('; '),
      (r.implied ?? []).join('; '),
      r.rationale,
      r.by,
      r.at,
    ];
  });
  return toCsv(RECONCILIATION_COLUMNS, rows);
}
