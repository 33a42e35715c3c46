// The commands (and their labels, as the Undo button shows them) for the edits of a source made
// outside the claims: correcting its metadata, deleting it, rejecting its suggestions. Each is one
// undo step; a corrected publication date carries the re-resolved relative dates of its claims
// in the same step, so one Undo takes both back.
import type { Claim } from '../../shared/model/claims.ts';
import { type Command, META_KEYS, type SimpleCommand, type SourceMeta } from '../../shared/model/commands.ts';
import type { Source, SourcePatch } from '../../shared/model/source.ts';
import { reresolveAll } from '../../shared/timing/timing.ts';

const byUser = 'corrected by user';

/** The source with a user's corrections applied (a corrected field: confidence high, how "corrected by user"). */
export function patched(before: Source, patch: SourcePatch): Source {
  const s = structuredClone(before);
  if (patch.title !== undefined) s.title = { value: patch.title || null, confidence: patch.title ? 'high' : 'none', how: byUser };
  if (patch.outlet !== undefined) s.outlet = { value: patch.outlet || null, confidence: patch.outlet ? 'high' : 'none', how: byUser };
  if (patch.authors !== undefined) s.authors = { value: patch.authors, confidence: patch.authors.length ? 'high' : 'none', how: byUser };
  if (patch.published !== undefined) {
    const p = patch.published;
    s.published = {
      value: { ...p, precision: p.date ? (p.precision ?? 'day') : null },
      confidence: p.date ? 'high' : 'none',
      how: p.date ? byUser : 'no date: set by user',
    };
  }
  if (patch.url !== undefined) s.url = patch.url || null;
  if (patch.independenceGroup !== undefined) s.independenceGroup = patch.independenceGroup || null;
  if (patch.notes !== undefined) s.notes = patch.notes;
  return s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A found field's value, or the field itself (url, group, notes). */
const valueOf = (x: unknown) => (x !== null && typeof x === 'object' && 'value' in x ? (x as { value: unknown }).value : x);

const FIELD_NAMES: Record<(typeof META_KEYS)[number], string> = {
  title: 'title',
  outlet: 'outlet',
  authors: 'authors',
  published: 'date',
  url: 'link',
  independenceGroup: 'independence group',
  notes: 'notes',
};

/** How the Undo button names a source: its outlet ("The Washington Post"), else its title in quotes. */
export function sourceName(s: Source, useOutlet = true): string {
  const title = s.title.value ?? s.file ?? 'untitled source';
  return useOutlet && s.outlet.value ? s.outlet.value : `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”`;
}

/** "Correct date of The Washington Post", "Correct title and outlet of “…”", "Confirm details of …". */
export function correctionLabel(before: Source, keys: readonly (typeof META_KEYS)[number][], after: Source): string {
  const changed = keys.filter((k) => !same(valueOf(before[k]), valueOf(after[k])));
  const who = sourceName(before, !changed.includes('outlet'));
  if (!changed.length) return `Confirm details of ${who}`;
  if (changed.length > 2) return `Correct details of ${who}`;
  return `Correct ${changed.map((k) => FIELD_NAMES[k]).join(' and ')} of ${who}`;
}

/** A claim.update that turns `a` into `b` (top-level fields), or null when they are equal. */
function claimUpdate(a: Claim, b: Claim): SimpleCommand | null {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of Object.keys(rb)) if (!same(ra[k], rb[k])) set[k] = rb[k];
  for (const k of Object.keys(ra)) if (!(k in rb)) unset.push(k);
  return Object.keys(set).length || unset.length ? { type: 'claim.update', payload: { id: a.id, set, unset } } : null;
}

/**
 * The one-step command for a correction, or null when it changes nothing. `claims` are the source's
 * claims: when the publication date changes, relative dates ("on Wednesday") follow it in the same step.
 */
export function correctionCommand(before: Source, patch: SourcePatch, claims: Claim[], modified: string): { command: Command; label: string } | null {
  const after = patched(before, patch);
  const keys = META_KEYS.filter((k) => !same(before[k], after[k]));
  if (!keys.length) return null;
  const from: SourceMeta = {};
  const to: SourceMeta = {};
  for (const k of keys) {
    Object.assign(from, { [k]: before[k] });
    Object.assign(to, { [k]: after[k] });
  }
  const steps: SimpleCommand[] = [{ type: 'source.update', payload: { id: before.id, from, to } }];
  if (after.published.value.date !== before.published.value.date) {
    const next = reresolveAll(claims, after.published.value.date, { modified });
    next.forEach((c, i) => {
      const u = c === claims[i] ? null : claimUpdate(claims[i], c);
      if (u) steps.push(u);
    });
  }
  const command: Command = steps.length === 1 ? steps[0] : { type: 'batch', payload: { commands: steps } };
  return { command, label: correctionLabel(before, keys, after) };
}

/** Rejecting (or, with restore, proposing again) the suggestions whose state would change; null when none would. */
export function rejectionCommand(
  sourceId: string,
  rejected: readonly string[],
  keys: readonly string[],
  restore: boolean,
): { command: Command; label: string } | null {
  const now = new Set(rejected);
  const changing = [...new Set(keys)].filter((k) => now.has(k) === restore);
  if (!changing.length) return null;
  const n = changing.length;
  const label = restore
    ? n === 1
      ? 'Restore a rejected suggestion'
      : `Restore ${n} rejected suggestions`
    : n === 1
      ? 'Reject suggestion'
      : `Reject ${n} suggestions`;
  return { command: { type: 'suggestions.reject', payload: { sourceId, keys: changing, restore } }, label };
}
