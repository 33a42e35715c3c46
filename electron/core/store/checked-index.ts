// Which case.json bytes this build has already validated in full. Validating a 10,000-source index
// takes longer than reading it; when the bytes are the very ones validated before, under the same
// schema, opening trusts them (their digest and the schema's fingerprint must both match). Any
// other bytes (a hand edit, a restored backup, another build's write) are validated as ever.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CASE_FORMAT_VERSION, CaseIndex } from '../../../shared/model/case.ts';
import { splitSnapshot } from './codec.ts';
import { writeFileDurable } from './durable.ts';

export const CHECKED_FILE = '.case.checked.json';

export const digestOf = (bytes: Uint8Array): string => crypto.hash('sha256', bytes);

let print: string | null = null;
/** The schema as data (types, checks, patterns, defaults), so a build whose rules differ trusts nothing validated by another. */
export function schemaPrint(): string {
  if (print !== null) return print;
  const seen = new WeakSet<object>();
  const text = JSON.stringify(CaseIndex, (_key, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (typeof v === 'function') return String(v);
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[seen]';
      seen.add(v);
      if ('_zod' in v) return { def: (v as { _zod: { def: unknown } })._zod.def };
    }
    return v;
  });
  print = digestOf(Buffer.from(`${CASE_FORMAT_VERSION}:${text}`));
  return print;
}

/** Whether these bytes of case.json were validated in full by a build with this schema. */
export async function isChecked(dir: string, digest: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await fs.readFile(path.join(dir, CHECKED_FILE), 'utf8')) as { digest?: unknown; schema?: unknown };
    return stamp.digest === digest && stamp.schema === schemaPrint();
  } catch {
    return false; // none yet, or unreadable: validate
  }
}

/** Records that case.json's bytes with this digest passed validation. Losing it costs one slow open, nothing else. */
export async function markChecked(dir: string, digest: string): Promise<void> {
  await writeFileDurable(path.join(dir, CHECKED_FILE), JSON.stringify({ digest, schema: schemaPrint() }));
}

/** Validates case.json as it is on disk now and records it (at close, after this session's last write). */
export async function checkAndMark(dir: string, file: string): Promise<void> {
  const bytes = await fs.readFile(file);
  const digest = digestOf(bytes);
  if (await isChecked(dir, digest)) return;
  const { doc } = splitSnapshot(JSON.parse(bytes.toString('utf8')));
  if ((doc as { schemaVersion?: unknown }).schemaVersion === CASE_FORMAT_VERSION && CaseIndex.safeParse(doc).success) await markChecked(dir, digest);
}
