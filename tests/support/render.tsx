// Renders a renderer component for a component test (jsdom): inside the client context, with a
// client whose answers the test gives and whose calls it reads back.
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import type { Client, OpName } from '../../shared/api.ts';
import { ClientContext } from '../../renderer/components/context.ts';

// jsdom has <dialog> but not its modal methods: enough of them for the app's Dialog to open and close.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

afterEach(cleanup);

export interface FakeClient extends Client {
  calls: Array<{ op: OpName; input: unknown }>;
}

/** A client answering each op with `answers[op]` (a value, or a function of the input that may throw). */
export function fakeClient(answers: Partial<Record<OpName, unknown>>): FakeClient {
  const calls: FakeClient['calls'] = [];
  return {
    calls,
    call: (async (op: OpName, input: unknown) => {
      calls.push({ op, input });
      if (!(op in answers)) throw new Error(`the test gave no answer for ${op}`);
      const a = answers[op];
      return typeof a === 'function' ? (a as (i: unknown) => unknown)(input) : a;
    }) as Client['call'],
  };
}

export function renderWithClient(ui: ReactElement, client: Client): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  return { user, ...render(<ClientContext value={client}>{ui}</ClientContext>) };
}
