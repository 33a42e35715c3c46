// Correct a source's metadata. Each field shows how sure the importer was and how it found the
// value; only changed fields are saved, so the provenance of the others stays.
import { useId, useState, type ReactNode } from 'react';
import { formatBytes } from '../../shared/limits.ts';
import type { Confidence, Source } from '../../shared/model/source.ts';
import { ApiError } from '../../shared/errors.ts';
import { KIND_LABEL, confidenceText, isUserSet, formatTimestamp, sourceTitle } from '../lib/format.ts';
import { errorsFromIssues, formFromSource, localToday, patchFromForm, type FieldErrors, type MetadataForm } from '../lib/metadataForm.ts';
import { messageOf } from '../import/useImporter.ts';
import { useClient } from './context.ts';
import { Dialog, FormActions } from './Dialog.tsx';
import { FieldError } from './FieldError.tsx';
import { ReimportAction, type Reimported } from './ReimportAction.tsx';

type Found = { confidence: Confidence; how: string };

export function MetadataDialog(props: {
  caseId: string;
  source: Source;
  groups: string[];
  onClose: () => void;
  onSaved: (s: Source) => void;
  /** Offers "Re-import with current rules" (ReimportAction.tsx). */
  onReimported?: (r: Reimported) => void;
}) {
  const client = useClient();
  const s = props.source;
  const [form, setForm] = useState<MetadataForm>(() => formFromSource(s));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupsId = useId();
  const set = <K extends keyof MetadataForm>(k: K, v: MetadataForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = async () => {
    setSaveError(null);
    const checked = patchFromForm(s, form, localToday());
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setErrors({});
    if (checked.changed === 0) {
      props.onClose();
      return;
    }
    setBusy(true);
    try {
      props.onSaved(await client.call('sources.update', { caseId: props.caseId, sourceId: s.id, patch: checked.patch }));
    } catch (e) {
      const fieldErrors = e instanceof ApiError && e.code === 'INVALID_INPUT' ? errorsFromIssues(e.details?.issues) : {};
      if (Object.keys(fieldErrors).length) {
        setErrors(fieldErrors);
        focusFirstError(fieldErrors);
      } else setSaveError(`Nothing was saved: ${messageOf(e)}`);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Source details"
      subtitle={sourceTitle(s)}
      wide
      onClose={props.onClose}
      onSubmit={() => void save()}
      footer={<FormActions error={saveError} busy={busy} onCancel={props.onClose} submitLabel={busy ? 'Saving…' : 'Save'} />}
    >
      <div className="meta-grid">
        <Field label="Title" name="title" error={errors.title} found={s.title}>
          {(p) => <input {...p} type="text" value={form.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label="Outlet" name="outlet" error={errors.outlet} found={s.outlet}>
          {(p) => <input {...p} type="text" value={form.outlet} onChange={(e) => set('outlet', e.target.value)} />}
        </Field>
        <Field label="Authors" hint="One per line." name="authors" error={errors.authors} found={s.authors}>
          {(p) => (
            <textarea
              {...p}
              rows={Math.min(5, Math.max(2, form.authors.split('\n').length))}
              value={form.authors}
              onChange={(e) => set('authors', e.target.value)}
            />
          )}
        </Field>
        <fieldset className="field date-fieldset">
          <legend className="field-label">Publication date</legend>
          <FoundLine found={s.published} />
          <div className="date-row">
            <Field label="Date" name="date" error={errors.date} compact>
              {(p) => (
                <input {...p} type="date" value={form.date} disabled={form.dateUnknown} max={localToday()} onChange={(e) => set('date', e.target.value)} />
              )}
            </Field>
            <Field label="Precision" name="precision" error={errors.precision} compact>
              {(p) => (
                <select
                  {...p}
                  value={form.precision}
                  disabled={form.dateUnknown}
                  onChange={(e) => set('precision', e.target.value as MetadataForm['precision'])}
                >
                  <option value="day">Day</option>
                  <option value="month">Month only</option>
                  <option value="year">Year only</option>
                </select>
              )}
            </Field>
            <Field label="Time (optional)" name="time" error={errors.time} compact>
              {(p) => <input {...p} type="time" value={form.time} disabled={form.dateUnknown} onChange={(e) => set('time', e.target.value)} />}
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={form.dateUnknown} onChange={(e) => set('dateUnknown', e.target.checked)} />
            Date unknown
          </label>
        </fieldset>
        <Field label="URL" name="url" error={errors.url}>
          {(p) => <input {...p} type="url" inputMode="url" value={form.url} placeholder="https://" onChange={(e) => set('url', e.target.value)} />}
        </Field>
        <Field
          label="Independence group"
          hint="Sources that share an origin (a wire story and its rewrites) get the same group and count once."
          name="independenceGroup"
          error={errors.independenceGroup}
        >
          {(p) => (
            <>
              <input {...p} type="text" list={groupsId} value={form.independenceGroup} onChange={(e) => set('independenceGroup', e.target.value)} />
              <datalist id={groupsId}>
                {props.groups.map((g) => (
                  <option key={g} value={g} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Notes" name="notes" error={errors.notes}>
          {(p) => <textarea {...p} rows={4} value={form.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
      </div>

      <dl className="facts">
        <div>
          <dt>File</dt>
          <dd>{s.file ?? 'Pasted text'}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            {KIND_LABEL[s.kind]}, {formatBytes(s.bytes)}
            {s.pages ? `, ${s.pages.length} pages` : ''}
          </dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd>{formatTimestamp(s.importedAt)}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="mono" title={s.sha256}>
            {s.sha256.slice(0, 16)}…
          </dd>
        </div>
      </dl>
      {s.warnings.length ? (
        <div className="note-list note-warn">
          <h3>Import warnings</h3>
          <ul>
            {s.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.onReimported ? <ReimportAction caseId={props.caseId} source={s} onReimported={props.onReimported} /> : null}
    </Dialog>
  );
}

function focusFirstError(errors: FieldErrors) {
  const first = Object.keys(errors)[0];
  if (first) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus());
}

function FoundLine(props: { found: Found }) {
  const byUser = isUserSet(props.found);
  const how = byUser ? '' : props.found.how;
  return (
    <p className={`found conf-${byUser ? 'user' : props.found.confidence}`}>
      <span className="found-conf">{confidenceText(props.found)}</span>
      {how ? <span className="found-how"> · {how}</span> : null}
    </p>
  );
}

interface ControlProps {
  id: string;
  'data-field': string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function Field(props: {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  found?: Found;
  compact?: boolean;
  children: (p: ControlProps) => ReactNode;
}) {
  const id = useId();
  const errId = useId();
  const hintId = useId();
  const described = [props.error ? errId : null, props.hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={props.compact ? 'field field-compact' : 'field'}>
      <label htmlFor={id} className={props.compact ? 'field-label-small' : 'field-label'}>
        {props.label}
      </label>
      {props.children({
        id,
        'data-field': props.name,
        ...(props.error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      <FieldError id={errId} error={props.error} />
      {props.found ? <FoundLine found={props.found} /> : null}
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
