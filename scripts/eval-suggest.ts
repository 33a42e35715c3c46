// `node scripts/eval-suggest.ts [corpusDir] [--texts DIR] [-v]`: scores the claim suggester on the
// seed articles (against seeds-key.json) and on both halves of the development corpus (key in
// tests/fixtures/suggest-dev/, texts re-gathered by scripts/suggest-dev/gather.ts into a temporary
// folder; scoring rules in scripts/suggest-dev/score.ts). -v lists misses and false positives of the
// seeds and the dev half; the held-out half's and the fresh lists' only with SHOW_HELDOUT=1, so rules are not fitted to them.
//
// Seed scoring: a key claim is found when a suggestion of the same kind overlaps its quote and, for
// figures, has the same low / best / high.
// - A key claim's `measureExtra` (a second figure a fact-checker recorded on the same quote) is
//   scored as a count claim of its own.
// - The publication date is the key's `published`, else its `likelyPublished`, else none.
// - A suggestion is correct when it matches some key claim; precision = correct / suggested.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { canonicalize } from '../shared/text/canonical.ts';
import { suggest, type Suggestion } from '../shared/suggest/suggest.ts';
import { scoreDev } from './suggest-dev/score.ts';

interface KeyFigure {
  low: number | null;
  best: number | null;
  high: number | null;
}
interface KeyClaim {
  id: string;
  doc: string;
  kind: string;
  quote: string;
  figure?: KeyFigure;
  measureExtra?: { measure: string; figure: KeyFigure };
}
interface Scored {
  id: string;
  doc: string;
  kind: string;
  quote: string;
  start: number;
  end: number;
  figure?: KeyFigure;
}

export const KIND_GROUPS: Record<string, string[]> = {
  'casualties+munitions+count': ['casualties', 'munitions', 'count'],
  attribution: ['attribution'],
  timing: ['timing'],
  casualties: ['casualties'],
  munitions: ['munitions'],
  count: ['count'],
};

export interface KindScore {
  keyClaims: number;
  found: number;
  suggested: number;
  correct: number;
  recall: number;
  precision: number;
}

export interface SeedsScore {
  byKind: Record<string, KindScore>;
  misses: Array<{ id: string; doc: string; kind: string; quote: string; near: string[] }>;
  falsePositives: Array<{ doc: string; kind: string; quote: string; figure: string; rule: string }>;
  unlocated: string[];
  suggestionsByDoc: Record<string, Suggestion[]>;
}

const sameFigure = (k: KeyFigure | undefined, s: Suggestion) =>
  !k || (s.figure !== null && s.figure.low === k.low && s.figure.best === k.best && s.figure.high === k.high);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const matches = (k: Scored, s: Suggestion) => s.kind === k.kind && overlaps(k, s) && sameFigure(k.figure, s);
const fig = (f: KeyFigure | null | undefined) => (f ? `${f.low}/${f.best}/${f.high}` : '');

