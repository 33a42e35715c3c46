// Two readings of running totals that the figures alone allow (figures.ts applies them):
//
// - An open floor of one day ("at least 21", "more than 20") beside a higher figure of that day is
//   an early, partial count when the higher figure is past what the floor's rounding could hide. A
//   round floor stands for a count up to its next step ("more than 60" for 61 to 69, "more than 20"
//   for 21 to 29); a floor at an unround number is the count itself ("at least 21" is 21 so far).
//   So "more than 60" beside 66 is one count written cautiously, while "more than 20" or "at least
//   21" beside 32 is the toll of an earlier hour (Sumy: 21 in the first hours, 32 by the afternoon).
// - A later, lower figure is a revision, not a contradiction, when the later report itself gives
//   its higher figure of the earlier period and then the lower one: it tells of the fall (Kerman:
//   "103 on Wednesday, corrected to 95 that evening", then 84 the next day, "victims counted
//   twice"). Two reports that merely differ, with no report telling of the fall, still conflict.
// - One report giving two figures of one day sets them against each other, except a count and an
//   open floor just above it, within the floor's rounding step: the count confirmed so far beside
//   a newer, rounder one ("Monastyrsky confirmed 18 deaths" beside "at least 20", in a report that
//   says the toll continues to grow). A floor well above the count ("more than 70" from a party
//   beside the officials' 45) contests it.
// Pure.
import type { Cell } from './schema.ts';

const lo = (c: { low: number | null }) => c.low ?? 0;
const hi = (c: { high: number | null }) => (c.high === null ? Infinity : c.high);

/** The step a count written as `n` rounds to: 10 for 20 or 60, 100 for 300, 1 for 21 (not round). */
export function roundingUnit(n: number): number {
  let unit = 1;
  while (n % (unit * 10) === 0 && unit * 20 <= n) unit *= 10;
  return unit;
}

/** The number as written in a floor ("more than 20" → 20), else its lower bound. */
const written = (c: Cell): number => {
  const m = /\d[\d,]*/.exec(c.raw);
  const n = m ? Number(m[0].replace(/,/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 ? n : (c.best ?? lo(c));
};

/** The lowest figure a floor cannot stand for: past it, the floor is an earlier count. */
export const floorReach = (floor: Cell): number => {
  const n = written(floor);
  return n + roundingUnit(n);
};

/**
 * The cell of `late`'s own report that tells of the fall from `early`: a figure of that report
 * for `early`'s period (or one before `late`'s), above `late`. Null when no report tells of it.
 */
export function revisionTold(cells: readonly Cell[], early: Cell, late: Cell, samePeriod: (a: string, b: string) => boolean): Cell | null {
  if (early.asOf === null || late.asOf === null) return null;
  return (
    cells.find(
      (c) =>
        c.sourceId === late.sourceId &&
        c.claimId !== late.claimId &&
        c.basis !== 'implied' &&
        c.asOf !== null &&
        c.asOf < late.asOf! &&
        samePeriod(c.asOf, early.asOf!) &&
        lo(c) > hi(late),
    ) ?? null
  );
}

/** [count, floor] when one of two figures is an open floor just above the other (see above). */
export function floorJustAbove(a: Cell, b: Cell): [Cell, Cell] | null {
  const [count, floor] = a.high === null ? [b, a] : [a, b];
  if (floor.high !== null || count.high === null || count.basis === 'implied' || floor.basis === 'implied') return null;
  const gap = lo(floor) - count.high;
  return gap > 0 && gap < roundingUnit(written(floor)) ? [count, floor] : null;
}
