import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../shared/wire.ts';
import type { Reply } from '../shared/api.ts';
import { blankClaim } from '../shared/model/claims.ts';
import { createCore, type Core } from './core/index.ts';
import { startServer, type ServerHandle } from './serve.ts';

let core: Core;
let server: ServerHandle;
let cookie = '';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {}): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

async function api(op: string, input: unknown, headers: Record<string, string> = { cookie }): Promise<Reply> {
  const res = await raw(`/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: encodeFrame(input) });
  expect(res.status).toBe(200);
  return decodeFrame(new Uint8Array(res.body)) as Reply;
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'corroborate-serve-'));
  const staticDir = join(root, 'static');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Corroborate</title>');
  await writeFile(join(root, 'secret.txt'), 'not for the web');
  core = await createCore({ dataDir: join(root, 'data'), host: 'browser' });
  server = await startServer({ core, staticDir });
});

afterAll(async () => {
  await server.close();
  await core.close();
});

describe('loopback server', () => {
  it('listens on 127.0.0.1 and prints a link with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses requests without the token', async () => {
    expect((await raw('/')).status).toBe(401);
    expect((await raw('/?token=wrong')).status).toBe(401);
    const r = await raw('/api/cases.list', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: encodeFrame({}) });
    expect(r.status).toBe(401);
  });

  it('trades the token link for an HttpOnly SameSite cookie and drops the token from the address', async () => {
    const r = await raw(`/?token=${server.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    cookie = set.split(';')[0];
    const page = await raw('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('refuses a foreign Host (DNS rebinding) or Origin even with the token', async () => {
    expect((await raw('/', { headers: { cookie, host: `evil.example:${server.port}` } })).status).toBe(403);
    const r = await raw('/api/cases.list', {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/octet-stream' },
      body: encodeFrame({}),
    });
    expect(r.status).toBe(403);
  });

  it('serves nothing outside the UI folder', async () => {
    expect((await raw('/../secret.txt', { headers: { cookie } })).status).not.toBe(200);
    expect((await raw('/%2e%2e/secret.txt', { headers: { cookie } })).status).not.toBe(200);
    expect((await raw('/..%2fsecret.txt', { headers: { cookie } })).status).toBe(403);
  });

  it('runs contract operations and returns validation errors as replies', async () => {
    const created = await api('cases.create', { name: 'Camp Taji' });
    expect(created.ok).toBe(true);
    const bad = await api('cases.create', { name: '   ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await api('nope', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('carries file bytes through the frame untouched', async () => {
    const created = (await api('cases.create', { name: 'Bytes' })) as { ok: true; value: { id: string } };
    const text = 'Rockets struck the base on Wednesday, officials said.\n\nAbout a dozen people were wounded.';
    const imported = await api('sources.import', { caseId: created.value.id, name: 'report.txt', data: new TextEncoder().encode(text) });
    expect(imported.ok).toBe(true);
    const source = (imported as { value: { source: { id: string } } }).value.source;
    const original = (await api('sources.original', { caseId: created.value.id, sourceId: source.id })) as { ok: true; value: { data: Uint8Array } };
    expect(new TextDecoder().decode(original.value.data)).toBe(text);
  });
});

describe('the change feed', () => {
  it('streams a case id and claims version to a window holding the token after each edit, and nothing without it', async () => {
    expect((await raw('/feed')).status).toBe(401);
    const made = (await api('cases.create', { name: 'Feed' })) as { ok: true; value: { id: string } };
    const caseId = made.value.id;
    const pasted = (await api('sources.paste', { caseId, text: 'Officials said 12 rockets hit the base.' })) as { ok: true; value: { source: { id: string } } };
    const view = (await api('claims.view', { caseId })) as { ok: true; value: { version: number } };
    const got = new Promise<string>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/feed', headers: { host: `127.0.0.1:${server.port}`, cookie } }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
          const line = text.split('\n').find((l) => l.startsWith('data: '));
          if (line) {
            ok(line.slice('data: '.length));
            req.destroy();
          }
        });
      });
      req.on('error', (e) => (e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : fail(e)));
      req.end();
      // Once connected, an edit made through another window's call.
      setTimeout(() => {
        const t = '2024-05-01T00:00:00.000Z';
        const sourceId = pasted.value.source.id;
        void api('claims.execute', {
          caseId,
          command: {
            type: 'claim.create',
            payload: {
              annotation: {
                id: 'a_feed',
                sourceId,
                kind: 'note',
                created: t,
                modified: t,
                targets: [{ start: 15, end: 25, exact: '12 rockets', prefix: 'Officials said ', suffix: ' hit the base.' }],
              },
              claim: blankClaim('note', { id: 'c_feed', sourceId, annotationId: 'a_feed', created: t, text: '12 rockets' }),
              at: null,
            },
          },
        }).then((r) => (r.ok ? undefined : fail(new Error(JSON.stringify(r.error)))));
      }, 200);
    });
    expect(JSON.parse(await got)).toEqual({ kind: 'claims', caseId, version: view.value.version + 1 });
  });
});

describe('loopback server hardening', () => {
  it('opens a window on a one-time launch code: traded once for the cookie, then dead', async () => {
    const link = new URL(server.launchUrl());
    expect(link.searchParams.get('token')).toBeNull();
    expect(link.href).not.toContain(server.token);
    const first = await raw(link.pathname + link.search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const got = String(first.headers['set-cookie']).split(';')[0];
    expect((await raw('/', { headers: { cookie: got } })).status).toBe(200);
    const again = await raw(link.pathname + link.search);
    expect(again.status).toBe(401);
    expect(again.body.toString()).toMatch(/used already or has expired/);
    expect((await raw('/?launch=made-up')).status).toBe(401);
  });

  it('answers a malformed percent-encoding with 400, not 500', async () => {
    expect((await raw('/%E0%A4%A', { headers: { cookie } })).status).toBe(400);
    const r = await raw('/api/cases.%zz', { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body: encodeFrame({}) });
    expect(r.status).toBe(400);
    expect(r.body.toString()).toMatch(/malformed/);
  });

  it('refuses a huge declared Content-Length at once, without waiting for the body', async () => {
    const reply = await new Promise<Reply>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/cases.list',
          method: 'POST',
          headers: { host: `127.0.0.1:${server.port}`, cookie, 'content-type': 'application/octet-stream', 'content-length': String(50 * 1024 ** 3) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok(decodeFrame(new Uint8Array(Buffer.concat(chunks))) as Reply));
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') || e.message.includes('EPIPE') ? undefined : fail(e)));
      req.write(new Uint8Array(1024)); // a first kilobyte of the 50 GB it announces, and then nothing more
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('TOO_LARGE');
  });
});
