// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Event } from '../../shared/model/claims.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { EventDialog } from './EventDialog.tsx';

function open(opts: { initial?: Event; save?: boolean } = {}) {
  const onCreate = vi.fn(async (_e: Event) => opts.save ?? true);
  const onClose = vi.fn();
  const r = renderWithClient(<EventDialog initial={opts.initial} onCreate={onCreate} onClose={onClose} />, fakeClient({}));
  return { ...r, onCreate, onClose };
}
// jsdom's date inputs take a value set directly, not typed keys.
const setDate = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('New event dialog', () => {
  it('creates the event as entered: a one-day date range, the place and its precision, the type', async () => {
    const { user, onCreate, onClose } = open();
    await user.type(screen.getByLabelText('Title'), 'Rocket attack on the base');
    setDate('From', '2020-03-11');
    await user.type(screen.getByLabelText('Type'), 'rocket attack');
    await user.type(screen.getByLabelText('Place'), ' Camp Taji, Iraq ');
    await user.selectOptions(screen.getByLabelText('Place precision'), 'exact');
    await user.click(screen.getByRole('button', { name: 'Create event' }));
    expect(onCreate).toHaveBeenCalledTimes(1);
    expect(onCreate.mock.calls[0][0]).toMatchObject({
      title: 'Rocket attack on the base',
      start: '2020-03-11',
      end: '2020-03-11',
      precision: 'day',
      place: 'Camp Taji, Iraq',
      placePrecision: 'exact',
      type: 'rocket attack',
      actorIds: [],
      aggregate: false,
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('names what is wrong beside its field and creates nothing: no title, an end before the start', async () => {
    const { user, onCreate } = open();
    await user.click(screen.getByRole('button', { name: 'Create event' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('An event needs a title.');

    await user.type(title, 'Shelling');
    setDate('From', '2021-06-05');
    setDate('To', '2021-06-04');
    await user.click(screen.getByRole('button', { name: 'Create event' }));
    expect(title).not.toHaveAttribute('aria-invalid', 'true');
    const to = screen.getByLabelText('To');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('the event ends before it starts');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('edits an event keeping its id, creation time and what the form does not show; Cancel saves nothing', async () => {
    const initial: Event = {
      id: 'e_kept',
      title: 'Shelling of a depot',
      start: '2021-06-04',
      end: '2021-06-04',
      precision: 'day',
      place: null,
      placePrecision: null,
      type: null,
      actorIds: ['a1'],
      aggregate: true,
      note: 'Running count',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-01T10:00:00.000Z',
    };
    const first = open({ initial });
    expect(screen.getByRole('dialog', { name: 'Edit event' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Shelling of a depot');
    await first.user.clear(screen.getByLabelText('Title'));
    await first.user.type(screen.getByLabelText('Title'), 'Shelling of the fuel depot');
    await first.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(first.onCreate).not.toHaveBeenCalled();
    expect(first.onClose).toHaveBeenCalled();
    first.unmount();

    const { user, onCreate } = open({ initial });
    await user.type(screen.getByLabelText('Title'), ' (east)');
    await user.click(screen.getByRole('button', { name: 'Save event' }));
    expect(onCreate.mock.calls[0][0]).toMatchObject({
      id: 'e_kept',
      title: 'Shelling of a depot (east)',
      actorIds: ['a1'],
      aggregate: true,
      note: 'Running count',
      created: '2024-05-01T10:00:00.000Z',
    });
    expect(onCreate.mock.calls[0][0].modified).not.toBe(initial.modified);
  });

  it('stays open with a message when the save fails, keeping what was entered', async () => {
    const { user, onClose } = open({ save: false });
    await user.type(screen.getByLabelText('Title'), 'Drone strike');
    await user.click(screen.getByRole('button', { name: 'Create event' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The event could not be saved; see the message at the top.');
    expect(screen.getByLabelText('Title')).toHaveValue('Drone strike');
    expect(onClose).not.toHaveBeenCalled();
  });
});
