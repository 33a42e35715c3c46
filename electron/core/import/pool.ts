// A pool of long-lived worker threads (worker.ts) for imports and claim suggestions: one per core,
// started when a job needs one and reused across files, so a folder of PDFs pays for starting a
// thread and loading pdf.js (or jsdom) once per worker instead of once per file.
//
// A worker runs one job at a time. A job that runs past its timeout, is cancelled, or whose worker
// crashes ends that worker alone; the pool starts a fresh one for the jobs still waiting, so a
// hostile file can neither bring the pool down nor hold up the imports after it. Idle workers do
// not keep the process alive, and end after a while.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { ApiError } from '../../../shared/errors.ts';

/** How far a job has got: for a PDF, pages read out of the document's pages. */
export interface ImportProgress {
  done: number;
  total: number;
}

export interface WorkerJob<T> {
  /** What to post to the worker, made when the job is handed to one (so a queued job holds no copy). */
  message: () => { value: unknown; transfer?: ArrayBuffer[] };
  /** The same work in this thread, for a host that cannot start the worker. */
  inThread: () => Promise<T>;
  /** Counted from when a worker takes the job, not while it waits in the queue. */
  timeoutMs: number;
  /**
   * With this, timeoutMs bounds the time between two progress reports (a PDF's pages) and this the
   * whole job: a long report that keeps reading pages on a busy machine is not stopped, a stuck page is.
   */
  totalMs?: number;
  tooLong: () => ApiError;
  failed: (why: string) => ApiError;
  onProgress?: (p: ImportProgress) => void;
  /** Aborting drops a waiting job, or ends the worker running it; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface PoolOptions {
  /** Most workers at once; default os.availableParallelism(), at least 1. */
  size?: number;
  /** An idle worker ends after this long (default 30 s); until then it does not keep the process alive. */
  idleMs?: number;
  /** A worker is replaced after this many jobs (default 200), bounding whatever a long-lived one accumulates. */
  maxJobsPerWorker?: number;
  /** Starts one worker (tests use their own); default worker.ts. */
  spawn?: () => Worker;
}

type Reply = { ready: true } | { id: number; progress: ImportProgress } | { id: number; ok: true; result: unknown } | { id: number; ok: false; error: unknown };

interface Pending {
  id: number;
  job: WorkerJob<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  slot: Slot | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** When a worker took the job (performance.now()). */
  started: number;
  settled: boolean;
  unlisten: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Pending | null;
  jobs: number;
  idle: ReturnType<typeof setTimeout> | null;
}

export const DEFAULT_POOL_IDLE_MS = 30_000;

const spawnImportWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 4096 } });

