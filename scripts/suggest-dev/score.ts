// Scores the suggester on the development corpus (tests/fixtures/suggest-dev/key.json), as issue 17
// defines it:
// - a figure (casualties, munitions, count) is found when a suggestion of the same kind overlaps
//   the key's span and has the same low / best / high; a breakdown's parts are scored beside it
//   (a key part is found when the matching suggestion has a part with the same figure);
// - an attribution is found when an attribution suggestion overlaps the span and names the
//   perpetrator (one of the key's aliases, as whole words either way round);
// - an incident date is found when a suggestion dates an overlapping span, or its date expression
//   overlaps the key's, resolved to the key's day.
// Precision is, per group, the share of the suggester's suggestions that match some key claim.
import { readFileSync } from 'node:fs';
import { suggest, type Suggestion } from '../../shared/suggest/suggest.ts';
import { KEY_PATH, loadTexts, type DevDoc, type DevHalf } from './texts.ts';

type F = { low: number | null; best: number | null; high: number | null };
interface KeyClaim {
  id: string;
  doc: string;
  kind: string;
  measure?: string | null;
  at: { start: number; end: number };
  figure?: F;
  parts?: Array<{ figure: F; subset: boolean }>;
  perpetrators?: string[];
  date?: string;
}
export interface GroupScore {
  key: number;
  found: number;
  suggested: number;
  correct: number;
  recall: number;
  precision: number;
}
export interface DevScore {
  groups: Record<string, GroupScore>;
  misses: string[];
  falsePositives: string[];
  /** Misses and false positives counted by kind and measure, with no words: what may be shown of the held-out half. */
  missCounts: Record<string, number>;
  falsePositiveCounts: Record<string, number>;
  documents: number;
  incidents: number;
}

