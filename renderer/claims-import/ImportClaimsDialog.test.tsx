// @vitest-environment jsdom
// Import claims… as a user meets it: a sheet is read and previewed (what will be imported, what is
// refused and why), imported as one step, and every problem is said in the dialog with nothing changed.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sourceRecord } from '../../tests/support/bundle-fixtures.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { ImportClaimsDialog } from './ImportClaimsDialog.tsx';

const TEXT = 'A rocket attack on the base wounded 14 people, officials said. Two guards were killed at the gate.';
const source = sourceRecord('s_aaaaaaaa', TEXT, { file: 'base-report.txt' }).source;
const view = { version: 1, events: [], actors: [], claims: [], annotations: [] };
const core = () => fakeClient({ 'claims.view': view, 'sources.get': { text: TEXT } });
const sheet = (rows: string[], name = 'coded.csv') =>
  new File([['source,kind,quote,measure,figure_as_written,event', ...rows].join('\r\n')], name, { type: 'text/csv' });

function open(execute = vi.fn(async () => true), client = core()) {
  const onClose = vi.fn();
  const r = renderWithClient(<ImportClaimsDialog caseId="c1" sources={[source]} execute={execute} onClose={onClose} />, client);
  return { ...r, execute, onClose, client };
}

describe('Import claims dialog', () => {
  it('previews the rows it will import and refuses the others with their line and reason, then imports as one step', async () => {
    const { user, execute, onClose } = open();
    await user.upload(
      screen.getByLabelText('Claims sheet (CSV)'),
      sheet(['base-report.txt,casualties,"wounded 14 people",wounded,14,Base attack', 'missing-report.txt,casualties,"wounded 14 people",wounded,14,']),
    );
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('1 row will be imported, with 1 new event (Base attack); 1 row is refused');
    expect(screen.getByRole('list', { name: 'Refused rows' })).toHaveTextContent(/Line 3.*missing-report\.txt/);
    await user.click(screen.getByRole('button', { name: 'Import 1 claim' }));
    expect(execute).toHaveBeenCalledTimes(1);
    const [command, label] = execute.mock.calls[0] as unknown as [{ type: string; payload: { commands: Array<{ type: string }> } }, string];
    expect(command.type).toBe('batch');
    expect(command.payload.commands.map((c) => c.type)).toContain('claim.create');
    expect(label).toBe('Import 1 claim from coded.csv');
    expect(onClose).toHaveBeenCalled();
  });

  it('imports nothing when no row can be imported, and says why', async () => {
    const { user, execute } = open();
    await user.upload(screen.getByLabelText('Claims sheet (CSV)'), sheet(['base-report.txt,casualties,"Seven hundred tanks rolled in",killed,700,']));
    await screen.findByRole('region', { name: 'Preview' });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('No row of this sheet can be imported; see the reasons below.')).toBeInTheDocument();
    expect(execute).not.toHaveBeenCalled();
  });

  it('asks for a UTF-8 sheet when the file is not one, before reading the case', async () => {
    const { user, client } = open();
    const latin1 = new File([new Uint8Array([0x73, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x0d, 0x0a, 0xe9, 0xe8])], 'excel.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Claims sheet (CSV)'), latin1);
    expect(await screen.findByText('excel.csv is not UTF-8 text. Save the sheet as “CSV UTF-8” and choose it again.')).toBeInTheDocument();
    expect(client.calls).toEqual([]);
  });

  it('stays open with its preview when the import is refused', async () => {
    const { user, onClose } = open(vi.fn(async () => false));
    await user.upload(screen.getByLabelText('Claims sheet (CSV)'), sheet(['base-report.txt,casualties,"Two guards were killed",killed,two,']));
    await user.click(await screen.findByRole('button', { name: 'Import 1 claim' }));
    expect(await screen.findByText('The claims could not be imported; see the message at the top. Nothing was changed.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Preview' })).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
