// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncDatabases, SyncLogin } from '../../shared/exchange/sync-status.ts';
import { ApiError } from '../../shared/errors.ts';
import { DatabasePicker } from './DatabasePicker.tsx';

afterEach(cleanup);

const TAJI = { name: 'taji-2020', url: 'https://couch.example.org/taji-2020' };

function Harness(props: {
  databases: (l: SyncLogin) => Promise<SyncDatabases>;
  createDatabase?: (l: SyncLogin, n: string) => Promise<{ name: string; url: string }>;
}) {
  const [server, setServer] = useState('https://couch.example.org/');
  return (
    <>
      <label>
        Server address
        <input value={server} onChange={(e) => setServer(e.target.value)} />
      </label>
      <DatabasePicker
        store={{ databases: props.databases, createDatabase: props.createDatabase ?? (() => Promise.reject(new Error('unexpected'))) }}
        login={{ server, user: 'amira', password: 'pw' }}
        picked={server}
        onPick={setServer}
      />
    </>
  );
}

describe('picking the case’s database in the Share dialog', () => {
  it('lists the databases the user may use, and picking one puts its address in the dialog', async () => {
    const databases = vi.fn(async () => ({ databases: [TAJI], listed: true, canCreate: false, note: null }));
    render(<Harness databases={databases} />);
    await userEvent.click(screen.getByRole('button', { name: 'Find databases on this server' }));
    expect(databases).toHaveBeenCalledWith({ server: 'https://couch.example.org/', user: 'amira', password: 'pw' });
    await userEvent.click(await screen.findByRole('radio', { name: 'taji-2020' }));
    expect(screen.getByLabelText('Server address')).toHaveValue(TAJI.url);
    expect(screen.getByRole('group', { name: 'Databases you may use' })).toBeInTheDocument();
    // A member cannot create one: the field is not offered.
    expect(screen.queryByLabelText('New database for this case')).toBeNull();
  });

  it('says the server’s refusal where the user is looking', async () => {
    const databases = () => Promise.reject(new ApiError('FORBIDDEN', 'The server did not accept this name and password (401).'));
    render(<Harness databases={databases} />);
    await userEvent.click(screen.getByRole('button', { name: 'Find databases on this server' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not accept this name and password (401)');
  });

  it('lets a server admin create the case’s database, which is then picked; a refused name is said', async () => {
    const createDatabase = vi.fn(async (_l: SyncLogin, name: string) => {
      if (name === 'taken') throw new ApiError('INVALID_INPUT', 'The server has a database named “taken” already.');
      return { name, url: `https://couch.example.org/${name}` };
    });
    render(<Harness databases={async () => ({ databases: [TAJI], listed: true, canCreate: true, note: null })} createDatabase={createDatabase} />);
    await userEvent.click(screen.getByRole('button', { name: 'Find databases on this server' }));
    const field = await screen.findByLabelText('New database for this case');
    await userEvent.type(field, 'taken');
    await userEvent.click(screen.getByRole('button', { name: 'Create database' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already');
    await userEvent.clear(field);
    await userEvent.type(field, 'kyiv-2024');
    await userEvent.click(screen.getByRole('button', { name: 'Create database' }));
    expect(await screen.findByRole('radio', { name: 'kyiv-2024' })).toBeChecked();
    expect(screen.getByLabelText('Server address')).toHaveValue('https://couch.example.org/kyiv-2024');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
