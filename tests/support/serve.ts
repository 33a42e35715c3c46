// `corroborate serve` for tests and benchmarks: started, its printed link awaited, stopped; and the
// Chromium they drive (Debian's, never a downloaded one). The e2e fixtures, the reader's frame count
// (reader-frames.ts) and the UI benchmarks all start the app this one way.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServeOptions {
  /** Validate every reply against the contract, large ones too (default: yes, as the tests do; benchmarks say no). */
  checkReplies?: boolean;
  /** How long the link may take to be printed (default 60 s: a start on a loaded machine can take 20). */
  timeoutMs?: number;
}

/** Runs `corroborate <args>` (a serve command) and resolves once it prints its link. */
export async function launch(args: string[], opts: ServeOptions = {}): Promise<{ url: string; child: ChildProcess }> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'node'), ['bin/corroborate.js', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', CORROBORATE_CHECK_REPLIES: opts.checkReplies === false ? '0' : '1' },
  });
  // Should the caller die on an error, the server goes with it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A server that printed no link in time is stopped: nothing else would stop it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`corroborate serve printed no URL within ${timeoutMs / 1000} s:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.includes('http://127.0.0.1:'));
      const m = line ? /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line) : null;
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`corroborate serve exited (${code}) before printing its URL:\n${out}`));
    });
  });
  return { url, child };
}

/** Stops a served app: SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(t);
}

/** Debian's Chromium, as the e2e tests' configuration launches it. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
