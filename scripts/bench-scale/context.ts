// What every part of bench-scale's child shares: the core under test, the case it serves, where the
// references write, and how a row is recorded (a failing row says why; the others are still measured).
import fsp from 'node:fs/promises';
import type { ChildResult, RowKey, Series } from './report.ts';

export interface GenBody {
  id: string;
  text: string;
  claims: Array<{ id: string; eventId: string | null; kind: string; measure?: string | null; figure?: { best: number | null } }>;
}

export interface Ctx {
  call: (op: string, input: unknown) => Promise<unknown>;
  caseId: string;
  /** The case folder. */
  dir: string;
  index: { sources: Array<{ id: string }>; events: Array<{ id: string }> };
  n: number;
  runs: number;
  /** A scratch folder for the references' writes. */
  refDir: string;
  result: ChildResult;
  measure: (key: RowKey, fn: () => Promise<Series>) => Promise<void>;
}

/** Appends bytes and fsyncs them, as the store's journals do (open for append, write, datasync, close). */
export async function appendDurable(file: string, bytes: Buffer | string): Promise<void> {
  const h = await fsp.open(file, 'a');
  try {
    await h.writeFile(bytes);
    await h.datasync();
  } finally {
    await h.close();
  }
}
