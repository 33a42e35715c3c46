// Zip in and out, defensively. Writing uses fflate's zipSync. Reading does NOT trust a zip library's
// idea of what is in the archive: we parse the central directory ourselves, so every entry's name,
// type bits (symlinks) and declared sizes are checked before a single byte is inflated, and then each
// entry is inflated as a stream that stops the moment it passes its declared size (a zip bomb lies
// about sizes; a real one never gets the memory it asks for).
//
// Refused, each with a sentence naming the entry: names that are absolute, contain "..", ".",
// backslashes, drive letters, control characters or NUL; symlinks and other special files (unix mode
// bits in the external attributes); duplicate names (also case-insensitively: they collide on macOS
// and Windows); encryption; methods other than stored / deflate; ZIP64 and split archives; entries
// whose data runs past the end (truncated); a total or per-entry size past the limits; a compression
// ratio past the limit; data that inflates to more or less than declared, or fails its CRC-32; and,
// when the caller says which names it accepts, any other name — all before a single byte is inflated.
// openZip inflates an entry only when asked (a bundle's unreferenced originals never are), under a
// running cap on all the bytes inflated so far.
import { crc32 } from 'node:zlib';
import { Inflate, zipSync, type Zippable } from 'fflate';

export interface ZipLimits {
  /** Sum of all entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** One entry's uncompressed size. */
  maxEntryBytes: number;
  maxEntries: number;
  /** Uncompressed ÷ compressed, checked for each entry larger than ratioFloorBytes and for the archive as a whole. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 1024 ** 3,
  maxEntries: 200_000,
  maxRatio: 200,
  // Low enough that many small bombs (thousands of 1 MiB entries of zeros) meet the ratio check one by one.
  ratioFloorBytes: 64 * 1024,
};

/** What a caller accepts as an entry name: null to accept it, or the sentence saying why not. */
export type EntryFilter = (name: string) => string | null;

/** A problem with the archive itself; the message is for people and names the entry. */
export class ZipProblem extends Error {}

export interface ZipWriteEntry {
  path: string;
  data: Uint8Array;
}

/** One zip, entries in the given order, all with the same modification time (a reproducible archive). */
export function writeZip(entries: ZipWriteEntry[], mtime: Date): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    // Already-compressed originals (PDF, images) gain nothing from deflate.
    const stored = /\.(pdf|png|jpe?g|gif|webp|zip|gz)$/i.test(e.path);
    files[e.path] = [e.data, { level: stored ? 0 : 6, mtime, os: 3, attrs: (0o100644 << 16) >>> 0 }];
  }
  return zipSync(files);
}

interface CentralEntry {
  name: string;
  rawName: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  madeBy: number;
  externalAttrs: number;
  directory: boolean;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;

const fmt = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);
const show = (name: string) => JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);

/** Why an entry name is unsafe to write anywhere, or null when it is a plain relative path. */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.length > 400) return 'has a name over 400 characters';
  if (/[\u0000-\u001f\u007f]/.test(name)) return name.includes('\u0000') ? 'has a NUL byte in its name' : 'has a control character in its name';
  if (name.includes('\\')) return 'uses a backslash in its path (a Windows path that may escape the folder)';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter (an absolute Windows path)';
  if (name.startsWith('/')) return 'is an absolute path';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return 'contains ".." (a path that escapes the folder)';
  if (parts.some((p) => p === '.' || p === '')) return 'has an empty or "." path segment';
  return null;
}

function findEocd(buf: Uint8Array, view: DataView): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIG && i + 22 + view.getUint16(i + 20, true) === buf.length) return i;
  }
  return -1;
}

