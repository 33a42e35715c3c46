import { describe, expect, it } from 'vitest';
import { parseBackupName } from './backups.ts';
import { CoalescingWriter } from './coalesce.ts';
import { defaultDataDir } from './data-dir.ts';
import { migrate, upgrade } from './migrations.ts';

describe('migrations', () => {
  const table = {
    1: (d: Record<string, unknown>) => ({ ...d, tags: [] }),
    2: (d: Record<string, unknown>) => ({ ...d, title: String(d.name) }),
  };
  it('apply each step in order and stamp the new version', () => {
    expect(migrate({ schemaVersion: 1, name: 'x' }, 1, 3, table)).toEqual({ schemaVersion: 3, name: 'x', tags: [], title: 'x' });
  });
  it('refuse a gap in the table rather than guess', () => {
    expect(() => migrate({ schemaVersion: 0 }, 0, 2, table)).toThrow(/from case format 0/);
  });
  it('upgrade refuses a newer document and reports the version it started from', () => {
    expect(() => upgrade({ schemaVersion: 4 }, '/x/case.json', { current: 3, table })).toThrow(/newer Corroborate/);
    expect(upgrade({ schemaVersion: 2, name: 'n' }, '/x/case.json', { current: 3, table }).from).toBe(2);
    expect(() => upgrade({ name: 'n' }, '/x/case.json', { current: 3, table })).toThrow(/schemaVersion/);
  });
});

describe('CoalescingWriter', () => {
  it('a failed write rejects its callers; the next request writes again', async () => {
    let fail = true;
    let writes = 0;
    const w = new CoalescingWriter(async () => {
      writes++;
      if (fail) throw new Error('disk full');
    });
    const a = w.request();
    const b = w.request();
    expect(a).toBe(b); // requested together, written together
    await expect(a).rejects.toThrow('disk full');
    fail = false;
    await w.request();
    expect(writes).toBe(2);
  });
  it('never runs two writes at once', async () => {
    let running = 0;
    let most = 0;
    const w = new CoalescingWriter(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
    });
    const all: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      all.push(w.request());
      if (i % 3 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(all);
    expect(most).toBe(1);
  });
});

describe('backup names', () => {
  it('parse back to their time, and reject anything else', () => {
    expect(parseBackupName('case-2024-05-01T12-30-00.123Z.json', 'case-')?.created.toISOString()).toBe('2024-05-01T12:30:00.123Z');
    expect(parseBackupName('case-2024-05-01T12-30-00.123Z-2.json', 'case-')?.seq).toBe(2);
    expect(parseBackupName('../case.json', 'case-')).toBeNull();
    expect(parseBackupName('case-2024-05-01T12-30-00.123Z.json/../../x', 'case-')).toBeNull();
  });
});

describe('defaultDataDir', () => {
  it('CORROBORATE_DATA_DIR wins everywhere', () => {
    expect(defaultDataDir({ CORROBORATE_DATA_DIR: '/data/c', HOME: '/home/a' }, 'linux')).toBe('/data/c');
    expect(defaultDataDir({ CORROBORATE_DATA_DIR: 'D:\\c', APPDATA: 'C:\\x' }, 'win32')).toBe('D:\\c');
  });
  it('follows each platform’s convention', () => {
    expect(defaultDataDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.local/share/Corroborate');
    expect(defaultDataDir({ HOME: '/home/a', XDG_DATA_HOME: '/xdg' }, 'linux')).toBe('/xdg/Corroborate');
    expect(defaultDataDir({ HOME: '/home/a', XDG_DATA_HOME: 'relative' }, 'linux')).toBe('/home/a/.local/share/Corroborate');
    expect(defaultDataDir({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Corroborate');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\a\\AppData\\Roaming\\Corroborate');
  });
});
