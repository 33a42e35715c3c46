// The UI's copy of a case's claims: the view read once, then every change set the core answers
// with applied to it in order. A change set that does not follow the version held (another
// window edited the case in between) asks for the missing ones; one that says reset, or a gap
// that can no longer be filled, asks for the whole view again.
import type { ChangeSet, ClaimsView } from '../../shared/api.ts';
import { applyChanges } from '../../shared/model/changes.ts';

export type Next = { view: ClaimsView } | { missing: number } | { reread: true };

/** What the view becomes with `c` applied, or what must be read first to apply it. */
export function follow(view: ClaimsView, c: ChangeSet): Next {
  if (c.reset) return { reread: true };
  if (c.version <= view.version) return { view };
  if (c.version !== view.version + 1) return { missing: view.version };
  const next = applyChanges(view, c);
  return {
    view: {
      ...view,
      ...next,
      decisions: next.decisions ?? [],
      reconciliations: next.reconciliations ?? [],
      gradeOverrides: next.gradeOverrides ?? [],
      ...c.undo,
      version: c.version,
      problems: c.problems.length ? [...view.problems, ...c.problems] : view.problems,
      totalClaims: c.totalClaims,
    },
  };
}

/** Applies change sets in order (those a catch-up returned); stops at the first that cannot apply. */
export function followAll(view: ClaimsView, changes: ChangeSet[]): Next {
  let v = view;
  for (const c of changes) {
    const r = follow(v, c);
    if (!('view' in r)) return r;
    v = r.view;
  }
  return { view: v };
}

/**
 * The held view joined with a part read later (the claims of a source just opened), both at the
 * same version: records are joined by id, the case-wide ones (events, judgements) taken from the
 * part, the newer read. Null when the versions differ (catch up first).
 */
export function join(held: ClaimsView, part: ClaimsView): ClaimsView | null {
  if (held.version !== part.version) return null;
  const union = <T extends { id: string }>(a: T[], b: T[]) => {
    const seen = new Set(a.map((x) => x.id));
    const extra = b.filter((x) => !seen.has(x.id));
    return extra.length ? [...a, ...extra] : a;
  };
  const scope =
    held.scope === null || part.scope === null
      ? null
      : {
          sourceIds: [...new Set([...held.scope.sourceIds, ...part.scope.sourceIds])],
          eventIds: [...new Set([...held.scope.eventIds, ...part.scope.eventIds])],
        };
  return { ...part, scope, claims: union(held.claims, part.claims), annotations: union(held.annotations, part.annotations) };
}

/** The sources of `wanted` whose claims the view does not hold yet ([] when it holds the whole case). */
export function missingSources(view: ClaimsView, wanted: readonly string[]): string[] {
  if (view.scope === null) return [];
  const held = new Set(view.scope.sourceIds);
  return wanted.filter((id) => !held.has(id));
}
