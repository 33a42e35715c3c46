// The claim form, beside the text: every field of a claim, pre-filled from the selected words,
// labelled, editable and checked with the claim schema (errors next to their fields). Enter in a
// field or Ctrl+Enter saves; Escape cancels. The field groups of each kind are in claim-form/.
import { useId, useState } from 'react';
import type { Actor, Event } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import type { Source } from '../../shared/model/source.ts';
import { textOrNull } from '../lib/claimForm.ts';
import { KIND_NAME, quoteOf } from '../lib/claimText.ts';
import { sourceTitle } from '../lib/format.ts';
import { FieldError } from '../components/FieldError.tsx';
import { EventField } from './EventField.tsx';
import { EventDialog } from './EventDialog.tsx';
import { AttributionFields } from './claim-form/AttributionFields.tsx';
import { Field, invalid } from './claim-form/Field.tsx';
import { FigureFields } from './claim-form/FigureFields.tsx';
import { TimingFields } from './claim-form/TimingFields.tsx';
import { useClaimForm } from './claim-form/useClaimForm.ts';
import type { Draft } from './useTagging.ts';

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
  const { claim, set, errors, busy, first, formRef, suggested, allActors, addActor, save } = useClaimForm(props);
  const [eventDialog, setEventDialog] = useState(false);
  const uid = useId();
  const id = (k: string) => `${uid}-${k}`;
  const name = `${KIND_NAME[claim.kind]} claim`;
  const published = props.source?.published.value.date ?? null;

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
            <AttributionFields claim={claim} set={set} errors={errors} id={id} first={first} book={allActors} inCase={props.actors} onNewActor={addActor} />
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
              // The event field is redrawn with the new event, so the dialog's opener may be gone: the
              // focus goes back to the field, inside the form, where Ctrl+Enter saves.
              requestAnimationFrame(() => {
                if (formRef.current && !formRef.current.contains(document.activeElement))
                  formRef.current.querySelector<HTMLElement>('[data-field="eventId"]')?.focus();
              });
            }
            return ok;
          }}
        />
      ) : null}
    </aside>
  );
}
