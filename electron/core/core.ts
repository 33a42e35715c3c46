// The core service: validates every call against the contract and dispatches to its handler.
// Hosts (Electron IPC, the loopback server, the CLI) are thin adapters over `Core.call`.
import { z } from 'zod';
import { api, isOpName, LARGE_REPLIES, type AppInfo, type FeedEvent, type Handlers, type Reply } from '../../shared/api.ts';
import { ApiError } from '../../shared/errors.ts';
import { diskError } from './store/disk-errors.ts';

export interface Core {
  readonly info: AppInfo;
  /** Validates `input` with the operation's schema, runs it, validates the output (large ones when checking replies). Throws ApiError. */
  call(op: string, input: unknown): Promise<unknown>;
  /** The same, never throwing: what transports send back. */
  reply(op: string, input: unknown): Promise<Reply>;
  /** The change feed: every change to a case's claims (case id, version), and import progress. */
  watch(fn: (e: FeedEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * `checkReplies` validates every reply, large ones too (tests turn it on); otherwise the large
 * replies of LARGE_REPLIES, built from records parsed when they were read, go out as they are.
 */
export function makeCore(info: AppInfo, handlers: Handlers, close: () => Promise<void>, opts: { checkReplies?: boolean; watch?: Core['watch'] } = {}): Core {
  const checkReplies = opts.checkReplies ?? false;
  const watch = opts.watch ?? (() => () => undefined);
  async function call(op: string, input: unknown): Promise<unknown> {
    if (!isOpName(op)) throw new ApiError('NOT_FOUND', `Unknown operation “${op}”.`);
    const spec = api[op];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ApiError('INVALID_INPUT', describeIssues(parsed.error), { issues: parsed.error.issues });
    const handler = handlers[op] as (i: unknown) => Promise<unknown>;
    const out = await handler(parsed.data);
    return checkReplies || !LARGE_REPLIES.has(op) ? spec.output.parse(out) : out;
  }
  async function reply(op: string, input: unknown): Promise<Reply> {
    try {
      return { ok: true, value: await call(op, input) };
    } catch (e) {
      return { ok: false, error: toApiError(e).toJSON() };
    }
  }
  return { info, call, reply, watch, close };
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const disk = diskError(e);
  if (disk instanceof ApiError) return disk;
  if (e instanceof z.ZodError) return new ApiError('INTERNAL', `Stored data did not match its schema: ${describeIssues(e)}`);
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError('INTERNAL', `Something went wrong inside Corroborate: ${message}`);
}

export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
