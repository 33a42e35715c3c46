// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GradeOverride } from '../../shared/compare/grade.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { GradeDialog } from './GradeDialog.tsx';

function open(opts: { existing?: GradeOverride | null; save?: boolean } = {}) {
  const onSave = vi.fn(async (_o: GradeOverride) => opts.save ?? true);
  const onClose = vi.fn();
  const r = renderWithClient(
    <GradeDialog
      eventId="e1"
      eventTitle="Shelling of a depot"
      computed="fair"
      why="Two independent sources report it."
      existing={opts.existing ?? null}
      onSave={onSave}
      onClose={onClose}
    />,
    fakeClient({}),
  );
  return { ...r, onSave, onClose };
}

describe('Override grade dialog', () => {
  it('starts from the computed grade and why, and saves the grade and note chosen', async () => {
    const { user, onSave, onClose } = open();
    expect(screen.getByRole('dialog', { name: 'Override grade' })).toHaveTextContent('The rules give Fair. Two independent sources report it.');
    const grade = screen.getByRole('combobox', { name: 'Grade' });
    expect(grade).toHaveValue('fair');
    await user.selectOptions(grade, screen.getByRole('option', { name: /^Discounted — / }));
    await user.type(screen.getByLabelText('Note: why you set it by hand'), '  The strike hit the next village. ');
    await user.click(screen.getByRole('button', { name: 'Save grade' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0][0]).toMatchObject({ eventId: 'e1', grade: 'discounted', note: 'The strike hit the next village.', by: null });
    expect(onClose).toHaveBeenCalled();
  });

  it('asks why the grade is set by hand, and saves nothing without a note', async () => {
    const { user, onSave } = open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Grade' }), 'weak');
    await user.click(screen.getByRole('button', { name: 'Save grade' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Say why the grade is overridden.');
    expect(screen.getByLabelText('Note: why you set it by hand')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Note: why you set it by hand')).toHaveAccessibleDescription('Say why the grade is overridden.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('opens on a saved override, and Cancel saves nothing', async () => {
    const existing: GradeOverride = { eventId: 'e1', grade: 'contested', note: 'Two groups claim it', by: null, at: '2024-05-01T10:00:00.000Z' };
    const { user, onSave, onClose } = open({ existing });
    expect(screen.getByRole('combobox', { name: 'Grade' })).toHaveValue('contested');
    expect(screen.getByLabelText('Note: why you set it by hand')).toHaveValue('Two groups claim it');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Grade' }), 'confirmed');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });

  it('stays open with a message when the save fails', async () => {
    const { user, onClose } = open({ save: false });
    await user.type(screen.getByLabelText('Note: why you set it by hand'), 'Checked');
    await user.click(screen.getByRole('button', { name: 'Save grade' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The grade could not be saved');
    expect(onClose).not.toHaveBeenCalled();
  });
});
