// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import { makeTarget } from '../../shared/text/anchor.ts';
import { count, EVENT, fig, T } from '../../tests/support/claim-makers.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { ClaimForm } from './ClaimForm.tsx';

const TEXT = 'Officials said at least 40 civilians were killed in the strike on Tuesday.';
const QUOTE = 'at least 40 civilians were killed';

function open(opts: { mode?: 'new' | 'edit'; claim?: Claim; save?: boolean } = {}) {
  const start = TEXT.indexOf(QUOTE);
  const annotation: Annotation = {
    id: 'an1',
    sourceId: 's_aaaaaa',
    targets: [makeTarget(TEXT, start, start + QUOTE.length)],
    kind: 'casualties',
    created: T,
    modified: T,
  };
  const claim = opts.claim ?? {
    ...count('s_aaaaaa', 'killed', fig(40, 40, null, 'at least 40'), { population: { affiliation: 'civilian' } }),
    annotationId: 'an1',
  };
  const onSave = vi.fn(async (_c: Command, _label: string) => opts.save ?? true);
  const onCancel = vi.fn();
  const r = renderWithClient(
    <ClaimForm
      draft={opts.mode === 'edit' ? { mode: 'edit', claim, annotation } : { mode: 'new', claim, annotation }}
      source={undefined}
      events={[EVENT]}
      actors={[]}
      onSave={onSave}
      onCancel={onCancel}
      onCreateEvent={async () => true}
      onDetails={() => undefined}
    />,
    fakeClient({}),
  );
  return { ...r, onSave, onCancel, claim };
}

const field = (name: string) => screen.getByLabelText(name, { exact: true });

describe('Claim form', () => {
  it('shows the passage and the figure it was given, and saves a new claim with its annotation as one command', async () => {
    const { user, onSave, onCancel } = open();
    expect(screen.getByRole('form', { name: 'Casualties claim' })).toHaveTextContent(QUOTE);
    expect(field('Low')).toHaveValue(40);
    expect(field('Best')).toHaveValue(40);
    expect(field('High')).toHaveValue(null);
    await user.clear(field('High'));
    await user.type(field('High'), '45');
    await user.click(screen.getByRole('button', { name: 'Save claim' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const [command, label] = onSave.mock.calls[0];
    expect(label).toMatch(/casualt/i);
    expect(command.type).toBe('claim.create');
    const payload = (command as Extract<Command, { type: 'claim.create' }>).payload;
    expect(payload.annotation?.id).toBe('an1');
    expect(payload.claim).toMatchObject({ kind: 'casualties', figure: { low: 40, best: 40, high: 45 } });
    expect(onCancel).toHaveBeenCalledTimes(1); // the form closes once saved
  });

  it('names a figure out of order beside its field, and saves nothing', async () => {
    const { user, onSave } = open();
    await user.clear(field('Low'));
    await user.type(field('Low'), '90');
    await user.click(screen.getByRole('button', { name: 'Save claim' }));
    expect(onSave).not.toHaveBeenCalled();
    const invalid = screen.getAllByRole('spinbutton').filter((el) => el.getAttribute('aria-invalid') === 'true');
    expect(invalid.length).toBeGreaterThan(0);
    for (const el of invalid) expect(el).toHaveAccessibleDescription(/./);
  });

  it('saves nothing on Cancel, and stays open with what was entered when the save fails', async () => {
    const first = open();
    await first.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(first.onCancel).toHaveBeenCalledTimes(1);
    expect(first.onSave).not.toHaveBeenCalled();
    first.unmount();

    const failing = open({ save: false });
    await failing.user.clear(field('Best'));
    await failing.user.type(field('Best'), '42');
    await failing.user.click(screen.getByRole('button', { name: 'Save claim' }));
    expect(failing.onSave).toHaveBeenCalledTimes(1);
    expect(failing.onCancel).not.toHaveBeenCalled();
    expect(field('Best')).toHaveValue(42);
  });

  it('edits a claim as a change of what changed, and an unchanged claim saves no command', async () => {
    const claim = { ...count('s_aaaaaa', 'killed', fig(40, 40, null, 'at least 40')), annotationId: 'an1' };
    const edited = open({ mode: 'edit', claim });
    await edited.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(edited.onSave).not.toHaveBeenCalled(); // nothing changed: nothing to undo later
    expect(edited.onCancel).toHaveBeenCalledTimes(1);
    edited.unmount();

    const again = open({ mode: 'edit', claim });
    await again.user.type(screen.getByLabelText('Note'), 'Hospital figure');
    await again.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(again.onSave).toHaveBeenCalledTimes(1);
    const [command, label] = again.onSave.mock.calls[0];
    expect(label).toBe('Edit claim');
    expect(command.type).toBe('claim.update');
  });
});
