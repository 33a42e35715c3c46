// The tabs over the reader's last column when there is no room for every pane side by side: the
// panes there share the column (named by their sources); arrow keys move between the tabs.
import { useRef } from 'react';

export const paneTabId = (key: string) => `pane-tab-${key}`;
export const panePanelId = (key: string) => `pane-panel-${key}`;

export function PaneTabs(props: { tabs: { key: string; label: string }[]; active: string; onChoose: (key: string) => void; column: number }) {
  const list = useRef<HTMLDivElement>(null);
  const { tabs, active } = props;
  const move = (to: number) => {
    const next = tabs[(to + tabs.length) % tabs.length];
    props.onChoose(next.key);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-pane-tab="${next.key}"]`)?.focus());
  };
  return (
    <div
      className="pane-tabs"
      role="tablist"
      aria-label="More panes"
      ref={list}
      style={{ gridColumn: props.column, gridRow: 1 }}
      onKeyDown={(e) => {
        const at = tabs.findIndex((t) => t.key === active);
        if (e.key === 'ArrowRight') move(at + 1);
        else if (e.key === 'ArrowLeft') move(at - 1);
        else if (e.key === 'Home') move(0);
        else if (e.key === 'End') move(tabs.length - 1);
        else return;
        e.preventDefault();
      }}
    >
      {tabs.map((t) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          id={paneTabId(t.key)}
          data-pane-tab={t.key}
          aria-selected={t.key === active}
          aria-controls={panePanelId(t.key)}
          tabIndex={t.key === active ? 0 : -1}
          title={t.label}
          onClick={() => props.onChoose(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
