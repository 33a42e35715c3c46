// Date resolution for timing claims: "Wednesday", "early Friday", "late December", "about 24 hours
// earlier" become a date or a range, resolved against the source's publication date.
//
// Rules, and why:
// - News is written in the past tense. A bare weekday is the latest such day ON OR BEFORE the
//   reference ("Wednesday" in a paper of Friday 13 March 2020 is the 11th; "early Friday" in it is
//   the 13th). A day and month without a year ("on March 11", "Dec. 27") is the latest such date on
//   or before the reference; a bare month is the latest such month not after it. chrono-node picks
//   whichever candidate is *closest*, which can be in the future ("Monday" on a Friday); we only use
//   chrono to find and read expressions, and choose the candidate ourselves. Explicit forward words
//   ("next Friday", "tomorrow", "two days later") still go forward.
// - "last Wednesday" is strictly before the reference (on a Wednesday it means a week ago).
// - Anchored expressions ("about 24 hours earlier", "the next day", "two days later") count from an
//   anchor (another claim's date, when the user links one), or from the reference when there is none.
//   "… ago" always counts from the reference.
// - Precision names the WIDTH of the resolved range, on UCDP's date_prec scale, so one field means
//   one thing whatever the wording: 1 day → day; 2–6 days → days; 7 days → week; 8–31 days → month;
//   longer → year. So "late December" (21–31, 11 days) and "early March" (1–10) are 'month'
//   precision with their exact bounds in start/end — the bounds, not the label, carry the detail.
// - Time of day is not modelled: "Thursday night" is Thursday. A statement given on Thursday night in
//   Washington may describe early Friday in Baghdad; that is the fact-checker's note, not a rule.
//   `reference.timezone` is accepted for the record only.
// - `relative` says whether the result depends on the reference date: anything without a written
//   year. Only relative results re-resolve when a publication date is corrected (reresolveAll);
//   a date the user set by hand (method 'manual') never does.
import * as chrono from 'chrono-node';
import { z } from 'zod';
import { type Claim, TimingPrecision } from '../model/claims.ts';
import { resolveTiming, RULES, WEEKDAY_RE } from './calendar.ts';

export { precisionFor, resolveTiming, type ResolvedTiming, type TimingReference } from './calendar.ts';

export { TimingPrecision };

export const TIMING_RULES_VERSION = 'timing/1';

// ---------------------------------------------------------------- finding expressions in text

export interface TimingExpression {
  start: number;
  end: number;
  text: string;
  /** Counts from another date in the text ("two days later"): the form should ask which one. */
  anchored: boolean;
}

/** True when an expression counts from another event's date rather than from the publication date. */
export function isAnchored(expression: string): boolean {
  return RULES.some((r) => {
    if (!r.anchored) return false;
    const m = r.re.exec(expression);
    return m !== null && r.anchored(m);
  });
}

const FIND_EXTRA: RegExp[] = [
  ...RULES.map((r) => new RegExp(r.re.source, 'gi')),
  new RegExp(`\\b(?:early|late)\\s+(?:on\\s+)?${WEEKDAY_RE}(?:\\s+(?:morning|afternoon|evening|night))?`, 'gi'),
  new RegExp(`\\b${WEEKDAY_RE}\\s+(?:morning|afternoon|evening|night)`, 'gi'),
  /\b(?:in|during|since|by|until|throughout)\s+(?:1[89]\d\d|20\d\d)\b/gi,
];

/** A month name on its own is a date only when capitalised and, for "May" and "March", introduced as one. */
function plausibleMonth(text: string, index: number, found: string): boolean {
  const name = /[A-Za-z]+/.exec(found)?.[0] ?? '';
  if (!/^[A-Z]/.test(name)) return false;
  if (!/^(may|march)$/i.test(name)) return true;
  return /\b(?:in|of|since|until|by|during|early|late|mid|through|from)[\s-]+$/i.test(text.slice(Math.max(0, index - 12), index + found.indexOf(name)));
}

