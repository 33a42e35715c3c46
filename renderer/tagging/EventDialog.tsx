// "New event": what happened, when (a range with its precision) and where. Checked with the Event
// schema; errors show next to their fields.
import { useId, useState } from 'react';
import { Event, PlacePrecision } from '../../shared/model/claims.ts';
import { TimingPrecision } from '../../shared/timing/timing.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { newId, nowIso } from '../lib/ids.ts';

export function EventDialog(props: { initial?: Event; onClose: () => void; onCreate: (e: Event) => Promise<boolean> }) {
  const init = props.initial;
  const [title, setTitle] = useState(init?.title ?? '');
  const [start, setStart] = useState(init?.start ?? '');
  const [end, setEnd] = useState(init?.end ?? '');
  const [precision, setPrecision] = useState<string>(init?.precision ?? 'day');
  const [place, setPlace] = useState(init?.place ?? '');
  const [placePrecision, setPlacePrecision] = useState<string>(init?.placePrecision ?? '');
  const [type, setType] = useState(init?.type ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const uid = useId();
  const id = (k: string) => `${uid}-${k}`;

  const submit = async () => {
    const at = nowIso();
    const candidate = {
      id: init?.id ?? newId('e'),
      title,
      start: start || null,
      end: end || start || null,
      precision: start ? precision || null : null,
      place: place.trim() || null,
      placePrecision: placePrecision || null,
      type: type.trim() || null,
      actorIds: init?.actorIds ?? [],
      aggregate: init?.aggregate ?? false,
      note: init?.note ?? '',
      created: init?.created ?? at,
      modified: at,
    };
    const r = Event.safeParse(candidate);
    if (!r.success) {
      const errs: Record<string, string> = {};
      for (const i of r.error.issues) errs[String(i.path[0] ?? 'form')] ??= i.message;
      setErrors(errs);
      return;
    }
    setErrors({});
    setBusy(true);
    const ok = await props.onCreate(r.data);
    setBusy(false);
    if (ok) props.onClose();
    else setErrors({ form: 'The event could not be saved; see the message at the top.' });
  };

  const err = (k: string) => <FieldError id={id(`${k}-err`)} error={errors[k]} />;
  // A field with an error is marked and described by it, so a screen reader hears it with the field.
  const checked = (k: string) => ({ 'aria-invalid': errors[k] ? true : undefined, 'aria-describedby': errors[k] ? id(`${k}-err`) : undefined });

  return (
    <Dialog
      title={init ? 'Edit event' : 'New event'}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={<FormActions busy={busy} onCancel={props.onClose} submitLabel={init ? 'Save event' : 'Create event'} />}
    >
      <div className="field">
        <label htmlFor={id('title')}>Title</label>
        <input
          id={id('title')}
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...checked('title')}
          placeholder="e.g. Rocket attack on the base"
        />
        {err('title')}
      </div>
      <div className="meta-grid event-grid">
        <div className="field">
          <label htmlFor={id('start')}>From</label>
          <input id={id('start')} type="date" value={start} onChange={(e) => setStart(e.target.value)} {...checked('start')} />
          {err('start')}
        </div>
        <div className="field">
          <label htmlFor={id('end')}>To</label>
          <input id={id('end')} type="date" value={end} onChange={(e) => setEnd(e.target.value)} {...checked('end')} />
          {err('end')}
        </div>
        <div className="field">
          <label htmlFor={id('prec')}>Date precision</label>
          <select id={id('prec')} value={precision} onChange={(e) => setPrecision(e.target.value)}>
            {TimingPrecision.options.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('type')}>Type</label>
          <input id={id('type')} value={type} onChange={(e) => setType(e.target.value)} placeholder="e.g. rocket attack" />
        </div>
        <div className="field">
          <label htmlFor={id('place')}>Place</label>
          <input id={id('place')} value={place} onChange={(e) => setPlace(e.target.value)} placeholder="e.g. Camp Taji, Iraq" />
        </div>
        <div className="field">
          <label htmlFor={id('pprec')}>Place precision</label>
          <select id={id('pprec')} value={placePrecision} onChange={(e) => setPlacePrecision(e.target.value)}>
            <option value="">—</option>
            {PlacePrecision.options.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      </div>
      {err('form')}
    </Dialog>
  );
}
