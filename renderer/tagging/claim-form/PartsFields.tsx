// The breakdown of a figure claim (its parts: count, nationality, affiliation, subset) and the check that they add up.
import { Affiliation, type Claim, type Part } from '../../../shared/model/claims.ts';
import { numberOrNull, partsLine, textOrNull } from '../../lib/claimForm.ts';
import { measureLabel } from '../../lib/claimText.ts';
import type { FigureClaim, SectionProps } from './Field.tsx';

export function PartsFields({ claim, set, errors, id }: Omit<SectionProps<FigureClaim>, 'first'>) {
  const setPart = (i: number, part: Part | null) => {
    const parts = claim.parts.slice();
    if (part) parts[i] = part;
    else parts.splice(i, 1);
    set({ parts } as Partial<Claim>);
  };
  const line = partsLine(claim);
  return (
    <fieldset className="cf-group">
      <legend>Breakdown</legend>
      {claim.parts.length ? (
        <table className="parts-table">
          <thead>
            <tr>
              <th scope="col">Count</th>
              <th scope="col">Nationality</th>
              <th scope="col">Affiliation</th>
              <th scope="col">Subset</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {claim.parts.map((p, i) => (
              <tr key={i}>
                <td>
                  <input
                    type="number"
                    min={0}
                    aria-label={`Part ${i + 1} count`}
                    data-field={`parts.${i}.figure.best`}
                    value={p.figure.best ?? ''}
                    title={p.figure.raw ? `As written: ${p.figure.raw}` : undefined}
                    onChange={(e) => {
                      const n = numberOrNull(e.target.value);
                      setPart(i, { ...p, figure: { ...p.figure, low: n, best: n, high: n, qualifier: 'exact', rules: 'manual' } });
                    }}
                    {...(errors[`parts.${i}.figure.best`] ? { 'aria-invalid': true } : {})}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Part ${i + 1} nationality`}
                    list={id('nat-list')}
                    value={p.population.nationality ?? ''}
                    onChange={(e) => setPart(i, { ...p, population: { ...p.population, nationality: textOrNull(e.target.value) } })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Part ${i + 1} affiliation`}
                    value={p.population.affiliation}
                    onChange={(e) => setPart(i, { ...p, population: { ...p.population, affiliation: e.target.value as Part['population']['affiliation'] } })}
                  >
                    {Affiliation.options.map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="parts-subset">
                  <input
                    type="checkbox"
                    aria-label={`Part ${i + 1} is a subset`}
                    checked={p.subset}
                    onChange={(e) => setPart(i, { ...p, subset: e.target.checked })}
                  />
                  {p.subset && p.measure ? <span className="small muted"> {measureLabel(p.measure)}</span> : null}
                </td>
                <td>
                  <button type="button" className="btn btn-small btn-ghost btn-icon" aria-label={`Remove part ${i + 1}`} onClick={() => setPart(i, null)}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">No breakdown. Add parts when the passage splits the total (“two Americans and a Briton”).</p>
      )}
      <div className="cf-parts-foot">
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            set({
              parts: [
                ...claim.parts,
                {
                  population: { nationality: null, affiliation: 'unknown', side: null },
                  figure: { raw: '', low: 1, best: 1, high: 1, qualifier: 'exact', rules: 'manual' },
                  subset: false,
                },
              ],
            } as Partial<Claim>)
          }
        >
          Add part
        </button>
        {line ? (
          <p className={line.ok ? 'parts-ok' : 'parts-bad'} role="status">
            {line.text}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
