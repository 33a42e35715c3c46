// Paste text as a new source, with an optional title.
import { useId, useState } from 'react';
import type { ImportResult } from '../../shared/api.ts';
import { MAX_PASTE_CHARS } from '../../shared/limits.ts';
import { messageOf } from '../import/useImporter.ts';
import { useClient } from './context.ts';
import { Dialog, FormActions } from './Dialog.tsx';
import { FieldError } from './FieldError.tsx';

export function PasteDialog(props: { caseId: string; onClose: () => void; onDone: (r: ImportResult) => void }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const titleId = useId();
  const errId = useId();

  const submit = async () => {
    if (!text.trim()) {
      setError('Paste some text first.');
      return;
    }
    if (text.length > MAX_PASTE_CHARS) {
      setError(
        `That is ${text.length.toLocaleString('en')} characters; pasted text is limited to ${MAX_PASTE_CHARS.toLocaleString('en')}. Save it to a file and import the file instead.`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onDone(await client.call('sources.paste', { caseId: props.caseId, text, title: title.trim() || undefined }));
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Paste text"
      wide
      onClose={props.onClose}
      onSubmit={() => void submit()}
      subtitle="Paste an article’s text. Give it a title, or Corroborate will look for one in the text."
      footer={<FormActions busy={busy} onCancel={props.onClose} submitLabel={busy ? 'Adding…' : 'Add to case'} />}
    >
      <div className="field">
        <label htmlFor={titleId} className="field-label">
          Title <span className="muted">(optional)</span>
        </label>
        <input id={titleId} type="text" value={title} maxLength={1000} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={textId} className="field-label">
          Text
        </label>
        <textarea
          id={textId}
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errId : undefined}
        />
        <FieldError id={errId} error={error} />
      </div>
    </Dialog>
  );
}
