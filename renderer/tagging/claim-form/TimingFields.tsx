// The field group of a timing claim: the expression as written, the dates it resolves to against the publication date, and its precision.
import type { Claim } from '../../../shared/model/claims.ts';
import { TimingPrecision, withResolvedTiming } from '../../../shared/timing/timing.ts';
import { dayText } from '../../lib/claimText.ts';
import { Field, invalid, type SectionProps, type TimingClaim } from './Field.tsx';

export function TimingFields({
  claim,
  set,
  errors,
  id,
  first,
  published,
  onDetails,
}: SectionProps<TimingClaim> & { published: string | null; onDetails: () => void }) {
  const resolve = (expression: string, base: TimingClaim) =>
    withResolvedTiming({ ...base, expression, method: base.method === 'manual' ? 'auto' : base.method }, published);
  const manual = claim.method === 'manual';
  return (
    <fieldset className="cf-group">
      <legend>Timing</legend>
      <div className="cf-grid">
        <Field label="Expression as written" id={id('expr')} error={errors.expression} wide>
          <input
            id={id('expr')}
            data-field="expression"
            ref={(el) => void (first.current = el)}
            value={claim.expression}
            onChange={(e) => set(manual ? { expression: e.target.value } : resolve(e.target.value, claim))}
            {...invalid(errors, 'expression', id('expr'))}
          />
        </Field>
        <Field label="From" id={id('start')} error={errors.start}>
          <input
            id={id('start')}
            data-field="start"
            type="date"
            value={claim.start ?? ''}
            onChange={(e) =>
              set({
                start: e.target.value || null,
                end: claim.end && e.target.value && claim.end < e.target.value ? e.target.value : (claim.end ?? (e.target.value || null)),
                method: 'manual',
                relative: false,
              } as Partial<Claim>)
            }
          />
        </Field>
        <Field label="To" id={id('end')} error={errors.end}>
          <input
            id={id('end')}
            data-field="end"
            type="date"
            value={claim.end ?? ''}
            onChange={(e) => set({ end: e.target.value || null, method: 'manual', relative: false } as Partial<Claim>)}
            {...invalid(errors, 'end', id('end'))}
          />
        </Field>
        <Field label="Precision" id={id('prec')}>
          <select
            id={id('prec')}
            value={claim.precision ?? ''}
            onChange={(e) => set({ precision: (e.target.value || null) as TimingClaim['precision'] } as Partial<Claim>)}
          >
            <option value="">—</option>
            {TimingPrecision.options.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <div className="cf-wide timing-status" role="status">
          {published ? (
            <p className="small">
              {claim.start ? (
                <>
                  Resolved to <strong>{claim.start === claim.end ? dayText(claim.start) : `${dayText(claim.start)} – ${dayText(claim.end)}`}</strong>{' '}
                </>
              ) : (
                'Not resolved. '
              )}
              <span className="muted">
                {manual ? 'set by hand' : claim.method} · against publication date {dayText(published)}
              </span>
            </p>
          ) : (
            <p className="small warn-text">
              No publication date: set it in{' '}
              <button type="button" className="link-btn" onClick={onDetails}>
                Details
              </button>{' '}
              and relative dates resolve.
            </p>
          )}
          {manual ? (
            <button type="button" className="btn btn-small" onClick={() => set(resolve(claim.expression, { ...claim, method: 'auto' }))}>
              Resolve from the expression
            </button>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
