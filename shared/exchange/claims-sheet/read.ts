// Reading a claims sheet (claims.csv, or a spreadsheet an analyst coded in the same columns) into
// rows with their line numbers. Pure.
//
// Rules, and why:
// - Parsing is papaparse's (RFC 4180 quoting, embedded line breaks, CR/LF/CRLF): a well-kept parser
//   that runs unchanged in the core and the renderer (no Node globals), rather than hand-written
//   code. A byte-order mark is dropped (Excel writes one); so is a row with no cell filled.
// - A row's line number is the line its first cell starts on, counted from 1 with the header as
//   line 1, as a spreadsheet shows it: errors name the line the user can find.
// - Column names are matched case-insensitively, spaces and dashes read as underscores; columns
//   may come in any order and unknown ones are ignored, so a sheet may hold a subset.
// - Cells stay text: a cell that looks like a formula ('=1+1') is a string, never evaluated. The
//   apostrophe claims.csv adds to neutralise such a cell (csv.ts) is taken off again, so a round
//   trip gives back what was written.
import Papa from 'papaparse';

export interface SheetRow {
  line: number;
  /** Cells by (normalised) column name; missing columns are absent. */
  cells: Record<string, string>;
}
export interface Sheet {
  columns: string[];
  rows: SheetRow[];
}

export class SheetError extends Error {}

export const normaliseColumn = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

// csv.ts's neutralise(): an apostrophe before what a spreadsheet would run as a formula.
const NEUTRALISED = /^'(?=[\s\u00a0]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;
const cellText = (s: string) => s.replace(NEUTRALISED, '');

/** The sheet's header and rows. Throws SheetError when there is no header or the text is not CSV. */
export function readSheet(text: string): Sheet {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw: Array<{ cells: string[]; start: number }> = [];
  let errors: string[] = [];
  let last = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (r) => {
      raw.push({ cells: r.data, start: last });
      last = r.meta.cursor;
      if (r.errors.length) errors = errors.concat(r.errors.map((e) => `${e.message} (row ${raw.length})`));
    },
  });
  // Quote errors mean the structure cannot be trusted; field-count differences are fine (a short row).
  if (errors.some((e) => /quote/i.test(e))) throw new SheetError(`The file is not valid CSV: ${errors[0]}.`);
  // Line of each row: newlines before its start (rows start after the previous row's cursor).
  let line = 1;
  let pos = 0;
  const lineAt = (offset: number) => {
    for (; pos < offset && pos < body.length; pos++) if (body[pos] === '\n' || (body[pos] === '\r' && body[pos + 1] !== '\n')) line++;
    return line;
  };
  const rows = raw.map((r) => ({ ...r, line: lineAt(firstChar(body, r.start)) }));
  const headerAt = rows.findIndex((r) => r.cells.some((c) => c.trim()));
  if (headerAt < 0) throw new SheetError('The file is empty: a claims sheet starts with a header row (source, quote, kind, …).');
  const columns = rows[headerAt].cells.map(normaliseColumn);
  const out: SheetRow[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    if (!r.cells.some((c) => c.trim())) continue;
    const cells: Record<string, string> = {};
    columns.forEach((name, i) => {
      if (name && i < r.cells.length && !(name in cells)) cells[name] = cellText(r.cells[i]);
    });
    out.push({ line: r.line, cells });
  }
  return { columns, rows: out };
}

/** Where a row's text starts: a row's cursor range may begin with the line break that ended the previous row. */
function firstChar(text: string, start: number): number {
  let i = start;
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
}