/**
 * Date expressions in a passage, in order, for the claim suggester and for pre-filling a timing
 * form from a selection. Spans that overlap are merged ("early" + "Friday").
 */
export function findTimingExpressions(text: string): TimingExpression[] {
  const spans: Array<[number, number]> = [];
  for (const re of FIND_EXTRA) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      spans.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex += 1;
    }
  }
  for (const res of chrono.parse(text, new Date(2000, 0, 1, 12), { forwardDate: false })) {
    // chrono reads bare times and numbers as dates too ("at 5"); keep what names a day, month or year.
    const c = res.start;
    if (!(c.isCertain('day') || c.isCertain('month') || c.isCertain('weekday') || c.isCertain('year'))) continue;
    if (/^(?:right\s+)?now$/i.test(res.text.trim())) continue; // "now" dates nothing a claim can use
    // chrono also reads "sat" and "sun" as weekdays and "may" and "march" as months; in running
    // prose only full weekday names, and month names that look like dates, count.
    if (c.isCertain('weekday') && !c.isCertain('day') && !new RegExp(WEEKDAY_RE, 'i').test(res.text)) continue;
    if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year') && !plausibleMonth(text, res.index, res.text)) continue;
    let end = res.index + res.text.length;
    while (end > res.index && /[\s,.;:]/.test(text[end - 1])) end--;
    spans.push([res.index, end]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([start, end]) => ({ start, end, text: text.slice(start, end), anchored: isAnchored(text.slice(start, end)) }));
}

// ---------------------------------------------------------------- re-resolution

type TimingClaim = Extract<Claim, { kind: 'timing' }>;

/**
 * A timing claim with its date resolved against `reference` (the publication date) and `anchor`
 * (the anchor claim's date, if it has one). A date the user set by hand ('manual') is kept.
 */
export function withResolvedTiming<T extends TimingClaim>(claim: T, reference: string | null, anchor: string | null = null): T {
  if (claim.method === 'manual') return claim;
  const r = reference ? resolveTiming(claim.expression, { date: reference, anchor }) : null;
  return r
    ? { ...claim, reference, start: r.start, end: r.end, precision: r.precision, method: r.method, relative: r.relative, approximate: r.approximate }
    : {
        ...claim,
        reference,
        start: null,
        end: null,
        precision: null,
        method: reference ? 'not understood as a date' : 'no reference date to resolve against',
        relative: true,
        approximate: false,
      };
}

/**
 * The claims of one source after its publication date changed: every timing claim whose date was
 * resolved relative to the reference re-resolves against the new date (or, when anchored, against
 * its anchor claim's new start). Dates with a written year and dates set by hand stay as they are.
 * Claims that do not change are returned as the same objects.
 */
export function reresolveAll<C extends Claim>(claims: C[], newPublishedDate: string | null, options: { modified?: string } = {}): C[] {
  const byId = new Map<string, C>(claims.map((c) => [c.id, c]));
  const done = new Map<string, C>();
  const visiting = new Set<string>();

  const visit = (c: C): C => {
    const ready = done.get(c.id);
    if (ready) return ready;
    if (c.kind !== 'timing') return c;
    const t = c as unknown as TimingClaim;
    if (visiting.has(c.id)) return c; // an anchor cycle: leave it as it is
    visiting.add(c.id);
    let out: C = c;
    if (t.method !== 'manual' && (t.relative || t.start === null)) {
      let anchor: string | null = null;
      if (t.anchorClaimId) {
        const a = byId.get(t.anchorClaimId);
        if (a && a.kind === 'timing') anchor = (visit(a) as unknown as TimingClaim).start;
      }
      const next = withResolvedTiming(t, newPublishedDate, anchor);
      const changed =
        next.start !== t.start || next.end !== t.end || next.precision !== t.precision || next.reference !== t.reference || next.method !== t.method;
      if (changed) out = { ...next, ...(options.modified ? { modified: options.modified } : {}) } as unknown as C;
    }
    visiting.delete(c.id);
    done.set(c.id, out);
    return out;
  };

  return claims.map(visit);
}
