import { describe, expect, it } from 'vitest';
import { syncView } from '../../tests/support/sync-status.ts';
import { statusWords } from './useSyncStatus.ts';

const base = syncView();

describe('the top bar’s sync status in words', () => {
  it('offers to share a case that is not shared', () => {
    expect(statusWords(null)).toMatchObject({ text: 'Share…', full: 'Share this case', tone: 'off' });
    expect(statusWords({ ...base, state: 'off' }).tone).toBe('off');
  });
  it('says synced, syncing with the changes under way, offline since when, refused, and the clashes waiting', () => {
    expect(statusWords(base)).toEqual({ text: 'Synced', full: 'Synced', tone: 'ok' });
    expect(statusWords({ ...base, state: 'syncing', pending: 12 })).toMatchObject({ text: 'Syncing…', full: 'Syncing… 12 changes to go' });
    expect(statusWords({ ...base, state: 'syncing', pending: 1 }).full).toBe('Syncing… 1 change to go');
    // What is shown is where the name starts (what a voice-control user says).
    for (const state of ['synced', 'syncing', 'offline', 'refused'] as const) {
      const w = statusWords({ ...base, state, pending: 3, clashes: 2, access: 'viewer', since: new Date().toISOString() });
      expect(w.full.startsWith(w.text)).toBe(true);
    }
    const offline = statusWords({ ...base, state: 'offline', since: new Date(2026, 0, 5, 14, 2).toISOString() });
    expect(offline).toMatchObject({ text: 'Offline', full: 'Offline since 14:02', tone: 'warn' });
    expect(statusWords({ ...base, state: 'refused' }).tone).toBe('bad');
    expect(statusWords({ ...base, clashes: 2 })).toEqual({ text: 'Synced', full: 'Synced · 2 clashes', tone: 'warn' });
    expect(statusWords({ ...base, state: 'offline', clashes: 1 }).full).toBe('Offline · 1 clash');
    expect(statusWords({ ...base, access: 'viewer' }).full).toBe('Synced · read only');
  });
});
