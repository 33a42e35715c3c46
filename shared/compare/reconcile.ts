// Reconciliation: one row of an event's matrix (a measure × population) turned into a defensible
// low / best / high by a named method, with the claims used, the claims set aside (each with a
// reason) and a rationale. A reconciliation is its own record: it never changes a claim.
//
// Methods, and the rule each follows:
// - conservative (ACLED): "the most conservative report" — one number, the lowest figure any
//   credible claim gives: min over claims of (low, or best where low is open, or high). low = best
//   = high = that number, as ACLED codes a single fatality count.
// - ucdp (UCDP GED): the codebook's three estimates. low_est is "the lowest reasonable estimate",
//   high_est "the highest reasonable estimate", best_est "the best (most likely) estimate". Here:
//   low = the lowest figure reported (as conservative); high = the highest figure reported, each
//   claim contributing its high, or its best where the high is open ("at least 62" reports 62, not
//   infinity: UCDP's high is a number); best = the median of the claims' best figures, the lower
//   middle one when their count is even (UCDP leans conservative), kept between low and high. The
//   median stands in for UCDP's judgement of the most reliable report, which the user can override
//   with 'manual' and explain in the rationale.
// - minmax (Iraq Body Count): the reported minimum and maximum, no best: low = the lowest figure
//   reported, high = the highest (with the same open-bound handling as ucdp).
// - manual: the user's own numbers; low ≤ best ≤ high where given, none negative, null = open.
// Every side counts (issue 16): a figure as written, a part of a breakdown, and a figure IMPLIED by
// a claim's total and breakdown for this population (conflicts.ts) are all used unless the user
// sets them aside, each with a reason; a dissenting source never drops out silently. An implied
// range counts as what the source's own figures allow: "N or more" as N, "N–M" as N–M, and "up to
// N" as N (a report that leaves room for at most N is not a report of zero). Date and perpetrator
// cells, and cells without any number, are not figures and are skipped.
import { z } from 'zod';
import { ManualFigure, Reconciliation, ReconcileMethod, SetAside } from '../model/judgements.ts';

export { ManualFigure, Reconciliation, ReconcileMethod, SetAside };

export const METHOD_LABELS: Record<ReconcileMethod, string> = {
  conservative: 'Conservative: the lowest credible figure (as ACLED)',
  ucdp: 'Best estimate with low and high (as UCDP)',
  minmax: 'Minimum and maximum reported (as Iraq Body Count)',
  manual: 'Manual',
};

/** One figure of a row: a matrix cell, or anything with a claim id and a range. */
export interface FigureInput {
  claimId: string;
  low: number | null;
  best: number | null;
  high: number | null;
  /** A matrix cell's basis: 'implied' cells (and date or perpetrator cells) are not figures as written. */
  basis?: string;
}

export interface ReconcileResult {
  method: ReconcileMethod;
  low: number | null;
  best: number | null;
  high: number | null;
  used: string[];
  /** The used claims whose figure here is implied, not written. */
  implied: string[];
  setAside: SetAside[];
  /** The result in words, naming the claims it rests on. */
  explanation: string;
}

export class ReconcileError extends Error {}

const FIGURE_BASES = new Set(['figure', 'part', 'implied']);

/** An implied range as a figure (see the rules at the top): "up to N" counts as N. */
function impliedFigure(f: FigureInput): FigureInput {
  const low = f.low ?? 0;
  if (low <= 0 && f.high !== null) return { claimId: f.claimId, low: f.high, best: f.high, high: f.high, basis: 'implied' };
  return { claimId: f.claimId, low, best: low, high: f.high, basis: 'implied' };
}

const show = (n: number | null) => (n === null ? 'open' : n.toLocaleString('en-US'));
const lowOf = (f: FigureInput) => f.low ?? f.best ?? f.high;
const highOf = (f: FigureInput) => f.high ?? f.best ?? f.low;
const bestOf = (f: FigureInput) => f.best ?? f.low ?? f.high;

function pick(figs: FigureInput[], value: (f: FigureInput) => number | null, better: (a: number, b: number) => boolean) {
  let out: { v: number; ids: string[] } | null = null;
  for (const f of figs) {
    const v = value(f);
    if (v === null) continue;
    if (!out || better(v, out.v)) out = { v, ids: [f.claimId] };
    else if (v === out.v) out.ids.push(f.claimId);
  }
  return out;
}

/**
 * Reconciles a row's figures by a method. Pure: the figures are read, never changed. Throws
 * ReconcileError for a set-aside without a reason, a set-aside claim not in the row, or manual
 * numbers out of order.
 */
