// Reconcile one figure row into a low / best / high: pick a method, set claims aside (each with a
// reason), see the result live, write the rationale. The preview is shared/compare/reconcile.ts itself, so
// what is shown is what is saved; a reconciliation is its own record and never edits a claim.
import { useId, useMemo, useState } from 'react';
import type { Claim } from '../../shared/model/claims.ts';
import type { Row } from '../../shared/compare/conflicts.ts';
import {
  describeBasis,
  METHOD_LABELS,
  ReconcileMethod,
  type ManualFigure,
  type Reconciliation,
  makeReconciliation,
  reconcile,
} from '../../shared/compare/reconcile.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { nowIso } from '../lib/ids.ts';
import { cellValue, figuresOf, rowLabel, VERDICT_LABEL } from './model.ts';

const METHODS = ReconcileMethod.options;
const show = (n: number | null) => (n === null ? 'open' : n.toLocaleString('en-US'));

function toNumber(s: string): number | null | 'bad' {
  const t = s.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : 'bad';
}

export function ReconcileDialog(props: {
  eventId: string;
  eventTitle: string;
  row: Row;
  existing: Reconciliation | null;
  claims: Map<string, Claim>;
  sourceName: (id: string) => string;
  quote: (claimId: string) => string;
  /** The source's publication date, to show beside each claim. */
  published?: (sourceId: string) => string | null;
  onSave: (r: Reconciliation) => Promise<boolean>;
  onClose: () => void;
}) {
  const { row, existing } = props;
  const [method, setMethod] = useState<ReconcileMethod>(existing?.method ?? 'ucdp');
  const [aside, setAside] = useState<Map<string, string>>(() => new Map((existing?.setAside ?? []).map((s) => [s.claimId, s.reason])));
  const [manual, setManual] = useState(() => ({
    low: existing?.method === 'manual' ? (existing.low?.toString() ?? '') : '',
    best: existing?.method === 'manual' ? (existing.best?.toString() ?? '') : '',
    high: existing?.method === 'manual' ? (existing.high?.toString() ?? '') : '',
  }));
  const [rationale, setRationale] = useState(existing?.rationale ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const groupName = useId();
  const rationaleId = useId();

  const figures = useMemo(() => figuresOf(row), [row]);
  // One line per claim that bears on this row: its figure as written, a part of its breakdown, or a
  // figure implied by its total and breakdown. Every side is listed, used unless set aside.
  const sides = useMemo(() => {
    const seen = new Set<string>();
    return row.cells.filter((c) => (c.basis === 'figure' || c.basis === 'part' || c.basis === 'implied') && !seen.has(c.claimId) && seen.add(c.claimId));
  }, [row]);
  const figureWords = (claimId: string) => {
    const c = sides.find((x) => x.claimId === claimId);
    if (!c) return '';
    const v = cellValue(c);
    return v.raw ? `${v.raw}${v.range && v.range !== v.raw ? `, ${v.range}` : ''}` : v.range;
  };
  const claimSource = (claimId: string) => {
    const c = row.cells.find((x) => x.claimId === claimId);
    return c ? props.sourceName(c.sourceId) : claimId;
  };

  const manualFigure = (): ManualFigure | 'bad' => {
    const low = toNumber(manual.low);
    const best = toNumber(manual.best);
    const high = toNumber(manual.high);
    if (low === 'bad' || best === 'bad' || high === 'bad') return 'bad';
    return { low, best, high };
  };

  const preview = useMemo(() => {
    const m = method === 'manual' ? manualFigure() : undefined;
    if (m === 'bad') return { error: 'Manual figures are numbers of zero or more; leave a box empty for an open bound.' };
    try {
      // A reason still being typed must not hide the preview: the reason is checked on saving.
      const setAsideList = [...aside].map(([claimId, reason]) => ({ claimId, reason: reason.trim() || 'pending' }));
      return { result: reconcile(figures, method, setAsideList, m) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [figures, method, aside, manual]);

  // The explanation names claims by id; a reader knows them by their source.
  const named = (text: string) => row.cells.reduce((t, c) => t.split(c.claimId).join(props.sourceName(c.sourceId)), text);

  const missingReason = [...aside].some(([, r]) => !r.trim());
  const missingRationale = !rationale.trim();

  const submit = async () => {
    setTried(true);
    if (missingReason) return setError('Say why each claim is set aside.');
    if (missingRationale) return setError('Write a rationale: how you arrived at these figures.');
    const m = method === 'manual' ? manualFigure() : undefined;
    if (m === 'bad') return setError('Manual figures are numbers of zero or more.');
    let rec: Reconciliation;
    try {
      rec = makeReconciliation({
        eventId: props.eventId,
        rowKey: row.key,
        figures,
        method,
        setAside: [...aside].map(([claimId, reason]) => ({ claimId, reason: reason.trim() })),
        manual: m,
        rationale: rationale.trim(),
        by: null,
        at: nowIso(),
      });
    } catch (e) {
      return setError(e instanceof Error ? e.message : String(e));
    }
    setError(null);
    setBusy(true);
    const ok = await props.onSave(rec);
    setBusy(false);
    if (ok) props.onClose();
    else setError('The reconciliation could not be saved; see the message at the top.');
  };

  return (
    <Dialog
      wide
      title="Reconcile figures"
      subtitle={
        <>
          {props.eventTitle} · <strong>{rowLabel(row)}</strong> · {VERDICT_LABEL[row.verdict]}
        </>
      }
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={<FormActions error={error} busy={busy} onCancel={props.onClose} submitLabel="Save reconciliation" />}
    >
      <fieldset className="rc-methods">
        <legend className="field-label">Method</legend>
        {METHODS.map((m) => (
          <label key={m} className="check rc-method">
            <input type="radio" name={groupName} value={m} checked={method === m} onChange={() => setMethod(m)} />
            {METHOD_LABELS[m]}
          </label>
        ))}
      </fieldset>

      {method === 'manual' ? (
        <fieldset className="rc-manual">
          <legend className="field-label">Your figures (empty = open)</legend>
          {(['low', 'best', 'high'] as const).map((k) => (
            <label key={k} className="field field-compact">
              <span className="field-label-small">{k[0].toUpperCase() + k.slice(1)}</span>
              <input type="number" min={0} inputMode="numeric" value={manual[k]} onChange={(e) => setManual((p) => ({ ...p, [k]: e.target.value }))} />
            </label>
          ))}
        </fieldset>
      ) : null}

      <section className="rc-result" aria-label="Result" aria-live="polite">
        {'result' in preview && preview.result ? (
          <>
            <dl className="rc-figures">
              <div>
                <dt>Low</dt>
                <dd>{show(preview.result.low)}</dd>
              </div>
              <div>
                <dt>Best</dt>
                <dd>{show(preview.result.best)}</dd>
              </div>
              <div>
                <dt>High</dt>
                <dd>{show(preview.result.high)}</dd>
              </div>
            </dl>
            <p className="hint">{named(preview.result.explanation)}</p>
            <p className="rc-basis">{describeBasis(preview.result, claimSource, figureWords)}</p>
          </>
        ) : (
          <p className="field-error">{preview.error}</p>
        )}
      </section>

      <fieldset className="rc-claims">
        <legend className="field-label">Every claim bearing on this row</legend>
        {sides.length === 0 ? <p className="hint">No claim gives a figure for this row.</p> : null}
        <ul>
          {sides.map((c) => {
            const checked = aside.has(c.claimId);
            const v = cellValue(c);
            const name = props.sourceName(c.sourceId);
            const claim = props.claims.get(c.claimId);
            const when = claim?.asOf ? `as of ${claim.asOf}` : (props.published?.(c.sourceId) ?? null);
            const isImplied = c.basis === 'implied';
            const reasonBad = tried && checked && !aside.get(c.claimId)?.trim();
            return (
              <li key={c.claimId} className={checked ? 'rc-claim is-aside' : 'rc-claim'}>
                <div className="rc-claim-head">
                  <span className="rc-src">{name}</span>
                  <span className="rc-fig">
                    {isImplied ? (
                      <>
                        <span className="rc-implied">implied</span> {v.range.replace(/^implied /, '')}
                      </>
                    ) : (
                      <>
                        {v.raw} <span className="muted">({v.range})</span>
                      </>
                    )}
                  </span>
                  <span className={checked ? 'rc-state rc-state-aside' : 'rc-state'}>{checked ? 'Set aside' : 'Used'}</span>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={checked}
                      aria-label={`Set aside ${name}: ${isImplied ? v.range : v.raw}`}
                      onChange={(e) =>
                        setAside((prev) => {
                          const next = new Map(prev);
                          if (e.target.checked) next.set(c.claimId, '');
                          else next.delete(c.claimId);
                          return next;
                        })
                      }
                    />
                    Set aside
                  </label>
                </div>
                <p className="rc-meta small muted">
                  {isImplied ? `${c.detail[0].toUpperCase()}${c.detail.slice(1)} · ` : ''}
                  {claim?.speaker ? `${claim.speaker} · ` : ''}
                  {when ?? 'date unknown'}
                </p>
                <q className="rc-quote">{props.quote(c.claimId)}</q>
                {checked ? (
                  <input
                    type="text"
                    aria-label={`Reason for setting aside ${name}`}
                    placeholder="Why is this claim set aside?"
                    value={aside.get(c.claimId) ?? ''}
                    maxLength={2000}
                    aria-invalid={reasonBad ? true : undefined}
                    onChange={(e) => setAside((prev) => new Map(prev).set(c.claimId, e.target.value))}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <label htmlFor={rationaleId} className="field-label">
        Rationale
      </label>
      <textarea
        id={rationaleId}
        rows={3}
        value={rationale}
        maxLength={20_000}
        placeholder="How you arrived at these figures, for the editor who checks them."
        aria-invalid={tried && missingRationale ? true : undefined}
        onChange={(e) => setRationale(e.target.value)}
      />
    </Dialog>
  );
}
