// Why a case did not open, in words, and the one thing to do about it: restore the latest backup
// when the index is damaged.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { OpenCase } from '../../shared/api.ts';
import { Backup } from '../../shared/model/case.ts';
import type { ApiError } from '../../shared/errors.ts';
import { formatTimestamp, plural } from '../lib/format.ts';
import { useClient } from './context.ts';

const Backups = z.array(Backup);

export function CaseOpenProblem(props: { caseId: string; error: ApiError; onRestored: (c: OpenCase) => void; onDismiss?: () => void; onRetry?: () => void }) {
  const client = useClient();
  const { error, caseId } = props;
  const fromDetails = Backups.safeParse(error.details?.backups);
  const [backups, setBackups] = useState<Backup[] | null>(fromDetails.success ? fromDetails.data : null);
  const [busy, setBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  useEffect(() => {
    if (error.code !== 'CASE_CORRUPT' || backups) return;
    client.call('cases.backups', { caseId }).then(setBackups, () => setBackups([]));
  }, [client, caseId, error.code, backups]);

  const latest = backups && backups.length ? [...backups].sort((a, b) => (a.created < b.created ? 1 : -1))[0] : null;

  const restore = async () => {
    if (!latest) return;
    setBusy(true);
    setRestoreError(null);
    try {
      props.onRestored(await client.call('cases.restoreBackup', { caseId, backup: latest.name }));
    } catch (e) {
      setRestoreError(`The backup could not be restored: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  let explanation: string;
  switch (error.code) {
    case 'CASE_CORRUPT':
      explanation =
        'Its index file is damaged, so it cannot be opened as it is. Corroborate keeps rolling backups of the index; restoring the latest puts the case back as it was then. Imported originals are kept either way.';
      break;
    case 'CASE_LOCKED':
      explanation = 'It is open in another Corroborate window or process. Close it there, then open it here again.';
      break;
    case 'CASE_TOO_NEW':
      explanation = 'It was saved by a newer version of Corroborate. Update Corroborate to open it; this version leaves it untouched.';
      break;
    case 'NOT_FOUND':
      explanation = 'It is no longer in the data folder. It may have been moved or deleted outside Corroborate.';
      break;
    default:
      explanation = 'Try again; if it keeps failing, restart Corroborate.';
  }

  return (
    <div role="alert" className="notice notice-error case-problem">
      <p className="notice-title">This case could not be opened.</p>
      <p>{error.message}</p>
      <p>{explanation}</p>
      {error.code === 'CASE_CORRUPT' ? (
        latest ? (
          <p>
            <button type="button" className="btn btn-primary" onClick={restore} disabled={busy}>
              Restore latest backup ({formatTimestamp(latest.created)}
              {latest.sources !== null ? `, ${plural(latest.sources, 'source')}` : ''})
            </button>
          </p>
        ) : backups ? (
          <p>No backup of this case is available.</p>
        ) : (
          <p className="muted">Looking for backups…</p>
        )
      ) : null}
      {restoreError ? <p className="error-text">{restoreError}</p> : null}
      <p className="actions-row">
        {props.onRetry ? (
          <button type="button" className="btn" onClick={props.onRetry}>
            Try again
          </button>
        ) : null}
        {props.onDismiss ? (
          <button type="button" className="btn" onClick={props.onDismiss}>
            Back to cases
          </button>
        ) : null}
      </p>
    </div>
  );
}
