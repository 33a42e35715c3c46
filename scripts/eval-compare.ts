// `node scripts/eval-compare.ts --answers DIR`: the held-out check of the Compare verdicts (issue
// 16) on reporting none of the seeds covers. The key (tests/fixtures/compare-heldout/key.json) holds
// facts only: documents by their address in the search tool's `pages` corpus, the claims an analyst
// codes from them, and each real disagreement with a careful fact-checker's verdict. The texts are
// re-gathered, never stored: run the key's query with the search tool (corpus "pages"), save its
// JSON answer in DIR, and run this. It imports the texts into a temporary case, imports the coded
// claims through `corroborate import-claims` (as a monitor's spreadsheet would come in), computes
// the disagreements, and prints, for each real disagreement, the tool's verdict and how many flags
// it raised, then the agreement rate and the flags per real disagreement (targets: ≥ 90 %, ≤ 1.5).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runCli } from '../electron/cli.ts';
import { SEVERITY, type ConflictsReport, type Verdict } from '../shared/compare/conflicts.ts';
import { readAnswers } from './suggest-dev/texts.ts';

interface KeyClaim {
  id: string;
  doc: string;
  kind: string;
  quote: string;
  [field: string]: unknown;
}
interface Incident {
  /** Which round of the check it belongs to: the key's `about` says how each was used (dev, heldout, fresh, fresh2). */
  half: string;
  query: string;
  event: { title: string; start: string; location: string };
  documents: Array<{ id: string; outlet: string; url: string; published: string }>;
  claims: KeyClaim[];
  disagreements: Array<{ id: string; what: string; claims: string[]; verdict: string }>;
}
interface Key {
  incidents: Incident[];
}

