// Every flagged row of the case, grouped by where it stands: open, explained (or confirmed), dismissed.
// Each links to its row in the event's matrix.
import type { Decision, Matrix } from '../../shared/compare/conflicts.ts';
import { staleDecisions } from '../../shared/compare/conflicts.ts';
import { flaggedRows, rowLabel, STATUS_LABEL, type Standing } from './model.ts';
import { VerdictBadge } from './EventMatrix.tsx';
import { plainWhy } from '../../shared/compare/conflicts/plain.ts';

const GROUPS: Array<{ standing: Standing; title: string; empty: string }> = [
  { standing: 'open', title: 'Open', empty: 'Nothing open: every flagged row has a decision.' },
  { standing: 'explained', title: 'Explained or confirmed', empty: 'None yet.' },
  { standing: 'dismissed', title: 'Dismissed', empty: 'None dismissed.' },
];

export function Disagreements(props: { matrices: Matrix[]; decisions: Decision[]; onGo: (eventId: string, rowKey: string) => void }) {
  const items = flaggedRows(props.matrices);
  const stale = staleDecisions(props.matrices, props.decisions);
  const title = new Map(props.matrices.map((m) => [m.eventId, m.title]));
  const names = new Map(props.matrices.flatMap((m) => m.columns.flatMap((c) => c.sources.map((s) => [s.sourceId, s.name] as const))));
  const name = (id: string) => names.get(id) ?? id;
  return (
    <section className="cmp-list-view" aria-labelledby="cmp-dis-title">
      <header className="cmp-list-head">
        <h2 id="cmp-dis-title">Disagreements</h2>
        <p className="muted small">
          Every row of every event whose sources disagree, or whose figures cannot be placed. Decide each one in its event’s matrix.
        </p>
      </header>
      {items.length === 0 ? <p className="cmp-empty">No disagreements: the sources of every event agree, or each figure has one source.</p> : null}
      {items.length
        ? GROUPS.map((g) => {
            const group = items.filter((f) => f.standing === g.standing);
            return (
              <section key={g.standing} className={`cmp-dis-group cmp-dis-${g.standing}`} aria-labelledby={`cmp-dis-${g.standing}`}>
                <h3 id={`cmp-dis-${g.standing}`}>
                  {g.title} <span className="count">{group.length}</span>
                </h3>
                {group.length === 0 ? (
                  <p className="muted small">{g.empty}</p>
                ) : (
                  <ul className="cmp-dis-list" aria-label={g.title}>
                    {group.map((f) => (
                      <li key={`${f.eventId}|${f.row.key}`} className="cmp-dis-item">
                        <div className="cmp-dis-top">
                          <button type="button" className="link-btn" onClick={() => props.onGo(f.eventId, f.row.key)}>
                            {f.eventTitle} — {rowLabel(f.row)}
                          </button>
                          <VerdictBadge verdict={f.row.verdict} />
                          {f.row.decision ? <span className={`status status-${f.row.decision.status}`}>{STATUS_LABEL[f.row.decision.status]}</span> : null}
                          {f.changed ? <span className="cmp-changed small">changed since decided</span> : null}
                        </div>
                        <p className="cmp-why">{plainWhy(f.row, name)}</p>
                        <details className="cmp-detail">
                          <summary>Detail</summary>
                          <p className="small">{f.row.why}</p>
                        </details>
                        {f.row.decision?.note ? <p className="cmp-note small">Note: {f.row.decision.note}</p> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        : null}
      {stale.length ? (
        <section className="cmp-dis-group" aria-labelledby="cmp-dis-stale">
          <h3 id="cmp-dis-stale">
            Decisions on rows that no longer exist <span className="count">{stale.length}</span>
          </h3>
          <p className="muted small">Their claims were deleted or re-coded; the decisions are kept in case the rows come back.</p>
          <ul className="cmp-dis-list">
            {stale.map((d) => (
              <li key={`${d.eventId}|${d.rowKey}`} className="cmp-dis-item">
                <span>
                  {title.get(d.eventId) ?? d.eventId} — <code>{d.rowKey}</code>: {STATUS_LABEL[d.status]}
                </span>
                {d.note ? <p className="cmp-note small">Note: {d.note}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