/** Scores the suggester on a corpus folder holding seeds/ and seeds-key.json. */
export function scoreSeeds(corpusDir: string): SeedsScore {
  const key = JSON.parse(readFileSync(path.join(corpusDir, 'seeds-key.json'), 'utf8'));
  const docs: Record<string, { published?: string | null; likelyPublished?: string | null }> = key.documents;
  const files = readdirSync(path.join(corpusDir, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const keyClaims: Scored[] = [];
  const unlocated: string[] = [];
  const suggestionsByDoc: Record<string, Suggestion[]> = {};
  const texts: Record<string, string> = {};
  for (const file of files) {
    const text = canonicalize(readFileSync(path.join(corpusDir, 'seeds', file), 'utf8'));
    texts[file] = text;
    const meta = docs[file] ?? {};
    suggestionsByDoc[file] = suggest(text, { published: meta.published ?? meta.likelyPublished ?? null });
  }
  for (const c of key.claims as KeyClaim[]) {
    const text = texts[c.doc];
    if (text === undefined) continue;
    const at = text.indexOf(canonicalize(c.quote));
    if (at < 0) {
      unlocated.push(`${c.id} ${c.doc}: ${c.quote}`);
      continue;
    }
    const span = { start: at, end: at + canonicalize(c.quote).length };
    keyClaims.push({ id: c.id, doc: c.doc, kind: c.kind, quote: c.quote, ...span, figure: c.figure });
    if (c.measureExtra)
      keyClaims.push({ id: `${c.id}+${c.measureExtra.measure}`, doc: c.doc, kind: 'count', quote: c.quote, ...span, figure: c.measureExtra.figure });
  }

  const byKind: Record<string, KindScore> = {};
  for (const [name, kinds] of Object.entries(KIND_GROUPS)) {
    const ks = keyClaims.filter((k) => kinds.includes(k.kind));
    const found = ks.filter((k) => suggestionsByDoc[k.doc].some((s) => matches(k, s))).length;
    const sugg = Object.entries(suggestionsByDoc).flatMap(([doc, list]) => list.filter((s) => kinds.includes(s.kind)).map((s) => ({ doc, s })));
    const correct = sugg.filter(({ doc, s }) => keyClaims.some((k) => k.doc === doc && matches(k, s))).length;
    byKind[name] = {
      keyClaims: ks.length,
      found,
      suggested: sugg.length,
      correct,
      recall: ks.length ? found / ks.length : 1,
      precision: sugg.length ? correct / sugg.length : 1,
    };
  }
  const misses = keyClaims
    .filter((k) => !suggestionsByDoc[k.doc].some((s) => matches(k, s)))
    .map((k) => ({
      id: k.id,
      doc: k.doc,
      kind: `${k.kind}${k.figure ? ` ${fig(k.figure)}` : ''}`,
      quote: k.quote,
      near: suggestionsByDoc[k.doc].filter((s) => overlaps(k, s)).map((s) => `${s.kind} ${fig(s.figure)} "${s.quote}"`),
    }));
  const falsePositives = Object.entries(suggestionsByDoc).flatMap(([doc, list]) =>
    list
      .filter((s) => !keyClaims.some((k) => k.doc === doc && matches(k, s)))
      .map((s) => ({ doc, kind: s.kind, quote: s.quote, figure: fig(s.figure), rule: s.rule })),
  );
  return { byKind, misses, falsePositives, unlocated, suggestionsByDoc };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printGroups(
  rows: Array<[string, { key?: number; keyClaims?: number; found: number; recall: number; suggested: number; correct: number; precision: number }]>,
): void {
  console.log('kind                         key  found  recall   suggested  correct  precision');
  for (const [name, k] of rows) {
    console.log(
      `${name.padEnd(28)} ${String(k.key ?? k.keyClaims).padStart(4)} ${String(k.found).padStart(6)}  ${pct(k.recall).padStart(6)}   ${String(k.suggested).padStart(9)} ${String(k.correct).padStart(8)}  ${pct(k.precision).padStart(8)}`,
    );
  }
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { texts: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corpus = positionals[0] ?? path.resolve(here, '../../shared/corpus');
  const r = scoreSeeds(corpus);
  console.log('== seeds (the five seed articles; the rules were written from them)');
  printGroups(Object.entries(r.byKind));
  console.log('targets: casualties+munitions+count recall ≥ 90%, precision ≥ 80%');
  if (r.unlocated.length) console.log(`\nkey quotes not found in the canonical text:\n  ${r.unlocated.join('\n  ')}`);
  if (values.verbose) {
    console.log(`\nmisses (${r.misses.length}):`);
    for (const m of r.misses) console.log(`  ${m.id} [${m.kind}] "${m.quote}"${m.near.length ? `\n      overlapping: ${m.near.join(' | ')}` : ''}`);
    console.log(`\nfalse positives (${r.falsePositives.length}):`);
    for (const f of r.falsePositives) console.log(`  ${f.doc.slice(0, 3)} [${f.kind}${f.figure ? ` ${f.figure}` : ''}] "${f.quote}"  (${f.rule})`);
  }
  const title = {
    dev: 'dev half (rules may be written looking at it)',
    heldout: 'held-out half (never looked at while writing rules)',
    fresh: 'fresh held-out list (new incidents, coded after the rules were written)',
    fresh2: 'second fresh list (session 6: coded and scored before that session changed a rule)',
  };
  for (const half of ['dev', 'heldout', 'fresh', 'fresh2'] as const) {
    const d = scoreDev(half, values.texts);
    console.log(`\n== development corpus, ${title[half]}`);
    if ('missing' in d) {
      console.log(`  texts missing (${d.missing.join(', ')}): run node scripts/suggest-dev/gather.ts first`);
      continue;
    }
    console.log(`${d.documents} excerpts of ${d.incidents} incidents`);
    printGroups(Object.entries(d.groups));
    if (half !== 'dev') console.log('targets: figures recall and precision ≥ 85%; attribution recall ≥ 70%; timing recall ≥ 70%');
    const counts = (c: Record<string, number>) =>
      Object.entries(c)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none';
    console.log(`misses by kind: ${counts(d.missCounts)}\nfalse positives by kind: ${counts(d.falsePositiveCounts)}`);
    // the held-out half's misses are listed only on request, so that rules are not written from them
    if (values.verbose && (half === 'dev' || process.env.SHOW_HELDOUT === '1')) {
      console.log(`\nmisses (${d.misses.length}):\n  ${d.misses.join('\n  ')}`);
      console.log(`\nfalse positives (${d.falsePositives.length}):\n  ${d.falsePositives.join('\n  ')}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
