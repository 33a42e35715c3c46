// The import queue: files go to the core a few at a time, as `corroborate import` sends them (the
// core extracts in its worker pool and shares one durable save among several files, which one at a
// time leaves idle: about 40 files/s for a folder of small texts, issue 12), with progress, cancel,
// and a summary of what happened to each.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client } from '../../shared/api.ts';
import { MAX_IMPORT_BYTES, formatBytes, importLimitFor } from '../../shared/limits.ts';
import type { Source } from '../../shared/model/source.ts';
import { sourceTitle } from '../lib/format.ts';
import { displayName, isTooLarge } from './files.ts';

export interface ImportNote {
  name: string;
  message: string;
}

export interface ImportJob {
  total: number;
  done: number;
  current: string | null;
  running: boolean;
  cancelled: boolean;
  imported: number;
  duplicates: ImportNote[];
  failures: ImportNote[];
  /** Files left out because their type cannot be imported (folder imports, drops). */
  skipped: number;
  /** The names of the skipped files, so the summary can say which. */
  skippedNames: string[];
  /** Pages of the current file read so far (a PDF), as the core reports them on its change feed. */
  page: { done: number; total: number } | null;
}

const emptyJob = (): ImportJob => ({
  total: 0,
  done: 0,
  current: null,
  running: false,
  cancelled: false,
  imported: 0,
  duplicates: [],
  failures: [],
  skipped: 0,
  skippedNames: [],
  page: null,
});

/** Files in flight to the core at once. */
export const IMPORT_CONCURRENCY = 8;

export function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : 'Something went wrong; try again.';
}

/**
 * Sources of one import whose suggestions are found at once (the first ones, likely to be read
 * next); the others' are found when opened. Finding them for every file of a folder ran the
 * suggester thousands of times beside the import and halved its speed.
 */
export const WARM_PER_IMPORT = 24;

export function useImporter(client: Client, caseId: string, onImported: (sources: Source[], warm: Source[]) => void) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const queue = useRef<File[]>([]);
  const running = useRef(false);
  const cancelled = useRef(false);
  const jobRef = useRef<ImportJob>(emptyJob());
  const pending = useRef<Source[]>([]);
  const warmed = useRef(0);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  const publish = () => setJob({ ...jobRef.current });
  // New sources reach the library in batches, so a folder of thousands does not re-render the
  // table thousands of times.
  const flush = () => {
    if (pending.current.length) {
      const batch = pending.current;
      pending.current = [];
      const warm = batch.slice(0, Math.max(0, WARM_PER_IMPORT - warmed.current));
      warmed.current += warm.length;
      onImportedRef.current(batch, warm);
    }
  };

  // Page progress of the file being imported, at most ten times a second.
  useEffect(() => {
    let last = 0;
    return client.watch?.((e) => {
      if (e.kind !== 'import' || e.caseId !== caseId || !running.current || e.name !== jobRef.current.current) return;
      jobRef.current.page = { done: e.done, total: e.total };
      const now = performance.now();
      if (now - last > 100 || e.done === e.total) {
        last = now;
        publish();
      }
    });
  }, [client, caseId]);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    let lastFlush = performance.now();
    let lastPublish = 0;
    // Each lane takes the next file from the queue until it is empty (files added meanwhile included).
    const lane = async () => {
      for (let file = queue.current.shift(); file; file = queue.current.shift()) {
        if (cancelled.current) break;
        const name = displayName(file);
        jobRef.current.current = name;
        jobRef.current.page = null;
        // Progress at most twenty times a second: a render per small file would cost more than its import.
        if (performance.now() - lastPublish > 50) {
          lastPublish = performance.now();
          publish();
        }
        try {
          if (isTooLarge(file)) {
            throw new Error(
              importLimitFor(name) < MAX_IMPORT_BYTES
                ? `This web page is ${formatBytes(file.size)}; Corroborate reads pages up to ${formatBytes(importLimitFor(name))}. Save the article alone (reader view, then Save as or Print to PDF) or as plain text, and import that.`
                : `This file is ${formatBytes(file.size)}; Corroborate imports files up to ${formatBytes(MAX_IMPORT_BYTES)}. Import a smaller copy or split it.`,
            );
          }
          let data: Uint8Array<ArrayBuffer>;
          try {
            data = new Uint8Array(await file.arrayBuffer());
          } catch {
            throw new Error('The file could not be read. It may have been moved, or you may lack permission to read it.');
          }
          const result = await client.call('sources.import', { caseId, name, data });
          if (result.status === 'imported') {
            jobRef.current.imported++;
            pending.current.push(result.source);
          } else {
            jobRef.current.duplicates.push({
              name,
              message: result.message || `Already in this case as “${sourceTitle(result.source)}”.`,
            });
          }
        } catch (e) {
          jobRef.current.failures.push({ name, message: messageOf(e) });
        }
        jobRef.current.done++;
        if (performance.now() - lastFlush > 400) {
          flush();
          lastFlush = performance.now();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: IMPORT_CONCURRENCY }, lane));
    } finally {
      if (cancelled.current) queue.current = [];
      flush();
      running.current = false;
      jobRef.current.running = false;
      jobRef.current.current = null;
      jobRef.current.cancelled = cancelled.current;
      publish();
    }
  }, [client, caseId]);

  const start = useCallback(
    (files: File[], skipped: number | readonly { name: string }[] = 0) => {
      if (!running.current) {
        jobRef.current = emptyJob();
        cancelled.current = false;
        warmed.current = 0;
      }
      jobRef.current.total += files.length;
      if (typeof skipped === 'number') jobRef.current.skipped += skipped;
      else {
        jobRef.current.skipped += skipped.length;
        jobRef.current.skippedNames.push(...skipped.map((f) => f.name));
      }
      jobRef.current.running = files.length > 0 || running.current;
      queue.current.push(...files);
      publish();
      void run();
    },
    [run],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const dismiss = useCallback(() => {
    if (!running.current) setJob(null);
  }, []);

  // A case switch abandons the queue (the files belong to the case that was open).
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [caseId],
  );

  return { job, start, cancel, dismiss };
}
