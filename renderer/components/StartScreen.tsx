// With no case open: start from the sample case or a new one, or pick up an existing case.
import { useCallback, useEffect, useId, useState } from 'react';
import type { AppInfo, OpenCase } from '../../shared/api.ts';
import { CaseName, type CaseSummary } from '../../shared/model/case.ts';
import type { ApiError } from '../../shared/errors.ts';
import { formatTimestamp, plural } from '../lib/format.ts';
import { messageOf } from '../import/useImporter.ts';
import { ThemePicker } from '../theme/ThemePicker.tsx';
import { CaseOpenProblem } from './CaseOpenProblem.tsx';
import { useClient } from './context.ts';
import { ConfirmDialog, Dialog, FormActions } from './Dialog.tsx';
import { FieldError } from './FieldError.tsx';
import { ImportBundleButton } from '../bundles/ImportBundleButton.tsx';

export function StartScreen(props: {
  info: AppInfo;
  opening: string | null;
  openError: { caseId: string; error: ApiError } | null;
  onOpen: (caseId: string) => void;
  onRestored: (c: OpenCase) => void;
  onDismissError: () => void;
}) {
  const client = useClient();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<CaseSummary | null>(null);
  const [deleting, setDeleting] = useState<CaseSummary | null>(null);
  const nameId = useId();
  const nameErrId = useId();

  const refresh = useCallback(() => {
    client.call('cases.list', {}).then(
      (list) => {
        setCases(list);
        setListError(null);
      },
      (e: unknown) => setListError(`The list of cases could not be read: ${messageOf(e)}`),
    );
  }, [client]);
  useEffect(refresh, [refresh]);

  const openSample = async () => {
    setBusy('sample');
    setActionError(null);
    try {
      const c = await client.call('cases.createSample', {});
      props.onOpen(c.id);
    } catch (e) {
      setActionError(`The sample case could not be created: ${messageOf(e)}`);
      setBusy(null);
    }
  };

  const create = async () => {
    const parsed = CaseName.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message ?? 'Check the name.');
      return;
    }
    setNameError(null);
    setBusy('create');
    try {
      const c = await client.call('cases.create', { name: parsed.data });
      props.onOpen(c.id);
    } catch (e) {
      setNameError(messageOf(e));
      setBusy(null);
    }
  };

  const sorted = cases ? [...cases].sort((a, b) => ((a.modified ?? '') < (b.modified ?? '') ? 1 : -1)) : null;

  return (
    <div className="start">
      <header className="start-head">
        <h1 className="brand-title">Corroborate</h1>
        <p className="muted">Compare reports, tag claims, reconcile figures. Everything stays on this computer.</p>
      </header>
      <main className="start-main">
        {props.openError ? (
          <CaseOpenProblem
            caseId={props.openError.caseId}
            error={props.openError.error}
            onRestored={props.onRestored}
            onDismiss={props.onDismissError}
            onRetry={() => props.onOpen(props.openError!.caseId)}
          />
        ) : null}
        {actionError ? (
          <p role="alert" className="notice notice-error">
            {actionError}
          </p>
        ) : null}

        <div className="start-grid">
          <section className="panel" aria-labelledby="start-new">
            <h2 id="start-new" className="panel-title">
              Start
            </h2>
            <p className="muted small">New to Corroborate? The sample case holds a few short reports of one attack that disagree with each other.</p>
            <button type="button" className="btn btn-primary btn-block" onClick={openSample} disabled={busy !== null}>
              {busy === 'sample' ? 'Creating the sample case…' : 'Open sample case'}
            </button>
            <ImportBundleButton disabled={busy !== null} onImported={props.onOpen} onError={setActionError} />
            <form
              className="new-case"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void create();
              }}
            >
              <label htmlFor={nameId} className="field-label">
                New case
              </label>
              <div className="inline-field">
                <input
                  id={nameId}
                  type="text"
                  value={name}
                  placeholder="e.g. Camp Taji, March 2020"
                  maxLength={200}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? nameErrId : undefined}
                  onChange={(e) => setName(e.target.value)}
                />
                <button type="submit" className="btn" disabled={busy !== null}>
                  Create case
                </button>
              </div>
              <FieldError id={nameErrId} error={nameError} />
            </form>
          </section>

          <section className="panel panel-grow" aria-labelledby="start-cases">
            <h2 id="start-cases" className="panel-title">
              Cases
            </h2>
            {listError ? (
              <p role="alert" className="notice notice-error">
                {listError}{' '}
                <button type="button" className="btn btn-small" onClick={refresh}>
                  Try again
                </button>
              </p>
            ) : null}
            {sorted === null && !listError ? <p className="muted">Loading cases…</p> : null}
            {sorted && sorted.length === 0 ? <p className="muted">No cases yet. Open the sample case or create one.</p> : null}
            {sorted && sorted.length > 0 ? (
              <ul className="case-list" aria-label="Cases">
                {sorted.map((c) => (
                  <li key={c.id} className="case-row">
                    <div className="case-info">
                      <span className="case-name">{c.name}</span>
                      {c.problem ? null : (
                        <span className="muted small">
                          {plural(c.sources, 'source')} · modified {formatTimestamp(c.modified)}
                        </span>
                      )}
                      {c.problem ? (
                        <span className="case-problem-text small">
                          <strong>Problem:</strong> {c.problem}
                        </span>
                      ) : null}
                    </div>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        aria-label={`Open ${c.name}`}
                        onClick={() => props.onOpen(c.id)}
                        disabled={props.opening === c.id}
                      >
                        {props.opening === c.id ? 'Opening…' : 'Open'}
                      </button>
                      <button type="button" className="btn btn-small" aria-label={`Rename ${c.name}`} onClick={() => setRenaming(c)}>
                        Rename
                      </button>
                      <button type="button" className="btn btn-small btn-quiet-danger" aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c)}>
                        Delete
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </div>
      </main>
      <footer className="start-foot muted small">
        <span>Data folder: {props.info.dataDir}</span>
        <span>
          {props.info.host === 'browser' ? 'Browser mode' : 'Desktop app'} · version {props.info.version}
        </span>
        <ThemePicker />
      </footer>

      {renaming ? (
        <RenameDialog
          target={renaming}
          onClose={() => setRenaming(null)}
          onDone={() => {
            setRenaming(null);
            refresh();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteCaseDialog
          target={deleting}
          onClose={() => setDeleting(null)}
          onDone={() => {
            setDeleting(null);
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function RenameDialog(props: { target: CaseSummary; onClose: () => void; onDone: () => void }) {
  const client = useClient();
  const [name, setName] = useState(props.target.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const errId = useId();
  const submit = async () => {
    const parsed = CaseName.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the name.');
      return;
    }
    setBusy(true);
    try {
      await client.call('cases.rename', { caseId: props.target.id, name: parsed.data });
      props.onDone();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Rename case"
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={<FormActions busy={busy} onCancel={props.onClose} submitLabel="Rename" />}
    >
      <label htmlFor={id} className="field-label">
        Case name
      </label>
      <input
        id={id}
        type="text"
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
      />
      <FieldError id={errId} error={error} />
    </Dialog>
  );
}

function DeleteCaseDialog(props: { target: CaseSummary; onClose: () => void; onDone: () => void }) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <ConfirmDialog
      title={`Delete “${props.target.name}”?`}
      confirmLabel="Delete case"
      danger
      busy={busy}
      error={error}
      onCancel={props.onClose}
      onConfirm={async () => {
        setBusy(true);
        try {
          await client.call('cases.delete', { caseId: props.target.id });
          props.onDone();
        } catch (e) {
          setError(`The case could not be deleted: ${messageOf(e)}`);
          setBusy(false);
        }
      }}
    >
      <p>This removes the case and its {plural(props.target.sources, 'source')}, with their imported originals, from this computer. It cannot be undone.</p>
    </ConfirmDialog>
  );
}
