// @vitest-environment jsdom
// Export bundle… and Merge bundle… as a user meets them: what is exported, what a merge says.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Event } from '../../shared/model/claims.ts';
import { ApiError } from '../../shared/errors.ts';
import { sourceRecord } from '../../tests/support/bundle-fixtures.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { BundleActions } from './BundleActions.tsx';

const downloads: Array<{ name: string; bytes: number }> = [];
vi.mock('./bundleFile.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./bundleFile.ts')>()),
  downloadBytes: (name: string, data: Uint8Array) => downloads.push({ name, bytes: data.byteLength }),
}));

const sources = [sourceRecord('s_aaaaaaaa', 'One.').source, sourceRecord('s_bbbbbbbb', 'Two.').source];
const events = [{ id: 'e1', title: 'Rocket attack on the base' } as Event, { id: 'e2', title: 'Strike on the depot' } as Event];
const zip = { name: 'case-2025-03-01.corroborate.zip', data: new Uint8Array(2048) };

describe('Export bundle', () => {
  it('exports the whole case by default and says where the file went', async () => {
    downloads.length = 0;
    const client = fakeClient({ 'bundles.export': zip });
    const { user } = renderWithClient(<BundleActions caseId="c1" sources={sources} events={events} onMerged={() => {}} />, client);
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    const dialog = screen.getByRole('dialog', { name: 'Export bundle' });
    expect(within(dialog).getByRole('radio', { name: /The whole case \(2 sources, 2 events\)/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(client.calls).toEqual([{ op: 'bundles.export', input: { caseId: 'c1' } }]);
    expect(downloads).toEqual([{ name: zip.name, bytes: 2048 }]);
    expect(await within(dialog).findByText(`Saved “${zip.name}” (2 KB) to your downloads.`)).toHaveRole('status');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('exports only the chosen events, and asks for one before sending anything', async () => {
    const client = fakeClient({ 'bundles.export': zip });
    const { user } = renderWithClient(<BundleActions caseId="c1" sources={sources} events={events} onMerged={() => {}} />, client);
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    await user.click(screen.getByRole('radio', { name: /Chosen events/ }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Choose at least one event.')).toBeInTheDocument();
    expect(client.calls).toEqual([]);
    await user.click(screen.getByRole('checkbox', { name: 'Strike on the depot' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(client.calls).toEqual([{ op: 'bundles.export', input: { caseId: 'c1', eventIds: ['e2'] } }]);
  });

  it('says why the bundle could not be made, and keeps the choice', async () => {
    const client = fakeClient({
      'bundles.export': () => {
        throw new ApiError('DISK_FULL', 'The disk holding this case is full: free some space; nothing was saved.');
      },
    });
    const { user } = renderWithClient(<BundleActions caseId="c1" sources={sources} events={events} onMerged={() => {}} />, client);
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    await user.click(screen.getByRole('radio', { name: /Chosen sources/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Report s_aaaaaaaa' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText(/The bundle could not be made: The disk holding this case is full/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Report s_aaaaaaaa' })).toBeChecked();
  });
});

describe('Merge bundle', () => {
  const file = () => new File([new Uint8Array([80, 75, 3, 4, 1, 2])], 'desk-b.corroborate.zip', { type: 'application/zip' });

  it('merges the chosen file into this case and says what it brought and what it left out', async () => {
    const client = fakeClient({
      'bundles.import': {
        case: {},
        merge: { added: 3, updated: 1, unchanged: 4, clashes: 2, nothingChanged: false },
        notes: ['notes.txt: not a file a bundle holds; left out'],
      },
    });
    const onMerged = vi.fn();
    const { user } = renderWithClient(<BundleActions caseId="c1" sources={sources} events={events} onMerged={onMerged} />, client);
    await user.upload(screen.getByLabelText(/^Merge/), file());
    const dialog = await screen.findByRole('dialog', { name: 'Merge bundle' });
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Merged: 3 added, 1 updated, 2 clashes kept for review.');
    expect(within(dialog).getByRole('list', { name: 'Left out of the merge' })).toHaveTextContent('notes.txt');
    expect(client.calls[0]).toMatchObject({ op: 'bundles.import', input: { caseId: 'c1' } });
    expect(onMerged).toHaveBeenCalledTimes(1);
  });

  it('names the problem of a bad bundle and reads nothing into the case', async () => {
    const client = fakeClient({
      'bundles.import': () => {
        throw new ApiError('INVALID_INPUT', 'This is not a Corroborate bundle: manifest.json is missing.');
      },
    });
    const onMerged = vi.fn();
    const { user } = renderWithClient(<BundleActions caseId="c1" sources={sources} events={events} onMerged={onMerged} />, client);
    await user.upload(screen.getByLabelText(/^Merge/), file());
    expect(await screen.findByRole('alert')).toHaveTextContent('manifest.json is missing');
    expect(onMerged).not.toHaveBeenCalled();
  });
});
