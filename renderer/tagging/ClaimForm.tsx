// The claim form, beside the text: every field of a claim, pre-filled from the selected words,
// labelled, editable and checked with the claim schema (errors next to their fields). Enter in a
// field or Ctrl+Enter saves; Escape cancels.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { findActor, STARTER_ACTORS } from '../../shared/actors.ts';
import { Affiliation, figureFrom, KNOWN_MEASURES, measureKey, Stance, type Actor, type Claim, type Event, type Part } from '../../shared/claims.ts';
import type { Command, SimpleCommand } from '../../shared/commands.ts';
import { Qualifier } from '../../shared/figures.ts';
import type { Source } from '../../shared/source.ts';
import { TimingPrecision, withResolvedTiming } from '../../shared/timing.ts';
import { claimErrors, numberOrNull, partsLine, textOrNull, updateCommand, type ClaimErrors } from '../lib/claimForm.ts';
import { dayText, KIND_NAME, QUALIFIER_LABEL, quoteOf, tagLabel } from '../lib/claimText.ts';
import { sourceTitle } from '../lib/format.ts';
import { actorBook } from '../lib/prefill.ts';
import { newId, nowIso } from '../lib/ids.ts';
import { FieldError } from '../components/FieldError.tsx';
import { EventField } from './EventField.tsx';
import { EventDialog } from './EventDialog.tsx';
import type { Draft } from './useTagging.ts';

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

type FigureClaim = Extract<Claim, { kind: 'casualties' | 'munitions' | 'count' }>;
type TimingClaim = Extract<Claim, { kind: 'timing' }>;
type AttributionClaim = Extract<Claim, { kind: 'attribution' }>;

function Field(props: { label: string; id: string; error?: string; hint?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className={props.wide ? 'field cf-wide' : 'field'}>
      <label htmlFor={props.id} className="field-label-small">
        {props.label}
      </label>
      {props.children}
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      <FieldError id={`${props.id}-error`} error={props.error} />
    </div>
  );
}