export function reconcile(
  figures: readonly FigureInput[],
  method: ReconcileMethod,
  setAside: readonly SetAside[] = [],
  manual?: ManualFigure,
): ReconcileResult {
  const aside: SetAside[] = [];
  for (const s of setAside) {
    const parsed = SetAside.safeParse(s);
    if (!parsed.success) throw new ReconcileError(`Claim ${s.claimId}: ${parsed.error.issues[0].message}`);
    if (!figures.some((f) => f.claimId === s.claimId)) throw new ReconcileError(`Claim ${s.claimId} is not in this row.`);
    aside.push(parsed.data);
  }
  const asideIds = new Set(aside.map((s) => s.claimId));
  // One figure per claim (as written, or implied), with a number in it.
  const seen = new Set<string>();
  const credible: FigureInput[] = [];
  const implied: string[] = [];
  for (const f of figures) {
    if (f.basis !== undefined && !FIGURE_BASES.has(f.basis)) continue;
    if (asideIds.has(f.claimId) || seen.has(f.claimId)) continue;
    if (f.low === null && f.best === null && f.high === null) continue;
    seen.add(f.claimId);
    if (f.basis === 'implied') {
      implied.push(f.claimId);
      credible.push(impliedFigure(f));
    } else credible.push(f);
  }
  const used = credible.map((f) => f.claimId);
  const base = { method, used, implied, setAside: aside };

  if (method === 'manual') {
    const m = ManualFigure.safeParse(manual ?? { low: null, best: null, high: null });
    if (!m.success) throw new ReconcileError(m.error.issues[0].message);
    return { ...base, ...m.data, explanation: `Set by hand: low ${show(m.data.low)}, best ${show(m.data.best)}, high ${show(m.data.high)}.` };
  }
  if (credible.length === 0) {
    return {
      ...base,
      low: null,
      best: null,
      high: null,
      explanation: aside.length ? 'No figure is left: every claim of the row is set aside.' : 'The row has no figure to reconcile.',
    };
  }
  const low = pick(credible, lowOf, (a, b) => a < b) as { v: number; ids: string[] };
  const high = pick(credible, highOf, (a, b) => a > b) as { v: number; ids: string[] };
  const from = (ids: string[]) => ids.join(', ');
  switch (method) {
    case 'conservative':
      return { ...base, low: low.v, best: low.v, high: low.v, explanation: `The lowest credible figure, ${show(low.v)}, from ${from(low.ids)}.` };
    case 'minmax':
      return {
        ...base,
        low: low.v,
        best: null,
        high: high.v,
        explanation: `The lowest figure reported, ${show(low.v)} (${from(low.ids)}), and the highest, ${show(high.v)} (${from(high.ids)}).`,
      };
    case 'ucdp': {
      const bests = credible.map((f) => ({ v: bestOf(f) as number, id: f.claimId })).sort((a, b) => a.v - b.v);
      const mid = bests[Math.floor((bests.length - 1) / 2)];
      const best = Math.min(high.v, Math.max(low.v, mid.v));
      return {
        ...base,
        low: low.v,
        best,
        high: high.v,
        explanation: `Low: the lowest figure reported, ${show(low.v)} (${from(low.ids)}); best: the middle of the ${bests.length} best estimates, ${show(best)} (${mid.id}); high: the highest figure reported, ${show(high.v)} (${from(high.ids)}).`,
      };
    }
  }
}

/** A validated Reconciliation record from a row's figures and the user's choices. */
export function makeReconciliation(input: {
  eventId: string;
  rowKey: string;
  figures: readonly FigureInput[];
  method: ReconcileMethod;
  setAside?: readonly SetAside[];
  manual?: ManualFigure;
  rationale: string;
  by: string | null;
  at: string;
}): Reconciliation {
  const r = reconcile(input.figures, input.method, input.setAside ?? [], input.manual);
  return Reconciliation.parse({
    eventId: input.eventId,
    rowKey: input.rowKey,
    method: r.method,
    low: r.low,
    best: r.best,
    high: r.high,
    used: r.used,
    implied: r.implied,
    setAside: r.setAside,
    rationale: input.rationale,
    by: input.by,
    at: input.at,
  });
}

/**
 * Re-runs a stored reconciliation against the row as it is now (claims may have been edited,
 * added or deleted since). Says whether the numbers or the claims used changed, so the UI can ask
 * the user to look again; the stored record is not touched.
 */
export function recheck(rec: Reconciliation, figures: readonly FigureInput[]): { changed: boolean; now: ReconcileResult | null; why: string } {
  const present = new Set(figures.map((f) => f.claimId));
  const missing = rec.setAside.filter((s) => !present.has(s.claimId));
  if (missing.length)
    return {
      changed: true,
      now: null,
      why: `Set-aside claim${missing.length > 1 ? 's' : ''} ${missing.map((s) => s.claimId).join(', ')} no longer in the row.`,
    };
  const now = reconcile(figures, rec.method, rec.setAside, rec.method === 'manual' ? { low: rec.low, best: rec.best, high: rec.high } : undefined);
  const sameUsed = now.used.length === rec.used.length && now.used.every((id) => rec.used.includes(id));
  const sameNumbers = now.low === rec.low && now.best === rec.best && now.high === rec.high;
  if (sameUsed && sameNumbers) return { changed: false, now, why: 'Unchanged.' };
  return {
    changed: true,
    now,
    why: sameUsed
      ? `The claims' figures changed: now ${show(now.low)} / ${show(now.best)} / ${show(now.high)}.`
      : `The row's claims changed: it now rests on ${now.used.join(', ') || 'no claim'}.`,
  };
}

/**
 * What a reconciliation rests on, in words a reader of the published check follows: the sources
 * used (an implied figure marked so) and the sources set aside with their reasons. `name` says a
 * claim's source ("The Washington Post"); `figure` what the claim gives here ("three", "implied 2").
 */
export function describeBasis(
  rec: Pick<Reconciliation, 'used' | 'implied' | 'setAside'>,
  name: (claimId: string) => string,
  figure: (claimId: string) => string = () => '',
): string {
  const implied = new Set(rec.implied ?? []);
  const one = (id: string) => {
    const f = figure(id);
    return `${name(id)}${f ? ` (${f})` : implied.has(id) ? ' (implied)' : ''}`;
  };
  const used = rec.used.length ? `Rests on ${listWords(rec.used.map(one))}.` : 'Rests on no claim.';
  if (!rec.setAside.length) return used;
  return `${used} Set aside: ${rec.setAside.map((s) => `${one(s.claimId)}: ${s.reason}`).join('; ')}.`;
}

const listWords = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