/** Reads and checks the central directory; inflates nothing. */
function readCentralDirectory(buf: Uint8Array, limits: ZipLimits, filter?: EntryFilter): { entries: CentralEntry[]; cdOffset: number } {
  if (buf.length < 22) throw new ZipProblem(`The file is ${buf.length} bytes: too short to be a zip archive (truncated, or not a bundle).`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEocd(buf, view);
  if (eocd < 0) {
    const looksZip = view.getUint32(0, true) === LOC_SIG;
    throw new ZipProblem(
      looksZip
        ? 'The zip archive is truncated: its end (the central directory) is missing. The file was probably cut short while copying or downloading.'
        : 'The file is not a zip archive (no zip directory found).',
    );
  }
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG)
    throw new ZipProblem('The archive is a ZIP64 archive, which bundles never are (they stay under 4 GB).');
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const onDisk = view.getUint16(eocd + 8, true);
  const total = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total)
    throw new ZipProblem('The archive is split across several files (a multi-part zip); bundles are one file.');
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipProblem('The archive is a ZIP64 archive, which bundles never are.');
  if (total > limits.maxEntries) throw new ZipProblem(`The archive lists ${total} files, more than the ${limits.maxEntries} a bundle may hold.`);
  if (cdOffset + cdSize > eocd) throw new ZipProblem('The zip directory points past the end of the file: the archive is truncated or damaged.');

  const entries: CentralEntry[] = [];
  const seen = new Map<string, string>();
  let p = cdOffset;
  let totalBytes = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < total; i++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== CEN_SIG) throw new ZipProblem(`The zip directory is damaged at entry ${i + 1} of ${total}.`);
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > cdOffset + cdSize) throw new ZipProblem(`The zip directory is damaged at entry ${i + 1} of ${total}.`);
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    let name: string;
    try {
      name = decoder.decode(rawName);
    } catch {
      name = Array.from(rawName, (b) => String.fromCharCode(b)).join('');
    }
    p += 46 + nameLen + extraLen + commentLen;

    const unsafe = unsafeEntryName(name);
    if (unsafe) throw new ZipProblem(`The archive entry ${show(name)} ${unsafe}; it was refused.`);
    const unwanted = filter?.(name) ?? null;
    if (unwanted !== null) throw new ZipProblem(unwanted);
    const type = (externalAttrs >>> 16) & 0o170000;
    if (type === 0o120000)
      throw new ZipProblem(`The archive entry ${show(name)} is a symbolic link; bundles never contain links (one could point outside the case folder).`);
    const directory = name.endsWith('/') || type === 0o040000;
    if (type !== 0 && type !== 0o100000 && type !== 0o040000)
      throw new ZipProblem(`The archive entry ${show(name)} is a special file (not a plain file or folder); it was refused.`);
    if (flags & 0x1) throw new ZipProblem(`The archive entry ${show(name)} is encrypted; bundles are never encrypted.`);
    if (method !== 0 && method !== 8)
      throw new ZipProblem(`The archive entry ${show(name)} uses compression method ${method}; bundles use only "stored" or "deflate".`);
    const folded = name.normalize('NFC').toLowerCase();
    const clash = seen.get(folded);
    if (clash !== undefined) {
      throw new ZipProblem(
        clash === name
          ? `The archive lists ${show(name)} twice; which copy is meant is ambiguous, so it was refused.`
          : `The archive lists both ${show(clash)} and ${show(name)}, which are the same file on macOS and Windows.`,
      );
    }
    seen.set(folded, name);
    if (directory) {
      if (size !== 0) throw new ZipProblem(`The archive entry ${show(name)} is a folder with data in it.`);
      entries.push({ name, rawName, method, flags, crc, compressedSize, size, localOffset, madeBy, externalAttrs, directory });
      continue;
    }
    if (size > limits.maxEntryBytes)
      throw new ZipProblem(`The archive entry ${show(name)} expands to ${fmt(size)}, more than the ${fmt(limits.maxEntryBytes)} allowed for one file.`);
    totalBytes += size;
    if (totalBytes > limits.maxTotalBytes)
      throw new ZipProblem(`The archive expands to more than ${fmt(limits.maxTotalBytes)} in all (a zip bomb, or far larger than any case); it was refused.`);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      throw new ZipProblem(
        `The archive entry ${show(name)} expands ${Math.round(size / Math.max(1, compressedSize))} times (${fmt(compressedSize)} to ${fmt(size)}), past the ${limits.maxRatio}:1 limit: a zip bomb, refused.`,
      );
    }
    if (method === 0 && compressedSize !== size)
      throw new ZipProblem(`The archive entry ${show(name)} is stored uncompressed but its two sizes differ: the archive is damaged.`);
    entries.push({ name, rawName, method, flags, crc, compressedSize, size, localOffset, madeBy, externalAttrs, directory });
  }
  const packed = entries.reduce((n, e) => n + e.compressedSize, 0);
  if (totalBytes > limits.ratioFloorBytes && totalBytes > packed * limits.maxRatio) {
    throw new ZipProblem(
      `The archive expands ${Math.round(totalBytes / Math.max(1, packed))} times in all (${fmt(packed)} to ${fmt(totalBytes)}), past the ${limits.maxRatio}:1 limit: a zip bomb, refused.`,
    );
  }
  return { entries, cdOffset };
}

