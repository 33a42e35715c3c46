// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/api.ts';
import type { Source } from '../../shared/model/source.ts';
import { IMPORT_CONCURRENCY, useImporter, WARM_PER_IMPORT } from './useImporter.ts';

/** A core that answers each import after a few milliseconds, counting how many are in flight. */
function slowCore() {
  const seen = { inFlight: 0, most: 0, names: [] as string[] };
  const client = {
    call: async (op: string, input: { name: string }) => {
      if (op !== 'sources.import') throw new Error(`unexpected ${op}`);
      seen.inFlight++;
      seen.most = Math.max(seen.most, seen.inFlight);
      await new Promise((r) => setTimeout(r, 2 + (seen.names.length % 3)));
      seen.inFlight--;
      seen.names.push(input.name);
      return { status: 'imported', source: { id: `s_${input.name}` } as unknown as Source };
    },
  } as unknown as Client;
  return { client, seen };
}

const files = (n: number) => Array.from({ length: n }, (_, i) => new File([`Report ${i}`], `r${i}.txt`, { type: 'text/plain' }));

describe('the import queue', () => {
  it('sends a few files at a time, imports every one, and finds suggestions for the first ones only', async () => {
    const { client, seen } = slowCore();
    const batches: Source[][] = [];
    const warmed: Source[] = [];
    const { result } = renderHook(() => useImporter(client, 'c1', (b, w) => (batches.push(b), warmed.push(...w))));
    act(() => result.current.start(files(60)));
    await waitFor(() => expect(result.current.job?.running).toBe(false));
    expect(result.current.job).toMatchObject({ total: 60, done: 60, imported: 60, failures: [] });
    expect(new Set(seen.names).size).toBe(60);
    expect(seen.most).toBeGreaterThan(1);
    expect(seen.most).toBeLessThanOrEqual(IMPORT_CONCURRENCY);
    expect(batches.flat().length).toBe(60);
    expect(warmed.length).toBe(WARM_PER_IMPORT);
  });
});
