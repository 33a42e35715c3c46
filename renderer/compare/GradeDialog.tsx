// Override an event's computed grade (Airwars-style) with a note; 'discounted' can only be set here.
import { useId, useState } from 'react';
import { Grade, GradeOverride } from '../../shared/compare/grade.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { nowIso } from '../lib/ids.ts';
import { GRADE_LABEL, GRADE_MEANING } from './model.ts';

export function GradeDialog(props: {
  eventId: string;
  eventTitle: string;
  computed: Grade;
  why: string;
  existing: GradeOverride | null;
  onSave: (o: GradeOverride) => Promise<boolean>;
  onClose: () => void;
}) {
  const [grade, setGrade] = useState<Grade>(props.existing?.grade ?? props.computed);
  const [note, setNote] = useState(props.existing?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const noteId = useId();
  const errId = useId();

  const submit = async () => {
    const parsed = GradeOverride.safeParse({ eventId: props.eventId, grade, note, by: null, at: nowIso() });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the grade and note.');
    setBusy(true);
    const ok = await props.onSave(parsed.data);
    setBusy(false);
    if (ok) props.onClose();
    else setError('The grade could not be saved; see the message at the top.');
  };

  return (
    <Dialog
      title="Override grade"
      subtitle={props.eventTitle}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={<FormActions busy={busy} onCancel={props.onClose} submitLabel="Save grade" />}
    >
      <p className="hint">
        The rules give <strong>{GRADE_LABEL[props.computed]}</strong>. {props.why}
      </p>
      <label htmlFor={selectId} className="field-label">
        Grade
      </label>
      <select id={selectId} value={grade} onChange={(e) => setGrade(e.target.value as Grade)}>
        {Grade.options.map((g) => (
          <option key={g} value={g}>
            {GRADE_LABEL[g]} — {GRADE_MEANING[g]}
          </option>
        ))}
      </select>
      <label htmlFor={noteId} className="field-label">
        Note: why you set it by hand
      </label>
      <textarea
        id={noteId}
        rows={3}
        value={note}
        maxLength={20_000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      <FieldError id={errId} error={error} />
    </Dialog>
  );
}
