// The case's events below the claims list, each a place to drop a claim, with their edit and delete buttons.
import { useCallback, useRef, type DragEvent } from 'react';
import type { Event } from '../../../shared/model/claims.ts';
import { dayText } from '../../lib/claimText.ts';
import { useLongList } from '../../components/useLongList.ts';
import { rowAttrs, type Place } from './rows.ts';

const eventEstimate = () => 46;

/** The case's events, each a place to drop a claim; a long list renders the rows on screen. */
export function EventsList(props: {
  events: readonly Event[];
  count: (eventId: string) => number;
  /** The counts are of the claims held, not the whole case's. */
  partial: boolean;
  dropOn: string | null;
  dropHandlers: Record<string, (e: DragEvent) => void>;
  onNew: () => void;
  onEdit: (ev: Event) => void;
  onDelete: (ev: Event) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const listEl = useRef<HTMLUListElement>(null);
  const events = props.events;
  const getItemKey = useCallback((i: number) => events[i].id, [events]);
  const long = useLongList({ count: events.length, scrollRef: scroller, listRef: listEl, estimateSize: eventEstimate, getItemKey, gap: 4 });
  const visible: Place[] = long.virtual
    ? long.items.map((it) => ({ index: it.index, measure: long.measure, top: it.start - long.offset, setSize: props.events.length }))
    : props.events.map((_, i) => ({ index: i }));
  return (
    <section className="cs-events" aria-labelledby="events-title">
      <div className="cs-events-head">
        <h3 id="events-title">
          Events <span className="count">{props.events.length}</span>
        </h3>
        <button type="button" className="btn btn-small" onClick={props.onNew}>
          New event
        </button>
      </div>
      {props.events.length ? (
        <div className="cs-events-scroll" ref={scroller}>
          <ul
            ref={listEl}
            className={long.virtual ? 'cs-event-list is-virtual' : 'cs-event-list'}
            aria-label="Events"
            style={long.virtual ? { height: long.height } : undefined}
            {...props.dropHandlers}
          >
            {visible.map((place) => {
              const ev = props.events[place.index];
              const n = props.count(ev.id);
              return (
                <li key={ev.id} className="cs-event" data-drop-event={ev.id} data-drop={props.dropOn === ev.id ? 'over' : undefined} {...rowAttrs(place)}>
                  <div className="cs-event-main">
                    <span className="cs-event-title">{ev.title}</span>
                    <span className="small muted">
                      {ev.start ? (ev.end && ev.end !== ev.start ? `${dayText(ev.start)} – ${dayText(ev.end)}` : dayText(ev.start)) : 'date unknown'}
                      {ev.place ? ` · ${ev.place}` : ''} · {n === 1 ? '1 claim' : `${n} claims`}
                      {props.partial ? ' in the sources read' : ''}
                    </span>
                  </div>
                  <button type="button" className="btn btn-small btn-ghost" aria-label={`Edit event ${ev.title}`} onClick={() => props.onEdit(ev)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost btn-quiet-danger"
                    aria-label={`Delete event ${ev.title}`}
                    onClick={() => props.onDelete(ev)}
                  >
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="hint">No events yet. Create one, then drag claims onto it or pick it in a claim’s form.</p>
      )}
    </section>
  );
}
