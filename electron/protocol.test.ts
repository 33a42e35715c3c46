import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, isSafeExternalUrl, resolveAppFile, serveAppRequest } from './protocol.ts';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'corroborate-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>UI</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt')).catch(() => undefined);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves index.html for the origin root and files from the renderer folder, with their types', async () => {
    const index = await get('app://corroborate/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>UI</title>');

    const js = await get('app://corroborate/assets/app.js?v=1#x');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('puts the strict Content-Security-Policy on every response, errors included', async () => {
    for (const url of ['app://corroborate/index.html', 'app://corroborate/missing.js']) {
      const csp = (await get(url)).headers.get('content-security-policy') ?? '';
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe');
    }
  });

  it('refuses paths that leave the renderer folder, however they are spelled', async () => {
    const attempts = [
      'app://corroborate/%2e%2e/secret.txt',
      'app://corroborate/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://corroborate/..%2fsecret.txt',
      'app://corroborate/..%5csecret.txt',
      'app://corroborate/%2fetc%2fpasswd',
      'app://corroborate/assets/%00app.js',
      'app://corroborate/C:%5cWindows%5cwin.ini',
      'app://corroborate/assets//app.js',
    ];
    for (const url of attempts) {
      // The URL parser may fold `%2e%2e` away itself; either way nothing outside the folder is named.
      const file = resolveAppFile(root, url);
      if (file !== null) expect(file.startsWith(join(root, '/')), url).toBe(true);
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('outside the renderer folder');
    }
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const res = await get('app://corroborate/assets/link.txt');
    expect(res.status).toBe(404);
  });

  it('answers only its own origin and only GET/HEAD', async () => {
    expect(resolveAppFile(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://corroborate/index.html')).toBeNull();
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://corroborate/index.html', 'POST')).status).toBe(405);
    const head = await get('app://corroborate/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('recognises its own origin', () => {
    expect(isAppUrl('app://corroborate/index.html')).toBe(true);
    expect(isAppUrl('app://corroborate.evil.example/index.html')).toBe(false);
    expect(isAppUrl('https://corroborate/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('hands only https and mailto links to the operating system', () => {
    expect(isSafeExternalUrl('https://www.example.org/report')).toBe(true);
    expect(isSafeExternalUrl('mailto:desk@example.org')).toBe(true);
    for (const bad of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://corroborate/',
      'https://',
      'mailto:',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
  });
});
