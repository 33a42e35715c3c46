// Events and dated timing claims in date order, month by month, each as precise as it is known.
// An event links to its matrix; a claim to its quote in the Reader.
import type { Claim, Event } from '../../shared/model/claims.ts';
import { buildTimeline, type TimelineItem } from './model.ts';

export function Timeline(props: {
  events: Event[];
  claims: Claim[];
  sourceName: (id: string) => string;
  onEvent: (eventId: string) => void;
  onQuote: (claimId: string) => void;
}) {
  const { months, undated } = buildTimeline(props.events, props.claims, props.sourceName);

  const item = (it: TimelineItem) => (
    <li key={`${it.kind}-${it.id}`} className={`tl-item tl-${it.kind}`}>
      <span className="tl-when">{it.start ? <time dateTime={it.start}>{it.when}</time> : it.when}</span>
      <span className="tl-dot" aria-hidden="true" />
      <div className="tl-body">
        <span className="tl-kind">{it.kind === 'event' ? 'Event' : 'Timing claim'}</span>
        {it.kind === 'event' ? (
          <button type="button" className="link-btn tl-title" onClick={() => props.onEvent(it.id)}>
            {it.title}
          </button>
        ) : (
          <button type="button" className="link-btn tl-title tl-quote" aria-label={`Open quote: ${it.title}`} onClick={() => props.onQuote(it.id)}>
            {it.title}
          </button>
        )}
        {it.detail ? <span className="tl-detail">{it.detail}</span> : null}
      </div>
    </li>
  );

  return (
    <section className="cmp-list-view timeline" aria-labelledby="tl-title">
      <header className="cmp-list-head">
        <h2 id="tl-title">Timeline</h2>
        <p className="muted small">Events and the dates claims give, in order. A date is shown as precisely as it is known.</p>
      </header>
      {months.length === 0 && undated.length === 0 ? (
        <p className="cmp-empty">No events or dated claims yet. Create events and tag timing claims in the Reader.</p>
      ) : null}
      {months.map((m) => (
        <section key={m.key} className="tl-month" aria-labelledby={`tl-${m.key}`}>
          <h3 id={`tl-${m.key}`} className="tl-month-title">
            {m.label}
          </h3>
          <ol className="tl-list" aria-label={m.label}>
            {m.items.map(item)}
          </ol>
        </section>
      ))}
      {undated.length ? (
        <section className="tl-month" aria-labelledby="tl-undated">
          <h3 id="tl-undated" className="tl-month-title">
            Not dated
          </h3>
          <p className="muted small">
            A weekday or a date without a year resolves from its source’s publication date: set that date in the source’s details and these claims take their
            place.
          </p>
          <ul className="tl-list" aria-label="Not dated">
            {undated.map(item)}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
