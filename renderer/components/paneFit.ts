// How many reading panes fit side by side: each keeps a readable width (about 40 characters of the
// reading font) instead of shrinking to a word per line; the panes there is no room for share the
// last column as tabs.

/** The narrowest a pane may get, in CSS pixels (styles.css gives .pane the same min-width). */
export const MIN_PANE_PX = 320;
/** The gap between panes (the 1 px line between them). */
const GAP_PX = 1;

/** Panes of at least MIN_PANE_PX that fit in `width`; always at least one. */
export function panesThatFit(width: number): number {
  return Math.max(1, Math.floor((width + GAP_PX) / (MIN_PANE_PX + GAP_PX)));
}

export interface PaneLayout<T> {
  /** Panes shown side by side, each its own column. */
  columns: T[];
  /** Panes that share the last column as tabs (empty when every pane has its own column). */
  tabbed: T[];
}

/** Splits the panes into columns and, when there are more than fit, one last column of tabs. */
export function layPanes<T>(panes: T[], fit: number): PaneLayout<T> {
  if (panes.length <= fit) return { columns: panes, tabbed: [] };
  return { columns: panes.slice(0, fit - 1), tabbed: panes.slice(fit - 1) };
}

/**
 * The tab shown in the tabbed column: the one the user chose, unless a pane there was asked for a
 * passage since (a search hit, a quote from Compare), which comes forward. Focus nonces and
 * `chosen.at` are both Date.now() stamps.
 */
export function activeTab(tabbed: { key: string; focus: { nonce: number } | null }[], chosen: { key: string; at: number } | null): string | null {
  if (tabbed.length === 0) return null;
  let newest: { key: string; nonce: number } | null = null;
  for (const p of tabbed) if (p.focus && (!newest || p.focus.nonce > newest.nonce)) newest = { key: p.key, nonce: p.focus.nonce };
  const chosenHere = chosen && tabbed.some((p) => p.key === chosen.key) ? chosen : null;
  if (chosenHere && (!newest || chosenHere.at >= newest.nonce)) return chosenHere.key;
  return newest?.key ?? tabbed[0].key;
}