/** Inflates `data` into exactly `size` bytes, stopping as soon as it would produce more. */
function inflateBounded(name: string, data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let pos = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (pos + chunk.length > size)
      throw new ZipProblem(
        `The archive entry ${show(name)} expands to more than the ${fmt(size)} it declares (a zip bomb, or a damaged archive); it was refused.`,
      );
    out.set(chunk, pos);
    pos += chunk.length;
    if (final) done = true;
  });
  const STEP = 64 * 1024;
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipProblem) throw e;
    throw new ZipProblem(`The archive entry ${show(name)} is damaged (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!done || pos !== size)
    throw new ZipProblem(`The archive entry ${show(name)} is damaged or truncated: it expands to ${fmt(pos)}, not the ${fmt(size)} it declares.`);
  return out;
}

/** A checked archive whose entries are inflated one at a time, on request. */
export interface ZipReader {
  /** File entries (folders dropped), in archive order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The declared (and, once read, verified) uncompressed size. */
  size(name: string): number | undefined;
  /** The entry's bytes, inflated and CRC-checked now (each read counts against maxTotalBytes); undefined when absent. */
  read(name: string): Uint8Array | undefined;
}

/** Checks the whole central directory (see the top) and returns a reader that inflates nothing yet. */
export function openZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, filter?: EntryFilter): ZipReader {
  const { entries, cdOffset } = readCentralDirectory(buf, limits, filter);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const byName = new Map(entries.filter((e) => !e.directory).map((e) => [e.name, e]));
  let inflated = 0;
  const read = (name: string): Uint8Array | undefined => {
    const e = byName.get(name);
    if (!e) return undefined;
    const lo = e.localOffset;
    if (lo + 30 > cdOffset || view.getUint32(lo, true) !== LOC_SIG)
      throw new ZipProblem(`The archive entry ${show(e.name)} points at a missing or damaged header: the archive is truncated or damaged.`);
    const nameLen = view.getUint16(lo + 26, true);
    const extraLen = view.getUint16(lo + 28, true);
    const localName = buf.subarray(lo + 30, lo + 30 + nameLen);
    if (localName.length !== e.rawName.length || Buffer.compare(localName, e.rawName) !== 0) {
      throw new ZipProblem(`The archive entry ${show(e.name)} has a different name in its local header: the archive was tampered with or is damaged.`);
    }
    const start = lo + 30 + nameLen + extraLen;
    const end = start + e.compressedSize;
    if (end > cdOffset) throw new ZipProblem(`The archive entry ${show(e.name)} runs past the end of the data: the archive is truncated.`);
    // The running cap: declared sizes were summed already, but a caller reading an entry twice counts twice.
    if (inflated + e.size > limits.maxTotalBytes)
      throw new ZipProblem(`The archive expands to more than ${fmt(limits.maxTotalBytes)} in all (a zip bomb, or far larger than any case); it was refused.`);
    inflated += e.size;
    const raw = buf.subarray(start, end);
    const data = e.method === 0 ? raw.slice() : inflateBounded(e.name, raw, e.size);
    if (crc32(data) >>> 0 !== e.crc >>> 0) throw new ZipProblem(`The archive entry ${show(e.name)} fails its checksum (CRC-32): the archive is damaged.`);
    return data;
  };
  return { names: [...byName.keys()], has: (n) => byName.has(n), size: (n) => byName.get(n)?.size, read };
}

/**
 * Every file entry of a zip, checked as described at the top. Throws ZipProblem naming the first
 * problem. Folder entries are dropped (the paths say where files go).
 */
export function readZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, filter?: EntryFilter): Map<string, Uint8Array> {
  const zip = openZip(buf, limits, filter);
  return new Map(zip.names.map((n) => [n, zip.read(n)!]));
}
