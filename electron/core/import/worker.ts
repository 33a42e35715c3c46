// The long-lived worker thread of the import pool (pool.ts), behind extractFileIsolated and
// suggestIsolated: says it is ready once its code has loaded, then takes jobs one at a time, each
// answered with one result (or an error shape), after progress messages for a PDF's pages.
// pdf.js, jsdom and the suggester are loaded on a worker's first job that needs them, and stay.
import { parentPort } from 'node:worker_threads';
import { extractFile, errorShape } from './index.ts';

type Job = { task: 'extract'; name: string; bytes: Uint8Array } | { task: 'suggest'; text: string; published: string | null };

parentPort?.on('message', async ({ id, job }: { id: number; job: Job }) => {
  try {
    let result;
    if (job.task === 'suggest') {
      const { suggest } = await import('../../../shared/suggest/suggest.ts');
      result = suggest(job.text, { published: job.published });
    } else result = await extractFile(job.name, job.bytes, { onProgress: (progress) => parentPort!.postMessage({ id, progress }) });
    parentPort!.postMessage({ id, ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ id, ok: false, error: errorShape(e) });
  }
});
parentPort?.postMessage({ ready: true });