const FIGURE_KINDS = new Set(['casualties', 'munitions', 'count']);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const sameFigure = (a: F, b: F | null) => b !== null && a.low === b.low && a.best === b.best && a.high === b.high;
const words = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^\s*the\s+/, '')
    .trim()} `;
export const samePerpetrator = (aliases: string[], named: string | null) =>
  named !== null && aliases.some((a) => words(named).includes(words(a)) || (words(named).trim().length > 2 && words(a).includes(words(named))));

const figureMatch = (k: KeyClaim, s: Suggestion) => s.kind === k.kind && overlaps(k.at, s) && sameFigure(k.figure!, s.figure);
// a repeated attribution is one suggestion whose later passages are its mentions: a key claim on any of them is found by it
const attributionMatch = (k: KeyClaim, s: Suggestion) =>
  s.kind === 'attribution' && (overlaps(k.at, s) || (s.mentions ?? []).some((m) => overlaps(k.at, m))) && samePerpetrator(k.perpetrators!, s.perpetrator);
const timingMatch = (k: KeyClaim, s: Suggestion) => !!s.date && s.date.start === k.date && (overlaps(k.at, s.date.at) || overlaps(k.at, s));

type Listed = Array<{ doc: string; s: Suggestion }>;
/** Recall over `finders` (a date may be found on a figure's suggestion), precision over `sugg`. */
function group(keys: KeyClaim[], sugg: Listed, match: (k: KeyClaim, s: Suggestion) => boolean, finders: Listed = sugg): GroupScore {
  const found = keys.filter((k) => finders.some((x) => x.doc === k.doc && match(k, x.s))).length;
  const correct = sugg.filter((x) => keys.some((k) => k.doc === x.doc && match(k, x.s))).length;
  return {
    key: keys.length,
    found,
    suggested: sugg.length,
    correct,
    recall: keys.length ? found / keys.length : 1,
    precision: sugg.length ? correct / sugg.length : 1,
  };
}

const countBy = (keys: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
};
const fig = (f: F | null | undefined) => (f ? `${f.low}/${f.best}/${f.high}` : '');

/** Scores one half ('dev', 'heldout', 'fresh' or 'fresh2') of the corpus whose texts gather.ts put in textsDir. */
export function scoreDev(half: DevHalf, textsDir?: string): DevScore | { missing: string[] } {
  const key = JSON.parse(readFileSync(KEY_PATH, 'utf8')) as { documents: DevDoc[]; claims: KeyClaim[] };
  const docs = key.documents.filter((d) => d.half === half);
  const { texts, missing } = loadTexts(docs, textsDir);
  if (missing.length) return { missing };
  const byDoc = new Map(docs.map((d) => [d.id, suggest(texts.get(d.id)!, { published: d.published })]));
  const claims = key.claims.filter((c) => byDoc.has(c.doc));
  const all = [...byDoc].flatMap(([doc, list]) => list.map((s) => ({ doc, s })));
  const figures = claims.filter((c) => FIGURE_KINDS.has(c.kind));
  const attributions = claims.filter((c) => c.kind === 'attribution');
  const timings = claims.filter((c) => c.kind === 'timing');
  const partsFound = (k: KeyClaim) => {
    const s = byDoc.get(k.doc)!.find((x) => figureMatch(k, x));
    return (k.parts ?? []).map((p) => !!s && s.parts.some((sp) => sameFigure(p.figure, sp.figure)));
  };
  const parts = figures.flatMap(partsFound);
  const partsSuggested = all.filter((x) => FIGURE_KINDS.has(x.s.kind)).reduce((n, x) => n + x.s.parts.length, 0);
  const groups: Record<string, GroupScore> = {
    figures: group(
      figures,
      all.filter((x) => FIGURE_KINDS.has(x.s.kind)),
      figureMatch,
    ),
    'breakdown parts': {
      key: parts.length,
      found: parts.filter(Boolean).length,
      suggested: partsSuggested,
      correct: parts.filter(Boolean).length,
      recall: parts.length ? parts.filter(Boolean).length / parts.length : 1,
      precision: partsSuggested ? parts.filter(Boolean).length / partsSuggested : 1,
    },
    attribution: group(
      attributions,
      all.filter((x) => x.s.kind === 'attribution'),
      attributionMatch,
    ),
    'timing (right day)': group(
      timings,
      all.filter((x) => x.s.kind === 'timing'),
      timingMatch,
      all,
    ),
  };
  const text = (doc: string, at: { start: number; end: number }) => texts.get(doc)!.slice(at.start, at.end);
  const missed = claims.filter(
    (k) => !byDoc.get(k.doc)!.some((s) => (FIGURE_KINDS.has(k.kind) ? figureMatch : k.kind === 'attribution' ? attributionMatch : timingMatch)(k, s)),
  );
  const misses = missed.map((k) => {
    const near = byDoc
      .get(k.doc)!
      .filter((s) => overlaps(k.at, s))
      .map((s) => `${s.kind} ${fig(s.figure)}${s.perpetrator ? ` ${s.perpetrator}` : ''}${s.date ? ` ${s.date.start}` : ''}`);
    const want = k.figure ? fig(k.figure) : k.perpetrators ? k.perpetrators[0] : k.date;
    return `${k.id} [${k.kind} ${want}] "${text(k.doc, k.at)}"${near.length ? `  ~ ${near.join(' | ')}` : ''}`;
  });
  const wrong = all.filter(({ doc, s }) => {
    const ks = claims.filter((k) => k.doc === doc);
    if (FIGURE_KINDS.has(s.kind)) return !ks.some((k) => FIGURE_KINDS.has(k.kind) && figureMatch(k, s));
    if (s.kind === 'attribution') return !ks.some((k) => k.kind === 'attribution' && attributionMatch(k, s));
    return !ks.some((k) => k.kind === 'timing' && timingMatch(k, s));
  });
  const falsePositives = wrong.map(
    ({ doc, s }) =>
      `${doc} [${s.kind} ${fig(s.figure)}${s.perpetrator ? ` ${s.perpetrator}` : ''}${s.date ? ` ${s.date.start}` : ''}] "${s.quote}" (${s.rule})`,
  );
  return {
    groups,
    misses,
    falsePositives,
    missCounts: countBy(missed.map((k) => (k.measure ? `${k.kind} ${k.measure}` : k.kind))),
    falsePositiveCounts: countBy(wrong.map(({ s }) => (s.measure ? `${s.kind} ${s.measure}` : s.kind))),
    documents: docs.length,
    incidents: new Set(docs.map((d) => d.incident)).size,
  };
}
