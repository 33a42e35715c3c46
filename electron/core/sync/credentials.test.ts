import { mkdtemp, readFile, rm, stat, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialStore, keychainBox, type SafeStorageLike } from './credentials.ts';

const dirs: string[] = [];
const temp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'corroborate-creds-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const DB = 'http://127.0.0.1:5984/taji-2020';

describe('remembered sync passwords', () => {
  it('are kept in a 0600 file in a 0700 folder under the data directory, beside cases/, and read back', async () => {
    const data = await temp();
    const store = CredentialStore.forDataDir(data);
    await store.set(DB, { username: 'amira', password: 's3cret' });
    expect(store.dir).toBe(join(data, 'credentials'));
    expect((await stat(store.dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(store.dir, 'sync.json'))).mode & 0o777).toBe(0o600);
    expect(await store.get(DB)).toEqual({ username: 'amira', password: 's3cret' });
    expect(await store.get('http://elsewhere/db')).toBeNull();
    await store.forget(DB);
    expect(await store.get(DB)).toBeNull();
  });

  it('close a folder that was left open to others before writing into it', async () => {
    const data = await temp();
    await mkdir(join(data, 'credentials'), { mode: 0o755 });
    await chmod(join(data, 'credentials'), 0o755);
    await CredentialStore.forDataDir(data).set(DB, { username: 'amira', password: 'pw' });
    expect((await stat(join(data, 'credentials'))).mode & 0o777).toBe(0o700);
  });

  it('are sealed by the keychain in the Electron host: the file holds no password, and a file-only reader gets nothing', async () => {
    const data = await temp();
    const safe: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
      decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
    };
    const store = CredentialStore.forDataDir(data, keychainBox(safe));
    await store.set(DB, { username: 'amira', password: 'never-in-clear' });
    const raw = await readFile(join(data, 'credentials', 'sync.json'), 'utf8');
    expect(raw).not.toContain('never-in-clear');
    expect(Buffer.from(JSON.parse(raw).entries[DB].secret, 'base64').toString()).not.toContain('never-in-clear');
    expect(await store.get(DB)).toEqual({ username: 'amira', password: 'never-in-clear' });
    expect(await CredentialStore.forDataDir(data).get(DB)).toBeNull();
  });

  it('fall back to the private file where safeStorage has no real keyring (Linux basic_text) or is not ready', () => {
    const plain = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    };
    expect(keychainBox(plain).kind).toBe('file');
    expect(keychainBox({ ...plain, isEncryptionAvailable: () => false, getSelectedStorageBackend: undefined }).kind).toBe('file');
    expect(keychainBox(undefined as unknown as SafeStorageLike).kind).toBe('file');
  });

  it('treat a damaged file as holding nothing (the user is asked again), and rewrite it whole on the next save', async () => {
    const data = await temp();
    await mkdir(join(data, 'credentials'), { mode: 0o700 });
    await (await import('node:fs/promises')).writeFile(join(data, 'credentials', 'sync.json'), '{"format":"corroborate-credentials","entries":{"x":1}}');
    const store = CredentialStore.forDataDir(data);
    expect(await store.get('x')).toBeNull();
    await (await import('node:fs/promises')).writeFile(join(data, 'credentials', 'sync.json'), '{"format":');
    expect(await store.get('x')).toBeNull();
    await store.set(DB, { username: 'a', password: 'b' });
    expect(await store.get(DB)).toEqual({ username: 'a', password: 'b' });
  });
});
