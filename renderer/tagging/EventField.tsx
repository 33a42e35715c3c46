// An event chosen from the case's events. A short list is a plain <select>; a case of thousands of
// events gets a button that says which event is chosen and opens the event picker (a filter box
// over the events, the first matches shown), so a form does not render 5,000 options.
import { useRef, useState } from 'react';
import type { Event } from '../../shared/model/claims.ts';
import { dayText } from '../lib/claimText.ts';
import { EventPicker } from './EventPicker.tsx';

const NONE = '__none__';

/** Up to this many events, a <select> of them all. */
export const SELECT_LIMIT = 200;

export function EventField(props: {
  id?: string;
  events: readonly Event[];
  value: string | null;
  onChange: (eventId: string | null) => void;
  /** The accessible name: what the event is chosen for ("Event", "Filter by event"). */
  label: string;
  /** The first option's words for no event ("— No event —"). */
  noneLabel: string;
  /** Extra options before the events (the filter's "All events"), as value → words. */
  extra?: ReadonlyArray<readonly [string, string]>;
  /** The chosen extra option's value, when one is chosen instead of an event. */
  extraValue?: string;
  onExtra?: (value: string) => void;
  dataField?: string;
  /** What the picker chooses for, in words ("this claim"): its accessible name. */
  pickerFor: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const withDay = (ev: Event) => `${ev.title}${ev.start ? ` (${dayText(ev.start)})` : ''}`;

  if (props.events.length <= SELECT_LIMIT) {
    const selected = props.extraValue ?? props.value ?? NONE;
    return (
      <select
        id={props.id}
        aria-label={props.id ? undefined : props.label}
        data-field={props.dataField}
        value={selected}
        onChange={(e) => {
          const v = e.target.value;
          if (props.extra?.some(([x]) => x === v)) props.onExtra?.(v);
          else props.onChange(v === NONE ? null : v);
        }}
      >
        {props.extra?.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
        <option value={NONE}>{props.noneLabel}</option>
        {props.events.map((ev) => (
          <option key={ev.id} value={ev.id}>
            {withDay(ev)}
          </option>
        ))}
      </select>
    );
  }

  const chosen = props.value ? props.events.find((e) => e.id === props.value) : undefined;
  const extraWords = props.extra?.find(([v]) => v === props.extraValue)?.[1];
  const shown = extraWords ?? (chosen ? withDay(chosen) : props.value ? 'Unknown event' : props.noneLabel);
  return (
    <span className="event-field">
      <button
        ref={button}
        id={props.id}
        type="button"
        className="btn btn-small event-field-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`${props.label}: ${shown}. Change…`}
        data-field={props.dataField}
        onClick={() => setOpen((o) => !o)}
      >
        {shown}
      </button>
      {props.extra?.map(([v, words]) =>
        props.extraValue === v ? null : (
          <button key={v} type="button" className="btn btn-small" onClick={() => props.onExtra?.(v)}>
            {words}
          </button>
        ),
      )}
      {open && button.current ? (
        <EventPicker
          events={props.events}
          current={props.value}
          claimLabel={props.pickerFor}
          anchor={button.current}
          onPick={(eventId) => {
            setOpen(false);
            props.onChange(eventId);
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </span>
  );
}