export class WorkerPool {
  readonly size: number;
  readonly #idleMs: number;
  readonly #maxJobs: number;
  readonly #spawn: () => Worker;
  readonly #slots = new Set<Slot>();
  #queue: Pending[] = [];
  #nextId = 1;
  #everReady = false;
  #startFailures = 0;
  /** Workers started so far (for tests and benchmarks). */
  started = 0;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? availableParallelism()));
    this.#idleMs = opts.idleMs ?? DEFAULT_POOL_IDLE_MS;
    this.#maxJobs = Math.max(1, opts.maxJobsPerWorker ?? 200);
    this.#spawn = opts.spawn ?? spawnImportWorker;
  }

  /** Workers alive now (starting, busy or idle). */
  get workers(): number {
    return this.#slots.size;
  }

  run<T>(job: WorkerJob<T>): Promise<T> {
    if (job.signal?.aborted) return Promise.reject(job.signal.reason);
    // A host that has never managed to start a worker does the work here, as before.
    if (!this.#everReady && this.#startFailures > 0) return job.inThread();
    return new Promise<T>((resolve, reject) => {
      const p: Pending = {
        id: this.#nextId++,
        job: job as WorkerJob<unknown>,
        resolve: resolve as (v: unknown) => void,
        reject,
        slot: null,
        timer: null,
        started: 0,
        settled: false,
        unlisten: () => {},
      };
      const signal = job.signal;
      if (signal) {
        const onAbort = () => this.#cancel(p, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        p.unlisten = () => signal.removeEventListener('abort', onAbort);
      }
      this.#queue.push(p);
      this.#pump();
    });
  }

  /** Ends every worker; jobs still waiting or running fail. */
  async close(): Promise<void> {
    const slots = [...this.#slots];
    this.#slots.clear();
    const queued = this.#queue;
    this.#queue = [];
    for (const p of queued) this.#settle(p, () => p.reject(p.job.failed('was stopped (the import workers were shut down)')));
    for (const s of slots) {
      if (s.idle) clearTimeout(s.idle);
      const p = s.job;
      if (p) this.#settle(p, () => p.reject(p.job.failed('was stopped (the import workers were shut down)')));
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => {})));
  }

  /** Hands waiting jobs to idle workers, and starts workers (up to the size) for the rest. */
  #pump(): void {
    for (const slot of this.#slots) {
      if (!this.#queue.length) break;
      if (slot.ready && !slot.job) this.#dispatch(slot, this.#queue.shift()!);
    }
    let starting = 0;
    for (const s of this.#slots) if (!s.ready) starting++;
    // Starts that keep failing while other workers run are not retried for ever.
    if (this.#startFailures >= 3 && this.#slots.size > 0) return;
    while (this.#queue.length > starting && this.#slots.size < this.size) {
      if (!this.#start()) return;
      starting++;
    }
  }

  #start(): boolean {
    let worker: Worker;
    try {
      worker = this.#spawn();
    } catch {
      this.#startFailed();
      return false;
    }
    this.started++;
    const slot: Slot = { worker, ready: false, job: null, jobs: 0, idle: null };
    this.#slots.add(slot);
    worker.on('message', (msg: Reply) => {
      if (!this.#slots.has(slot)) return;
      if ('ready' in msg) {
        slot.ready = true;
        this.#everReady = true;
        this.#startFailures = 0;
        this.#pump();
        if (!slot.job) this.#rest(slot);
        return;
      }
      const p = slot.job;
      if (!p || msg.id !== p.id) return;
      if ('progress' in msg) {
        if (p.job.totalMs !== undefined) this.#arm(slot, p);
        try {
          p.job.onProgress?.(msg.progress);
        } catch {
          // a caller's progress display never fails the import
        }
        return;
      }
      this.#release(slot, p, () => (msg.ok ? p.resolve(msg.result) : p.reject(ApiError.from(msg.error))));
    });
    worker.on('error', (e) => this.#lost(slot, `failed unexpectedly (${e.message})`));
    worker.on('exit', (code) => this.#lost(slot, `stopped unexpectedly (exit code ${code})`));
    return true;
  }

  /** A worker could not be started, or ended before it had loaded its code. */
  #startFailed(): void {
    this.#startFailures++;
    // With no other worker left to take them, the waiting jobs run here (the old fallback).
    if ([...this.#slots].some((s) => s.ready)) return;
    let starting = 0;
    for (const s of this.#slots) if (!s.ready) starting++;
    if (starting && this.#everReady) return;
    const queued = this.#queue;
    this.#queue = [];
    for (const p of queued) {
      p.unlisten();
      p.job.inThread().then(
        (v) => this.#settle(p, () => p.resolve(v)),
        (e) => this.#settle(p, () => p.reject(e)),
      );
    }
  }

  #dispatch(slot: Slot, p: Pending): void {
    slot.job = p;
    slot.jobs++;
    p.slot = slot;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.worker.ref();
    p.started = performance.now();
    this.#arm(slot, p);
    try {
      const { value, transfer } = p.job.message();
      slot.worker.postMessage({ id: p.id, job: value }, transfer ?? []);
    } catch (e) {
      this.#release(slot, p, () => p.reject(e));
    }
  }

  /** (Re)starts a running job's timer: timeoutMs from now, within its totalMs from its start. */
  #arm(slot: Slot, p: Pending): void {
    if (p.timer) clearTimeout(p.timer);
    const left = p.job.totalMs === undefined ? p.job.timeoutMs : Math.min(p.job.timeoutMs, p.job.totalMs - (performance.now() - p.started));
    p.timer = setTimeout(() => this.#end(slot, p, p.job.tooLong()), Math.max(0, left));
  }

  /** A job finished in its worker: the worker takes the next job, rests, or is replaced after many jobs. */
  #release(slot: Slot, p: Pending, settle: () => void): void {
    slot.job = null;
    this.#settle(p, settle);
    if (slot.jobs >= this.#maxJobs) {
      this.#slots.delete(slot);
      void slot.worker.terminate().catch(() => {});
    }
    this.#pump();
    if (this.#slots.has(slot) && !slot.job) this.#rest(slot);
  }

  /** Overdue or cancelled: the worker is ended (it may be stuck in a loop), and a fresh one serves the queue. */
  #end(slot: Slot, p: Pending, why: unknown): void {
    if (p.settled) return;
    this.#slots.delete(slot);
    if (slot.idle) clearTimeout(slot.idle);
    void slot.worker.terminate().catch(() => {});
    this.#settle(p, () => p.reject(why));
    this.#pump();
  }

  #cancel(p: Pending, why: unknown): void {
    if (p.settled) return;
    if (p.slot) return this.#end(p.slot, p, why);
    this.#queue = this.#queue.filter((q) => q !== p);
    this.#settle(p, () => p.reject(why));
  }

  /** The worker died by itself (a crash, running out of memory, a failed start). */
  #lost(slot: Slot, why: string): void {
    if (!this.#slots.delete(slot)) return;
    if (slot.idle) clearTimeout(slot.idle);
    void slot.worker.terminate().catch(() => {});
    const p = slot.job;
    if (!slot.ready) this.#startFailed();
    else if (p) this.#settle(p, () => p.reject(p.job.failed(why)));
    this.#pump();
  }

  /** An idle worker lets the process exit, and ends after idleMs. */
  #rest(slot: Slot): void {
    slot.worker.unref();
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      if (slot.job || !this.#slots.delete(slot)) return;
      void slot.worker.terminate().catch(() => {});
    }, this.#idleMs);
    slot.idle.unref();
  }

  #settle(p: Pending, f: () => void): void {
    if (p.settled) return;
    p.settled = true;
    if (p.timer) clearTimeout(p.timer);
    p.unlisten();
    f();
  }
}

let shared: WorkerPool | null = null;

/** The one pool the core's imports and suggestions share. */
export function importPool(): WorkerPool {
  return (shared ??= new WorkerPool());
}
