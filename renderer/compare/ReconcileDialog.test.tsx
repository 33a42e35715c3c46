// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Reconciliation } from '../../shared/compare/reconcile.ts';
import { killedRow } from '../../tests/support/compare-rows.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { ReconcileDialog } from './ReconcileDialog.tsx';

function open(opts: { existing?: Reconciliation | null; save?: boolean } = {}) {
  const { row, claims, sourceName } = killedRow();
  const onSave = vi.fn(async (_r: Reconciliation) => opts.save ?? true);
  const onClose = vi.fn();
  const r = renderWithClient(
    <ReconcileDialog
      eventId="e1"
      eventTitle="Shelling of a depot"
      row={row}
      existing={opts.existing ?? null}
      claims={claims}
      sourceName={sourceName}
      quote={(id) => `quote of ${id}`}
      onSave={onSave}
      onClose={onClose}
    />,
    fakeClient({}),
  );
  return { ...r, onSave, onClose, row };
}

/** The Low / Best / High the dialog shows, as numbers (null for an open bound). */
function shown(): { low: number | null; best: number | null; high: number | null } {
  const result = screen.getByRole('region', { name: 'Result' });
  const value = (term: string) => {
    const dd = within(result).getByText(term, { selector: 'dt' }).nextElementSibling!.textContent!;
    return dd === 'open' ? null : Number(dd.replace(/,/g, ''));
  };
  return { low: value('Low'), best: value('Best'), high: value('High') };
}

describe('Reconcile figures dialog', () => {
  it('lists every claim on the row and saves what is shown: method, claims set aside with their reasons, rationale', async () => {
    const { user, onSave, onClose } = open();
    // Every side is listed with its source and its words.
    for (const name of ['Daily A', 'Herald B', 'Monitor C']) expect(screen.getByRole('checkbox', { name: new RegExp(`^Set aside ${name}`) })).not.toBeChecked();
    await user.click(screen.getByRole('radio', { name: /Minimum and maximum reported/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Set aside Monitor C: about a dozen' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason for setting aside Monitor C' }), 'Counts the wounded too');
    await user.type(screen.getByLabelText('Rationale'), '  The two direct counts bound the toll.  ');
    const figures = shown();
    expect(figures).toEqual({ low: 3, best: null, high: 5 }); // the dozen no longer counts; min–max gives no best
    await user.click(screen.getByRole('button', { name: 'Save reconciliation' }));

    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0][0];
    expect(saved).toMatchObject({
      eventId: 'e1',
      rowKey: 'killed|all',
      method: 'minmax',
      setAside: [{ claimId: expect.any(String), reason: 'Counts the wounded too' }],
      rationale: 'The two direct counts bound the toll.',
      ...figures,
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('says what is missing and saves nothing: a reason for each claim set aside, a rationale, manual figures that are numbers', async () => {
    const { user, onSave } = open();
    await user.click(screen.getByRole('checkbox', { name: 'Set aside Herald B: 5' }));
    await user.click(screen.getByRole('button', { name: 'Save reconciliation' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Say why each claim is set aside.');
    expect(screen.getByRole('textbox', { name: 'Reason for setting aside Herald B' })).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByRole('textbox', { name: 'Reason for setting aside Herald B' }), 'A later correction withdrew it');
    await user.click(screen.getByRole('button', { name: 'Save reconciliation' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Write a rationale: how you arrived at these figures.');
    expect(screen.getByLabelText('Rationale')).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText('Rationale'), 'By hand');
    await user.click(screen.getByRole('radio', { name: 'Manual' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Best' }), '-4');
    expect(screen.getByRole('region', { name: 'Result' })).toHaveTextContent('Manual figures are numbers of zero or more');
    await user.click(screen.getByRole('button', { name: 'Save reconciliation' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Manual figures are numbers of zero or more.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves manual figures as typed, an empty box as an open bound', async () => {
    const { user, onSave } = open();
    await user.click(screen.getByRole('radio', { name: 'Manual' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Low' }), '3');
    await user.type(screen.getByRole('spinbutton', { name: 'Best' }), '5');
    await user.type(screen.getByLabelText('Rationale'), 'The hospital list');
    expect(shown()).toEqual({ low: 3, best: 5, high: null });
    await user.click(screen.getByRole('button', { name: 'Save reconciliation' }));
    expect(onSave.mock.calls[0][0]).toMatchObject({ method: 'manual', low: 3, best: 5, high: null, rationale: 'The hospital list' });
  });

  it('opens on the saved reconciliation, and Cancel saves nothing', async () => {
    const first = open();
    await first.user.click(screen.getByRole('radio', { name: /Conservative/ }));
    await first.user.type(screen.getByLabelText('Rationale'), 'Lowest credible');
    await first.user.click(screen.getByRole('button', { name: 'Save reconciliation' }));
    const existing = first.onSave.mock.calls[0][0];
    first.unmount();

    const { user, onSave, onClose } = open({ existing });
    expect(screen.getByRole('radio', { name: /Conservative/ })).toBeChecked();
    expect(screen.getByLabelText('Rationale')).toHaveValue('Lowest credible');
    await user.clear(screen.getByLabelText('Rationale'));
    await user.type(screen.getByLabelText('Rationale'), 'Changed my mind');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });

  it('stays open with a message when the save fails, keeping what was entered', async () => {
    const { user, onClose } = open({ save: false });
    await user.type(screen.getByLabelText('Rationale'), 'Best of the three');
    await user.click(screen.getByRole('button', { name: 'Save reconciliation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The reconciliation could not be saved');
    expect(screen.getByLabelText('Rationale')).toHaveValue('Best of the three');
    expect(onClose).not.toHaveBeenCalled();
  });
});
