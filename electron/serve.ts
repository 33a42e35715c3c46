// Browser mode's host: the core behind a loopback HTTP server. It listens on 127.0.0.1 only, on a
// random port, and answers only requests that carry this launch's token (set as a cookie when the
// printed link is first opened) and name our own Host and Origin, so neither other local users'
// pages nor DNS-rebinding sites can reach a case.
// A window this process opens itself gets a launch code instead of the token (launchUrl): the code is
// traded once for the cookie and is then dead, so a command line other users can read (/proc/<pid>/cmdline)
// never carries anything that still opens the case.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { decodeFrame, encodeFrame } from '../shared/wire.ts';
import { MAX_IMPORT_BYTES, formatBytes } from '../shared/limits.ts';
import type { Reply } from '../shared/api.ts';
import type { Core } from './core/core.ts';
import { CONTENT_SECURITY_POLICY } from './protocol.ts';

// The same policy as the Electron window's (protocol.ts): one UI, one policy, whichever host serves it.
export { CONTENT_SECURITY_POLICY };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/** Where the page listens for changes made by other windows (behind the token like everything else). */
export const FEED_PATH = '/feed';

/** How long a launch code waits for its window before it dies unused. */
export const LAUNCH_CODE_TTL_MS = 120_000;

/** Room for the largest importable file plus the frame around it. */
const MAX_BODY = MAX_IMPORT_BYTES + 1024 * 1024;

export interface ServerHandle {
  url: string;
  origin: string;
  token: string;
  port: number;
  /** A one-time address for a window we open ourselves: its code works once, within LAUNCH_CODE_TTL_MS. */
  launchUrl(onUsed?: () => void): string;
  close(): Promise<void>;
}

export async function startServer(opts: { core: Core; staticDir: string; port?: number }): Promise<ServerHandle> {
  const token = randomBytes(24).toString('base64url');
  const staticRoot = resolve(opts.staticDir);
  let port = 0;
  const cookieName = () => `corroborate_${port}`;
  /** Unused launch codes and when each dies. */
  const launchCodes = new Map<string, { until: number; onUsed?: () => void }>();
  const takeLaunchCode = (code: string): boolean => {
    const entry = launchCodes.get(code);
    launchCodes.delete(code);
    if (entry === undefined || entry.until < Date.now()) return false;
    entry.onUsed?.();
    return true;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${e instanceof Error ? e.message : String(e)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain', 'Forbidden host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, 'text/plain', 'Forbidden origin.');

    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'The address is malformed (a broken %-escape); open the link Corroborate printed.');
    }
    const given = url.searchParams.get('token');
    const launch = url.searchParams.get('launch');
    if (launch !== null) {
      if (!takeLaunchCode(launch))
        return unauthorized(res, 'This launch link has been used already or has expired; start Corroborate again to get a new window.');
    } else if (given !== null && !sameToken(given, token)) return unauthorized(res);
    if (launch !== null || given !== null) {
      url.searchParams.delete('token');
      url.searchParams.delete('launch');
      res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', url.pathname + url.search);
      return send(res, 303, 'text/plain', 'Opening Corroborate…');
    }
    if (!sameToken(cookieOf(req, cookieName()) ?? '', token)) return unauthorized(res);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST.');
      if (req.headers['content-type'] !== 'application/octet-stream') return send(res, 415, 'text/plain', 'Expected a framed request.');
      const op = pathname.slice('/api/'.length);
      const tooLarge: Reply = {
        ok: false,
        error: {
          code: 'TOO_LARGE',
          message: `That request is larger than ${formatBytes(MAX_BODY)}; Corroborate imports files up to ${formatBytes(MAX_IMPORT_BYTES)}.`,
        },
      };
      // A declared size past the limit is answered at once and the connection closed, not drained.
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.destroy());
        return sendReply(res, tooLarge);
      }
      const body = await readBody(req, MAX_BODY);
      let reply: Reply;
      if (body === null) {
        reply = tooLarge;
      } else {
        let input: unknown;
        try {
          input = decodeFrame(body);
        } catch {
          reply = { ok: false, error: { code: 'INVALID_INPUT', message: 'The request could not be read.' } };
          return sendReply(res, reply);
        }
        reply = await opts.core.reply(op, input);
      }
      return sendReply(res, reply);
    }

    if (url.pathname === FEED_PATH) return feed(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed.');
    return serveStatic(res, pathname);
  }

  /** `pathname` is already percent-decoded. */
  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(staticRoot, rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return send(res, 403, 'text/plain', 'Forbidden path.');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'text/plain', 'Not found.');
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.setHeader('Cache-Control', rel === 'index.html' ? 'no-store' : 'private, max-age=3600');
    return send(res, 200, type, await readFile(file));
  }

  /** The change feed as server-sent events: one `data:` line (case id and claims version) per change. */
  function feed(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Use GET.');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': connected\n\n');
    const stop = opts.core.watch((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
    req.on('close', stop);
  }

  function unauthorized(
    res: ServerResponse,
    why = 'This Corroborate window needs its link: open the address (with its token) that Corroborate printed when it started.',
  ): void {
    send(res, 401, 'text/plain; charset=utf-8', why);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const originUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${originUrl}/?token=${token}`,
    origin: originUrl,
    token,
    port,
    launchUrl: (onUsed) => {
      const code = randomBytes(24).toString('base64url');
      launchCodes.set(code, { until: Date.now() + LAUNCH_CODE_TTL_MS, onUsed });
      return `${originUrl}/?launch=${code}`;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.end(body);
}

function sendReply(res: ServerResponse, reply: Reply): void {
  res.setHeader('Cache-Control', 'no-store');
  send(res, 200, 'application/octet-stream', encodeFrame(reply));
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** The body, or null once it passes `limit` (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      if (!over) chunks.push(c);
    });
    req.on('end', () => ok(over ? null : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', fail);
  });
}
