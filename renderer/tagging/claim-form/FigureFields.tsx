// The field groups of a figure claim (casualties, munitions, count): what is counted, population and figure; the breakdown is in PartsFields.
import { useState } from 'react';
import { measureLabel } from '../../lib/claimText.ts';
import { Affiliation, figureFrom, KNOWN_MEASURES, measureKey, type Claim, type Part } from '../../../shared/model/claims.ts';
import { Qualifier } from '../../../shared/figures/figures.ts';
import { numberOrNull, textOrNull } from '../../lib/claimForm.ts';
import { QUALIFIER_LABEL } from '../../lib/claimText.ts';
import { Field, invalid, type FigureClaim, type SectionProps } from './Field.tsx';
import { PartsFields } from './PartsFields.tsx';

const MEASURES = [
  ...new Set([
    'killed',
    'wounded',
    'wounded_serious',
    'missing',
    'rockets_fired',
    'rockets_impacted',
    'missiles',
    'attacks',
    'targets_struck',
    ...Object.values(KNOWN_MEASURES).flat(),
  ]),
];
const NATIONALITIES = ['US', 'GB', 'IQ', 'IR', 'SY', 'FR', 'DE', 'AU', 'CA', 'IT', 'NL', 'PL'];
const CUSTOM = '__custom__';

export function FigureFields({ claim, set, errors, id, first }: SectionProps<FigureClaim>) {
  const known = claim.measure === null || MEASURES.includes(claim.measure);
  const [custom, setCustom] = useState(!known);
  const f = claim.figure;
  const setFigure = (patch: Partial<FigureClaim['figure']>) => set({ figure: { ...f, ...patch, rules: patch.rules ?? 'manual' } } as Partial<Claim>);
  const num = (k: 'low' | 'best' | 'high', label: string) => (
    <Field label={label} id={id(`f-${k}`)} error={errors[`figure.${k}`]}>
      <input
        id={id(`f-${k}`)}
        data-field={`figure.${k}`}
        type="number"
        min={0}
        step="any"
        inputMode="numeric"
        value={f[k] ?? ''}
        placeholder={k === 'best' ? '' : 'open'}
        onChange={(e) => setFigure({ [k]: numberOrNull(e.target.value) })}
        {...invalid(errors, `figure.${k}`, id(`f-${k}`))}
      />
    </Field>
  );
  return (
    <>
      <fieldset className="cf-group">
        <legend>What is counted</legend>
        <div className="cf-grid">
          <Field label="Measure" id={id('measure')} error={errors.measure}>
            <select
              id={id('measure')}
              data-field="measure"
              ref={(el) => void (first.current = el)}
              value={custom ? CUSTOM : (claim.measure ?? '')}
              onChange={(e) => {
                if (e.target.value === CUSTOM) {
                  setCustom(true);
                  return;
                }
                setCustom(false);
                set({ measure: e.target.value || null } as Partial<Claim>);
              }}
            >
              <option value="">— none —</option>
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {measureLabel(m)}
                </option>
              ))}
              <option value={CUSTOM}>Custom…</option>
            </select>
          </Field>
          {custom ? (
            <Field label="Custom measure" id={id('measure-custom')} error={errors.measure}>
              <input
                id={id('measure-custom')}
                value={claim.measure ?? ''}
                placeholder="e.g. detained"
                onChange={(e) => set({ measure: measureKey(e.target.value) || null } as Partial<Claim>)}
              />
            </Field>
          ) : null}
          {claim.kind === 'munitions' ? (
            <Field label="Weapon" id={id('weapon')}>
              <input
                id={id('weapon')}
                value={claim.weapon ?? ''}
                placeholder="e.g. Katyusha rocket"
                onChange={(e) => set({ weapon: textOrNull(e.target.value) } as Partial<Claim>)}
              />
            </Field>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="cf-group">
        <legend>Population</legend>
        <div className="cf-grid cf-grid-3">
          <Field label="Nationality" id={id('nat')} error={errors['population.nationality']}>
            <input
              id={id('nat')}
              list={id('nat-list')}
              value={claim.population.nationality ?? ''}
              placeholder="e.g. US"
              onChange={(e) => set({ population: { ...claim.population, nationality: textOrNull(e.target.value) } } as Partial<Claim>)}
            />
            <datalist id={id('nat-list')}>
              {NATIONALITIES.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </Field>
          <Field label="Affiliation" id={id('aff')}>
            <select
              id={id('aff')}
              value={claim.population.affiliation}
              onChange={(e) => set({ population: { ...claim.population, affiliation: e.target.value as Part['population']['affiliation'] } } as Partial<Claim>)}
            >
              {Affiliation.options.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Side" id={id('side')}>
            <input
              id={id('side')}
              value={claim.population.side ?? ''}
              placeholder="e.g. coalition"
              onChange={(e) => set({ population: { ...claim.population, side: textOrNull(e.target.value) } } as Partial<Claim>)}
            />
          </Field>
          <Field label="Place" id={id('place')} error={errors.place} hint="Where the figure applies, if narrower than the event; narrowest first" wide>
            <input
              id={id('place')}
              data-field="place"
              value={claim.place ?? ''}
              {...invalid(errors, 'place', id('place'))}
              placeholder="e.g. Al Asad Air Base, Iraq"
              onChange={(e) => set({ place: textOrNull(e.target.value) } as Partial<Claim>)}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset className="cf-group">
        <legend>Figure</legend>
        <div className="cf-grid">
          <Field label="Figure as written" id={id('raw')} error={errors['figure.raw']} wide>
            <div className="inline-field">
              <input id={id('raw')} data-field="figure.raw" value={f.raw} onChange={(e) => setFigure({ raw: e.target.value, rules: f.rules })} />
              <button
                type="button"
                className="btn btn-small"
                title="Normalise the figure as written again with the figure rules"
                onClick={() => {
                  const n = figureFrom(f.raw);
                  set({ figure: n } as Partial<Claim>);
                }}
              >
                Re-read
              </button>
            </div>
          </Field>
        </div>
        <div className="cf-grid cf-grid-4">
          {num('low', 'Low')}
          {num('best', 'Best')}
          {num('high', 'High')}
          <Field label="Qualifier" id={id('qual')}>
            <select id={id('qual')} value={f.qualifier} onChange={(e) => setFigure({ qualifier: e.target.value as FigureClaim['figure']['qualifier'] })}>
              {Qualifier.options.map((q) => (
                <option key={q} value={q}>
                  {QUALIFIER_LABEL[q] ?? q}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="hint">Normalised by {f.rules === 'manual' ? 'hand' : `rules ${f.rules}`}. An empty low or high is an open bound.</p>
      </fieldset>
      <PartsFields claim={claim} set={set} errors={errors} id={id} />
    </>
  );
}
