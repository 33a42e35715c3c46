// Bundle files in the UI: refused before reading when too large, read into bytes, saved through a
// Blob URL and an <a download> (no navigation, nothing fetched: it works under the strict CSP and
// in Electron, where the download is handed to the session's save dialog), and a merge in words.
import type { Output } from '../../shared/api.ts';
import { formatBytes, MAX_BUNDLE_BYTES } from '../../shared/limits.ts';

/** Why a chosen file cannot be a bundle, before a byte of it is read; null when it may be one. */
export function bundleFileProblem(file: { name: string; size: number }, limit = MAX_BUNDLE_BYTES): string | null {
  if (file.size > limit) return `“${file.name}” is ${formatBytes(file.size)}, more than the ${formatBytes(limit)} a bundle may be. Nothing was read.`;
  if (file.size === 0) return `“${file.name}” is empty: it is not a bundle.`;
  return null;
}

export async function readBundleFile(file: File): Promise<Uint8Array<ArrayBuffer>> {
  const problem = bundleFileProblem(file);
  if (problem) throw new Error(problem);
  return new Uint8Array(await file.arrayBuffer());
}

/** Offers bytes as a download under `name`. */
export function downloadBytes(name: string, data: Uint8Array, mime = 'application/zip'): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time the click returns; the URL is released a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type MergeResult = NonNullable<Output<'bundles.import'>['merge']>;

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "Merged: 3 added, 1 updated, 2 clashes kept for review." */
export function mergeSummary(m: MergeResult): string {
  if (m.nothingChanged) return `Nothing to merge: this case already holds everything in the bundle (${n(m.unchanged, 'record')} unchanged).`;
  const clashes = m.clashes ? `${n(m.clashes, 'clash', 'clashes')} kept for review` : 'no clashes';
  return `Merged: ${m.added} added, ${m.updated} updated, ${clashes}.`;
}
