// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Source } from '../../shared/model/source.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { MetadataDialog } from './MetadataDialog.tsx';

const source: Source = {
  id: 's_00000001',
  kind: 'text',
  file: 'report-1.txt',
  sha256: 'a'.repeat(64),
  originalExt: 'txt',
  bytes: 30,
  importedAt: '2024-05-01T10:00:00.000Z',
  title: { value: 'Report 1', confidence: 'medium', how: 'first line' },
  outlet: { value: null, confidence: 'none', how: '' },
  authors: { value: [], confidence: 'none', how: '' },
  published: { value: { date: '2024-04-30', precision: 'day' }, confidence: 'low', how: 'dateline' },
  url: null,
  language: 'en',
  direction: 'ltr',
  independenceGroup: null,
  notes: '',
  characters: 30,
  pages: null,
  warnings: [],
};

const open = (client = fakeClient({}), onSaved = vi.fn(), onClose = vi.fn()) => ({
  onSaved,
  onClose,
  client,
  ...renderWithClient(<MetadataDialog caseId="c1" source={source} groups={[]} onClose={onClose} onSaved={onSaved} />, client),
});

describe('Source details dialog', () => {
  it('saves only the fields that changed', async () => {
    const saved = { ...source, outlet: { value: 'Northern Courier', confidence: 'high' as const, how: 'set by you' } };
    const { user, client, onSaved } = open(fakeClient({ 'sources.update': saved }));
    await user.type(screen.getByLabelText('Outlet'), 'Northern Courier');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(client.calls).toEqual([{ op: 'sources.update', input: { caseId: 'c1', sourceId: source.id, patch: { outlet: 'Northern Courier' } } }]);
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('closes without a call when nothing changed', async () => {
    const { user, client, onClose } = open();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(client.calls).toEqual([]);
    expect(onClose).toHaveBeenCalled();
  });

  it('refuses an empty date beside the date field, with what to do, and sends nothing', async () => {
    const { user, client } = open();
    const date = screen.getByLabelText('Date');
    fireEvent.change(date, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/Enter the publication date, or tick “Date unknown”/);
    await waitFor(() => expect(date).toHaveFocus()); // focused on the next frame, once the error is shown
    expect(client.calls).toEqual([]);
  });

  it('says nothing was saved when the core refuses, and keeps what was typed', async () => {
    const client = fakeClient({
      'sources.update': () => {
        throw new Error('The disk holding this case is full.');
      },
    });
    const { user } = open(client);
    await user.type(screen.getByLabelText('Outlet'), 'Courier');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Nothing was saved: .*disk holding this case is full/)).toBeInTheDocument();
    expect(screen.getByLabelText('Outlet')).toHaveValue('Courier');
  });
});
