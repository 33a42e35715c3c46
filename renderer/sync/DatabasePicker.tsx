// In the Share dialog: the databases on the server that the user may sync the case with, to pick
// the case's, and (for a server admin) a new one made for it. Picking or creating fills the dialog's
// server address with the database's; the server's refusals are said here, with what to do.
import { useId, useState } from 'react';
import type { SyncDatabases, SyncLogin } from '../../shared/exchange/sync-status.ts';
import { messageOf } from '../import/useImporter.ts';
import type { SyncStore } from './useSyncStatus.ts';

export function DatabasePicker(props: {
  store: Pick<SyncStore, 'databases' | 'createDatabase'>;
  login: SyncLogin;
  picked: string;
  onPick: (url: string) => void;
}) {
  const [found, setFound] = useState<SyncDatabases | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { list: useId(), name: useId() };
  const ready = !!props.login.server.trim() && !!props.login.user.trim();

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const find = () =>
    run(async () => {
      setFound(await props.store.databases(props.login));
    });
  const create = () =>
    run(async () => {
      if (!name.trim()) throw new Error('Give the new database a name, like taji-2020.');
      const made = await props.store.createDatabase(props.login, name.trim());
      setFound((f) => (f ? { ...f, databases: [...f.databases, made].sort((a, b) => a.name.localeCompare(b.name)), note: null } : f));
      setName('');
      props.onPick(made.url);
    });

  return (
    <div className="field sync-databases">
      <button type="button" className="btn btn-small" disabled={busy || !ready} onClick={() => void find()}>
        {busy && !found ? 'Looking…' : 'Find databases on this server'}
      </button>
      {!ready ? <p className="field-hint muted">Give the server’s address and your user name (and password) to see its databases.</p> : null}
      {found?.databases.length ? (
        <fieldset className="sync-database-list">
          <legend id={ids.list}>Databases you may use</legend>
          {found.databases.map((d) => (
            <label key={d.url} className="field-check">
              <input type="radio" name={ids.list} value={d.url} checked={props.picked === d.url} onChange={() => props.onPick(d.url)} />
              {d.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {found?.note ? <p className="notice">{found.note}</p> : null}
      {found?.canCreate ? (
        <div className="field">
          <label htmlFor={ids.name} className="field-label">
            New database for this case
          </label>
          <input id={ids.name} type="text" value={name} maxLength={238} placeholder="taji-2020" onChange={(e) => setName(e.target.value)} />
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void create()}>
            Create database
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
