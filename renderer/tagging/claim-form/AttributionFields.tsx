// The field group of an attribution claim: the perpetrator as written, the actor it matches (or a new one), who attributes it and the stance.
import { findActor } from '../../../shared/model/actors.ts';
import { Stance, type Actor, type Claim } from '../../../shared/model/claims.ts';
import { textOrNull } from '../../lib/claimForm.ts';
import { newId } from '../../lib/ids.ts';
import { Field, type AttributionClaim, type SectionProps } from './Field.tsx';

export function AttributionFields({
  claim,
  set,
  errors,
  id,
  first,
  book,
  inCase,
  onNewActor,
}: SectionProps<AttributionClaim> & { book: Actor[]; inCase: Actor[]; onNewActor: (a: Actor) => void }) {
  const name = claim.perpetrator?.name ?? '';
  const match = name ? findActor(book, name) : null;
  const chosen = claim.perpetrator?.actorId ? book.find((a) => a.id === claim.perpetrator?.actorId) : undefined;
  const setName = (n: string) => {
    const m = n.trim() ? findActor(book, n) : null;
    set({ perpetrator: n.trim() ? { name: n, actorId: m?.id ?? null } : null } as Partial<Claim>);
  };
  const isAlias = chosen && name && !findActor([chosen], name);
  return (
    <fieldset className="cf-group">
      <legend>Attribution</legend>
      <div className="cf-grid">
        <Field
          label="Perpetrator (as written)"
          id={id('perp')}
          error={errors['perpetrator.name'] ?? errors.perpetrator}
          hint={
            chosen ? (
              <>
                Actor: <strong>{chosen.name}</strong>
                {chosen.aliases.length ? ` (also ${chosen.aliases.slice(0, 3).join(', ')})` : ''}
                {inCase.some((a) => a.id === chosen.id) ? '' : ' — will be added to this case’s actors'}
              </>
            ) : name.trim() ? (
              'No actor of this case has this name.'
            ) : (
              'Leave empty when the passage names no one.'
            )
          }
        >
          <input
            id={id('perp')}
            data-field="perpetrator.name"
            ref={(el) => void (first.current = el)}
            list={id('actors')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <datalist id={id('actors')}>
            {book
              .flatMap((a) => [a.name, ...a.aliases])
              .map((n) => (
                <option key={n} value={n} />
              ))}
          </datalist>
        </Field>
        <Field label="Actor" id={id('actor')}>
          <select
            id={id('actor')}
            value={claim.perpetrator?.actorId ?? ''}
            disabled={!name.trim()}
            onChange={(e) => claim.perpetrator && set({ perpetrator: { ...claim.perpetrator, actorId: e.target.value || null } } as Partial<Claim>)}
          >
            <option value="">— not matched —</option>
            {book.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        {name.trim() && !match && !chosen ? (
          <div className="cf-wide actions-row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                const actor: Actor = { id: newId('actor'), name: name.trim(), aliases: [] };
                onNewActor(actor);
                set({ perpetrator: { name, actorId: actor.id } } as Partial<Claim>);
              }}
            >
              Add “{name.trim()}” as a new actor
            </button>
          </div>
        ) : null}
        {isAlias && chosen ? (
          <div className="cf-wide actions-row">
            <button type="button" className="btn btn-small" onClick={() => onNewActor({ ...chosen, aliases: [...chosen.aliases, name.trim()] })}>
              Add “{name.trim()}” as an alias of {chosen.name}
            </button>
          </div>
        ) : null}
        <Field label="Attributed by" id={id('by')}>
          <input
            id={id('by')}
            value={claim.attributedBy ?? ''}
            placeholder="e.g. Pentagon statement"
            onChange={(e) => set({ attributedBy: textOrNull(e.target.value) } as Partial<Claim>)}
          />
        </Field>
        <Field label="Stance" id={id('stance')}>
          <select id={id('stance')} value={claim.stance} onChange={(e) => set({ stance: e.target.value as AttributionClaim['stance'] } as Partial<Claim>)}>
            {Stance.options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}
