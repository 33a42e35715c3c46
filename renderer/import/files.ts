// Choosing what to import: which files are importable, which are too big to read, and the files
// inside dropped folders.
import { importLimitFor, isImportable } from '../../shared/limits.ts';

export interface FileLike {
  name: string;
  size: number;
  /** Set for files picked with a folder input: "folder/sub/name.txt". */
  webkitRelativePath?: string;
}

export const displayName = (f: FileLike): string => f.webkitRelativePath || f.name;

export function partitionFiles<F extends FileLike>(files: readonly F[]): { importable: F[]; skipped: F[] } {
  const importable: F[] = [];
  const skipped: F[] = [];
  for (const f of files) {
    // Hidden files (".DS_Store", "._name.txt" from macOS archives) are never sources.
    const base = f.name.split('/').pop() ?? f.name;
    (isImportable(f.name) && !base.startsWith('.') ? importable : skipped).push(f);
  }
  return { importable, skipped };
}

/** Past what the core would import (a web page has its own, lower limit): refused before the file is read. */
export const isTooLarge = (f: FileLike): boolean => f.size > importLimitFor(f.name);

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}

/**
 * The files in a drop, walking into dropped folders. Reads directory listings in the browser's
 * chunks (readEntries returns at most ~100 at a time) and yields between them.
 */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dt.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  if (!entries.length) return Array.from(dt.files);
  const out: File[] = [];
  const walk = async (entry: EntryLike & FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      // Keep the folder path for display, as a folder input would.
      const rel = entry.fullPath.replace(/^\//, '');
      out.push(rel && rel !== file.name ? withRelativePath(file, rel) : file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const e of entries) await walk(e);
  return out;
}

function withRelativePath(file: File, rel: string): File {
  try {
    Object.defineProperty(file, 'webkitRelativePath', { value: rel });
  } catch {
    // Read-only in some engines: the bare name is still a fine label.
  }
  return file;
}
