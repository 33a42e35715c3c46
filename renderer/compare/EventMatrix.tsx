// One event's matrix as a real table: rows are measure × population (and the perpetrator and the
// date), columns are sources grouped by independence group, cells the figure as written with its
// range (a button that opens the quote), then the verdict in words, the reconciliation and the
// decision. All judgements are commands (record.put), so Undo takes them back.
import { useEffect, useRef, useState } from 'react';
import type { Annotation, Claim, Event } from '../../shared/model/claims.ts';
import { type Cell, type DecisionStatus, type Matrix, type Row, changedSinceDecision } from '../../shared/compare/conflicts.ts';
import type { Reconciliation } from '../../shared/compare/reconcile.ts';
import { describeBasis, recheck } from '../../shared/compare/reconcile.ts';
import { plainWhy } from '../../shared/compare/conflicts/plain.ts';
import { rangeChart } from '../../shared/compare/conflicts/range-chart.ts';
import { RangeChart } from './RangeChart.tsx';
import type { GradeInfo } from '../../shared/api.ts';
import {
  cellValue,
  figuresOf,
  formatWithPrecision,
  GRADE_LABEL,
  isFigureRow,
  isFlagRow,
  METHOD_SHORT,
  quoteOf,
  rowLabel,
  STATUS_LABEL,
  VERDICT_LABEL,
} from './model.ts';

const show = (n: number | null) => (n === null ? 'open' : n.toLocaleString('en-US'));

