// A case with one long source and its claims (tests/support/long-source-case.ts), written once for a
// test file and served by `corroborate serve --case`: the reader tests of long texts open it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launch, stop } from '../fixtures.ts';
import { repoRoot } from '../paths.ts';

export interface LongSourceCase {
  /** The source's title, as the library lists it. */
  title: string;
  url: string;
  close(): Promise<void>;
}

/** `claims` claims spread over a source of about `bytes` characters (the seed reports repeated, numbered "Part N."). */
export async function serveLongSource(opts: { claims: number; bytes?: number }): Promise<LongSourceCase> {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-e2e-long-'));
  try {
    await promisify(execFile)(
      join(repoRoot, 'node_modules', '.bin', 'node'),
      ['tests/support/long-source-case.ts', '--case', join(dir, 'case'), '--claims', String(opts.claims), '--bytes', String(opts.bytes ?? 1_000_000)],
      { cwd: repoRoot },
    );
    // A large case on a loaded machine (load 35 on two cores): the link took over a minute.
    const server = await launch(['serve', '--case', join(dir, 'case'), '--port', '0'], { timeoutMs: 180_000 });
    return {
      title: `Long source (${opts.claims} claims)`,
      url: server.url,
      async close() {
        await stop(server.child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
