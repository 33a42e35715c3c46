// The top bar's sync status (Synced / Syncing… / Offline since 14:02 / Refused, with the clashes
// waiting), or "Share…" for a case that is not shared; either opens the Share dialog.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useClient } from '../components/context.ts';
import { ShareDialog } from './ShareDialog.tsx';
import { statusWords, useSyncStatus } from './useSyncStatus.ts';
import './sync.css';

export function SyncControl(props: { caseId: string; onReceived: () => void }) {
  const client = useClient();
  const store = useSyncStatus(client, props.caseId, props.onReceived);
  const [open, setOpen] = useState(false);
  const s = store.status;
  const { text, full, tone } = statusWords(s);
  const shared = !!s && s.state !== 'off';
  const label = shared ? `Sync: ${full}${s.reason ? ` (${s.reason})` : ''}. Sharing settings` : 'Share this case';
  return (
    <>
      <button
        type="button"
        className={`btn btn-small sync-status sync-${tone}`}
        aria-label={label}
        title={shared ? `${full}: ${s.database} as ${s.user}` : 'Sync this case with your desk’s CouchDB server'}
        onClick={() => setOpen(true)}
      >
        {shared ? <span className="sync-dot" aria-hidden="true" /> : null}
        {text}
      </button>
      {/* Said to a screen reader when it changes, once: not on every poll. */}
      <span role="status" className="sr-only">
        {shared ? `Sync: ${text}` : ''}
      </span>
      {store.error ? (
        <span role="alert" className="sr-only">
          {store.error}
        </span>
      ) : null}
      {/* Out of the top bar's banner: the dialog's own header and footer are not landmarks nested in it. */}
      {open ? createPortal(<ShareDialog store={store} onClose={() => setOpen(false)} />, document.body) : null}
    </>
  );
}
