// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/errors.ts';
import { MAX_PASTE_CHARS } from '../../shared/limits.ts';
import { fakeClient, renderWithClient } from '../../tests/support/render.tsx';
import { PasteDialog } from './PasteDialog.tsx';

describe('Paste text dialog', () => {
  it('adds the pasted text with its title and hands back the import', async () => {
    const result = { imported: [], skipped: [] };
    const client = fakeClient({ 'sources.paste': result });
    const onDone = vi.fn();
    const { user } = renderWithClient(<PasteDialog caseId="c1" onClose={() => {}} onDone={onDone} />, client);
    await user.type(screen.getByLabelText(/Title/), 'Wire report');
    await user.type(screen.getByLabelText('Text'), 'Three soldiers were killed.');
    await user.click(screen.getByRole('button', { name: 'Add to case' }));
    expect(client.calls).toEqual([{ op: 'sources.paste', input: { caseId: 'c1', text: 'Three soldiers were killed.', title: 'Wire report' } }]);
    expect(onDone).toHaveBeenCalledWith(result);
  });

  it('says what to do, beside the text box, when there is nothing to add or too much', async () => {
    const client = fakeClient({});
    const { user } = renderWithClient(<PasteDialog caseId="c1" onClose={() => {}} onDone={() => {}} />, client);
    await user.click(screen.getByRole('button', { name: 'Add to case' }));
    const box = screen.getByLabelText('Text');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Paste some text first.');

    await user.click(box);
    await user.paste('x'.repeat(MAX_PASTE_CHARS + 1));
    await user.click(screen.getByRole('button', { name: 'Add to case' }));
    expect(box).toHaveAccessibleDescription(/limited to .* Save it to a file and import the file instead\./);
    expect(client.calls).toEqual([]); // nothing was sent
  });

  it('keeps the text and shows the core’s refusal when the import fails', async () => {
    const client = fakeClient({
      'sources.paste': () => {
        throw new ApiError('CASE_LOCKED', 'This case is open in another Corroborate window.');
      },
    });
    const { user } = renderWithClient(<PasteDialog caseId="c1" onClose={() => {}} onDone={() => {}} />, client);
    await user.type(screen.getByLabelText('Text'), 'Two were wounded.');
    await user.click(screen.getByRole('button', { name: 'Add to case' }));
    expect(await screen.findByText(/open in another Corroborate window/)).toBeInTheDocument();
    expect(screen.getByLabelText('Text')).toHaveValue('Two were wounded.');
    expect(screen.getByRole('button', { name: 'Add to case' })).toBeEnabled();
  });
});
