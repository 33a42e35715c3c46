// One writer per file: writes never overlap, and changes made while a write is running share the next one.

/**
 * `request()` promises a write that starts after the call, so it includes every change made before
 * the call. Requests made before that write starts share it; at most one write runs at a time and
 * at most one more waits behind it, however many callers there are.
 */
export class CoalescingWriter {
  readonly #flush: () => Promise<void>;
  #queued: Promise<void> | null = null;
  #tail: Promise<void> = Promise.resolve();
  /** Physical writes started so far (tests and benchmarks read this). */
  writes = 0;

  constructor(flush: () => Promise<void>) {
    this.#flush = flush;
  }

  request(): Promise<void> {
    if (this.#queued) return this.#queued;
    const after = this.#tail;
    const run = (async () => {
      await after; // also defers a first write by a tick, so a burst of synchronous calls shares it
      this.#queued = null;
      this.writes++;
      await this.#flush();
    })();
    this.#queued = run;
    this.#tail = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Resolves once every requested write has finished (successfully or not). */
  idle(): Promise<void> {
    return this.#tail;
  }
}
