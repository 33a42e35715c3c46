// Test support: a case's sync status as the core tells it (sync.status, the change feed), synced by
// default, with the fields a test cares about given.
import type { SyncStatusView } from '../../shared/exchange/sync-status.ts';

export const syncView = (over: Partial<SyncStatusView> = {}): SyncStatusView => ({
  state: 'synced',
  database: 'https://couch.example.org/taji-2020',
  user: 'amira',
  pending: 0,
  since: null,
  reason: null,
  clashes: 0,
  problems: [],
  received: 0,
  access: 'editor',
  kept: 'file',
  ...over,
});
