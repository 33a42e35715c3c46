// @vitest-environment jsdom
// The Clashes dialog as a user meets it, over the real clashes store (useClashes) and a fake core.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Clash } from '../../shared/exchange/bundle.ts';
import { ApiError } from '../../shared/errors.ts';
import { blankClaim } from '../../shared/model/claims.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { useClient } from '../components/context.ts';
import { ClashesButton } from './ClashesDialog.tsx';
import { useClashes } from './useClashes.ts';

const T = '2025-03-01T10:00:00.000Z';
const claim = (note: string) => ({ ...blankClaim('casualties', { id: 'c1', sourceId: 's1', annotationId: 'a1', created: T }), note });
const clash = (over: Partial<Clash> = {}): Clash => ({
  id: 'x1',
  type: 'claim',
  recordId: 'c1',
  current: claim('ours: fourteen wounded'),
  other: claim('theirs: twelve wounded'),
  found: T,
  from: 'Merged from “Desk B” (1 March 2025)',
  resolved: false,
  ...over,
});
const context = { annotations: [{ id: 'a1', targets: [{ exact: 'wounded 14 people' }] }] } as never;

function Harness(props: { onChanged: () => void }) {
  const store = useClashes(useClient(), 'case-1');
  return <ClashesButton store={store} context={context} onChanged={props.onChanged} />;
}

function setup(answers: Parameters<typeof fakeClient>[0]) {
  const client = fakeClient(answers);
  const onChanged = vi.fn();
  return { client, onChanged, ...renderWithClient(<Harness onChanged={onChanged} />, client) };
}

describe('Clashes dialog', () => {
  it('shows the two versions side by side and uses the set-aside one on request', async () => {
    const { client, onChanged, user } = setup({
      'clashes.list': { clashes: [clash()] },
      'clashes.resolve': { clashes: [clash({ resolved: true })] },
    });
    await user.click(await screen.findByRole('button', { name: 'Clashes (1)' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge clashes' });
    const table = within(dialog).getByRole('table', { name: /Fields that differ in Casualties “wounded 14 people”/ });
    const note = within(table).getByRole('row', { name: /note/ });
    expect(note).toHaveTextContent('ours: fourteen wounded');
    expect(note).toHaveTextContent('theirs: twelve wounded');
    expect(within(dialog).getByText(/Merged from “Desk B”/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: /^Use the set-aside version of Casualties/ }));
    expect(client.calls.at(-1)).toEqual({ op: 'clashes.resolve', input: { caseId: 'case-1', clashId: 'x1', keep: 'other' } });
    expect(await within(dialog).findByRole('status')).toHaveTextContent(/Now using the set-aside version of Casualties/);
    expect(within(dialog).getByText('No clashes left to settle.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1); // the window reads the case again: a record changed

    // What was settled stays there to read, marked so.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Show resolved (1)' }));
    const resolved = within(dialog).getByRole('group', { name: 'Resolved clashes' });
    expect(within(resolved).getByRole('heading', { level: 3 })).toHaveTextContent('settled');
    expect(within(resolved).queryByRole('button')).toBeNull();
  });

  it('keeps the version in use without reading the case again', async () => {
    const { client, onChanged, user } = setup({
      'clashes.list': { clashes: [clash()] },
      'clashes.resolve': { clashes: [clash({ resolved: true })] },
    });
    await user.click(await screen.findByRole('button', { name: 'Clashes (1)' }));
    await user.click(screen.getByRole('button', { name: /^Keep the version in use of Casualties/ }));
    expect(client.calls.at(-1)).toMatchObject({ op: 'clashes.resolve', input: { keep: 'current' } });
    expect(await screen.findByRole('status')).toHaveTextContent(/Kept the version in use of Casualties/);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('says why a clash could not be settled, and leaves it to settle again', async () => {
    const { user } = setup({
      'clashes.list': { clashes: [clash()] },
      'clashes.resolve': () => {
        throw new ApiError('NOT_FOUND', 'That clash is no longer listed; it may have been resolved already.');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Clashes (1)' }));
    await user.click(screen.getByRole('button', { name: /^Use the set-aside version of Casualties/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/The clash could not be settled: .*no longer listed/);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Use the set-aside version of Casualties/ })).toBeEnabled());
  });

  it('shows no Clashes button while there is nothing to settle', async () => {
    const { client } = setup({ 'clashes.list': { clashes: [clash({ resolved: true })] } });
    await waitFor(() => expect(client.calls).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /^Clashes/ })).toBeNull();
  });
});
