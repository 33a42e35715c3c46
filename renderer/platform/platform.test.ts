import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/errors.ts';
import { decodeFrame, encodeFrame } from '../../shared/wire.ts';
import { httpClient } from './http.ts';
import { ipcClient } from './ipc.ts';

const info = { version: '1', host: 'browser', dataDir: '/d', fixedCase: null };

afterEach(() => vi.unstubAllGlobals());

function stubFetch(respond: (op: string, input: unknown) => { status?: number; body: unknown }) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const op = decodeURIComponent(url.split('/').pop()!);
    const r = respond(op, decodeFrame(init.body as Uint8Array));
    const bytes = r.body instanceof Uint8Array ? r.body : encodeFrame(r.body);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: r.status ?? 200 });
  });
  return calls;
}

describe('httpClient', () => {
  it('opens one event stream per window however many watch the feed, and closes it with the last', () => {
    const opened: Array<{ url: string; closed: boolean; onmessage: ((m: { data: string }) => void) | null }> = [];
    vi.stubGlobal(
      'EventSource',
      class {
        onmessage: ((m: { data: string }) => void) | null = null;
        closed = false;
        url: string;
        constructor(url: string) {
          this.url = url;
          opened.push(this);
        }
        close() {
          this.closed = true;
        }
      },
    );
    const client = httpClient();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const stopA = client.watch!((e) => a.push(e));
    const stopB = client.watch!((e) => b.push(e));
    expect(opened).toHaveLength(1); // each open stream holds one of the browser's six connections to the host
    const event = { kind: 'claims', caseId: 'c1', version: 2 };
    opened[0].onmessage!({ data: JSON.stringify(event) });
    opened[0].onmessage!({ data: 'not json' });
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    stopA();
    expect(opened[0].closed).toBe(false);
    stopB();
    expect(opened[0].closed).toBe(true);
    client.watch!(() => {});
    expect(opened).toHaveLength(2); // a later watcher opens it again
  });

  it('posts the framed input to /api/<op> and returns the checked output, bytes intact', async () => {
    const data = new Uint8Array([0, 1, 2, 255]);
    let seen: unknown;
    const calls = stubFetch((op, input) => {
      seen = input;
      return { body: { ok: true, value: op === 'app.info' ? info : null } };
    });
    await expect(httpClient().call('app.info', {})).resolves.toEqual(info);
    expect(calls[0].url).toBe('/api/app.info');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect(calls[0].init.credentials).toBe('same-origin');

    await httpClient()
      .call('sources.import', { caseId: 'c1', name: 'a.txt', data })
      .catch(() => undefined);
    expect((seen as { data: Uint8Array }).data).toEqual(data);
  });

  it('turns an error reply into an ApiError with its code, message and details', async () => {
    stubFetch(() => ({ body: { ok: false, error: { code: 'CASE_CORRUPT', message: 'Damaged.', details: { backups: [] } } } }));
    const e = await httpClient()
      .call('cases.open', { caseId: 'c1' })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'CASE_CORRUPT', message: 'Damaged.', details: { backups: [] } });
  });

  it('says to reopen the printed link when the server refuses the token', async () => {
    stubFetch(() => ({ status: 401, body: new TextEncoder().encode('no token') }));
    const e = await httpClient()
      .call('app.info', {})
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'FORBIDDEN' });
    expect((e as Error).message).toMatch(/link/);
  });

  it('refuses an answer that does not match the contract', async () => {
    stubFetch(() => ({ body: { ok: true, value: { version: 1 } } }));
    await expect(httpClient().call('app.info', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('ipcClient', () => {
  it('forwards op and input to the preload bridge and unwraps its Reply', async () => {
    const bridge = { call: vi.fn(async () => ({ ok: true as const, value: info })) };
    await expect(ipcClient(bridge).call('app.info', {})).resolves.toEqual(info);
    expect(bridge.call).toHaveBeenCalledWith('app.info', {});
    bridge.call.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } } as never);
    await expect(ipcClient(bridge).call('app.info', {})).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Gone.' });
  });
});
