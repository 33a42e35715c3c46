// Events and dated timing claims in date order, month by month, each as precise as it is known.
// An event links to its matrix; a claim to its quote in the Reader. The core sends the entries in
// order with only the fields drawn here, a page at a time (compare.timeline): a case of 5,000 events
// and 20,000 timing claims shows its first 500, and the next on "Show more".
import { useCallback } from 'react';
import type { TimelinePage } from '../../shared/compare/timeline.ts';
import type { TextTarget } from '../../shared/text/anchor.ts';
import { useClient } from '../components/context.ts';
import { buildTimeline, type TimelineItem } from './model.ts';
import { PagedMore } from './PagedMore.tsx';
import { usePaged } from './usePaged.ts';

const PAGE = 500;
const entriesOf = (p: TimelinePage) => p.entries;

export function Timeline(props: {
  caseId: string;
  version: number;
  sourceName: (id: string) => string;
  onEvent: (eventId: string) => void;
  onQuote: (sourceId: string, target: TextTarget) => void;
}) {
  const client = useClient();
  const { caseId } = props;
  const read = useCallback((offset: number, limit: number) => client.call('compare.timeline', { caseId, offset, limit }), [client, caseId]);
  const list = usePaged(read, entriesOf, props.version, PAGE);
  const { months, undated } = buildTimeline(list.items, props.sourceName);

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
          <button
            type="button"
            className="link-btn tl-title tl-quote"
            aria-label={`Open quote: ${it.title}`}
            disabled={!it.target}
            onClick={() => it.target && props.onQuote(it.sourceId, it.target)}
          >
            {it.title}
          </button>
        )}
        {it.detail ? <span className="tl-detail">{it.detail}</span> : null}
      </div>
    </li>
  );

  return (
    <section className="cmp-list-view timeline" aria-labelledby="tl-title" aria-busy={!list.first}>
      <header className="cmp-list-head">
        <h2 id="tl-title">Timeline</h2>
        <p className="muted small">Events and the dates claims give, in order. A date is shown as precisely as it is known.</p>
      </header>
      {list.first && list.total === 0 ? <p className="cmp-empty">No events or dated claims yet. Create events and tag timing claims in the Reader.</p> : null}
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
      <PagedMore list={list} page={PAGE} />
    </section>
  );
}
