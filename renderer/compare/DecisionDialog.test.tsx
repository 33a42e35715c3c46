// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionStatus, Row } from '../../shared/compare/conflicts.ts';
import { killedRow } from '../../tests/support/compare-rows.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';

function open(status: DecisionStatus, opts: { row?: Row; save?: boolean } = {}) {
  const row = opts.row ?? killedRow().row;
  const onSave = vi.fn(async (_note: string) => opts.save ?? true);
  const onClose = vi.fn();
  const r = renderWithClient(<DecisionDialog row={row} eventTitle="Shelling of a depot" status={status} onSave={onSave} onClose={onClose} />, fakeClient({}));
  return { ...r, onSave, onClose, row };
}

describe('Decision dialog', () => {
  it('shows the row and why it was flagged, and saves the note as written (trimmed)', async () => {
    const { user, onSave, onClose, row } = open('explained');
    expect(screen.getByRole('dialog', { name: 'Explain the disagreement' })).toHaveTextContent('Shelling of a depot');
    expect(screen.getByText(row.why)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Note: why the sources differ'), '  Herald B counts only soldiers. ');
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    expect(onSave).toHaveBeenCalledWith('Herald B counts only soldiers.');
    expect(onClose).toHaveBeenCalled();
  });

  it('asks for a note before explaining or dismissing, beside the box, and saves nothing', async () => {
    for (const [status, action] of [
      ['explained', 'Explain'],
      ['dismissed', 'Dismiss'],
    ] as const) {
      const { user, onSave, unmount } = open(status);
      const box = screen.getByRole('textbox');
      await user.type(box, '   ');
      await user.click(screen.getByRole('button', { name: action }));
      expect(box).toHaveAttribute('aria-invalid', 'true');
      expect(box).toHaveAccessibleDescription(`Write a note: say why the row is ${status}.`);
      expect(onSave).not.toHaveBeenCalled();
      unmount();
    }
  });

  it('confirms without a note', async () => {
    const { user, onSave } = open('confirmed');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(onSave).toHaveBeenCalledWith('');
  });

  it('opens on the note of the same decision, and Cancel saves nothing', async () => {
    const base = killedRow().row;
    const row: Row = {
      ...base,
      decision: {
        eventId: 'e1',
        rowKey: base.key,
        status: 'dismissed',
        note: 'Old rumour',
        at: '2024-05-01T10:00:00.000Z',
        verdict: base.verdict,
        claims: base.claims,
      },
    };
    const { user, onSave, onClose } = open('dismissed', { row });
    const box = screen.getByLabelText('Note: why this flag does not matter');
    expect(box).toHaveValue('Old rumour');
    await user.type(box, ', withdrawn');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
    // A different decision on the row starts from an empty note.
    open('explained', { row });
    expect(screen.getByLabelText('Note: why the sources differ')).toHaveValue('');
  });

  it('stays open with a message when the save fails', async () => {
    const { user, onClose } = open('explained', { save: false });
    await user.type(screen.getByRole('textbox'), 'Different days');
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The decision could not be saved');
    expect(screen.getByRole('textbox')).toHaveValue('Different days');
    expect(onClose).not.toHaveBeenCalled();
  });
});
