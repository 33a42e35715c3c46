// A full disk, for real: a tiny tmpfs mounted for the test (root only; skipped with the reason
// otherwise). Reproduces the ghost edit — a sources.update reported as failed that a later save used
// to write anyway — and shows it gone; and a case whose index cannot be rewritten opens read-only.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/api.ts';
import { createCore } from '../index.ts';
import { CaseClaims } from '../claims.ts';
import { exportCase } from '../bundle/index.ts';
import { verifyBundle } from '../bundle/index.ts';
import { CaseStore } from './index.ts';
import { LOCK_NAME } from './lock.ts';
import { DISK_FULL_MESSAGE } from './disk-errors.ts';
import { sourceRecord } from '../../../tests/support/bundle-fixtures.ts';

let mnt = '';
let why = '';
beforeAll(async () => {
  if (process.getuid?.() !== 0) {
    why = 'needs root to mount a tiny tmpfs';
    return;
  }
  mnt = await mkdtemp(path.join(tmpdir(), 'corroborate-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt], { stdio: 'pipe' });
  } catch (e) {
    why = `could not mount a tmpfs (${(e as Error).message.split('\n')[0]})`;
    await rmdir(mnt);
    mnt = '';
  }
});
afterAll(async () => {
  if (!mnt) return;
  execFileSync('umount', [mnt]);
  await rmdir(mnt);
});

/** Fills the disk to the last byte; returns the filler's path (remove it to free the space). */
async function fill(dir: string): Promise<string> {
  const file = path.join(dir, 'filler');
  const h = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          const { bytesWritten } = await h.write(chunk.subarray(0, size));
          if (bytesWritten < size) break;
        } catch {
          break;
        }
      }
    }
  } finally {
    await h.close().catch(() => {});
  }
  return file;
}

const value = <T>(r: Reply): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('a full disk', () => {
  it('says so plainly, and a failed sources.update is never saved by a later write (no ghost edit)', async (ctx) => {
    if (!mnt) {
      console.log(`skipped: the disk-full test ${why}`);
      return ctx.skip();
    }
    const dataDir = path.join(mnt, 'data-ghost');
    let core = await createCore({ dataDir, host: 'browser' });
    const c = value<{ id: string }>(await core.reply('cases.create', { name: 'Full disk' }));
    value(await core.reply('cases.open', { caseId: c.id }));
    const pasted = value<{ source: { id: string; title: { value: string | null } } }>(
      await core.reply('sources.paste', { caseId: c.id, text: 'Officials said 12 rockets hit the base.', title: 'Before' }),
    );
    const sourceId = pasted.source.id;

    const filler = await fill(mnt);
    const failed = await core.reply('sources.update', { caseId: c.id, sourceId, patch: { title: 'Ghost' } });
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe('DISK_FULL');
      expect(failed.error.message).toBe(DISK_FULL_MESSAGE);
    }
    // Memory is what the disk holds: the edit the user was told did not happen is not shown either.
    const after = value<{ source: { title: { value: string | null } } }>(await core.reply('sources.get', { caseId: c.id, sourceId }));
    expect(after.source.title.value).toBe('Before');

    await rm(filler);
    value(await core.reply('sources.update', { caseId: c.id, sourceId, patch: { notes: 'saved after space was freed' } }));
    await core.close();

    core = await createCore({ dataDir, host: 'browser' });
    value(await core.reply('cases.open', { caseId: c.id }));
    const reread = value<{ source: { title: { value: string | null }; notes: string } }>(await core.reply('sources.get', { caseId: c.id, sourceId }));
    expect(reread.source.notes).toBe('saved after space was freed');
    expect(reread.source.title.value).toBe('Before');
    await core.close();
  }, 60_000);

  it('a save that fails leaves the index in memory exactly as on disk, so the next save does not carry it', async (ctx) => {
    if (!mnt) {
      console.log(`skipped: the disk-full test ${why}`);
      return ctx.skip();
    }
    const dir = path.join(mnt, 'reload');
    let store = await CaseStore.create(dir, { id: 'reload-case', name: 'As saved' });
    const filler = await fill(mnt);
    // Larger than any slack left in the journal's last page: this write cannot succeed.
    const failed = store.updateIndex((d) => void (d.name = `Ghost ${'x'.repeat(150)}`), { fields: ['name'] });
    await expect(failed).rejects.toMatchObject({ code: 'DISK_FULL', message: DISK_FULL_MESSAGE });
    expect(store.index.name).toBe('As saved');
    await rm(filler);
    await store.updateIndex((d) => void (d.actors = []), { fields: ['actors'] });
    expect(store.index.name).toBe('As saved');
    await store.close();
    store = await CaseStore.open(dir);
    expect(store.index.name).toBe('As saved');
    await store.close();
  }, 60_000);

  it('opens a case read-only for export when its index cannot be rewritten', async (ctx) => {
    if (!mnt) {
      console.log(`skipped: the disk-full test ${why}`);
      return ctx.skip();
    }
    const dir = path.join(mnt, 'live');
    const store = await CaseStore.create(dir, { id: 'full-case', name: 'Full' });
    const text = 'Officials said 12 rockets hit the base.';
    const { source, original } = sourceRecord('s_full00001', text);
    await store.addSource(source, { id: source.id, text, annotations: [], claims: [] }, original);
    await store.updateIndex((d) => void (d.name = 'Renamed in the journal'), { fields: ['name'] });
    // The folder as a crash would leave it: the journal not yet folded into case.json.
    const copy = path.join(mnt, 'crashed');
    await mkdir(copy);
    await cp(dir, copy, { recursive: true, filter: (p) => path.basename(p) !== LOCK_NAME });
    await store.close();
    await rm(dir, { recursive: true });

    const filler = await fill(mnt);
    try {
      const opened = await CaseStore.open(copy);
      expect(opened.readOnly).toMatch(/^This case is open read-only: The disk holding this case is full.*You can read and export it/);
      expect(opened.warnings).toContain(opened.readOnly);
      expect(opened.index.name).toBe('Renamed in the journal');
      const claims = await CaseClaims.load(opened);
      const bundle = await exportCase(opened, claims.view(), { appVersion: 't' });
      expect(verifyBundle(bundle).ok).toBe(true);
      await expect(opened.updateIndex((d) => void (d.name = 'x'), { fields: ['name'] })).rejects.toMatchObject({ code: 'DISK_FULL' });
      expect(opened.index.name).toBe('Renamed in the journal');
      await opened.close();
    } finally {
      await rm(filler);
    }
  }, 60_000);
});