const KEY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/compare-heldout/key.json');
const COLUMNS = [
  'source',
  'kind',
  'quote',
  'measure',
  'nationality',
  'affiliation',
  'low',
  'best',
  'high',
  'figure_as_written',
  'perpetrator',
  'stance',
  'speaker',
  'as_of',
  'event',
  'event_date_start',
  'location',
];
const cell = (v: unknown) => (v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);
const quiet = { out: () => {}, err: () => {} };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { answers: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } });
  const incidents = (JSON.parse(readFileSync(KEY, 'utf8')) as Key).incidents;
  if (!values.answers) {
    console.log('Run these queries with the search tool (corpus "pages"), save the JSON answers in a folder, and pass it as --answers DIR:');
    for (const i of incidents) console.log(`  ${i.query}`);
    return 2;
  }
  // One case holds every incident, each its own event: claims of two events must never meet.
  const eventOf = new Map(incidents.flatMap((i) => i.claims.map((c) => [c.id, i.event] as const)));
  const key = {
    documents: incidents.flatMap((i) => i.documents),
    claims: incidents.flatMap((i) => i.claims),
    disagreements: incidents.flatMap((i) => i.disagreements),
  };
  const answers = readAnswers(values.answers);
  const root = mkdtempSync(path.join(tmpdir(), 'corroborate-eval-compare-'));
  const files: string[] = [];
  for (const d of key.documents) {
    const text = answers.get(d.url);
    if (text === undefined) {
      console.log(`missing: ${d.url} (run the key's query again and save its answer)`);
      return 2;
    }
    const file = path.join(root, `${d.id}.txt`);
    writeFileSync(file, `${d.outlet}\n${d.published}\n\n${text.trim()}\n`);
    files.push(file);
  }
  const dir = path.join(root, 'case');
  if ((await runCli(['import', ...files, '--case', dir], quiet)) !== 0) throw new Error('the texts could not be imported');

  const published = new Map(key.documents.map((d) => [d.id, d.published]));
  const rows = key.claims.map((c) => {
    // A running toll and a (non-)claim of responsibility are as of their report's day, unless the
    // claim says when its figure was given (the key's as_of: "initial reports" of the day before).
    const dated = c.kind === 'casualties' || c.kind === 'attribution';
    const v: Record<string, unknown> = { ...c, source: `${c.doc}.txt`, as_of: c.as_of ?? (dated ? published.get(c.doc) : null) };
    const ev = eventOf.get(c.id) as Incident['event'];
    v.event = ev.title;
    v.event_date_start = ev.start;
    v.location = ev.location;
    return COLUMNS.map((k) => cell(v[k])).join(',');
  });
  const sheet = path.join(root, 'claims.csv');
  writeFileSync(sheet, [COLUMNS.join(','), ...rows].join('\r\n'));
  const out: string[] = [];
  const code = await runCli(['import-claims', sheet, '--case', dir, '--json'], { out: (s) => out.push(s), err: () => {} });
  const imported = JSON.parse(out.join('')) as { claims: Array<{ line: number; id: string }>; errors: Array<{ line: number; message: string }> };
  for (const e of imported.errors) console.log(`  refused: line ${e.line} (${key.claims[e.line - 2]?.id}): ${e.message}`);
  if (code !== 0) console.log(`  import-claims exited ${code}`);
  const idOf = new Map(imported.claims.map((c) => [key.claims[c.line - 2].id, c.id]));

  const rep: string[] = [];
  await runCli(['conflicts', '--case', dir, '--json'], { out: (s) => rep.push(s), err: () => {} });
  const report = JSON.parse(rep.join('')) as ConflictsReport;
  // Row keys repeat across events ("perpetrator", "killed|all"): every lookup is by event and key.
  const rowsOf = report.events.flatMap((e) => e.rows);
  const flags = report.events.flatMap((e) => e.disagreements.map((f) => ({ ...f, rows: f.rows.map((k) => `${e.id}\u0000${k}`) })));
  const rowClaims = new Map<string, string[]>(report.events.flatMap((e) => e.rows.map((r) => [`${e.id}\u0000${r.key}`, r.claims] as const)));
  const halfOf = new Map(incidents.flatMap((i) => i.disagreements.map((d) => [d.id, i.half] as const)));
  // One tally per half of the key, in the order the key lists them, and one over everything.
  const tally: Record<string, { n: number; agree: number; real: number; flags: number; rows: number }> = {};
  for (const i of [...incidents, { half: 'all' }]) tally[i.half] ??= { n: 0, agree: 0, real: 0, flags: 0, rows: 0 };
  const rowsByKey = new Map<string, ConflictsReport['events'][number]['rows'][number]>(
    report.events.flatMap((e) => e.rows.map((r) => [`${e.id}\u0000${r.key}`, r] as const)),
  );
  for (const d of key.disagreements) {
    const ids = new Set(d.claims.map((c) => idOf.get(c)).filter((x): x is string => !!x));
    const touching = (keys: string[]) => keys.some((k) => (rowClaims.get(k) ?? []).some((id) => ids.has(id)));
    const hit = flags.filter((f) => touching(f.rows));
    const flaggedRows = rowsOf.filter((r) => r.verdict !== 'consistent' && r.verdict !== 'single' && r.claims.some((id) => ids.has(id)));
    const got = hit.length ? hit.map((f) => f.verdict).reduce<Verdict>((w, v) => (SEVERITY[v] > SEVERITY[w] ? v : w), 'single') : 'consistent';
    const ok = got.replace('_', ' ') === d.verdict;
    for (const t of [tally[halfOf.get(d.id) ?? 'dev'], tally.all]) {
      t.n++;
      t.agree += ok ? 1 : 0;
      t.real += d.verdict === 'consistent' ? 0 : 1;
      t.flags += hit.length;
      t.rows += flaggedRows.length;
    }
    console.log(
      `  ${d.id} ${d.what}: key ${d.verdict}, tool ${got}${ok ? '' : '  ✗'} — ${hit.length} flag${hit.length === 1 ? '' : 's'} (${flaggedRows.length} flagged rows)`,
    );
    if (values.verbose && !ok)
      for (const f of hit.length ? hit : [{ rows: [...rowClaims.keys()].filter((k) => touching([k])) }])
        for (const k of f.rows) {
          const r = rowsByKey.get(k);
          if (r) console.log(`      ${r.key} ${r.verdict}: ${r.why}`);
        }
  }
  for (const [half, t] of Object.entries(tally)) {
    if (!t.n) continue;
    console.log(
      `${half}: verdicts agree on ${t.agree} of ${t.n} disagreements (${Math.round((100 * t.agree) / t.n)} %; target ≥ 90 %); ` +
        `flags per real disagreement ${(t.flags / Math.max(1, t.real)).toFixed(2)} (${t.flags} flags for ${t.real}; target ≤ 1.5), flagged rows before grouping ${(t.rows / Math.max(1, t.real)).toFixed(2)}`,
    );
  }
  return 0;
}

process.exitCode = await main();
