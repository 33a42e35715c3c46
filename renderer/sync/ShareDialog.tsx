// Share a case through the desk's CouchDB server: the server's address, the user's name and
// password, and whether to remember the password on this computer. The core checks all three with
// one round trip before it keeps anything, so a wrong password, a server it cannot reach or a
// database that is not there is said here. While the case syncs, the dialog says how it stands
// and offers to stop (or to stop and forget the server and password).
import { useId, useState } from 'react';
import type { SyncStatusView } from '../../shared/exchange/sync-status.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { FieldError } from '../components/FieldError.tsx';
import { messageOf } from '../import/useImporter.ts';
import { DatabasePicker } from './DatabasePicker.tsx';
import { statusWords, type SyncStore } from './useSyncStatus.ts';

export function ShareDialog(props: { store: SyncStore; onClose: () => void }) {
  const s = props.store.status;
  return s && s.state !== 'off' ? <SyncingDialog status={s} store={props.store} onClose={props.onClose} /> : <ShareForm {...props} />;
}

function ShareForm(props: { store: SyncStore; onClose: () => void }) {
  const s = props.store.status;
  const [server, setServer] = useState(s?.database ?? '');
  const [user, setUser] = useState(s?.user ?? '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<{ name: 'server' | 'user' | 'password'; message: string } | null>(null);
  const ids = { server: useId(), user: useId(), password: useId(), remember: useId(), err: useId() };
  const remembered = !!s && s.kept !== 'none' && s.user === user.trim();

  const submit = async () => {
    setError(null);
    if (!server.trim()) return setField({ name: 'server', message: 'Give the server’s address, like https://couch.example.org/case-name.' });
    if (!user.trim()) return setField({ name: 'user', message: 'Give your user name on that server.' });
    if (!password && !remembered) return setField({ name: 'password', message: 'Give your password on that server.' });
    setField(null);
    setBusy(true);
    try {
      await props.store.start({ server: server.trim(), user: user.trim(), password: password || undefined, remember });
      props.onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const invalid = (name: 'server' | 'user' | 'password') =>
    field?.name === name ? { 'aria-invalid': true as const, 'aria-describedby': ids.err } : { 'aria-invalid': undefined, 'aria-describedby': undefined };

  return (
    <Dialog
      title="Share this case"
      onClose={props.onClose}
      onSubmit={() => void submit()}
      subtitle="Sync this case with your desk’s CouchDB server: your edits go out and your colleagues’ come in, live when online, queued when not."
      footer={<FormActions busy={busy} onCancel={props.onClose} submitLabel={busy ? 'Connecting…' : 'Share'} error={error} />}
    >
      {s?.reason ? <p className="notice">{s.reason}</p> : null}
      <div className="field">
        <label htmlFor={ids.server} className="field-label">
          Server address
        </label>
        <input
          id={ids.server}
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://couch.example.org/case-name"
          value={server}
          maxLength={2000}
          onChange={(e) => setServer(e.target.value)}
          {...invalid('server')}
        />
        <p className="field-hint muted">The case’s database on the server; a bare server address uses one named after the case.</p>
        {field?.name === 'server' ? <FieldError id={ids.err} error={field.message} /> : null}
      </div>
      <div className="field">
        <label htmlFor={ids.user} className="field-label">
          User name
        </label>
        <input id={ids.user} type="text" autoComplete="username" value={user} maxLength={200} onChange={(e) => setUser(e.target.value)} {...invalid('user')} />
        {field?.name === 'user' ? <FieldError id={ids.err} error={field.message} /> : null}
      </div>
      <div className="field">
        <label htmlFor={ids.password} className="field-label">
          Password {remembered ? <span className="muted">(remembered; type to change)</span> : null}
        </label>
        <input
          id={ids.password}
          type="password"
          autoComplete="current-password"
          value={password}
          maxLength={1000}
          onChange={(e) => setPassword(e.target.value)}
          {...invalid('password')}
        />
        {field?.name === 'password' ? <FieldError id={ids.err} error={field.message} /> : null}
      </div>
      <DatabasePicker store={props.store} login={{ server, user, password: password || undefined }} picked={server} onPick={setServer} />
      <div className="field field-check">
        <input id={ids.remember} type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <label htmlFor={ids.remember}>Remember the password on this computer</label>
        <p className="field-hint muted">
          In the system keychain in the desktop app, in a file only you can read in browser mode; never in the case folder. Without it, you give the password
          again after a restart.
        </p>
      </div>
    </Dialog>
  );
}

function SyncingDialog(props: { status: SyncStatusView; store: SyncStore; onClose: () => void }) {
  const s = props.status;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = async (forget: boolean) => {
    setBusy(true);
    try {
      await props.store.stop(forget);
      props.onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  const words = statusWords(s).full;
  return (
    <Dialog
      title="Sharing this case"
      onClose={props.onClose}
      subtitle={
        <>
          With <strong>{s.database}</strong> as <strong>{s.user}</strong>
        </>
      }
      footer={
        <>
          {error ? (
            <p role="alert" className="field-error foot-error">
              {error}
            </p>
          ) : null}
          <button type="button" className="btn" disabled={busy} onClick={() => void stop(true)}>
            Stop and forget this server
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void stop(false)}>
            Stop syncing
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onClose} autoFocus>
            Close
          </button>
        </>
      }
    >
      <p className={s.state === 'refused' ? 'notice notice-error' : 'notice'} role={s.state === 'refused' ? 'alert' : undefined}>
        {words}
        {s.reason ? `: ${s.reason}` : '.'}
      </p>
      {s.access === 'viewer' ? (
        <p className="notice">
          You are a viewer of this case on the server: your colleagues’ edits come in, but the server refuses changes from you. Edits you make stay on this
          computer; ask the desk’s admin for the editor role to send them.
        </p>
      ) : null}
      {s.state === 'offline' ? <p className="muted">Your edits are kept here and go out when the server can be reached again.</p> : null}
      {s.clashes ? (
        <p className="muted">
          {s.clashes} {s.clashes === 1 ? 'record was' : 'records were'} changed here and by a colleague: both versions are kept. Choose in Clashes.
        </p>
      ) : null}
      {s.problems.length ? (
        <>
          <h3 className="sync-problems-head">Not applied yet</h3>
          <ul className="sync-problems">
            {s.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
