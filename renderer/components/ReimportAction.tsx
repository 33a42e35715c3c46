// In a source's details: read its kept original again with the current import rules. A different
// text becomes a new version (Undo puts the previous one back); the same text, or a missing
// original, is said here, where the user asked.
import { useState } from 'react';
import type { Output } from '../../shared/api.ts';
import type { Source } from '../../shared/model/source.ts';
import { formatTimestamp } from '../lib/format.ts';
import { messageOf } from '../import/useImporter.ts';
import { useClient } from './context.ts';

export type Reimported = Extract<Output<'sources.reimport'>, { status: 'replaced' }>;

export function ReimportAction(props: { caseId: string; source: Source; onReimported: (r: Reimported) => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const s = props.source;

  const reimport = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const r = await client.call('sources.reimport', { caseId: props.caseId, sourceId: s.id });
      if (r.status === 'replaced') return props.onReimported(r);
      setSaid({ text: r.message, error: false });
    } catch (e) {
      setSaid({ text: `The source was not re-imported: ${messageOf(e)}`, error: true });
    }
    setBusy(false);
  };

  return (
    <div className="reimport">
      <h3>Text</h3>
      <p className="muted">
        {s.reimportedAt ? `Read again with the import rules of ${formatTimestamp(s.reimportedAt)}. ` : ''}
        Importing has improved since? Read the kept original again: a different text becomes a new version, annotations re-anchor, and Undo puts the previous
        text back.
      </p>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void reimport()}>
        {busy ? 'Reading the original again…' : 'Re-import with current rules'}
      </button>
      <p role="status" className={said && !said.error ? 'notice' : 'sr-only'}>
        {said && !said.error ? said.text : ''}
      </p>
      {said?.error ? (
        <p role="alert" className="notice notice-error">
          {said.text}
        </p>
      ) : null}
    </div>
  );
}
