// Three-way merge of two versions of one record against their common ancestor, field by field.
// Pure: the replicator finds the versions (CouchDB's winning and losing leaves and the ancestor it
// kept) and writes what this returns.
//
// Rules, and why:
// - A field changed on one side only takes that side's value: two people who edit different fields
//   of one claim both keep their edit.
// - A field changed on both sides to different values is a clash: the record takes the winner's
//   value (CouchDB's winning revision, the same on every machine, so every member computes the same
//   merge) and the other version is kept whole in the clash for someone to choose.
// - `modified` is a stamp, not content: it takes the later of the two and never clashes on its own.
// - Without an ancestor (the record was created on both sides, or the ancestor's body was compacted
//   away) nothing can be told apart, so every differing field clashes: flagging too much loses nothing.
// - Decisions, reconciliations and grades are judgements: never merged automatically; any difference
//   is a clash of the whole record.
// - A merge whose result does not pass the record's schema (a claim changed kind on one side and
//   gained a field on the other) is a clash of the whole record too.
import type { z } from 'zod';
import { canonicalJson } from '../../../shared/exchange/merge.ts';

export type Fields = Record<string, unknown>;

export interface MergeOutcome {
  /** What the record becomes. */
  merged: Fields;
  /** The fields changed on both sides to different values ('*' when the whole record clashed). */
  clashed: string[];
  /** The version set aside when something clashed: the merge with the other side's values where they clashed. */
  other: Fields | null;
}

const STAMPS = new Set(['modified']);
const same = (a: Fields, b: Fields, k: string): boolean => k in a === k in b && (!(k in a) || canonicalJson(a[k]) === canonicalJson(b[k]));

/** Merges `loser` into `winner` against `base` (null when there is none). */
export function mergeRecord(winner: Fields, loser: Fields, base: Fields | null, opts: { whole?: boolean; schema?: z.ZodType } = {}): MergeOutcome {
  if (canonicalJson(winner) === canonicalJson(loser)) return { merged: winner, clashed: [], other: null };
  const wholeClash = (): MergeOutcome => ({ merged: winner, clashed: ['*'], other: loser });
  if (opts.whole) return wholeClash();

  const merged: Fields = {};
  const other: Fields = {};
  const clashed: string[] = [];
  const keys = [...new Set([...Object.keys(winner), ...Object.keys(loser), ...Object.keys(base ?? {})])].sort();
  const put = (target: Fields, from: Fields, k: string) => {
    if (k in from) target[k] = from[k];
  };
  for (const k of keys) {
    if (STAMPS.has(k)) continue;
    if (same(winner, loser, k)) {
      put(merged, winner, k);
      put(other, winner, k);
    } else if (base && same(base, winner, k)) {
      put(merged, loser, k); // only the loser changed it
      put(other, loser, k);
    } else if (base && same(base, loser, k)) {
      put(merged, winner, k); // only the winner changed it
      put(other, winner, k);
    } else {
      clashed.push(k);
      put(merged, winner, k);
      put(other, loser, k);
    }
  }
  for (const k of STAMPS) {
    const stamps = [winner[k], loser[k]].filter((v): v is string => typeof v === 'string').sort();
    if (stamps.length) merged[k] = other[k] = stamps[stamps.length - 1];
  }
  if (opts.schema && !opts.schema.safeParse(merged).success) return wholeClash();
  if (opts.schema && clashed.length && !opts.schema.safeParse(other).success) return { merged, clashed, other: loser };
  return { merged, clashed, other: clashed.length ? other : null };
}
