// Copy-on-write list edits that remember where each id sits and which places an edit replaced, so a 100,000-record case is neither searched nor diffed in full.
// Where each id sits in a list, built once per list and handed on to the copy an in-place
// replacement makes (same ids, same places), so editing one claim of 100,000 finds it without a
// search. Lists made any other way build their own on first use. A stale entry is never trusted.
const POSITIONS = new WeakMap<readonly unknown[], Map<string, number>>();
/** The length a list had when its map was known to hold every id of it (a later push makes it longer). */
const COMPLETE_AT = new WeakMap<readonly unknown[], number>();

function positions<T extends { id: string }>(list: readonly T[]): Map<string, number> {
  let p = POSITIONS.get(list);
  if (!p) {
    p = new Map();
    for (let i = 0; i < list.length; i++) p.set(list[i].id, i);
    POSITIONS.set(list, p);
    COMPLETE_AT.set(list, list.length);
  }
  return p;
}
/** Hands a map on to a copy that holds the same ids (and maybe more, already entered in the map). */
function carry(out: readonly unknown[], p: Map<string, number>): void {
  POSITIONS.set(out, p);
  COMPLETE_AT.set(out, out.length);
}

/** The position of the record with this id in `list`, or -1. */
export function positionOf<T extends { id: string }>(list: readonly T[], id: string): number {
  if (list.length < 64) return list.findIndex((r) => r.id === id);
  const i = positions(list).get(id);
  if (i !== undefined && list[i]?.id === id) return i;
  // A map built for this list, or carried to it by an edit that kept or appended records, holds
  // every id the list had then: while the list has not grown since (some callers push onto a fresh
  // copy), an id the map lacks is not in the list. So "is this new id taken?", asked once per
  // create, costs a lookup, not a rebuild.
  if (i === undefined && COMPLETE_AT.get(list) === list.length) return -1;
  POSITIONS.delete(list);
  const again = positions(list).get(id);
  return again ?? -1;
}

/** A copy of `list` with records replaced in place (same ids at the same positions, so the position map carries over). */
export function replacedAt<T extends { id: string }>(list: readonly T[], replacements: ReadonlyArray<readonly [number, T]>): T[] {
  const out = list.slice();
  for (const [i, item] of replacements) out[i] = item;
  const p = POSITIONS.get(list);
  if (p && replacements.every(([i, item]) => list[i].id === item.id)) carry(out, p);
  return out;
}

export function insertAt<T>(list: T[], item: T, at: number | null): T[] {
  const i = at === null ? list.length : Math.min(Math.max(at, 0), list.length);
  const out = [...list.slice(0, i), item, ...list.slice(i)];
  // An append keeps every other record in place: the position map carries over (shared; the old
  // list's lookups of the new id fail the check in positionOf and rebuild), so a batch of 10,000
  // creates (a claims import) is not 10,000 rebuilds of the map.
  const p = i === list.length ? POSITIONS.get(list) : undefined;
  const id = (item as { id?: unknown }).id;
  if (p && typeof id === 'string' && !p.has(id) && COMPLETE_AT.get(list) === list.length) {
    p.set(id, i);
    carry(out, p);
  }
  return out;
}
export function replaceAt<T>(list: T[], i: number, item: T): T[] {
  const out = list.slice();
  const p = POSITIONS.get(list);
  const same = (item as { id?: unknown }).id === (list[i] as { id?: unknown }).id;
  out[i] = item;
  if (p && same) carry(out, p);
  if (same) REPLACED.set(out, { parent: new WeakRef(list), at: i });
  return out;
}

// What an in-place replacement changed, so a diff of the lists before and after an edit reads the
// places replaced instead of walking 100,000 records. The parent is held weakly: no history of
// copies is kept alive by this.
const REPLACED = new WeakMap<readonly unknown[], { parent: WeakRef<readonly unknown[]>; at: number }>();

/**
 * The positions at which `after` was made from `before` by in-place replacements (same ids at the
 * same places), or null when it was made any other way (then compare the lists).
 */
export function replacedSince(before: readonly unknown[], after: readonly unknown[]): number[] | null {
  const at: number[] = [];
  let x: readonly unknown[] | undefined = after;
  for (let steps = 0; x !== before; steps++) {
    const r: { parent: WeakRef<readonly unknown[]>; at: number } | undefined = x ? REPLACED.get(x) : undefined;
    if (!r || steps > 10_000) return null;
    at.push(r.at);
    x = r.parent.deref();
  }
  return at;
}
export function removeAt<T>(list: T[], i: number): T[] {
  return [...list.slice(0, i), ...list.slice(i + 1)];
}
