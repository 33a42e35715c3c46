// Turns what a transport carried back into the operation's output (checked against the contract)
// or an ApiError. Shared by every transport so they fail the same way.
import { api, LARGE_REPLIES, type OpName, type Output, type Reply } from '../../shared/api.ts';
import { ApiError } from '../../shared/errors.ts';

export function unwrapReply<K extends OpName>(op: K, reply: unknown): Output<K> {
  const r = reply as Reply | null;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
    throw new ApiError('INTERNAL', `Corroborate’s core sent an unreadable answer to “${op}”. Restart the app and try again.`);
  }
  if (!r.ok) throw ApiError.from(r.error);
  // A large reply (a case's claims) is checked by the core's tests, not parsed again here.
  if (LARGE_REPLIES.has(op)) {
    if (r.value && typeof r.value === 'object') return r.value as Output<K>;
    throw new ApiError(
      'INTERNAL',
      `Corroborate’s core answered “${op}” in an unexpected shape. The app and its core may be different versions; restart the app.`,
    );
  }
  const parsed = api[op].output.safeParse(r.value);
  if (!parsed.success) {
    throw new ApiError(
      'INTERNAL',
      `Corroborate’s core answered “${op}” in an unexpected shape. The app and its core may be different versions; restart the app.`,
    );
  }
  return parsed.data as Output<K>;
}
