// The app:// protocol the Electron window loads its UI from: files come only from the built renderer
// folder, every response carries the Content-Security-Policy, and nothing else is reachable.
// Pure Node + Fetch API (no `electron` import), so it is unit-tested outside Electron.
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'corroborate';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** No remote content, no inline script or style, no plugins, no framing, no form posts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every app:// response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeFor = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** True for URLs of our own origin (app://corroborate/…), whatever the path. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is not ours or its path
 * could leave the folder (`..`, encoded separators, NUL, drive letters). "/" is index.html.
 * Lexical only; `serveAppRequest` also checks the real path so a symlink cannot lead outside.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path === '' || path === '/') path = '/index.html';
  const segments = path.split('/').slice(1);
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') return null;
    if (/[\\\0:]/.test(s)) return null;
  }
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  return isInside(root, file) ? file : null;
}

export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType?: string): Response {
  const headers = new Headers(SECURITY_HEADERS);
  if (contentType) headers.set('Content-Type', contentType);
  return new Response(body, { status, headers });
}

const notFound = () => respond(404, 'Not found', 'text/plain; charset=utf-8');

/** Answers one app:// request from the files in `rootDir` (the built renderer). */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const res = respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    res.headers.set('Allow', 'GET, HEAD');
    return res;
  }
  const file = resolveAppFile(rootDir, request.url);
  if (!file) return notFound();
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    if (!isInside(realRoot, realFile)) return notFound();
    const info = await stat(realFile);
    if (!info.isFile()) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
    const res = respond(200, body, contentTypeFor(realFile));
    res.headers.set('Content-Length', String(info.size));
    return res;
  } catch {
    return notFound();
  }
}

/** The only links handed to the operating system: web pages over https and e-mail addresses. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' && u.hostname !== '') || (u.protocol === 'mailto:' && u.pathname !== '');
  } catch {
    return false;
  }
}
