// The worker thread behind extractFileIsolated and suggestIsolated: says it is ready once its code
// has loaded, then takes one job and answers with one result (or an error shape).
import { parentPort } from 'node:worker_threads';
import { suggest } from '../../../shared/suggest.ts';
import { extractFile, errorShape } from './index.ts';

type Job = { task: 'extract'; name: string; bytes: Uint8Array } | { task: 'suggest'; text: string; published: string | null };

parentPort?.once('message', async (job: Job) => {
  try {
    const result = job.task === 'suggest' ? suggest(job.text, { published: job.published }) : await extractFile(job.name, job.bytes);
    parentPort!.postMessage({ ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: errorShape(e) });
  }
});
parentPort?.postMessage({ ready: true });
