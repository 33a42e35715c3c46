// One event picker for the whole claims list, opened on demand from a claim's "Event: …" button: a
// filter box (a combobox) over the case's events, "No event" first. At 10,000 events the list
// shows the first matches and says how many more there are; typing narrows it. Arrow keys move,
// Enter picks, Escape closes; focus goes back to the button that opened it.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Event } from '../../shared/model/claims.ts';
import { dayText } from '../lib/claimText.ts';
import { filterEvents } from '../lib/claimGroups.ts';

/** Options rendered at most; the rest are counted. */
const MAX_OPTIONS = 100;
const WIDTH = 300;

export function EventPicker(props: {
  events: readonly Event[];
  /** The claim's event now (null: none). */
  current: string | null;
  /** Which claim this is for, in words ("Casualties: killed 3 (exact)"): the picker's accessible name. */
  claimLabel: string;
  /** The button that opened it: the picker sits below (or above) it and gives focus back to it. */
  anchor: HTMLElement;
  onPick: (eventId: string | null) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const uid = useId();
  const root = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const close = useRef(props.onClose);
  close.current = props.onClose;

  const matches = useMemo(() => filterEvents(props.events, query), [props.events, query]);
  const options: Array<{ id: string | null; event?: Event }> = useMemo(
    () => [
      ...(!query.trim() || 'no event'.includes(query.trim().toLocaleLowerCase()) ? [{ id: null }] : []),
      ...matches.slice(0, MAX_OPTIONS).map((e) => ({ id: e.id, event: e })),
    ],
    [matches, query],
  );
  const more = matches.length - Math.min(matches.length, MAX_OPTIONS);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      options.findIndex((o) => o.id === props.current),
    ),
  );
  const at = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (i: number) => `${uid}-o${i}`;

  // Where it sits: below the button, or above it when the window has no room below; it follows
  // the button when the list scrolls, and closes when the button is gone (scrolled out of a long list).
  const [pos, setPos] = useState<{ top?: number; bottom?: number; left: number }>({ left: 0, top: 0 });
  useLayoutEffect(() => {
    const place = () => {
      if (!props.anchor.isConnected) return close.current();
      const r = props.anchor.getBoundingClientRect();
      const left = Math.max(8, Math.min(r.right - WIDTH, window.innerWidth - WIDTH - 8));
      if (window.innerHeight - r.bottom < 300 && r.top > window.innerHeight - r.bottom) setPos({ left, bottom: window.innerHeight - r.top + 4 });
      else setPos({ left, top: r.bottom + 4 });
    };
    place();
    const onScroll = (e: globalThis.Event) => {
      if (!root.current?.contains(e.target as Node)) place();
    };
    document.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', place);
    };
  }, [props.anchor]);

  useEffect(() => {
    input.current?.focus();
    const anchor = props.anchor;
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node) && !anchor.contains(e.target as Node)) close.current();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      // Back to the button when focus would otherwise be lost (it went nowhere, or with the picker).
      const f = document.activeElement;
      if (anchor.isConnected && (!f || f === document.body || root.current?.contains(f))) anchor.focus();
    };
  }, [props.anchor]);

  useEffect(() => {
    listRef.current?.querySelector(`#${CSS.escape(optionId(at))}`)?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [at]);

  const pick = (i: number) => {
    const o = options[i];
    if (!o) return;
    props.onPick(o.id);
    props.onClose();
  };

  return (
    <div
      ref={root}
      className="event-picker"
      role="dialog"
      aria-label={`Event for ${props.claimLabel}`}
      style={{ left: pos.left, top: pos.top, bottom: pos.bottom, width: WIDTH }}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget !== props.anchor) props.onClose();
      }}
    >
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Filter events"
        aria-expanded="true"
        aria-controls={`${uid}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? optionId(at) : undefined}
        placeholder={`Filter ${props.events.length.toLocaleString('en')} events by title, place or date`}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'PageDown' || e.key === 'PageUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 8 : -8;
            setActive(Math.max(0, Math.min(options.length - 1, at + step)));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(at);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onClose();
          }
        }}
      />
      <ul ref={listRef} id={`${uid}-list`} role="listbox" aria-label="Events" className="event-picker-list">
        {options.map((o, i) => {
          const isCurrent = o.id === props.current;
          return (
            <li
              key={o.id ?? '~none'}
              id={optionId(i)}
              role="option"
              aria-selected={i === at}
              className={`${i === at ? 'is-active' : ''}${isCurrent ? ' is-current' : ''}`.trim() || undefined}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
              onPointerMove={() => i !== at && setActive(i)}
            >
              <span className="ep-title">{o.event ? o.event.title : 'No event'}</span>
              {o.event ? (
                <span className="ep-sub">
                  {o.event.start
                    ? o.event.end && o.event.end !== o.event.start
                      ? `${dayText(o.event.start)} – ${dayText(o.event.end)}`
                      : dayText(o.event.start)
                    : 'date unknown'}
                  {o.event.place ? ` · ${o.event.place}` : ''}
                </span>
              ) : null}
              {isCurrent ? <span className="ep-current">current</span> : null}
            </li>
          );
        })}
      </ul>
      {options.length === 0 ? <p className="event-picker-note">No event matches “{query}”.</p> : null}
      {more > 0 ? <p className="event-picker-note">{more.toLocaleString('en')} more: type to narrow the list.</p> : null}
    </div>
  );
}
