import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../../shared/errors.ts';
import { extractFile, extractFileIsolated, type ImportProgress } from './index.ts';
import { makePdf, loremLines } from '../../../tests/support/make-pdf.ts';
import { WorkerPool, type WorkerJob } from './pool.ts';

// A stand-in worker speaking the pool's protocol, told by each job how to behave.
const FAKE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, job }) => {
  if (job.do === 'exit') process.exit(3);
  if (job.do === 'hang') for (;;) {}
  if (job.do === 'throw') setImmediate(() => { throw new Error('boom'); });
  if (job.do === 'pages') {
    // job.pages pages, one every job.ms: each within the timeout, all of them well past it.
    let done = 0;
    const t = setInterval(() => {
      done++;
      if (done < job.pages) return parentPort.postMessage({ id, progress: { done, total: job.pages } });
      clearInterval(t);
      parentPort.postMessage({ id, ok: true, result: { value: done, thread: 0 } });
    }, job.ms);
  }
  if (job.do === 'echo') {
    parentPort.postMessage({ id, progress: { done: 1, total: 2 } });
    parentPort.postMessage({ id, progress: { done: 2, total: 2 } });
    setTimeout(() => parentPort.postMessage({ id, ok: true, result: { value: job.value, thread: require('node:worker_threads').threadId } }), job.ms ?? 0);
  }
  if (job.do === 'meet') {
    // Counts the jobs running at once in shared memory ([1] now, [2] the most), and waits (up to 5 s) until
    // job.n jobs have started ([0]), so "side by side" does not hang on how fast a worker starts.
    const a = new Int32Array(job.shared);
    const running = Atomics.add(a, 1, 1) + 1;
    for (let most = Atomics.load(a, 2); running > most; most = Atomics.load(a, 2)) Atomics.compareExchange(a, 2, most, running);
    Atomics.add(a, 0, 1);
    Atomics.notify(a, 0);
    const t0 = Date.now();
    for (let n = Atomics.load(a, 0); n < job.n && Date.now() - t0 < 5000; n = Atomics.load(a, 0)) Atomics.wait(a, 0, n, 100);
    const met = Atomics.load(a, 0) >= job.n;
    setTimeout(() => {
      Atomics.sub(a, 1, 1);
      parentPort.postMessage({ id, ok: true, result: { value: job.value, thread: require('node:worker_threads').threadId, met } });
    }, 20);
  }
});
parentPort.postMessage({ ready: true });
`;
const fakePool = (opts: { size?: number; idleMs?: number; maxJobsPerWorker?: number } = {}) =>
  new WorkerPool({ size: 1, ...opts, spawn: () => new Worker(FAKE, { eval: true }) });

type Echo = { value: unknown; thread: number; met?: boolean };
const job = (j: Record<string, unknown>, more: Partial<WorkerJob<Echo>> = {}): WorkerJob<Echo> => ({
  message: () => ({ value: j }),
  inThread: async () => ({ value: 'in thread', thread: 0 }),
  timeoutMs: 10_000,
  tooLong: () => new ApiError('TOO_LARGE', 'took longer and was stopped'),
  failed: (why) => new ApiError('INTERNAL', `the job ${why}`),
  ...more,
});

const pdf3 = () => makePdf([{ lines: loremLines(2) }, { lines: ['Second page.'] }, { lines: ['Third page.'] }]);

describe('the import pool', () => {
  it('reuses one long-lived worker across files, with the same text as in-process extraction', async () => {
    const pool = new WorkerPool({ size: 1 });
    try {
      const a = pdf3();
      const b = makePdf([{ lines: ['Another file.'] }]);
      const html = new TextEncoder().encode('<html><body><article><h1>A headline of some words</h1><p>Body text here.</p></article></body></html>');
      expect(await extractFileIsolated('a.pdf', a, { pool })).toEqual(await extractFile('a.pdf', a));
      expect(await extractFileIsolated('b.pdf', b, { pool })).toEqual(await extractFile('b.pdf', b));
      expect(await extractFileIsolated('c.html', html, { pool })).toEqual(await extractFile('c.html', html));
      expect(pool.started).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('runs files side by side up to its size, and no further', async () => {
    const pool = fakePool({ size: 2 });
    try {
      const shared = new SharedArrayBuffer(12);
      const results = await Promise.all([1, 2, 3, 4, 5].map((v) => pool.run(job({ do: 'meet', value: v, n: 2, shared }))));
      expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
      expect(results.every((r) => r.met)).toBe(true); // the first two ran at the same time
      expect(new Set(results.map((r) => r.thread)).size).toBe(2);
      expect(Atomics.load(new Int32Array(shared), 2)).toBe(2); // and never more than two at once
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('is sized to the machine by default, at least one worker', () => {
    expect(new WorkerPool().size).toBeGreaterThanOrEqual(1);
    expect(new WorkerPool({ size: 0 }).size).toBe(1);
  });

  it("reports a PDF's pages as they are read, in a worker or in this thread", async () => {
    const pool = new WorkerPool({ size: 1 });
    try {
      const seen: ImportProgress[] = [];
      const local: ImportProgress[] = [];
      await extractFileIsolated('a.pdf', pdf3(), { pool, onProgress: (p) => seen.push(p) });
      await extractFile('a.pdf', pdf3(), { onProgress: (p) => local.push(p) });
      const expected = [0, 1, 2, 3].map((done) => ({ done, total: 3 }));
      expect(seen).toEqual(expected);
      expect(local).toEqual(expected);
      // A progress display that throws does not fail the import.
      const r = await extractFileIsolated('a.pdf', pdf3(), {
        pool,
        onProgress: () => {
          throw new Error('display broke');
        },
      });
      expect(r.pages).toHaveLength(3);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('stops an overdue file, replaces its worker, and goes on with the next file', async () => {
    const pool = new WorkerPool({ size: 1 });
    try {
      const slow = makePdf(Array.from({ length: 50 }, (_, i) => ({ lines: loremLines(3, i) })));
      const stopped = extractFileIsolated('slow.pdf', slow, { pool, timeoutMs: 1 });
      const next = extractFileIsolated('next.pdf', pdf3(), { pool }); // queued behind the slow one
      await expect(stopped).rejects.toMatchObject({
        code: 'TOO_LARGE',
        message: expect.stringMatching(/^Reading slow\.pdf took longer than 0 seconds .*and was stopped/),
      });
      expect((await next).pages).toHaveLength(3);
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('lets a job that keeps reporting progress run past its timeout, up to its total', async () => {
    const pool = fakePool({ size: 1 });
    try {
      // Forty pages 50 ms apart: 2 s in all against a timeout of 1 s between pages (20 times a page's time).
      const pages = { do: 'pages', pages: 40, ms: 50 };
      expect((await pool.run(job(pages, { timeoutMs: 1000, totalMs: 60_000 }))).value).toBe(40);
      // The total still bounds it, and without one the timeout is for the whole job, as before.
      await expect(pool.run(job(pages, { timeoutMs: 1000, totalMs: 1500 }))).rejects.toThrow(/took longer and was stopped/);
      await expect(pool.run(job(pages, { timeoutMs: 1000 }))).rejects.toThrow(/took longer and was stopped/);
    } finally {
      await pool.close();
    }
  });

  it('survives a worker stuck in a loop, one that exits and one that throws', async () => {
    const pool = fakePool({ size: 1 });
    try {
      const after = pool.run(job({ do: 'echo', value: 'after' }));
      await expect(pool.run(job({ do: 'hang' }, { timeoutMs: 200 }))).rejects.toThrow(/took longer and was stopped/);
      await expect(pool.run(job({ do: 'exit' }))).rejects.toThrow('the job stopped unexpectedly (exit code 3)');
      await expect(pool.run(job({ do: 'throw' }))).rejects.toThrow('the job failed unexpectedly (boom)');
      expect((await after).value).toBe('after');
      expect((await pool.run(job({ do: 'echo', value: 'still' }))).value).toBe('still');
      expect(pool.workers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('passes progress on to the job', async () => {
    const pool = fakePool();
    try {
      const seen: ImportProgress[] = [];
      await pool.run(job({ do: 'echo' }, { onProgress: (p) => seen.push(p) }));
      expect(seen).toEqual([
        { done: 1, total: 2 },
        { done: 2, total: 2 },
      ]);
    } finally {
      await pool.close();
    }
  });

  it('cancels a waiting job, or a running one (ending its worker)', async () => {
    const pool = fakePool({ size: 1 });
    try {
      const running = new AbortController();
      const waiting = new AbortController();
      const a = pool.run(job({ do: 'hang' }, { signal: running.signal }));
      const b = pool.run(job({ do: 'echo', value: 'b' }, { signal: waiting.signal }));
      const c = pool.run(job({ do: 'echo', value: 'c' }));
      waiting.abort(new Error('cancelled b'));
      await expect(b).rejects.toThrow('cancelled b');
      await new Promise((r) => setTimeout(r, 100));
      running.abort(new Error('cancelled a'));
      await expect(a).rejects.toThrow('cancelled a');
      expect((await c).value).toBe('c');
      await expect(pool.run(job({ do: 'echo' }, { signal: AbortSignal.abort(new Error('too late')) }))).rejects.toThrow('too late');
    } finally {
      await pool.close();
    }
  });

  it('ends idle workers after a while, and replaces a worker after many jobs', async () => {
    const idle = fakePool({ idleMs: 50 });
    await idle.run(job({ do: 'echo' }));
    expect(idle.workers).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(idle.workers).toBe(0);
    expect((await idle.run(job({ do: 'echo', value: 2 }))).value).toBe(2);
    await idle.close();

    const recycled = fakePool({ maxJobsPerWorker: 2 });
    for (let i = 0; i < 5; i++) await recycled.run(job({ do: 'echo' }));
    expect(recycled.started).toBe(3);
    await recycled.close();
  });

  it('does the work in this thread when no worker can be started', async () => {
    const pool = new WorkerPool({
      spawn: () => {
        throw new Error('no workers here');
      },
    });
    expect((await pool.run(job({ do: 'echo' }))).value).toBe('in thread');
    expect((await pool.run(job({ do: 'echo' }))).value).toBe('in thread');
    const dies = new WorkerPool({ spawn: () => new Worker('process.exit(1)', { eval: true }) });
    expect((await dies.run(job({ do: 'echo' }))).value).toBe('in thread');
    await dies.close();
  });

  it('lets a command-line process exit once its imports are done (idle workers hold nothing open)', async () => {
    const index = new URL('./index.ts', import.meta.url).href;
    const makePdfUrl = new URL('../../../tests/support/make-pdf.ts', import.meta.url).href;
    const script = `
      const { extractFileIsolated } = await import(${JSON.stringify(index)});
      const { makePdf } = await import(${JSON.stringify(makePdfUrl)});
      const r = await extractFileIsolated('a.pdf', makePdf([{ lines: ['Exits promptly.'] }]));
      console.log(r.text);`;
    const t0 = performance.now();
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { cwd: fileURLToPath(new URL('../../..', import.meta.url)), timeout: 25_000 },
        (e, stdout) => (e ? reject(e) : resolve(stdout)),
      ),
    );
    expect(out.trim()).toBe('Exits promptly.');
    expect(performance.now() - t0).toBeLessThan(20_000); // well under the 30 s an idle worker would otherwise live
  }, 30_000);
});
