// The date-row engine: timing claims compared by their resolved ranges, allowing for time zones and approximation.
import type { Claim } from '../../model/claims.ts';
import { type Ctx, makeCell, quote, some, sourceName } from './context.ts';
import type { Cell, Row, Verdict } from './schema.ts';

export type Timing = Extract<Claim, { kind: 'timing' }>;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const EVENING = /\b(?:evening|night|tonight|overnight|late)\b/i;
const EARLY = /\b(?:early|morning|dawn|pre-?dawn|daybreak|overnight)\b/i;

export function dateRows(ctx: Ctx, claims: Timing[]): Array<Omit<Row, 'decision'>> {
  const out: Array<Omit<Row, 'decision'>> = [];
  const dated = claims.filter((c) => c.start !== null && c.end !== null);
  const undated = claims.filter((c) => c.start === null || c.end === null);
  const cell = (c: Timing): Cell =>
    makeCell(ctx, c, 'date', c.expression, c.start === null ? 'no date resolved' : c.approximate ? 'approximate' : 'as resolved', {
      start: c.start,
      end: c.end,
    });
  const who = (c: Timing) => `${sourceName(ctx, c.sourceId)} ${quote(c.expression)} (${c.start === c.end ? c.start : `${c.start} to ${c.end}`})`;
  if (dated.length) {
    const conflicts: string[] = [];
    const zones: string[] = [];
    const days = new Map<string, number>();
    const day = (iso: string) => {
      let d = days.get(iso);
      if (d === undefined) days.set(iso, (d = dayNumber(iso)));
      return d;
    };
    for (let i = 0; i < dated.length; i++)
      for (let j = i + 1; j < dated.length; j++) {
        if (dated[i].start! <= dated[j].end! && dated[j].start! <= dated[i].end!) continue; // ISO dates compare as text
        const [a, b] = dated[i].start! <= dated[j].start! ? [dated[i], dated[j]] : [dated[j], dated[i]];
        const gap = day(b.start!) - day(a.end!);
        if (gap <= 0) continue;
        const dayWide = a.start === a.end && b.start === b.end;
        if (gap === 1 && dayWide && EVENING.test(a.expression) && EARLY.test(b.expression)) {
          zones.push(`${who(a)} and ${who(b)} are an evening and the early morning after it, which can be one moment across time zones`);
        } else if (gap === 1 && (a.approximate || b.approximate)) {
          zones.push(`${who(a)} and ${who(b)} are a day apart, within the margin of an approximate expression`);
        } else conflicts.push(`${who(a)} against ${who(b)}`);
      }
    const ids = dated.map((c) => c.id);
    let verdict: Verdict;
    let why: string;
    if (conflicts.length) [verdict, why] = ['conflict', `The dates do not meet: ${conflicts[0]}.`];
    else if (new Set(ids).size === 1) [verdict, why] = ['single', `Only ${who(dated[0])} dates it.`];
    else
      [verdict, why] = [
        'consistent',
        zones.length ? `The dates agree within their precision: ${zones.join('; ')}.` : `The dates overlap: ${some(dated, who)}.`,
      ];
    out.push({ key: 'date', measure: 'date', population: '', verdict, why, claims: ids, cells: dated.map(cell) });
  }
  if (undated.length) {
    const names = some(undated, (c) => `${sourceName(ctx, c.sourceId)} ${quote(c.expression)}`);
    out.push({
      key: 'date|undated',
      measure: 'date',
      population: 'undated',
      verdict: 'unclear',
      why: dated.length
        ? `${names} ${undated.length > 1 ? 'give' : 'gives'} no date that can be resolved, so it cannot be checked against ${some(dated, who)}: it may refer to another event.`
        : `${names} ${undated.length > 1 ? 'give' : 'gives'} no date that can be resolved, so it cannot be placed in time.`,
      claims: undated.map((c) => c.id),
      cells: undated.map(cell),
    });
  }
  return out;
}
