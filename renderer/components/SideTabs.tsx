// The tabs over the reader's side panel (Claims, Suggestions), with arrow-key movement between them.
import { useRef, type ReactNode } from 'react';
import type { Side } from './useSavedLayout.ts';

export function SideTabs(props: {
  side: Side;
  onSide: (side: Side) => void;
  /** The claims held, or '…' while a large case's claims are still being read. */
  claimCount: string;
  suggestCount: number | string;
  /** Whether the panel's source has suggestions to show (the count is marked). */
  hasSuggestions: boolean;
}) {
  const { side, onSide, claimCount, suggestCount } = props;
  const sideTabs = useRef<HTMLDivElement>(null);
  const switchSide = (next: Side) => {
    onSide(next);
    requestAnimationFrame(() => sideTabs.current?.querySelector<HTMLElement>(`[data-side="${next}"]`)?.focus());
  };
  return (
    <div
      className="side-tabs"
      role="tablist"
      aria-label="Side panel"
      ref={sideTabs}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          switchSide(e.key === 'ArrowLeft' || e.key === 'Home' ? 'claims' : 'suggestions');
        }
      }}
    >
      <SideTab name="claims" side={side} label={claimCount === '…' ? 'Claims (still being read)' : `Claims (${claimCount})`} onSelect={onSide}>
        Claims <span className="count">{claimCount}</span>
      </SideTab>
      <SideTab name="suggestions" side={side} label={`Suggestions (${suggestCount})`} onSelect={onSide}>
        Suggestions <span className={props.hasSuggestions ? 'count count-suggest' : 'count'}>{suggestCount}</span>
      </SideTab>
    </div>
  );
}

/** One tab of the side panel; only the selected one is in the tab order (arrow keys move between them). */
function SideTab(props: { name: Side; side: Side; label: string; onSelect: (name: Side) => void; children: ReactNode }) {
  const selected = props.side === props.name;
  return (
    <button
      type="button"
      role="tab"
      id={`side-tab-${props.name}`}
      data-side={props.name}
      aria-selected={selected}
      aria-controls={selected ? `side-${props.name}` : undefined}
      tabIndex={selected ? 0 : -1}
      aria-label={props.label}
      onClick={() => props.onSelect(props.name)}
    >
      {props.children}
    </button>
  );
}
