import { describe, expect, it } from 'vitest';
import { shareStrings } from './claims-records.ts';

describe('shareStrings', () => {
  it('leaves every record as it was read, nested values and ids included', () => {
    const read = () =>
      JSON.parse(
        '[{"id":"cl_1","sourceId":"s_1","kind":"casualties","figure":{"raw":"three","qualifier":"exact"},"parts":[{"population":{"nationality":"US"}}]},' +
          '{"id":"cl_2","sourceId":"s_1","kind":"casualties","figure":{"raw":"three","qualifier":"exact"},"parts":[],"note":"' +
          'x'.repeat(60) +
          '"}]',
      ) as unknown[];
    const pool = new Map<string, string>();
    const shared = read().map((r) => shareStrings(r, pool));
    expect(shared).toEqual(read());
    expect([...pool.keys()]).not.toContain('cl_1'); // one record's own id is not pooled
    expect([...pool.keys()]).toContain('casualties');
  });
});