export const rowDomId = (eventId: string, key: string) => `cmp-row-${eventId}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** A grade with its reason as a tooltip; `override` says it was set by hand (the record, or true in an event list's line). */
export function GradeBadge(props: { grade: (Pick<GradeInfo, 'grade' | 'why'> & { override: unknown }) | undefined; small?: boolean }) {
  const g = props.grade;
  if (!g) return null;
  return (
    <span className={`grade grade-${g.grade}${props.small ? ' grade-small' : ''}`} title={g.why}>
      {GRADE_LABEL[g.grade]}
      {g.override ? <span aria-label=" (set by hand)">*</span> : null}
    </span>
  );
}

export function VerdictBadge(props: { verdict: Row['verdict'] }) {
  return <span className={`verdict verdict-${props.verdict}`}>{VERDICT_LABEL[props.verdict]}</span>;
}

export function EventMatrix(props: {
  matrix: Matrix;
  event: Event | undefined;
  grade: GradeInfo | undefined;
  claims: Map<string, Claim>;
  annotations: Map<string, Annotation>;
  reconciliations: Map<string, Reconciliation>;
  focusRow: { key: string; nonce: number } | null;
  onOpenQuote: (claimId: string) => void;
  onDecide: (row: Row, status: DecisionStatus) => void;
  onClearDecision: (row: Row) => void;
  onReconcile: (row: Row) => void;
  onClearReconciliation: (row: Row) => void;
  onOverrideGrade: () => void;
  onClearGrade: () => void;
}) {
  const { matrix: m, event, grade } = props;
  const sources = m.columns.flatMap((c) => c.sources);
  const sourceNames = new Map(sources.map((s) => [s.sourceId, s.name]));
  const sourceName = (id: string) => sourceNames.get(id) ?? id;
  const claimSource = (claimId: string) => {
    const id = props.claims.get(claimId)?.sourceId;
    return id ? (sourceNames.get(id) ?? id) : claimId;
  };
  // A group of one source named like the group needs no second header line.
  const soloNamed = (c: Matrix['columns'][number]) => c.sources.length === 1 && c.sources[0].name === c.group;
  const headRows = m.columns.every(soloNamed) ? 1 : 2;
  const tableRef = useRef<HTMLTableElement>(null);
  // Disagreements whose context rows the user folded away, by flag row key (shown by default).
  const [folded, setFolded] = useState<Set<string>>(() => new Set());
  const byKey = new Map(m.rows.map((r) => [r.key, r]));
  // Reading order: each disagreement where its first row stands, its flag row first, its context under it.
  const ordered: Array<{ r: Row; kind: 'flag' | 'context' | 'plain'; flag: Row | null }> = [];
  const placed = new Set<string>();
  for (const r of m.rows) {
    if (placed.has(r.key)) continue;
    const flag = r.group ? byKey.get(r.group) : undefined;
    if (flag && isFlagRow(flag)) {
      placed.add(flag.key);
      ordered.push({ r: flag, kind: 'flag', flag });
      for (const k of flag.context ?? []) {
        const c = byKey.get(k);
        if (!c || placed.has(k)) continue;
        placed.add(k);
        if (!folded.has(flag.key)) ordered.push({ r: c, kind: 'context', flag });
      }
      continue;
    }
    placed.add(r.key);
    ordered.push({ r, kind: isFlagRow(r) ? 'flag' : 'plain', flag: null });
  }

  useEffect(() => {
    if (!props.focusRow) return;
    const tr = document.getElementById(rowDomId(m.eventId, props.focusRow.key));
    if (!tr) return;
    tr.scrollIntoView({ block: 'center' });
    tr.classList.remove('is-flash');
    void tr.offsetWidth;
    tr.classList.add('is-flash');
    tr.querySelector<HTMLElement>('th')?.focus({ preventScroll: true });
  }, [props.focusRow, m.eventId]);

  const when = event?.start ? formatWithPrecision(event.start, event.end, event.precision) : 'date unknown';
  const where = event?.place ?? 'place unknown';

  const cellButton = (c: Cell, i: number) => {
    const v = cellValue(c);
    const quote = quoteOf(props.claims.get(c.claimId), props.annotations);
    return (
      <button
        key={`${c.claimId}-${i}`}
        type="button"
        className={`cmp-cell cmp-cell-${c.basis}${c.problem ? ' has-problem' : ''}`}
        // The figure as shown is in the name too (what is seen is what is said), after the quote it opens.
        aria-label={`Open quote: ${quote || v.raw} — ${[v.raw, v.range, c.asOf ? `as of ${c.asOf}` : '', c.problem].filter(Boolean).join(' ')}`}
        title={`${c.detail}${c.problem ? ` — ${c.problem}` : ''}${quote ? `\n“${quote}”` : ''}`}
        onClick={() => props.onOpenQuote(c.claimId)}
      >
        {/* Spaces between the parts, so they read as words (and match the name) however they are laid out. */}
        {v.raw ? <span className="cmp-raw">{v.raw}</span> : null} {v.range && v.range !== v.raw ? <span className="cmp-range">{v.range}</span> : null}{' '}
        {c.asOf ? <span className="cmp-asof">as of {c.asOf}</span> : null} {c.problem ? <span className="cmp-problem">{c.problem}</span> : null}
      </button>
    );
  };

  return (
    <div className="cmp-matrix">
      <header className="cmp-matrix-head">
        <div>
          <h2 className="cmp-title">{m.title}</h2>
          <p className="muted small">
            {when} · {where}
            {event?.type ? ` · ${event.type}` : ''}
          </p>
        </div>
        {grade ? (
          <div className="cmp-grade" role="group" aria-label="Grade">
            <div className="cmp-grade-line">
              <span className="field-label-small">Grade</span>
              <GradeBadge grade={grade} />
              {grade.override ? <span className="muted small">set by hand (rules: {GRADE_LABEL[grade.computed]})</span> : null}
            </div>
            <p className="cmp-grade-why small">{grade.why}</p>
            <div className="cmp-grade-actions">
              <button type="button" className="btn btn-small" onClick={props.onOverrideGrade}>
                Override grade…
              </button>
              {grade.override ? (
                <button type="button" className="btn btn-small btn-ghost" onClick={props.onClearGrade}>
                  Clear override
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </header>

      {m.rows.length === 0 ? (
        <p className="cmp-empty">No claim of this event has a figure, a perpetrator or a date yet. Tag claims in the Reader and assign them to this event.</p>
      ) : (
        <div className="cmp-table-wrap">
          <table className="cmp-table" ref={tableRef}>
            <caption>
              <span className="cmp-caption-title">{m.title}</span> — {when}, {where}
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={headRows} className="cmp-rowhead-col">
                  Measure · population
                </th>
                {m.columns.map((c) =>
                  soloNamed(c) ? (
                    <th key={c.group} scope="col" rowSpan={headRows} className="cmp-group">
                      {c.group}
                    </th>
                  ) : (
                    <th key={c.group} scope="colgroup" colSpan={c.sources.length} className="cmp-group">
                      {c.group}
                      {c.sources.length > 1 ? <span className="cmp-group-note">{c.sources.length} sources, counted once</span> : null}
                    </th>
                  ),
                )}
                <th scope="col" rowSpan={headRows} className="cmp-verdict-col">
                  Verdict
                </th>
                <th scope="col" rowSpan={headRows} className="cmp-rec-col">
                  Reconciled
                </th>
                <th scope="col" rowSpan={headRows} className="cmp-dec-col">
                  Decision
                </th>
              </tr>
              {headRows === 2 ? (
                <tr>
                  {m.columns
                    .filter((c) => !soloNamed(c))
                    .flatMap((c) => c.sources)
                    .map((s) => (
                      <th key={s.sourceId} scope="col" className="cmp-source">
                        {s.name}
                      </th>
                    ))}
                </tr>
              ) : null}
            </thead>
            <tbody>
              {ordered.map(({ r, kind, flag }) => {
                const flagged = kind === 'flag';
                const context = kind === 'context' && flag ? flag : null;
                const rec = props.reconciliations.get(`${m.eventId}|${r.key}`) ?? null;
                const check = rec ? safeRecheck(rec, r) : null;
                const changed = changedSinceDecision(r);
                const nContext = flagged ? (r.context?.length ?? 0) : 0;
                const chart = isFigureRow(r) ? rangeChart(r.cells, sourceName, rec) : null;
                const rowClass = flagged ? `is-flagged is-${r.decision?.status ?? 'open'}` : context ? 'cmp-context-row' : undefined;
                return (
                  <tr key={r.key} id={rowDomId(m.eventId, r.key)} className={rowClass}>
                    <th scope="row" tabIndex={-1} className="cmp-rowhead">
                      {rowLabel(r)}
                    </th>
                    {sources.map((s) => {
                      const cells = r.cells.filter((c) => c.sourceId === s.sourceId);
                      return (
                        <td key={s.sourceId}>
                          {cells.length ? (
                            cells.map(cellButton)
                          ) : (
                            <span className="cmp-none" aria-label="nothing">
                              —
                            </span>
                          )}
                        </td>
                      );
                    })}
                    <td className="cmp-verdict">
                      <VerdictBadge verdict={r.verdict} />
                      {context ? <span className="cmp-context-tag small">context of {rowLabel(context)}</span> : null}
                      {chart ? <RangeChart chart={chart} /> : null}
                      <p className="cmp-why">{plainWhy(r, sourceName)}</p>
                      <details className="cmp-detail">
                        <summary>Detail</summary>
                        <p className="small">{r.why}</p>
                      </details>
                      {nContext ? (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost cmp-fold"
                          aria-expanded={!folded.has(r.key)}
                          onClick={() =>
                            setFolded((prev) => {
                              const next = new Set(prev);
                              if (!next.delete(r.key)) next.add(r.key);
                              return next;
                            })
                          }
                        >
                          {folded.has(r.key) ? 'Show' : 'Hide'} {nContext} context {nContext === 1 ? 'row' : 'rows'}
                        </button>
                      ) : null}
                    </td>
                    <td className="cmp-rec">
                      {rec ? (
                        <div className="cmp-rec-value">
                          <strong>
                            {show(rec.low)} / {show(rec.best)} / {show(rec.high)}
                          </strong>{' '}
                          <span className="muted">({METHOD_SHORT[rec.method]})</span>
                          <p className="cmp-note small" title={rec.rationale}>
                            {rec.rationale}
                          </p>
                          <p className="cmp-basis small">{describeBasis(rec, claimSource)}</p>
                          {check?.changed ? <p className="cmp-changed small">Changed since reconciled: {check.why}</p> : null}
                        </div>
                      ) : null}
                      {isFigureRow(r) && (rec || flagged || r.claims.length > 1) ? (
                        <div className="cmp-actions">
                          {/* Each row's buttons are named by their row, so a list of buttons (or a voice command) can tell them apart. */}
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-label={rec ? `Edit reconciliation of ${rowLabel(r)}` : `Reconcile ${rowLabel(r)}`}
                            onClick={() => props.onReconcile(r)}
                          >
                            {rec ? 'Edit…' : 'Reconcile…'}
                          </button>
                          {rec ? (
                            <button
                              type="button"
                              className="btn btn-small btn-ghost"
                              aria-label={`Remove reconciliation of ${rowLabel(r)}`}
                              onClick={() => props.onClearReconciliation(r)}
                            >
                              Remove
                            </button>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                    <td className="cmp-dec">
                      {r.decision ? (
                        <div className="cmp-decision">
                          <span className={`status status-${r.decision.status}`}>{STATUS_LABEL[r.decision.status]}</span>
                          {r.decision.note ? <p className="cmp-note small">{r.decision.note}</p> : null}
                          {changed ? <p className="cmp-changed small">Changed since decided</p> : null}
                        </div>
                      ) : flagged ? (
                        <span className="status status-open">Open</span>
                      ) : context ? (
                        <span className="muted small">Decided with {rowLabel(context)}</span>
                      ) : null}
                      {!context && (flagged || r.decision) ? (
                        <div className="cmp-actions">
                          {r.decision?.status !== 'confirmed' ? (
                            <button
                              type="button"
                              className="btn btn-small"
                              aria-label={`Confirm ${rowLabel(r)}`}
                              onClick={() => props.onDecide(r, 'confirmed')}
                            >
                              Confirm
                            </button>
                          ) : null}
                          <button type="button" className="btn btn-small" aria-label={`Explain ${rowLabel(r)}`} onClick={() => props.onDecide(r, 'explained')}>
                            Explain…
                          </button>
                          <button type="button" className="btn btn-small" aria-label={`Dismiss ${rowLabel(r)}`} onClick={() => props.onDecide(r, 'dismissed')}>
                            Dismiss…
                          </button>
                          {r.decision ? (
                            <button
                              type="button"
                              className="btn btn-small btn-ghost"
                              aria-label={`Clear decision on ${rowLabel(r)}`}
                              onClick={() => props.onClearDecision(r)}
                            >
                              Clear decision
                            </button>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function safeRecheck(rec: Reconciliation, r: Row) {
  try {
    return recheck(rec, figuresOf(r));
  } catch (e) {
    return { changed: true, now: null, why: e instanceof Error ? e.message : String(e) };
  }
}
