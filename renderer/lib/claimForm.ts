// The claim form's logic, apart from React: validation messages by field, the edit command for
// what changed, and the sum line of a breakdown.
import { Claim, partsCheck } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import { partsAddUp } from '../../shared/figures/figures.ts';

export type ClaimErrors = Record<string, string>;

/** Field path ("figure.best", "parts.0.figure.best", "asOf") → the first message for it. */
export function claimErrors(claim: unknown): ClaimErrors {
  const r = Claim.safeParse(claim);
  if (r.success) return {};
  const out: ClaimErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join('.') || 'form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The claim.update command for the fields that differ (plus `modified`), or null when none do. */
export function updateCommand(before: Claim, after: Claim, modified: string): Command | null {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'modified' || key === 'created') continue;
    if (!(key in b)) unset.push(key);
    else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) set[key] = b[key];
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { type: 'claim.update', payload: { id: before.id, set: { ...set, modified }, unset } };
}

/** "Parts add up to 3 ✓", the partsCheck message, or null when there is nothing to check. */
export function partsLine(claim: Claim): { ok: boolean; text: string } | null {
  if (claim.kind !== 'casualties' && claim.kind !== 'munitions' && claim.kind !== 'count') return null;
  if (claim.parts.length === 0) return null;
  const problem = partsCheck(claim);
  if (problem) return { ok: false, text: problem };
  const added = claim.parts.filter((p) => !p.subset);
  const fits = partsAddUp(
    claim.figure,
    claim.parts.map((p) => ({ ...p.figure, subset: p.subset })),
  );
  if (fits === true) return { ok: true, text: `Parts add up to ${claim.figure.best} ✓` };
  if (added.length === 0) return { ok: true, text: 'Only subsets: nothing to add up.' };
  return { ok: true, text: 'The parts cannot be checked against an open or missing total.' };
}

/** A number input's value: '' is null (an open bound), anything else a non-negative number or NaN. */
export const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s));
export const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s);