/** Props that tie an input to its error. */
const invalid = (errors: ClaimErrors, key: string, id: string) => (errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

export function ClaimForm(props: {
  draft: Draft;
  source: Source | undefined;
  events: Event[];
  actors: Actor[];
  onSave: (command: Command, label: string) => Promise<boolean>;
  onCancel: () => void;
  onCreateEvent: (event: Event) => Promise<boolean>;
  onDetails: (sourceId: string) => void;
}) {
  const { draft } = props;
  const [claim, setClaim] = useState<Claim>(draft.claim);
  const [errors, setErrors] = useState<ClaimErrors>({});
  const [busy, setBusy] = useState(false);
  const [eventDialog, setEventDialog] = useState(false);
  /** Actors to add to the case with this claim (a new perpetrator, or the starter actor matched). */
  const [newActors, setNewActors] = useState<Actor[]>([]);
  const uid = useId();
  const id = (k: string) => `${uid}-${k}`;
  const first = useRef<HTMLElement | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const name = `${KIND_NAME[claim.kind]} claim`;
  const published = props.source?.published.value.date ?? null;
  /** A suggestion being edited before it is accepted. */
  const suggested = draft.mode === 'new' && draft.claim.origin.type === 'suggestion';

  useEffect(() => {
    setClaim(draft.claim);
    setErrors({});
    setNewActors([]);
  }, [draft.claim]);

  useEffect(() => {
    first.current?.focus();
  }, [draft.claim.id]);

  const set = (patch: Partial<Claim>) => setClaim((c) => ({ ...c, ...patch }) as Claim);

  const book = useMemo(() => actorBook(props.actors, STARTER_ACTORS), [props.actors]);
  const allActors = useMemo(() => [...book, ...newActors.filter((n) => !book.some((b) => b.id === n.id))], [book, newActors]);

  const save = async () => {
    if (busy) return;
    const modified = nowIso();
    const next = { ...claim, modified } as Claim;
    const errs = claimErrors(next);
    setErrors(errs);
    if (Object.keys(errs).length) {
      const key = Object.keys(errs)[0];
      formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`)?.focus();
      return;
    }
    // Actors this claim names that the case does not hold yet go in with it, as one undo step.
    const actorCommands: SimpleCommand[] = [];
    if (next.kind === 'attribution' && next.perpetrator?.actorId) {
      const inCase = props.actors.some((a) => a.id === next.perpetrator?.actorId);
      const actor = allActors.find((a) => a.id === next.perpetrator?.actorId);
      if (!inCase && actor) actorCommands.push({ type: 'actor.put', payload: { actor, at: null } });
      else if (inCase && actor && newActors.some((n) => n.id === actor.id)) actorCommands.push({ type: 'actor.put', payload: { actor, at: null } });
    }
    let command: Command | null;
    let label: string;
    if (draft.mode === 'new') {
      const create: SimpleCommand = { type: 'claim.create', payload: { annotation: draft.annotation, claim: { ...next, modified: next.created }, at: null } };
      command = actorCommands.length ? { type: 'batch', payload: { commands: [...actorCommands, create] } } : create;
      label = suggested ? 'Accept suggestion' : tagLabel(next.kind);
    } else {
      const update = updateCommand(draft.claim, next, modified);
      command = update && actorCommands.length ? { type: 'batch', payload: { commands: [...actorCommands, update as SimpleCommand] } } : update;
      label = 'Edit claim';
    }
    if (!command) {
      props.onCancel();
      return;
    }
    setBusy(true);
    const ok = await props.onSave(command, label);
    setBusy(false);
    if (ok) props.onCancel();
  };

  const quote = quoteOf(draft.annotation);

  return (
    <aside className="claim-panel" aria-label="Claim form">
      <form
        ref={formRef}
        className="claim-form"
        aria-label={name}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !eventDialog) {
            e.preventDefault();
            props.onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <header className="cf-head">
          <span className={`kind-badge kind-${claim.kind}`}>{KIND_NAME[claim.kind]}</span>
          <h2>
            {draft.mode === 'new'
              ? `${suggested ? 'Suggested' : 'New'} ${KIND_NAME[claim.kind].toLowerCase()} claim`
              : `Edit ${KIND_NAME[claim.kind].toLowerCase()} claim`}
          </h2>
        </header>
        <div className="cf-body">
          <figure className="cf-quote">
            <blockquote>{quote || '(no passage)'}</blockquote>
            {claim.origin.type === 'suggestion' ? <p className="cf-origin">Suggested by {claim.origin.rule}</p> : null}
            <figcaption>
              {props.source ? sourceTitle(props.source) : 'Unknown source'}
              {draft.annotation && draft.annotation.targets.length > 1 ? ` · ${draft.annotation.targets.length} passages` : ''}
              {draft.annotation?.targets.some((t) => t.page) ? ` · p. ${[...new Set(draft.annotation.targets.map((t) => t.page))].join(', ')}` : ''}
            </figcaption>
          </figure>

          {claim.kind === 'casualties' || claim.kind === 'munitions' || claim.kind === 'count' ? (
            <FigureFields claim={claim} set={set} errors={errors} id={id} first={first} />
          ) : null}
          {claim.kind === 'attribution' ? (
            <AttributionFields
              claim={claim}
              set={set}
              errors={errors}
              id={id}
              first={first}
              book={allActors}
              inCase={props.actors}
              onNewActor={(a) => setNewActors((list) => [...list.filter((x) => x.id !== a.id), a])}
            />
          ) : null}
          {claim.kind === 'timing' ? (
            <TimingFields
              claim={claim}
              set={set}
              errors={errors}
              id={id}
              first={first}
              published={published}
              onDetails={() => props.source && props.onDetails(props.source.id)}
            />
          ) : null}

          <fieldset className="cf-group">
            <legend>Every claim</legend>
            <div className="cf-grid">
              <Field label="Event" id={id('event')} error={errors.eventId} wide>
                <div className="inline-field">
                  <EventField
                    id={id('event')}
                    dataField="eventId"
                    label="Event"
                    pickerFor="this claim"
                    noneLabel="— No event —"
                    events={props.events}
                    value={claim.eventId}
                    onChange={(eventId) => set({ eventId })}
                  />
                  <button type="button" className="btn btn-small" onClick={() => setEventDialog(true)}>
                    New event…
                  </button>
                </div>
              </Field>
              <Field label="Speaker (who is cited)" id={id('speaker')} error={errors.speaker}>
                <input
                  id={id('speaker')}
                  data-field="speaker"
                  ref={claim.kind === 'note' || claim.kind === 'other' ? (el) => void (first.current = el) : undefined}
                  value={claim.speaker ?? ''}
                  placeholder="e.g. coalition statement"
                  onChange={(e) => set({ speaker: textOrNull(e.target.value) })}
                  {...invalid(errors, 'speaker', id('speaker'))}
                />
              </Field>
              <Field label="As of (running totals)" id={id('asOf')} error={errors.asOf} hint="YYYY-MM-DD, YYYY-MM or YYYY">
                <input
                  id={id('asOf')}
                  data-field="asOf"
                  value={claim.asOf ?? ''}
                  placeholder="YYYY-MM-DD"
                  onChange={(e) => set({ asOf: textOrNull(e.target.value) })}
                  {...invalid(errors, 'asOf', id('asOf'))}
                />
              </Field>
              <Field label="Note" id={id('note')} error={errors.note} wide>
                <textarea id={id('note')} data-field="note" rows={2} value={claim.note} onChange={(e) => set({ note: e.target.value })} />
              </Field>
            </div>
          </fieldset>
          <FieldError error={errors.form} />
        </div>
        <footer className="cf-foot">
          <span className="hint">Ctrl+Enter saves · Esc cancels</span>
          <button type="button" className="btn" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {draft.mode === 'new' ? (suggested ? 'Accept claim' : 'Save claim') : 'Save changes'}
          </button>
        </footer>
      </form>
      {eventDialog ? (
        <EventDialog
          onClose={() => setEventDialog(false)}
          onCreate={async (ev) => {
            const ok = await props.onCreateEvent(ev);
            if (ok) {
              set({ eventId: ev.id });
              setEventDialog(false);
            }
            return ok;
          }}
        />
      ) : null}
    </aside>
  );
}

type Setter = (patch: Partial<Claim>) => void;
interface SectionProps<C> {
  claim: C;
  set: Setter;
  errors: ClaimErrors;
  id: (k: string) => string;
  first: RefObject<HTMLElement | null>;
}

function FigureFields({ claim, set, errors, id, first }: SectionProps<FigureClaim>) {
  const known = claim.measure === null || MEASURES.includes(claim.measure);
  const [custom, setCustom] = useState(!known);
  const f = claim.figure;
  const setFigure = (patch: Partial<FigureClaim['figure']>) => set({ figure: { ...f, ...patch, rules: patch.rules ?? 'manual' } } as Partial<Claim>);
  const setPart = (i: number, part: Part | null) => {
    const parts = claim.parts.slice();
    if (part) parts[i] = part;
    else parts.splice(i, 1);
    set({ parts } as Partial<Claim>);
  };
  const line = partsLine(claim);
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
                  {m}
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
                    {p.subset && p.measure ? <span className="small muted"> {p.measure}</span> : null}
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
    </>
  );
}

function AttributionFields({
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

function TimingFields({
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
