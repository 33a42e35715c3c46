// One claim in the claims list: its summary, passage and actions, draggable onto an event; memoised so a long list re-renders only the rows that change.
import { memo, type RefObject } from 'react';
import type { Annotation, Claim } from '../../../shared/model/claims.ts';
import { claimSummary, KIND_LETTER, KIND_NAME, quoteOf } from '../../lib/claimText.ts';
import { claimLabel, DRAG_TYPE, rowAttrs, samePlace, type Handlers, type Place } from './rows.ts';

export const ClaimRow = memo(
  function ClaimRow(props: {
    place: Place;
    claim: Claim;
    annotation: Annotation | undefined;
    selected: boolean;
    eventName: string | null;
    pickerOpen: boolean;
    dropEvent: string | undefined;
    dropOver: boolean;
    h: RefObject<Handlers>;
  }) {
    const c = props.claim;
    const quote = quoteOf(props.annotation);
    const label = claimLabel(c);
    const h = props.h;
    return (
      <li
        {...rowAttrs(props.place)}
        className={props.selected ? 'cs-claim is-selected' : 'cs-claim'}
        aria-label={label}
        data-drop-event={props.dropEvent}
        data-drop={props.dropOver ? 'over' : undefined}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, c.id);
          e.dataTransfer.setData('text/plain', quote);
          e.dataTransfer.effectAllowed = 'move';
        }}
      >
        <div className="cs-claim-top">
          <span className={`kind-badge kind-${c.kind}`} title={KIND_NAME[c.kind]}>
            {KIND_LETTER[c.kind]}
          </span>
          <button type="button" className="cs-summary link-btn" onClick={() => h.current.reveal(c)} title="Show the passage">
            {claimSummary(c)}
          </button>
        </div>
        {quote ? <p className="cs-quote">“{quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}”</p> : null}
        {c.speaker || props.annotation?.orphan ? (
          <p className="cs-meta small muted">
            {c.speaker ? <span>{c.speaker}</span> : null}
            {props.annotation?.orphan ? <span className="warn-text">{c.speaker ? ' · ' : ''}orphaned</span> : null}
          </p>
        ) : null}
        {c.origin.type === 'suggestion' ? (
          <p className="cs-origin small" title="Proposed by the claim suggester and accepted by hand">
            Suggested by {c.origin.rule}
          </p>
        ) : null}
        <div className="cs-actions">
          <button type="button" className="btn btn-small" onClick={() => h.current.edit(c.id)}>
            Edit
          </button>
          <button type="button" className="btn btn-small" onClick={() => h.current.retarget(c)}>
            Change passage
          </button>
          <button type="button" className="btn btn-small btn-quiet-danger" onClick={() => h.current.remove(c)}>
            Delete
          </button>
          <button
            type="button"
            className={props.eventName ? 'cs-event-btn has-event' : 'cs-event-btn'}
            aria-haspopup="dialog"
            aria-expanded={props.pickerOpen}
            aria-label={`Event of ${label}: ${props.eventName ?? 'none'}. Change…`}
            title={props.eventName ? `Event: ${props.eventName}. Change…` : 'No event. Assign one…'}
            onClick={(e) => h.current.openPicker(c, e.currentTarget)}
          >
            <span className="cs-event-btn-text">{props.eventName ?? 'No event'}</span>
            <span aria-hidden="true" className="cs-event-btn-mark">
              ▾
            </span>
          </button>
        </div>
      </li>
    );
  },
  (a, b) =>
    samePlace(a.place, b.place) &&
    a.claim === b.claim &&
    a.annotation === b.annotation &&
    a.selected === b.selected &&
    a.eventName === b.eventName &&
    a.pickerOpen === b.pickerOpen &&
    a.dropEvent === b.dropEvent &&
    a.dropOver === b.dropOver &&
    a.h === b.h,
);
