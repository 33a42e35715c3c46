// What every row engine shares: the words that explain a verdict, the per-computation context, and how a cell is built.
import type { Actor, Claim } from '../../model/claims.ts';
import type { ClaimState } from '../../model/state.ts';
import type { Source } from '../../model/source.ts';
import { type Cell, type CellBasis, type Decision, type SourceInfo, toSourceInfo } from './schema.ts';

// ---------------------------------------------------------------- words

// Intl formatting is slow enough to show in the 100,000-claim benchmark; this is the same for counts.
const show = (n: number): string => {
  if (!Number.isInteger(n) || Math.abs(n) < 1000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};
export function range(low: number | null, high: number | null): string {
  const lo = low ?? 0;
  if (high === null) return lo === 0 ? 'any number' : `${show(lo)} or more`;
  if (lo === high) return show(lo);
  if (lo === 0) return `up to ${show(high)}`;
  return `${show(lo)}–${show(high)}`;
}
export const quote = (s: string, max = 80) => {
  const t = /\s\s|[\t\n\r]/.test(s) ? s.trim().replace(/\s+/g, ' ') : s.trim();
  return `'${t.length > max ? `${t.slice(0, max - 1)}…` : t}'`;
};
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** The first few of many, described; the rest counted ("… and 12 more"). */
export function some<T>(items: T[], describe: (x: T) => string, max = 4): string {
  if (items.length <= max) return list(items.map(describe));
  return `${items.slice(0, max).map(describe).join(', ')} and ${items.length - max} more`;
}

// ---------------------------------------------------------------- context

export interface ActorRef {
  /** One identity per actor: the book's actor, else the spelling-insensitive name key. */
  identity: string;
  label: string;
  named: boolean;
  /** For a branch of a book actor ("ISIS-K" of the Islamic State): that actor's identity. */
  parent?: string;
}

export interface Ctx {
  sources: Map<string, SourceInfo>;
  book: Actor[];
  actorCache: Map<string, ActorRef>;
  decisions: Map<string, Decision>;
}

export function makeCtx(state: ClaimState, sources: Array<Source | SourceInfo>, decisions: Decision[]): Ctx {
  const map = new Map<string, SourceInfo>();
  for (const s of sources) {
    const info = toSourceInfo(s);
    map.set(info.id, info);
  }
  const dec = new Map<string, Decision>();
  for (const d of decisions) dec.set(`${d.eventId}\u0000${d.rowKey}`, d);
  return { sources: map, book: state.actors, actorCache: new Map(), decisions: dec };
}

export const sourceName = (ctx: Ctx, id: string) => ctx.sources.get(id)?.name ?? id;
export const groupOf = (ctx: Ctx, id: string) => ctx.sources.get(id)?.independenceGroup ?? `(source ${sourceName(ctx, id)})`;

/** A cell, always built with the same fields in the same order (one object shape: it is allocated a lot). */
export function makeCell(
  ctx: Ctx,
  c: Claim,
  basis: CellBasis,
  raw: string,
  detail: string,
  v: { low?: number | null; best?: number | null; high?: number | null; start?: string | null; end?: string | null; problem?: string | null } = {},
): Cell {
  return {
    claimId: c.id,
    sourceId: c.sourceId,
    independenceGroup: groupOf(ctx, c.sourceId),
    raw,
    low: v.low ?? null,
    best: v.best ?? null,
    high: v.high ?? null,
    start: v.start ?? null,
    end: v.end ?? null,
    asOf: c.asOf,
    basis,
    detail,
    problem: v.problem ?? null,
  };
}
