// Every flagged row of the case, grouped by where it stands: open, explained (or confirmed), dismissed.
// Each links to its row in the event's matrix. A case of 5,000 events has some 10,000 of them: each
// group is read from the core a page at a time (compare.disagreements), the next on "Show more".
import { useCallback } from 'react';
import type { DisagreementItem, DisagreementsPage, Standing } from '../../shared/compare/summary.ts';
import { useClient } from '../components/context.ts';
import { rowLabel, STATUS_LABEL } from './model.ts';
import { VerdictBadge } from './EventMatrix.tsx';
import { PagedMore } from './PagedMore.tsx';
import { usePaged } from './usePaged.ts';

const PAGE = 100;

const GROUPS: Array<{ standing: Standing; title: string; empty: string }> = [
  { standing: 'open', title: 'Open', empty: 'Nothing open: every flagged row has a decision.' },
  { standing: 'explained', title: 'Explained or confirmed', empty: 'None yet.' },
  { standing: 'dismissed', title: 'Dismissed', empty: 'None dismissed.' },
];

const itemsOf = (p: DisagreementsPage) => p.items;

function Group(props: { caseId: string; version: number; standing: Standing; title: string; empty: string; onGo: (eventId: string, rowKey: string) => void }) {
  const client = useClient();
  const { caseId, standing } = props;
  const read = useCallback(
    (offset: number, limit: number) => client.call('compare.disagreements', { caseId, standing, offset, limit }),
    [client, caseId, standing],
  );
  const list = usePaged(read, itemsOf, props.version, PAGE);
  if (!list.first)
    return list.error ? (
      <p role="alert" className="notice notice-error">
        {list.error}
      </p>
    ) : null;
  return (
    <section className={`cmp-dis-group cmp-dis-${standing}`} aria-labelledby={`cmp-dis-${standing}`}>
      <h3 id={`cmp-dis-${standing}`}>
        {props.title} <span className="count">{list.total}</span>
      </h3>
      {list.total === 0 ? (
        <p className="muted small">{props.empty}</p>
      ) : (
        <ul className="cmp-dis-list" aria-label={props.title}>
          {list.items.map((f) => (
            <Item key={`${f.eventId}|${f.rowKey}`} f={f} onGo={props.onGo} />
          ))}
        </ul>
      )}
      <PagedMore list={list} page={PAGE} what={props.title.toLowerCase()} />
    </section>
  );
}

function Item({ f, onGo }: { f: DisagreementItem; onGo: (eventId: string, rowKey: string) => void }) {
  return (
    <li className="cmp-dis-item">
      <div className="cmp-dis-top">
        <button type="button" className="link-btn" onClick={() => onGo(f.eventId, f.rowKey)}>
          {f.eventTitle} — {rowLabel(f)}
        </button>
        <VerdictBadge verdict={f.verdict} />
        {f.decision ? <span className={`status status-${f.decision.status}`}>{STATUS_LABEL[f.decision.status]}</span> : null}
        {f.changed ? <span className="cmp-changed small">changed since decided</span> : null}
      </div>
      <p className="cmp-why">{f.plain}</p>
      <details className="cmp-detail">
        <summary>Detail</summary>
        <p className="small">{f.why}</p>
      </details>
      {f.decision?.note ? <p className="cmp-note small">Note: {f.decision.note}</p> : null}
    </li>
  );
}

/** Decisions on rows that no longer exist: sent with the first page of the open ones. */
function Stale(props: { caseId: string; version: number }) {
  const client = useClient();
  const { caseId } = props;
  const read = useCallback(
    (offset: number, limit: number) => client.call('compare.disagreements', { caseId, standing: 'open', offset, limit }),
    [client, caseId],
  );
  const list = usePaged(read, itemsOf, props.version, 1);
  const stale = list.first?.stale ?? [];
  if (!stale.length) return null;
  return (
    <section className="cmp-dis-group" aria-labelledby="cmp-dis-stale">
      <h3 id="cmp-dis-stale">
        Decisions on rows that no longer exist <span className="count">{stale.length}</span>
      </h3>
      <p className="muted small">Their claims were deleted or re-coded; the decisions are kept in case the rows come back.</p>
      <ul className="cmp-dis-list">
        {stale.map((d) => (
          <li key={`${d.eventId}|${d.rowKey}`} className="cmp-dis-item">
            <span>
              {d.eventTitle} — <code>{d.rowKey}</code>: {STATUS_LABEL[d.status]}
            </span>
            {d.note ? <p className="cmp-note small">Note: {d.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Disagreements(props: { caseId: string; version: number; flagged: number; onGo: (eventId: string, rowKey: string) => void }) {
  return (
    <section className="cmp-list-view" aria-labelledby="cmp-dis-title">
      <header className="cmp-list-head">
        <h2 id="cmp-dis-title">Disagreements</h2>
        <p className="muted small">
          Every row of every event whose sources disagree, or whose figures cannot be placed. Decide each one in its event’s matrix.
        </p>
      </header>
      {props.flagged === 0 ? <p className="cmp-empty">No disagreements: the sources of every event agree, or each figure has one source.</p> : null}
      {props.flagged ? GROUPS.map((g) => <Group key={g.standing} caseId={props.caseId} version={props.version} {...g} onGo={props.onGo} />) : null}
      <Stale caseId={props.caseId} version={props.version} />
    </section>
  );
}
