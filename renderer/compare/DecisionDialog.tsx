// Confirm, explain or dismiss a flagged row, with a note. Explaining or dismissing needs a note: a
// colleague reading the case later must see why the disagreement was let go.
import { useId, useState } from 'react';
import type { DecisionStatus, Row } from '../../shared/compare/conflicts.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { rowLabel, VERDICT_LABEL } from './model.ts';

const TITLE: Record<DecisionStatus, string> = { confirmed: 'Confirm the finding', explained: 'Explain the disagreement', dismissed: 'Dismiss the flag' };
const ACTION: Record<DecisionStatus, string> = { confirmed: 'Confirm', explained: 'Explain', dismissed: 'Dismiss' };
const PROMPT: Record<DecisionStatus, string> = {
  confirmed: 'Note (optional): what you checked',
  explained: 'Note: why the sources differ',
  dismissed: 'Note: why this flag does not matter',
};

export function DecisionDialog(props: {
  row: Row;
  eventTitle: string;
  status: DecisionStatus;
  onSave: (note: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const [note, setNote] = useState(props.row.decision?.status === props.status ? props.row.decision.note : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const errId = useId();
  const required = props.status !== 'confirmed';

  const submit = async () => {
    if (required && !note.trim()) {
      setError(`Write a note: say why the row is ${props.status}.`);
      return;
    }
    setBusy(true);
    const ok = await props.onSave(note.trim());
    setBusy(false);
    if (ok) props.onClose();
    else setError('The decision could not be saved; see the message at the top.');
  };

  return (
    <Dialog
      title={TITLE[props.status]}
      subtitle={
        <>
          {props.eventTitle} · <strong>{rowLabel(props.row)}</strong> · {VERDICT_LABEL[props.row.verdict]}
        </>
      }
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={<FormActions busy={busy} onCancel={props.onClose} submitLabel={ACTION[props.status]} />}
    >
      <p className="cmp-why">{props.row.why}</p>
      <label htmlFor={id} className="field-label">
        {PROMPT[props.status]}
      </label>
      <textarea
        id={id}
        rows={4}
        value={note}
        maxLength={20_000}
        autoFocus
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      <FieldError id={errId} error={error} />
    </Dialog>
  );
}
